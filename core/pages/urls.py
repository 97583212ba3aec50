from django.urls import path

from core.pages import home, search

urlpatterns = [
    path("home/", home.workspace_home, name="workspace_home"),
    path("search/", search.site_search, name="site_search"),
]
