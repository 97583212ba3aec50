from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from core.errors import api_not_found
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
    # The Equality Impact Report (/plans/equality/, /plans/staff/equality/) beside plans.
    path("plans/", include("equality.urls", namespace="equality")),
    path("email/", include("comms.urls")),
    path("opportunities/", include("opportunities.urls")),
    path("updates/", include("comms.updates.urls")),
    path("plans/", include("plans.urls")),
    # The mail provider's bounce and complaint reports (anymail checks each is genuine).
    *(
        [path("email/anymail/", include("anymail.urls"))]
        if settings.ANYMAIL.get("WEBHOOK_SECRET")
        else []
    ),
    path("programmes/", include("programmes.urls")),
    path("api/v1/", api.urls),
    # Any other address under /api/ answers in JSON too.
    re_path(r"^api/", api_not_found, name="api-unknown"),
    path("admin/", admin.site.urls),
]

# A body too large to read gets the friendly 413 page (JSON under /api/): core/errors.py.
handler400 = "core.errors.bad_request"
