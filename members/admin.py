"""Django admin for the directory, within the same rules as the site: a staff member sees and
changes only the organisations, contacts and applications of the networks they run (see
members.services.permissions); networks, and who staffs them, are for admins only. Every
change is audit-logged by the project's admin site (core.admin_site)."""

from django.contrib import admin

from core.admin import StaffAccessMixin
from core.roles import is_admin
from members.models import (
    Affiliation,
    ImportJob,
    Membership,
    MembershipApplication,
    Network,
    Organisation,
    Person,
)
from members.services.permissions import (
    applications_in_reach,
    networks_run_by,
    organisations_in_reach,
    people_in_reach,
)


class InReachMixin(StaffAccessMixin):
    """Limits a model admin to the records `in_reach(user)` returns: others are not listed,
    cannot be opened (Django admin says they do not exist) and cannot be changed."""

    in_reach = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(pk__in=type(self).in_reach(request.user).values("pk"))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return type(self).in_reach(request.user).filter(pk=obj.pk).exists()

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class MembershipInline(StaffAccessMixin, admin.TabularInline):
    """Only memberships of the networks a staff member runs are shown or offered."""

    model = Membership
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).filter(network__in=networks_run_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network":
            kwargs["queryset"] = networks_run_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AffiliationInline(StaffAccessMixin, admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Whichever side the inline sits on, the other side must be in reach too.
        if db_field.name == "person":
            kwargs["queryset"] = people_in_reach(request.user)
        elif db_field.name == "organisation":
            kwargs["queryset"] = organisations_in_reach(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Network)
class NetworkAdmin(StaffAccessMixin, admin.ModelAdmin):
    """Staff may look; only admins create networks or choose who staffs them."""

    list_display = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["staff"]
    autocomplete_fields = ["organisation"]

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Organisation)
class OrganisationAdmin(InReachMixin, admin.ModelAdmin):
    in_reach = staticmethod(organisations_in_reach)
    list_display = ["name", "org_type", "charity_number", "lived_experience_led", "by_and_for"]
    list_filter = ["org_type", "lived_experience_led", "by_and_for", "memberships__network"]
    search_fields = ["name", "normalised_name", "charity_number", "company_number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions", "parts", "themes", "populations"]
    inlines = [MembershipInline, AffiliationInline]


@admin.register(Person)
class PersonAdmin(InReachMixin, admin.ModelAdmin):
    in_reach = staticmethod(people_in_reach)
    list_display = ["name", "email", "communication_consent", "consent_date"]
    search_fields = ["name", "email"]
    inlines = [AffiliationInline]
    raw_id_fields = ["user"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(InReachMixin, admin.ModelAdmin):
    in_reach = staticmethod(applications_in_reach)
    list_display = ["organisation_name", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "contact_email"]


@admin.register(ImportJob)
class ImportJobAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["filename", "status", "processed_rows", "total_rows", "created_at"]
    exclude = ["content"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_admin(request.user) else queryset.filter(created_by=request.user)
