from django.urls import path

from library import feeds
from library.views import resources, search

app_name = "library"

# The search page ("" as library:index, and library:search) is added by the search module
# (library/views/search.py); its fixed paths must come before "<slug:slug>/" below, and
# library.services.RESERVED_SLUGS keeps resource slugs off them.
search_urlpatterns = [
    path("", search.index, name="index"),
    path("search/", search.search_json, name="search"),
]

resource_urlpatterns = [
    path("new/", resources.create, name="create"),
    path("submit/", resources.submit, name="submit"),
    path("submissions/", resources.submissions, name="submissions"),
    path("feed/rss/", feeds.LatestResourcesFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestResourcesAtomFeed(), name="feed_atom"),
    path("feed/topic/<slug:slug>/rss/", feeds.TopicResourcesFeed(), name="topic_feed_rss"),
    path("feed/topic/<slug:slug>/atom/", feeds.TopicResourcesAtomFeed(), name="topic_feed_atom"),
    path("<slug:slug>/", resources.resource, name="resource"),
    path("<slug:slug>/edit/", resources.edit, name="edit"),
    path("<slug:slug>/delete/", resources.delete, name="delete"),
    path("<slug:slug>/history/", resources.history, name="history"),
    path("<slug:slug>/review/", resources.review, name="review"),
    path("<slug:slug>/extraction/", resources.extraction_progress, name="extraction_progress"),
    path("<slug:slug>/file/", resources.download, name="download"),
    path("<slug:slug>/cite.bib", resources.cite_bibtex, name="cite_bibtex"),
    path("<slug:slug>/cite.ris", resources.cite_ris, name="cite_ris"),
]

urlpatterns = search_urlpatterns + resource_urlpatterns
