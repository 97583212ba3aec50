from django.urls import path

from taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("", views.topic_index, name="index"),
    path("<slug:slug>/", views.topic, name="topic"),
]
