from django.contrib import admin

from taxonomy.models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "vocabulary", "slug", "position"]
    list_filter = ["vocabulary"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    # Only admins edit the shared taxonomy: every module depends on it.
    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser or request.user.role == "admin"

    has_add_permission = has_change_permission

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff
