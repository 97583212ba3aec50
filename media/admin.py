from django.contrib import admin

from media.models import Collection, Feed, IngestBatch, IngestProblem, Outlet


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    """Outlets are kept here: the ingest matches bulk rows to them by name, slug or the
    web addresses in `domains`, and never creates one from a file."""

    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active", "collections"]
    search_fields = ["name", "domains"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["collections"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "outlet", "is_active", "last_success_at", "consecutive_errors"]
    list_filter = ["is_active", "outlet"]
    search_fields = ["url"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_fetched_at",
        "last_success_at",
        "last_error",
        "consecutive_errors",
    ]


class IngestProblemInline(admin.TabularInline):
    model = IngestProblem
    fields = ["location", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(IngestBatch)
class IngestBatchAdmin(admin.ModelAdmin):
    """View only: batches are records of what the ingest did."""

    list_display = ["name", "source", "status", "processed", "created", "merged", "rejected"]
    list_filter = ["source", "status"]
    inlines = [IngestProblemInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
