from django.urls import path

from influence.views import feeds, recommendation, targets, tracker
from influence.views.staff import dashboard, log, recommendations, timeline

app_name = "influence"
urlpatterns = [
    path("", tracker.tracker, name="tracker"),
    path("export.csv", tracker.export_csv, name="export"),
    path("feed/rss/", feeds.StatusChangesFeed(), name="feed_rss"),
    path("feed/atom/", feeds.StatusChangesAtomFeed(), name="feed_atom"),
    path("targets/", targets.targets, name="targets"),
    path("targets/<slug:slug>/", targets.target, name="target"),
    # Staff pages (influence/views/staff/) add their path() lines below, at the end.
    # Public: keep this one after them all, since any slug matches it.
    path("new/", recommendations.recommendation_create, name="staff_create"),
    path("dashboard/", dashboard.dashboard, name="staff_dashboard"),
    path("log/", log.log, name="staff_log"),
    path("log/new/", log.log_new, name="staff_log_new"),
    path("<slug:slug>/edit/", recommendations.recommendation_edit, name="staff_edit"),
    path("<slug:slug>/publish/", recommendations.recommendation_publish, name="staff_publish"),
    path("<slug:slug>/status/", timeline.status_new, name="staff_status"),
    path("<slug:slug>/status/<int:pk>/correct/", timeline.status_correct, name="staff_correct"),
    path("<slug:slug>/merge/", recommendations.merge, name="staff_merge"),
    path("<slug:slug>/repeats/", recommendations.repeats, name="staff_repeats"),
    path(
        "<slug:slug>/timeline/<int:pk>/document/",
        recommendation.evidence_document,
        name="evidence_document",
    ),
]
urlpatterns.append(path("<slug:slug>/", recommendation.recommendation, name="recommendation"))
