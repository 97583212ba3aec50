app_name = "influence"
urlpatterns: list = []
