"""The media monitor's forms: the dashboard's selection, the article filters, awards
decisions and saved searches. Each turns what was typed into clean values or a plain message,
never an error page."""

import datetime
import re

from django import forms
from django.utils import timezone

from core.lib.months import add_months, month_start, months_between
from media.dashboard import MAX_MONTHS, Selection
from media.models import AwardCandidate, Collection, Outlet, SavedSearch, Voice
from taxonomy.models import Term

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
MAX_QUERY_LENGTH = 200
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
DEFAULT_MONTHS = 12

SYNDICATED_CHOICES = [
    ("exclude", "Count each story once (leave out syndicated copies)"),
    ("include", "Include syndicated copies"),
]
YES_NO_ANY = [("", "Any"), ("yes", "Yes"), ("no", "No")]


class MonthField(forms.CharField):
    """A month typed as YYYY-MM (what <input type="month"> sends): the first day of it."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM", "maxlength": 7})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH_PATTERN.match(value) if len(value) <= 7 else None
        if not match:
            raise forms.ValidationError("Enter a month as year and month, for example 2025-03.")
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise forms.ValidationError(
                f"Enter a real month between {EARLIEST_YEAR} and {LATEST_YEAR}, e.g. 2025-03."
            )
        return datetime.date(year, month, 1)


def _collection_field(label: str, empty: str):
    return forms.ModelChoiceField(
        Collection.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=empty,
        label=label,
    )


def _part_field():
    return forms.ModelChoiceField(
        Term.objects.parts(),
        to_field_name="slug",
        required=False,
        empty_label="Every part of the system",
        label="Part of the system",
    )


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this one included."""
    end = month_start(today or timezone.localdate())
    return add_months(end, -(DEFAULT_MONTHS - 1)), end


def _bound_with_defaults(form_class, query):
    """The form bound to the URL's choices, with the default period (and the form's other
    DEFAULTS) where the URL has none, so the page shows what its figures are for."""
    start, end = default_period()
    data = {"start": start.isoformat()[:7], "end": end.isoformat()[:7], **form_class.DEFAULTS}
    data.update({key: value for key, value in query.items() if value != ""})
    return form_class(data)


def _check_period(form, start_name: str, end_name: str) -> None:
    start, end = form.cleaned_data.get(start_name), form.cleaned_data.get(end_name)
    if start and end:
        if start > end:
            form.add_error(end_name, "The last month must not be before the first month.")
        elif len(months_between(start, end)) > MAX_MONTHS:
            form.add_error(end_name, f"Choose a period of at most {MAX_MONTHS // 12} years.")


class DashboardForm(forms.Form):
    start = MonthField(label="From (month)", required=True)
    end = MonthField(label="To (month)", required=True)
    collection = _collection_field("Outlets", "All outlets")
    part = _part_field()
    syndicated = forms.ChoiceField(
        choices=SYNDICATED_CHOICES,
        label="Syndicated copies",
        widget=forms.RadioSelect,
    )
    show = forms.ChoiceField(
        choices=[("rates", "Rates (shares and per 1,000 words)"), ("counts", "Raw counts")],
        label="Show",
        widget=forms.RadioSelect,
    )
    compare = forms.ChoiceField(
        choices=[
            ("", "Nothing"),
            ("period", "Another period"),
            ("collection", "Another collection of outlets"),
        ],
        required=False,
        label="Compare with",
    )
    compare_start = MonthField(label="Other period from (month)")
    compare_end = MonthField(label="Other period to (month)")
    compare_collection = _collection_field("Other outlets", "All outlets")

    DEFAULTS = {"syndicated": "exclude", "show": "rates"}
    # Shown first; the rest wait behind "More options" until one is used.
    FIRST = ("start", "end", "collection", "part")

    @classmethod
    def from_query(cls, query) -> "DashboardForm":
        return _bound_with_defaults(cls, query)

    def first_fields(self):
        return [self[name] for name in self.FIRST]

    def more_options_in_use(self) -> bool:
        """Whether the address sets any option behind "More options" (so it opens)."""
        data = self.data
        return bool(data.get("compare")) or any(
            data.get(name, default) != default for name, default in self.DEFAULTS.items()
        )

    def clean(self):
        cleaned = super().clean()
        _check_period(self, "start", "end")
        if cleaned.get("compare") == "period":
            if not cleaned.get("compare_start") or not cleaned.get("compare_end"):
                self.add_error(
                    "compare_start", "Choose the first and last month of the other period."
                )
            _check_period(self, "compare_start", "compare_end")
        return cleaned

    def selections(self) -> tuple[Selection, Selection | None]:
        """The selection to show and the one to compare it with (or None)."""
        data = self.cleaned_data
        first = Selection(
            start=data["start"],
            end=data["end"],
            collection=data.get("collection"),
            part=data.get("part"),
            include_syndicated=data["syndicated"] == "include",
        )
        if data.get("compare") == "period":
            return first, Selection(
                start=data["compare_start"],
                end=data["compare_end"],
                collection=first.collection,
                part=first.part,
                include_syndicated=first.include_syndicated,
            )
        if data.get("compare") == "collection":
            return first, Selection(
                start=first.start,
                end=first.end,
                collection=data.get("compare_collection"),
                part=first.part,
                include_syndicated=first.include_syndicated,
            )
        return first, None


class ArticleFilterForm(forms.Form):
    """The article list's search and filters; also what a saved search keeps."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        label="Search titles and text",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(), to_field_name="slug", required=False, empty_label="Any outlet"
    )
    collection = _collection_field("Collection", "Any collection")
    start = MonthField(label="From (month)")
    end = MonthField(label="To (month)")
    part = _part_field()
    label = forms.ChoiceField(choices=YES_NO_ANY, required=False, label="Uses a stigmatising label")
    thematic = forms.ChoiceField(
        choices=YES_NO_ANY, required=False, label="Sets the story in context"
    )
    voice = forms.ChoiceField(
        choices=[("", "Any"), *Voice.Category.choices], required=False, label="Quotes"
    )
    syndicated = forms.ChoiceField(
        choices=[("include", "Include syndicated copies"), ("exclude", "Leave out copies")],
        required=False,
        label="Syndicated copies",
    )

    FILTER_NAMES = (
        "outlet",
        "collection",
        "start",
        "end",
        "part",
        "label",
        "thematic",
        "voice",
        "syndicated",
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        _check_period(self, "start", "end")
        return cleaned

    def as_params(self) -> dict[str, str]:
        """The cleaned search as URL parameters (slugs, YYYY-MM), empty ones left out."""
        params = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()[:7]
            elif hasattr(value, "slug"):
                value = value.slug
            params[name] = str(value)
        return params


class AwardPeriodForm(forms.Form):
    start = MonthField(label="From (month)", required=True)
    end = MonthField(label="To (month)", required=True)
    DEFAULTS: dict[str, str] = {}

    @classmethod
    def from_query(cls, query) -> "AwardPeriodForm":
        return _bound_with_defaults(cls, query)

    def clean(self):
        cleaned = super().clean()
        _check_period(self, "start", "end")
        return cleaned


class AwardDecisionForm(forms.ModelForm):
    class Meta:
        model = AwardCandidate
        fields = ["decision", "note"]
        labels = {"note": "Note for the panel (optional)"}
        widgets = {"decision": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if len(note) > 2000:
            raise forms.ValidationError("Keep the note under 2,000 characters.")
        return note


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "email_digest"]
        labels = {
            "name": "Name of this search",
            "email_digest": "Email me new stigmatising headlines it finds, once a day",
        }
        error_messages = {"name": {"required": "Give the search a name."}}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Give the search a name.")
        return name
