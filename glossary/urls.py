from django.urls import path

app_name = "glossary"
urlpatterns: list = []
