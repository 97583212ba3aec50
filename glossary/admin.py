"""Django admin for the glossary. The language guide's admin lives in admin_guide.py."""

from django.contrib import admin

from core.admin import StaffAccessMixin
from glossary import admin_guide  # noqa: F401  (registers the language guide's admin)
from glossary.models import DictionaryTerm, TermSource


class TermSourceInline(StaffAccessMixin, admin.TabularInline):
    model = TermSource
    extra = 0


@admin.register(DictionaryTerm)
class DictionaryTermAdmin(StaffAccessMixin, admin.ModelAdmin):
    list_display = ["term", "acronym", "link_in_texts", "updated_at"]
    list_filter = ["parts", "link_in_texts"]
    search_fields = ["term", "acronym", "expansion", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    filter_horizontal = ["parts", "related"]
    inlines = [TermSourceInline]
