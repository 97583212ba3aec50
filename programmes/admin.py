"""Django admin for the programmes app (every change audited there), each model limited to
the networks the staff member runs. Staff set programmes up on their own pages
(views/setup.py); sessions are made there only, as each is an event too. The safeguarding
log is deliberately absent: it is read only through its own audited pages, by the leads."""

from django.contrib import admin

from core.admin import StaffAccessMixin
from programmes import models
from programmes.services import reach


class NetworkReachMixin(StaffAccessMixin):
    """Staff see and change only their own networks' records here, and may pick only those
    networks, or their programmes and cohorts: otherwise staff of one network could, say,
    make themselves safeguarding lead of another's young advocates, or add a module to
    another's cohort. Admins reach every network (services/reach.py, as the staff pages)."""

    network_path = "network"
    CHOICES = {"network": reach.networks, "programme": reach.programmes, "cohort": reach.cohorts}

    def get_queryset(self, request):
        found = super().get_queryset(request)
        return found.filter(**{f"{self.network_path}__in": reach.networks(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.CHOICES:
            kwargs["queryset"] = self.CHOICES[db_field.name](request.user)
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
class CohortAdmin(NetworkReachMixin, admin.ModelAdmin):
    network_path = "programme__network"
    list_display = ["name", "programme", "starts_on", "ends_on", "places"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Module)
class ModuleAdmin(NetworkReachMixin, admin.ModelAdmin):
    network_path = "cohort__programme__network"
    list_display = ["title", "cohort", "order"]


@admin.register(models.Mentor)
class MentorAdmin(NetworkReachMixin, admin.ModelAdmin):
    list_display = ["user", "network", "organisation", "sector", "max_mentees"]

    def get_queryset(self, request):
        # Admins also see mentors no network was recorded for, to place them.
        return reach.mentors(request.user)

    raw_id_fields = ["user"]


@admin.register(models.PartnerOffer)
class PartnerOfferAdmin(NetworkReachMixin, admin.ModelAdmin):
    network_path = "cohort__programme__network"
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
class YouthProjectAdmin(NetworkReachMixin, admin.ModelAdmin):
    network_path = "group__network"
    CHOICES = {"group": reach.groups}
    list_display = ["title", "group", "starts_on"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [YouthSessionInline]
