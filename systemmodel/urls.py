from django.urls import path

from systemmodel import views

app_name = "systemmodel"

urlpatterns = [
    path("", views.scenario_page, name="scenario_page"),
    path("results/<slug:name>.csv", views.results_csv, name="results_csv"),
    path("save/", views.save, name="save"),
    path("scenarios/", views.scenarios, name="scenarios"),
    path("compare/", views.compare, name="compare"),
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("s/<slug:slug>/", views.scenario, name="scenario"),
    path("s/<slug:slug>/<slug:name>.csv", views.scenario_csv, name="scenario_csv"),
    path("s/<slug:slug>/publish/", views.publish, name="publish"),
]
