from django.urls import path

from glossary import views, views_checker

app_name = "glossary"
urlpatterns = [
    path("", views.index, name="index"),
    path("print/", views.print_dictionary, name="print"),
    path("check/", views_checker.check, name="check"),
    path("language-guide/", views_checker.guide, name="guide"),
    # Last, so the fixed paths above win; no term may take one of their slugs.
    path("<slug:slug>/", views.term, name="term"),
]
