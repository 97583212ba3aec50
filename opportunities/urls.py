from django.urls import path

from opportunities.views import alerts, board, posting, rehabilitation, staff

app_name = "opportunities"

urlpatterns = [
    path("", board.index, name="index"),
    path("feed.rss", board.board_rss, name="feed_rss"),
    path("feed.atom", board.board_atom, name="feed_atom"),
    path("checks/", board.checks, name="checks"),
    path("checks/rehabilitation/", rehabilitation.rehabilitation, name="rehabilitation"),
    path("post/", posting.create, name="create"),
    path("mine/", posting.mine, name="mine"),
    path("alerts/", alerts.create, name="alert_create"),
    path("alerts/confirm/<str:token>/", alerts.confirm, name="alert_confirm"),
    path("alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="alert_unsubscribe"),
    path("staff/", staff.queue, name="staff_queue"),
    path("staff/<slug:slug>/decide/", staff.decide, name="staff_decide"),
    path("<slug:slug>/", board.detail, name="detail"),
    path("<slug:slug>/edit/", posting.edit, name="edit"),
    path("<slug:slug>/withdraw/", posting.withdraw, name="withdraw"),
]
