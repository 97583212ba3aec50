from django.urls import path

from programmes.views import people, public, safeguarding, setup, staff, youth

app_name = "programmes"

urlpatterns = [
    path("", public.index, name="index"),
    path("applied/", public.applied, name="applied"),
    path("place/<str:key>/", public.my_place, name="my_place"),
    path("place/<str:key>/respond/", public.respond, name="respond"),
    path("place/<str:key>/change-mentor/", public.participant_change, name="participant_change"),
    path("follow-up/<str:token>/", public.followup, name="followup"),
    path(
        "follow-up/<str:token>/<int:pk>/withdraw/",
        public.followup_withdraw,
        name="followup_withdraw",
    ),
    # People who sign in: panel members, mentors, young advocates
    path("judging/", people.judge_home, name="judge_home"),
    path("judging/<int:pk>/", people.judge_application, name="judge_application"),
    path("judging/<int:pk>/declare/", people.judge_declare, name="judge_declare"),
    path("mentoring/", people.mentor_home, name="mentor_home"),
    path("mentoring/<int:pk>/change/", people.mentor_change, name="mentor_change"),
    path("payments/", people.my_payments, name="my_payments"),
    # Young advocates
    path("young-advocates/<slug:slug>/", youth.group, name="youth_group"),
    path("young-advocates/projects/<slug:slug>/", youth.project, name="youth_project"),
    # Safeguarding
    path("safeguarding/record/", safeguarding.record, name="safeguarding_record"),
    path("safeguarding/log/<slug:slug>/", safeguarding.log, name="safeguarding_log"),
    path("safeguarding/concerns/<int:pk>/", safeguarding.concern, name="safeguarding_concern"),
    # Staff: leadership programme
    path("staff/", staff.index, name="staff_index"),
    path("staff/cohorts/<int:pk>/", staff.cohort, name="staff_cohort"),
    path("staff/cohorts/<int:pk>/sessions/", staff.sessions, name="staff_sessions"),
    path("staff/cohorts/<int:pk>/mentoring/", staff.mentoring_page, name="staff_mentoring"),
    path("staff/cohorts/<int:pk>/offers/", staff.offers, name="staff_offers"),
    path("staff/applications/<int:pk>/", staff.application, name="staff_application"),
    path("staff/applications/<int:pk>/match/", staff.match, name="staff_match"),
    path("staff/applications/<int:pk>/withdraw/", staff.withdraw, name="staff_withdraw"),
    path("staff/sessions/<int:pk>/attendance/", staff.attendance, name="staff_attendance"),
    path("staff/offers/<int:pk>/assign/", staff.assign_offer, name="staff_assign_offer"),
    path("staff/outcomes/<slug:slug>/", staff.outcomes_report, name="staff_outcomes"),
    path("staff/outcomes/<slug:slug>/send/", staff.send_followups, name="staff_send_followups"),
    # Staff: setting a programme up
    path("staff/setup/programmes/new/", setup.programme_create, name="setup_programme_create"),
    path("staff/setup/programmes/<slug:slug>/", setup.programme_edit, name="setup_programme"),
    path(
        "staff/setup/programmes/<slug:slug>/criteria/new/",
        setup.criterion_create,
        name="setup_criterion_create",
    ),
    path("staff/setup/criteria/<int:pk>/", setup.criterion_edit, name="setup_criterion"),
    path(
        "staff/setup/programmes/<slug:slug>/cohorts/new/",
        setup.cohort_create,
        name="setup_cohort_create",
    ),
    path("staff/setup/cohorts/<int:pk>/", setup.cohort_edit, name="setup_cohort"),
    path(
        "staff/setup/cohorts/<int:pk>/modules/new/", setup.module_create, name="setup_module_create"
    ),
    path("staff/setup/modules/<int:pk>/", setup.module_edit, name="setup_module"),
    path(
        "staff/setup/modules/<int:pk>/sessions/new/",
        setup.session_create,
        name="setup_session_create",
    ),
    path("staff/setup/sessions/<int:pk>/", setup.session_edit, name="setup_session"),
    path("staff/setup/mentors/", setup.mentors, name="setup_mentors"),
    path("staff/setup/mentors/new/", setup.mentor_create, name="setup_mentor_create"),
    path("staff/setup/mentors/<int:pk>/", setup.mentor_edit, name="setup_mentor"),
    path("staff/setup/cohorts/<int:pk>/offers/new/", setup.offer_create, name="setup_offer_create"),
    path("staff/setup/offers/<int:pk>/", setup.offer_edit, name="setup_offer"),
    # Staff: young advocates
    path("staff/youth/<slug:slug>/", youth.staff_group, name="staff_youth_group"),
    path("staff/youth/people/<int:pk>/", youth.staff_person, name="staff_young_person"),
    path("staff/youth/consents/<int:pk>/", youth.consent_action, name="staff_consent"),
    path("staff/youth/people/<int:pk>/owed/", youth.record_owed, name="staff_record_owed"),
    path(
        "staff/youth/people/<int:pk>/credit/<int:output>/",
        youth.set_credit,
        name="staff_set_credit",
    ),
    path("staff/youth/payments/<int:pk>/paid/", youth.mark_paid, name="staff_mark_paid"),
    path("staff/youth/outputs/<int:pk>/publish/", youth.publish_output, name="staff_publish"),
    path("staff/youth/meetings/<int:pk>/log/", youth.log_meeting, name="staff_log_meeting"),
    # Public programme pages last: a programme's slug is any word.
    path("<slug:slug>/", public.programme, name="programme"),
    path("<slug:slug>/<slug:cohort>/apply/", public.apply, name="apply"),
]
