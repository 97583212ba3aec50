from django.urls import path

from plans.views import public, staff, survey

app_name = "plans"

urlpatterns = [
    path("", public.index, name="index"),
    path("reports/<int:pk>/", public.report, name="report"),
    path("reports/<int:pk>/report.csv", public.report_csv, name="report_csv"),
    path("reports/<int:pk>/report.pdf", public.report_pdf, name="report_pdf"),
    path("survey/<int:pk>/", survey.answer, name="survey"),
    # Staff
    path("staff/", staff.index, name="staff_index"),
    path("staff/strategies/new/", staff.strategy_form, name="staff_strategy_new"),
    path("staff/strategies/<int:pk>/", staff.strategy, name="staff_strategy"),
    path("staff/strategies/<int:pk>/edit/", staff.strategy_form, name="staff_strategy_edit"),
    path("staff/strategies/<int:strategy>/aims/new/", staff.aim_form, name="staff_aim_new"),
    path("staff/aims/<int:aim>/objectives/new/", staff.objective_form, name="staff_objective_new"),
    path("staff/plans/new/", staff.plan_new, name="staff_plan_new"),
    path("staff/plans/<int:pk>/", staff.plan, name="staff_plan"),
    path("staff/plans/<int:pk>/publish/", staff.plan_publish, name="staff_plan_publish"),
    path("staff/plans/<int:plan>/activities/new/", staff.activity_form, name="staff_activity_new"),
    path("staff/activities/<int:pk>/", staff.activity_form, name="staff_activity"),
    path("staff/activities/<int:pk>/status/", staff.activity_status, name="staff_activity_status"),
    path("staff/activities/<int:pk>/links/", staff.activity_link, name="staff_activity_link"),
    path(
        "staff/plans/<int:plan>/indicators/new/", staff.indicator_form, name="staff_indicator_new"
    ),
    path("staff/indicators/<int:pk>/", staff.indicator, name="staff_indicator"),
    path("staff/indicators/<int:pk>/edit/", staff.indicator_form, name="staff_indicator_edit"),
    path(
        "staff/indicators/<int:pk>/q<int:quarter>/",
        staff.indicator_value,
        name="staff_indicator_value",
    ),  # fmt: skip
    path("staff/values/<int:pk>/evidence/", staff.evidence, name="staff_evidence"),
    path("staff/plans/<int:pk>/reports/draft/", staff.report_draft, name="staff_report_draft"),
    path("staff/reports/<int:pk>/", staff.report, name="staff_report"),
    path("staff/reports/<int:pk>/publish/", staff.report_publish, name="staff_report_publish"),
    path("staff/surveys/<int:pk>/", survey.results, name="staff_survey"),
    path("staff/surveys/<int:pk>/codes/", survey.add_code, name="staff_survey_code"),
    path("staff/responses/<int:pk>/code/", survey.code_response, name="staff_response_code"),
    path("staff/responses/<int:pk>/accept/", survey.accept_code, name="staff_response_accept"),
    # A network's pages last: its slug would otherwise shadow the pages above.
    path("<slug:network>/", public.strategy, name="strategy"),
    path("<slug:network>/<int:year>/", public.plan, name="plan"),
    path("<slug:network>/<int:year>/plan.csv", public.plan_csv, name="plan_csv"),
]
