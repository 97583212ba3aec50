from django.urls import path

from members.views import applications, contacts, directory, imports, organisations

app_name = "members"

# Organisation slugs share this namespace; members.services.organisations.RESERVED_SLUGS
# keeps them from taking the fixed paths below.
urlpatterns = [
    path("", directory.directory, name="directory"),
    path("export.csv", imports.export_csv, name="export"),
    path("coverage/", directory.coverage, name="coverage"),
    path("apply/", applications.apply, name="apply"),
    path("apply/thanks/", applications.apply_thanks, name="apply_thanks"),
    path("applications/", applications.application_list, name="applications"),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path("import/", imports.upload, name="import"),
    path("import/<int:pk>/", imports.job, name="import_job"),
    path("import/<int:pk>/progress/", imports.progress, name="import_progress"),
    path("<slug:slug>/", organisations.profile, name="profile"),
    path("<slug:slug>/edit/", organisations.edit, name="edit"),
    path("<slug:slug>/logo.png", organisations.logo, name="logo"),
    path("<slug:slug>/history/", organisations.history, name="history"),
    path("<slug:slug>/contacts/", contacts.contact_list, name="contacts"),
    path("<slug:slug>/contacts/<int:pk>/resend/", contacts.contact_resend, name="contact_resend"),
    path("<slug:slug>/contacts/<int:pk>/remove/", contacts.contact_remove, name="contact_remove"),
]
