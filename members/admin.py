from django.contrib import admin

from core.admin import StaffAccessMixin
from members.models import (
    Affiliation,
    ImportJob,
    Membership,
    MembershipApplication,
    Network,
    Organisation,
    Person,
)


class MembershipInline(StaffAccessMixin, admin.TabularInline):
    model = Membership
    extra = 0


class AffiliationInline(StaffAccessMixin, admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Network)
class NetworkAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["staff"]
    autocomplete_fields = ["organisation"]


@admin.register(Organisation)
class OrganisationAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["name", "org_type", "charity_number", "lived_experience_led", "by_and_for"]
    list_filter = ["org_type", "lived_experience_led", "by_and_for", "memberships__network"]
    search_fields = ["name", "normalised_name", "charity_number", "company_number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions", "parts", "themes", "populations"]
    inlines = [MembershipInline, AffiliationInline]


@admin.register(Person)
class PersonAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["name", "email", "communication_consent", "consent_date"]
    search_fields = ["name", "email"]
    inlines = [AffiliationInline]
    raw_id_fields = ["user"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["organisation_name", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "contact_email"]


@admin.register(ImportJob)
class ImportJobAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["filename", "status", "processed_rows", "total_rows", "created_at"]
    exclude = ["content"]
