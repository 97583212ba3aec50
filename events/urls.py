from django.urls import path

from events.views import calendar_views, groups, public, signed, staff, staff_day

app_name = "events"

urlpatterns = [
    path("", public.index, name="index"),
    path("month/", public.month, name="month"),
    path("my/", calendar_views.my_events, name="my_events"),
    path("my/feed/renew/", calendar_views.renew_feed, name="feed_renew"),
    path("feeds/all.ics", calendar_views.feed_all, name="feed_all"),
    path("feeds/network/<slug:slug>.ics", calendar_views.feed_network, name="feed_network"),
    path("feeds/topic/<slug:slug>.ics", calendar_views.feed_topic, name="feed_topic"),
    path("feeds/me/<str:key>.ics", calendar_views.feed_personal, name="feed_personal"),
    path("groups/", groups.index, name="groups"),
    path("groups/<slug:slug>/", groups.group, name="group"),
    # Staff.
    path("staff/groups/new/", groups.create, name="staff_group_create"),
    path("staff/groups/<slug:slug>/members/", groups.members, name="staff_group_members"),
    path("staff/groups/<slug:slug>/documents/", groups.documents, name="staff_group_documents"),
    path("staff/", staff.index, name="staff_index"),
    path("staff/new/", staff.create, name="staff_create"),
    path("staff/venues/new/", staff.venue_create, name="staff_venue_create"),
    path("staff/<slug:slug>/edit/", staff.edit, name="staff_edit"),
    path("staff/<slug:slug>/duplicate/", staff.duplicate, name="staff_duplicate"),
    path("staff/<slug:slug>/questions/", staff.questions, name="staff_questions"),
    path("staff/<slug:slug>/speakers/", staff.speakers, name="staff_speakers"),
    path("staff/<slug:slug>/notes/", staff.notes, name="staff_notes"),
    path("staff/<slug:slug>/series/", staff.series, name="staff_series"),
    path("staff/<slug:slug>/actions/", staff.actions, name="staff_actions"),
    path(
        "staff/<slug:slug>/actions/<int:pk>/influence/",
        staff.action_to_influence,
        name="staff_action_to_influence",
    ),
    path("staff/<slug:slug>/message/", staff.message, name="staff_message"),
    path("staff/<slug:slug>/invitations/", staff.invitations, name="staff_invitations"),
    path("staff/<slug:slug>/registrations/", staff_day.registrations, name="staff_registrations"),
    path("staff/<slug:slug>/registrations.csv", staff_day.export, name="staff_export"),
    path("staff/<slug:slug>/check-in/", staff_day.check_in, name="staff_check_in"),
    path(
        "staff/<slug:slug>/check-in/<int:pk>/",
        staff_day.check_in_person,
        name="staff_check_in_person",
    ),
    path("staff/<slug:slug>/no-shows/", staff_day.no_shows, name="staff_no_shows"),
    path("staff/<slug:slug>/report/", staff_day.report, name="staff_report"),
    # One event, and what its emails link to.
    path("<slug:slug>/", public.event, name="event"),
    path("<slug:slug>/event.ics", calendar_views.event_ics, name="event_ics"),
    path("<slug:slug>/register/", public.register, name="register"),
    path("<slug:slug>/colleague/", public.register_colleague, name="register_colleague"),
    path("<slug:slug>/verify/<str:token>/", signed.verify, name="verify"),
    path("<slug:slug>/cancel/<str:token>/", signed.cancel, name="cancel"),
    path("<slug:slug>/accept/<str:token>/", signed.accept, name="accept"),
    path("<slug:slug>/ticket/<str:token>/", signed.ticket, name="ticket"),
]
