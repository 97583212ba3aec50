from django.urls import path  # noqa: F401  each block below adds its path() lines

from media import views, views_ingest

app_name = "media"
urlpatterns = [
    # --- Ingest: batches, problems, feeds (views_ingest.py) ---
    path("ingest/", views_ingest.ingest, name="ingest"),
    path("ingest/upload/", views_ingest.upload, name="upload"),
    path("ingest/batches/<int:pk>/", views_ingest.batch, name="batch"),
    path("ingest/batches/<int:pk>/progress/", views_ingest.batch_progress, name="batch_progress"),
    path("ingest/feeds/", views_ingest.feeds, name="feeds"),
    path("ingest/feeds/<int:pk>/", views_ingest.feed, name="feed"),
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
