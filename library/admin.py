from django.contrib import admin

from library.models import Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    """A fallback: staff normally create and edit resources in the site (/library/new/),
    where uploads are checked, text is extracted and changes are audit-logged."""

    list_display = ["title", "kind", "status", "published_on", "extraction_status"]
    list_filter = ["status", "kind", "extraction_status"]
    search_fields = ["title", "summary"]
    readonly_fields = ["slug", "file", "file_name", "file_kind", "file_size", "extraction_status"]
    filter_horizontal = [
        "author_organisations",
        "author_people",
        "co_produced_with",
        "networks",
        "parts",
        "themes",
        "populations",
        "places",
        "related",
    ]

    def has_add_permission(self, request):
        return False
