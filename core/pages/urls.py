from django.contrib.auth.decorators import login_required
from django.urls import path

from core.pages import account, home, search

urlpatterns = [
    path("home/", home.workspace_home, name="workspace_home"),
    path("search/", search.site_search, name="site_search"),
    path("account/", account.account, name="account"),
    path(
        "account/password/",
        login_required(account.PasswordChange.as_view()),
        name="account_password",
    ),
    path("account/email/", account.email_change, name="account_email"),
    path("account/email/confirm/<str:token>/", account.email_confirm, name="account_email_confirm"),
    path("account/sign-out-elsewhere/", account.sign_out_elsewhere, name="account_sign_out"),
]
