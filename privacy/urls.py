from django.urls import path

from privacy import views

# Top-level names: the signed-in home links to `account_data`.
urlpatterns = [
    path("account/data/", views.account_data, name="account_data"),
    path("account/data/download/", views.account_data_download, name="account_data_download"),
    path("account/data/erase/", views.account_data_erase, name="account_data_erase"),
    path("account/data/retention/", views.retention_rules, name="retention_rules"),
    path("account/data/requests/", views.data_requests, name="data_requests"),
    path("account/data/requests/<int:pk>/", views.data_request, name="data_request"),
    path(
        "account/data/requests/<int:pk>/export/",
        views.data_request_export,
        name="data_request_export",
    ),
    path(
        "account/data/requests/<int:pk>/erase/",
        views.data_request_erase,
        name="data_request_erase",
    ),
    path(
        "account/data/requests/<int:pk>/close/",
        views.data_request_close,
        name="data_request_close",
    ),
]
