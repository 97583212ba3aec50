"""/updates/: the archive of sent member updates, its feeds, and staff's writing pages."""

from django.urls import path

from comms.updates import feeds, views_public, views_staff

app_name = "updates"

urlpatterns = [
    path("", views_public.archive, name="archive"),
    # Staff: writing an issue.
    path("staff/", views_staff.index, name="staff_index"),
    path("staff/lists/<slug:list_slug>/draft/", views_staff.draft, name="staff_draft"),
    path("staff/issues/<int:pk>/", views_staff.issue, name="staff_issue"),
    path("staff/issues/<int:pk>/items/add/", views_staff.item_add, name="staff_item_add"),
    path("staff/issues/<int:pk>/items/<int:item_pk>/", views_staff.item_edit,
         name="staff_item_edit"),
    path("staff/issues/<int:pk>/items/<int:item_pk>/move/", views_staff.item_move,
         name="staff_item_move"),
    path("staff/issues/<int:pk>/items/<int:item_pk>/cut/", views_staff.item_cut,
         name="staff_item_cut"),
    path("staff/issues/<int:pk>/preview/", views_staff.preview, name="staff_preview"),
    path("staff/issues/<int:pk>/preview.txt", views_staff.preview_text,
         name="staff_preview_text"),
    path("staff/issues/<int:pk>/test/", views_staff.send_test, name="staff_test"),
    path("staff/issues/<int:pk>/schedule/", views_staff.schedule, name="staff_schedule"),
    path("staff/issues/<int:pk>/unschedule/", views_staff.unschedule, name="staff_unschedule"),
    path("staff/issues/<int:pk>/send/", views_staff.send, name="staff_send"),
    path("staff/issues/<int:pk>/discard/", views_staff.discard, name="staff_discard"),
    # The archive, by list.
    path("<slug:list_slug>/", views_public.list_archive, name="list"),
    path("<slug:list_slug>/rss/", feeds.IssuesRss(), name="feed_rss"),
    path("<slug:list_slug>/atom/", feeds.IssuesAtom(), name="feed_atom"),
    path("<slug:list_slug>/<int:number>/", views_public.issue, name="issue"),
]  # fmt: skip
