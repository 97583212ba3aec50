from django.urls import path  # noqa: F401  each block below adds its path() lines

app_name = "media"
urlpatterns = [
    # --- Ingest: batches, problems, feeds (views_ingest.py) ---
    # --- Dashboard, articles, outlets, awards, saved searches (views.py) ---
]
