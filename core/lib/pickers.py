"""A long multiple choice (organisations, target bodies, resources) as a searchable picker.

Without JavaScript it is a plain <select multiple> that works as any other. With it,
static/js/picker.js turns the select into a search box (the `accessible-autocomplete`
package from the npm registry, served from node_modules as a vendor static folder) and a
list of what is chosen, each with a Remove button; the hidden select still carries the
choices, so the form posts exactly what it always did.
"""

from django import forms

PICKER_HINT = "Hold Ctrl (or ⌘) to choose more than one."


class SearchablePicker(forms.SelectMultiple):
    template_name = "core/widgets/picker.html"

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-picker": "", "size": 8, **(attrs or {})}, choices)


class SearchableSelect(forms.Select):
    """One choice out of a long list (an employer from the directory) as a search box; a
    plain <select> without JavaScript."""

    template_name = "core/widgets/picker.html"

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-picker": "", **(attrs or {})}, choices)


def use_pickers(form: forms.Form, *names: str) -> None:
    """Give the named multiple-choice fields of `form` the searchable picker. Their help
    text ends with how to choose several in the plain select, which the script rewords."""
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        if not isinstance(field.widget, forms.SelectMultiple):
            field.widget = SearchableSelect(attrs=field.widget.attrs, choices=field.choices)
            continue
        field.widget = SearchablePicker(attrs=field.widget.attrs, choices=field.choices)
        if PICKER_HINT not in field.help_text:
            field.help_text = f"{field.help_text} {PICKER_HINT}".strip()
