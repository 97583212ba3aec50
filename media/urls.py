from django.urls import path  # noqa: F401  views add their path() lines here

app_name = "media"
urlpatterns = []
