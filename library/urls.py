from django.urls import path

from library import feeds, views, views_search

app_name = "library"

# The search page ("" as library:index, and library:search) is added by the search module
# (library/views_search.py); its fixed paths must come before "<slug:slug>/" below, and
# library.services.RESERVED_SLUGS keeps resource slugs off them.
search_urlpatterns = [
    path("", views_search.index, name="index"),
    path("search/", views_search.search_json, name="search"),
]

resource_urlpatterns = [
    path("new/", views.create, name="create"),
    path("submit/", views.submit, name="submit"),
    path("submissions/", views.submissions, name="submissions"),
    path("feed/rss/", feeds.LatestResourcesFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestResourcesAtomFeed(), name="feed_atom"),
    path("feed/topic/<slug:slug>/rss/", feeds.TopicResourcesFeed(), name="topic_feed_rss"),
    path("feed/topic/<slug:slug>/atom/", feeds.TopicResourcesAtomFeed(), name="topic_feed_atom"),
    path("<slug:slug>/", views.resource, name="resource"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/delete/", views.delete, name="delete"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/extraction/", views.extraction_progress, name="extraction_progress"),
    path("<slug:slug>/file/", views.download, name="download"),
    path("<slug:slug>/cite.bib", views.cite_bibtex, name="cite_bibtex"),
    path("<slug:slug>/cite.ris", views.cite_ris, name="cite_ris"),
]

urlpatterns = search_urlpatterns + resource_urlpatterns
