"""Setting up programmes, cohorts, criteria, modules, sessions, mentors and youth projects in
Django admin (every change audited there). The safeguarding log is deliberately absent: it is
read only through its own audited pages, by the designated leads."""

from django.contrib import admin

from core.admin import StaffAccessMixin
from members.services.permissions import networks_run_by
from programmes import models


class NetworkReachMixin(StaffAccessMixin):
    """Staff see and change only their own networks' records here, and may pick only those
    networks: otherwise staff of one network could, say, make themselves safeguarding lead of
    another's young advocates. Admins reach every network."""

    network_path = "network"

    def get_queryset(self, request):
        reach = networks_run_by(request.user)
        return super().get_queryset(request).filter(**{f"{self.network_path}__in": reach})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network":
            kwargs["queryset"] = networks_run_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CriterionInline(StaffAccessMixin, admin.TabularInline):
    model = models.Criterion
    extra = 1


@admin.register(models.Programme)
class ProgrammeAdmin(NetworkReachMixin, admin.ModelAdmin):
    list_display = ["name", "network"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CriterionInline]


@admin.register(models.Cohort)
class CohortAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["name", "programme", "starts_on", "ends_on", "places"]
    prepopulated_fields = {"slug": ["name"]}


class SessionInline(StaffAccessMixin, admin.TabularInline):
    model = models.ProgrammeSession
    extra = 1
    raw_id_fields = ["event"]


@admin.register(models.Module)
class ModuleAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["title", "cohort", "order"]
    inlines = [SessionInline]


@admin.register(models.Mentor)
class MentorAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["user", "organisation", "sector", "max_mentees"]
    raw_id_fields = ["user"]


@admin.register(models.PartnerOffer)
class PartnerOfferAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "cohort"]
    raw_id_fields = ["participant"]


@admin.register(models.YouthGroup)
class YouthGroupAdmin(NetworkReachMixin, admin.ModelAdmin):
    list_display = ["name", "network"]
    filter_horizontal = ["workers"]


@admin.register(models.SafeguardingLead)
class SafeguardingLeadAdmin(NetworkReachMixin, admin.ModelAdmin):
    list_display = ["user", "network"]
    raw_id_fields = ["user"]


class YouthSessionInline(StaffAccessMixin, admin.TabularInline):
    model = models.YouthSession
    extra = 1


@admin.register(models.YouthProject)
class YouthProjectAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["title", "group", "starts_on"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [YouthSessionInline]
