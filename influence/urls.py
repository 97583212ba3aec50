from django.urls import path

from influence import feeds, views, views_staff

app_name = "influence"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("export.csv", views.export_csv, name="export"),
    path("feed/rss/", feeds.StatusChangesFeed(), name="feed_rss"),
    path("feed/atom/", feeds.StatusChangesAtomFeed(), name="feed_atom"),
    path("targets/", views.targets, name="targets"),
    path("targets/<slug:slug>/", views.target, name="target"),
    # Staff pages (influence/views_staff.py) add their path() lines below, at the end.
    # Public: keep this one after them all, since any slug matches it.
    path("new/", views_staff.recommendation_create, name="staff_create"),
    path("dashboard/", views_staff.dashboard, name="staff_dashboard"),
    path("log/", views_staff.log, name="staff_log"),
    path("log/new/", views_staff.log_new, name="staff_log_new"),
    path("<slug:slug>/edit/", views_staff.recommendation_edit, name="staff_edit"),
    path("<slug:slug>/publish/", views_staff.recommendation_publish, name="staff_publish"),
    path("<slug:slug>/status/", views_staff.status_new, name="staff_status"),
    path("<slug:slug>/status/<int:pk>/correct/", views_staff.status_correct, name="staff_correct"),
    path("<slug:slug>/merge/", views_staff.merge, name="staff_merge"),
    path("<slug:slug>/repeats/", views_staff.repeats, name="staff_repeats"),
    path(
        "<slug:slug>/timeline/<int:pk>/document/",
        views.evidence_document,
        name="evidence_document",
    ),
]
urlpatterns.append(path("<slug:slug>/", views.recommendation, name="recommendation"))
