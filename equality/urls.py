"""Included at /plans/ (groundswell/urls.py) beside the plans app: the public report under
/plans/equality/, staff work under /plans/staff/equality/."""

from django.urls import path

from equality.views import answering, reports, staff

app_name = "equality"

urlpatterns = [
    path("equality/", reports.index, name="index"),
    path("equality/<int:year>/", reports.report, name="report"),
    path("equality/<int:year>.csv", reports.report_csv, name="report_csv"),
    path("equality/<int:year>.pdf", reports.report_pdf, name="report_pdf"),
    path("equality/my-answers/", answering.mine, name="mine"),
    path("equality/answer/<slug:slug>/", answering.answer, name="answer"),
    path("equality/answer/<slug:slug>/delete/", answering.delete, name="delete"),
    path("staff/equality/", staff.index, name="staff_index"),
    path("staff/equality/<int:year>/", staff.preview, name="staff_preview"),
    path("staff/equality/<int:year>/publish/", staff.publish, name="staff_publish"),
    path("staff/equality/exercises/<int:pk>/toggle/", staff.toggle, name="staff_toggle"),
]
