from django.urls import path  # noqa: F401  each block below adds its path() lines

from media import views
from media.ingest import views as ingest_views

app_name = "media"
urlpatterns = [
    # --- Ingest: batches, problems, feeds (ingest/views.py) ---
    path("ingest/", ingest_views.ingest, name="ingest"),
    path("ingest/upload/", ingest_views.upload, name="upload"),
    path("ingest/batches/<int:pk>/", ingest_views.batch, name="batch"),
    path("ingest/batches/<int:pk>/progress/", ingest_views.batch_progress, name="batch_progress"),
    path("ingest/feeds/", ingest_views.feeds, name="feeds"),
    path("ingest/feeds/<int:pk>/", ingest_views.feed, name="feed"),
    # --- Dashboard, articles, outlets, awards, saved searches (views.py) ---
    path("", views.dashboard, name="dashboard"),
    path("dashboard.csv", views.dashboard_csv, name="dashboard_csv"),
    path("articles/", views.article_list, name="articles"),
    path("articles.csv", views.articles_csv, name="articles_csv"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("outlets/<slug:slug>/", views.outlet, name="outlet"),
    path("awards/", views.award_shortlist, name="awards"),
    path("awards.csv", views.awards_csv, name="awards_csv"),
    path("awards/<int:pk>/decide/", views.award_decide, name="award_decide"),
    path("searches/", views.saved_search_list, name="saved_searches"),
    path("searches/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
]
