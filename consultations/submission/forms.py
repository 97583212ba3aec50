"""Forms for the submission builder. They check shape; submission.services.builder checks the
rules."""

from django import forms

from consultations.models import SubmissionVersion
from consultations.submission.services.builder import MAX_HEADING, MAX_TITLE
from core.lib.markdown import FORMATTING_HELP
from influence.models import Recommendation, TargetBody
from influence.services import matching

# Forms accept a little more than the rules allow, so an over-long paste gets the builder's
# message (which says how long it was) rather than a bare "too long".
GENEROUS = 200_000


class DetailsForm(forms.Form):
    title = forms.CharField(max_length=MAX_HEADING)
    introduction = forms.CharField(
        required=False,
        max_length=GENEROUS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=FORMATTING_HELP,
    )
    contact_details = forms.CharField(
        required=False,
        max_length=GENEROUS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Who the asking body should contact; one line each.",
    )


class SectionForm(forms.Form):
    heading = forms.CharField(max_length=GENEROUS)


class TextBlockForm(forms.Form):
    text = forms.CharField(
        label="Narrative text",
        max_length=GENEROUS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=FORMATTING_HELP,
    )


class ThemeFilterForm(forms.Form):
    theme = forms.TypedChoiceField(
        label="Show quotes coded with", required=False, coerce=int, empty_value=None
    )

    def __init__(self, themes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Any theme")] + [(t.pk, t.name) for t in themes]


class LinkRecommendationForm(forms.Form):
    prefix = "link"  # the section page holds several forms: ids must stay unique
    recommendation = forms.ModelChoiceField(
        label="An existing recommendation",
        queryset=Recommendation.objects.filter(merged_into__isnull=True)
        .prefetch_related("targets", "sources")
        .order_by("title", "first_made_on"),
        empty_label="Choose a recommendation",
        help_text="Each is listed with whom it asks, how far it has got, the year it was first "
        "made and where it comes from, so that two with the same title can be told apart.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["recommendation"]
        labels = matching.descriptions(field.queryset)
        field.label_from_instance = lambda item: labels.get(item.pk, item.title)


class NewRecommendationForm(forms.Form):
    prefix = "new"
    title = forms.CharField(label="Short title", max_length=MAX_TITLE)
    text = forms.CharField(
        label="Full text", max_length=GENEROUS, widget=forms.Textarea(attrs={"rows": 4})
    )
    targets = forms.ModelMultipleChoiceField(
        label="Who should act on it",
        queryset=TargetBody.objects.order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text="Hold Ctrl (or Cmd) to choose more than one.",
    )


class VersionForm(forms.Form):
    note = forms.CharField(
        label="What changed (optional)",
        required=False,
        max_length=GENEROUS,
        help_text="For example: “Added the roundtable quotes to Part 2”.",
    )


class CompareForm(forms.Form):
    older = forms.ModelChoiceField(label="Compare version", queryset=SubmissionVersion.objects)
    newer = forms.ModelChoiceField(label="with version", queryset=SubmissionVersion.objects)

    def __init__(self, submission, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("older", "newer"):
            self.fields[name].queryset = submission.versions.all()
            self.fields[name].label_from_instance = lambda v: (
                f"{v.number} ({v.created_at:%d %b %Y %H:%M})" + (f": {v.note}" if v.note else "")
            )
