from django.urls import path

from comms import views

app_name = "communications"

urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("organisations/<slug:slug>/", views.organisation_mail, name="organisation_mail"),
    path("preferences/link/", views.request_link, name="request_link"),
    path("preferences/<str:token>/", views.preferences_link, name="preferences_link"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("subscribe/<slug:slug>/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("mailings/", views.mailings, name="mailings"),
    path("mailings/<int:pk>/", views.mailing, name="mailing"),
    path("mailings/<int:pk>/resend-uncertain/", views.resend_uncertain, name="resend_uncertain"),
]
