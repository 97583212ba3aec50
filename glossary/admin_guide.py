"""The language guide in Django admin: versions are read-only; staff publish a change.

A published version is never edited, so the history stays true: the "Publish a change" page
makes a new version through glossary.services.guide.publish_change, with a reason.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from core.admin import StaffAccessMixin
from core.roles import is_staff_member
from glossary.models import GuideEntry, GuideVersion, OfficialName
from glossary.services.guide import (
    EntryChange,
    OfficialNameChange,
    current_version,
    lines,
    publish_change,
)


class ReadOnlyInline(StaffAccessMixin, admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EntryInline(ReadOnlyInline):
    model = GuideEntry
    fields = ("key", "wording", "category", "severity", "preferred", "reason")


class OfficialNameInline(ReadOnlyInline):
    model = OfficialName
    fields = ("name",)


class PublishChangeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Why the guide is changing."
    )
    key = forms.SlugField(
        required=False,
        help_text="The entry to add, change or remove (for example 'offender'). Leave blank to "
        "change only official names.",
    )
    remove = forms.BooleanField(required=False, help_text="Remove this entry.")
    wording = forms.CharField(required=False, max_length=200)
    variants = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="One per line."
    )
    preferred = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="One per line."
    )
    entry_reason = forms.CharField(
        label="Why (for readers)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    category = forms.ChoiceField(
        required=False, choices=[("", "(keep)"), *GuideEntry.Category.choices]
    )
    severity = forms.ChoiceField(
        required=False,
        choices=[("", "(keep)"), *GuideEntry.Severity.choices],
        help_text="'Use with care' for wording the guide calls often unavoidable.",
    )
    add_official_names = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="One per line."
    )
    remove_official_names = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="One per line."
    )

    def edits(self) -> list:
        data = self.cleaned_data
        edits: list = []
        if data["key"]:
            edits.append(
                EntryChange(
                    key=data["key"],
                    remove=data["remove"],
                    wording=data["wording"] or None,
                    variants=lines(data["variants"]) or None,
                    preferred=lines(data["preferred"]) or None,
                    reason=data["entry_reason"] or None,
                    category=data["category"] or None,
                    severity=data["severity"] or None,
                )
            )
        if data["add_official_names"] or data["remove_official_names"]:
            edits.append(
                OfficialNameChange(
                    add=lines(data["add_official_names"]),
                    remove=lines(data["remove_official_names"]),
                )
            )
        return edits


@admin.register(GuideVersion)
class GuideVersionAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ("number", "created_at", "reason", "created_by")
    readonly_fields = ("number", "created_at", "reason", "created_by")
    inlines = [EntryInline, OfficialNameInline]

    def has_add_permission(self, request):
        return False  # new versions come from "Publish a change"

    def has_change_permission(self, request, obj=None):
        return False  # a published version is history

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        publish = self.admin_site.admin_view(self.publish_view)
        return [
            path("publish/", publish, name="glossary_guideversion_publish"),
            *super().get_urls(),
        ]

    def publish_view(self, request):
        if not is_staff_member(request.user):
            raise PermissionDenied
        form = PublishChangeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                version = publish_change(request.user, form.cleaned_data["reason"], *form.edits())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Published version {version.number} of the guide.")
                return redirect("admin:glossary_guideversion_change", version.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "Publish a change to the language guide",
            "form": form,
            "current": current_version(),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "glossary/admin_publish_change.html", context)
