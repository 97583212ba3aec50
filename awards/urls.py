from django.urls import path

from awards.feeds import AnnouncementsFeed
from awards.views import judging, manage, public, staff

app_name = "awards"

urlpatterns = [
    path("", public.index, name="index"),
    path("winners/", public.winners, name="winners"),
    path("winners/<int:pk>/certificate.pdf", public.certificate, name="certificate"),
    path("feed/", AnnouncementsFeed(), name="feed"),
    path("consent/<str:key>/", public.consent, name="consent"),
    # Judges
    path("judging/", judging.home, name="judge_home"),
    path("judging/panel/<int:pk>/", judging.panel, name="judge_panel"),
    path("judging/panel/<int:pk>/naming/", judging.naming, name="judge_naming"),
    path("judging/nomination/<int:pk>/", judging.score, name="judge_score"),
    path("judging/nomination/<int:pk>/declare/", judging.declare, name="judge_declare"),
    # Staff
    path("staff/", staff.index, name="staff_index"),
    path("staff/schemes/new/", manage.scheme_form, name="staff_scheme_new"),
    path("staff/schemes/<int:pk>/", manage.scheme_form, name="staff_scheme_edit"),
    path("staff/cycles/new/", manage.cycle_form, name="staff_cycle_new"),
    path("staff/cycles/<int:pk>/", staff.cycle, name="staff_cycle"),
    path("staff/cycles/<int:pk>/edit/", manage.cycle_form, name="staff_cycle_edit"),
    path(
        "staff/cycles/<int:cycle>/categories/new/", manage.category_form, name="staff_category_new"
    ),
    path(
        "staff/cycles/<int:cycle>/categories/<int:pk>/",
        manage.category_form,
        name="staff_category_edit",
    ),  # fmt: skip
    path("staff/categories/<int:pk>/nominations/", staff.nominations, name="staff_nominations"),
    path(
        "staff/categories/<int:pk>/nominations.csv",
        staff.nominations_csv,
        name="staff_nominations_csv",
    ),  # fmt: skip
    path(
        "staff/categories/<int:pk>/media-shortlist/",
        staff.enter_media_shortlist,
        name="staff_media_shortlist",
    ),  # fmt: skip
    path("staff/categories/<int:pk>/panel/", staff.panel, name="staff_panel"),
    path("staff/categories/<int:pk>/panel/detect/", staff.detect, name="staff_detect"),
    path("staff/categories/<int:pk>/ranking/", staff.ranking, name="staff_ranking"),
    path("staff/categories/<int:pk>/close/", staff.close_panel, name="staff_close_panel"),
    path("staff/panel-members/<int:pk>/remove/", staff.remove_judge, name="staff_remove_judge"),
    path("staff/conflicts/<int:pk>/", staff.override, name="staff_override"),
    path("staff/nominations/<int:pk>/", staff.nomination, name="staff_nomination"),
    path("staff/nominations/<int:pk>/screen/", staff.screen, name="staff_screen"),
    path("staff/nominations/<int:pk>/withdraw/", staff.withdraw, name="staff_withdraw"),
    path("staff/nominations/<int:pk>/merge/", staff.merge, name="staff_merge"),
    path("staff/nominations/<int:pk>/consent/", staff.resend_consent, name="staff_resend_consent"),
    path("staff/nominations/<int:pk>/decide/", staff.decide, name="staff_decide"),
    path("staff/files/<int:pk>/", staff.supporting_file, name="staff_file"),
    # A cycle and its categories last: their slugs would otherwise shadow the pages above.
    path("<slug:cycle>/", public.cycle, name="cycle"),
    path("<slug:cycle>/<slug:slug>/", public.category, name="category"),
    path("<slug:cycle>/<slug:slug>/nominate/", public.nominate, name="nominate"),
    path("<slug:cycle>/<slug:slug>/nominated/", public.nominated, name="nominated"),
]
