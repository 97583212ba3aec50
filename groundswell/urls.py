from django.contrib import admin
from django.urls import include, path

from groundswell import views
from groundswell.api import api

admin.site.site_header = "Groundswell administration"

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("core.urls")),
    path("", include("privacy.urls")),
    path("members/", include("members.urls")),
    path("topics/", include("taxonomy.urls")),
    path("dictionary/", include("glossary.urls")),
    path("library/", include("library.urls")),
    path("recommendations/", include("influence.urls")),
    path("consultations/", include("consultations.urls")),
    path("media/", include("media.urls")),
    path("events/", include("events.urls")),
    path("model/", include("systemmodel.urls")),
    path("awards/", include("awards.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
