from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core.models import ApiToken, AuditEntry, User
from core.roles import is_admin, is_staff_member


class StaffAccessMixin:
    """Gives staff and admins full use of a model in Django admin, whatever Django's
    per-model permissions say: roles, not permission tables, decide access here."""

    def has_module_permission(self, request):
        return is_staff_member(request.user)

    def has_view_permission(self, request, obj=None):
        return is_staff_member(request.user)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["name", "role", "is_active"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "role", "password1", "password2"]})
    ]
    readonly_fields = ["last_login", "date_joined"]

    # Staff may look people up; only admins manage users and roles.
    def has_view_permission(self, request, obj=None):
        return request.user.is_staff

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_label", "action", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor_label"]

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff

    # The audit log is append-only, even for admins.
    def has_change_permission(self, request, obj=None):
        return False

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]

    def has_module_permission(self, request):
        return is_admin(request.user)

    has_view_permission = has_change_permission = has_delete_permission = (
        lambda self, request, obj=None: is_admin(request.user)
    )

    def has_add_permission(self, request):
        return False
