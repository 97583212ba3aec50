from django.contrib import admin

from influence.models import InfluenceActivity, Recommendation, StatusChange, TargetBody


@admin.register(TargetBody)
class TargetBodyAdmin(admin.ModelAdmin):
    """The managed list of bodies recommendations are addressed to."""

    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    """Read-mostly: staff create, publish, merge and record statuses in the site, where the
    rules are enforced and every change is audit-logged."""

    list_display = ["title", "first_made_on", "is_published", "merged_into"]
    list_filter = ["is_published", "targets"]
    search_fields = ["title", "text"]
    readonly_fields = ["slug", "is_published", "merged_into", "repeats"]
    filter_horizontal = ["parts", "themes", "populations", "places", "targets", "networks"]

    def has_add_permission(self, request):
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """View only: timeline entries are added and corrected in the site, never edited."""

    list_display = ["recommendation", "target", "status", "happened_on", "corrected_by"]
    list_filter = ["status", "target"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InfluenceActivity)
class InfluenceActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "happened_on"]
    list_filter = ["kind"]
    search_fields = ["title"]
    filter_horizontal = ["recommendations", "targets", "organisations"]
