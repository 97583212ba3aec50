from django.contrib import admin

from comms.models import MailingList, Suppression


@admin.register(MailingList)
class MailingListAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "audience", "to_member_organisations", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["networks", "topics"]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email", "mailing_list", "reason", "created_at"]
    search_fields = ["email"]
    list_filter = ["reason"]
