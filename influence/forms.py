"""Staff forms for recommendations, their timelines and the influence log.

The rules about timelines (date order per target, no future dates, corrections, merging,
publishing) live in influence/services/; these forms only check what a person typed and
what they uploaded, and hand the rest to the services.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify

from core.lib.pickers import use_pickers
from core.lib.uploads import (
    UploadRefused,
    check_expansion,
    check_size,
    clean_upload,
    is_utf8,
    read_head,
    sniff,
)
from influence.models import (
    Evidence,
    InfluenceActivity,
    Recommendation,
    Status,
    StatusChange,
    TargetBody,
)
from influence.services import recommendations
from influence.services.recommendations import TAG_FIELDS, unique_slug

ACCEPTED_EVIDENCE = "PDF, Word (.docx), an image (PNG or JPEG) or plain text"
EVIDENCE_ACCEPT_ATTRIBUTE = (
    ".pdf,.docx,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


def evidence_kind(uploaded) -> str:
    """The file extension an uploaded evidence file deserves, judged by its bytes, never by
    its name; UploadRefused with a message for the person otherwise."""
    check_size(uploaded)
    head = read_head(uploaded)
    kind = sniff(head, uploaded)
    if kind in {"pdf", "png", "jpg", "docx"}:
        check_expansion(uploaded, kind)
        return kind
    if kind == "text" and is_utf8(head):
        return "txt"
    raise UploadRefused(
        f"This file's content is not a kind that can be kept as evidence, whatever its name "
        f"says. Upload {ACCEPTED_EVIDENCE}, or give a link instead."
    )


def _not_in_future(value, what: str):
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"The {what} cannot be in the future.")
    return value


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = [
            "title",
            "text",
            "rationale",
            "targets",
            "networks",
            "first_made_on",
            "sources",
            *TAG_FIELDS,
            "related",
            "follow_up_on",
            "follow_up_note",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "first_made_on": DateInput(),
            "follow_up_on": DateInput(),
        }
        labels = {
            "first_made_on": "First made on",
            "follow_up_on": "Follow up on",
            "follow_up_note": "What to follow up",
            "related": "Related recommendations",
            "sources": "Source documents",
        }
        error_messages = {
            "title": {"required": "Enter a short title."},
            "text": {"required": "Enter the full text of the recommendation."},
            "targets": {"required": "Choose at least one target body."},
            "networks": {"required": "Choose the network or networks making it."},
        }
        help_texts = {
            "targets": "The bodies it asks to act: one or more.",
            "follow_up_on": "Optional: the dashboard lists follow-ups due in the next 60 days.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("networks", *TAG_FIELDS):
            self.fields[name].widget = forms.CheckboxSelectMultiple(
                choices=self.fields[name].choices
            )
        self.fields[
            "sources"
        ].help_text = (
            "Library resources this recommendation appears in. Publishing needs at least one."
        )
        related = Recommendation.objects.filter(merged_into=None).only("title", "first_made_on")
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
        self.fields["related"].queryset = related
        use_pickers(self, "targets", "sources", "related")

    def clean_title(self):
        title = " ".join((self.cleaned_data.get("title") or "").split())
        if not title:
            raise forms.ValidationError("Enter a short title.")
        if not slugify(title):
            raise forms.ValidationError("Use some letters or numbers in the title.")
        return title

    def clean_text(self):
        text = (self.cleaned_data.get("text") or "").replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError("Enter the full text of the recommendation.")
        return text

    def clean_rationale(self):
        return (self.cleaned_data.get("rationale") or "").replace("\x00", "").strip()

    def clean_first_made_on(self):
        return _not_in_future(self.cleaned_data.get("first_made_on"), "date it was first made")

    def clean(self):
        cleaned = super().clean()
        # Checked when the date or the sources are edited, so an older record can still be
        # saved for another change.
        touched = {"first_made_on", "sources"} & set(self.changed_data)
        if touched and (
            problem := recommendations.first_made_problem(
                cleaned.get("first_made_on"), cleaned.get("sources") or []
            )
        ):
            self.add_error("first_made_on", problem)
        return cleaned

    def save(self, commit=True):
        recommendation = super().save(commit=False)
        if not recommendation.slug and slugify(recommendation.title) in RESERVED_SLUGS:
            # The staff pages' own addresses (/recommendations/new/...) are not free.
            recommendation.slug = unique_slug(f"{recommendation.title} recommendation")
        if commit:
            recommendation.save()
            self.save_m2m()
        return recommendation


RESERVED_SLUGS = {"new", "log", "dashboard", "targets", "feed", "export"}


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = Evidence
        fields = ["resource", "page", "quote"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 2})}
        labels = {"resource": "Library resource", "page": "Page (optional)"}

    def clean_quote(self):
        return (self.cleaned_data.get("quote") or "").replace("\x00", "").strip()


EvidenceFormSet = forms.inlineformset_factory(
    Recommendation,
    Evidence,
    form=EvidenceForm,
    extra=2,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class _EvidenceUpload(forms.Form):
    evidence_url = forms.URLField(
        label="Link to the evidence",
        required=False,
        assume_scheme="https",
        help_text="A response letter, parliamentary answer, policy paper or news item online.",
    )
    evidence_file = forms.FileField(
        label="Or upload the evidence",
        required=False,
        help_text=f"{ACCEPTED_EVIDENCE}, up to {filesizeformat(settings.MAX_UPLOAD_BYTES)}.",
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT_ATTRIBUTE}),
    )

    def clean_evidence_file(self):
        uploaded = self.cleaned_data.get("evidence_file")
        if not uploaded:
            return uploaded
        extension = clean_upload(uploaded, evidence_kind)
        # Stored under a name that matches what the file is, never the name it came with.
        stem = slugify(uploaded.name.rsplit(".", 1)[0])[:80] or "evidence"
        uploaded.name = f"{stem}.{extension}"
        return uploaded

    def clean_note(self):
        return (self.cleaned_data.get("note") or "").replace("\x00", "").strip()


class StatusChangeForm(_EvidenceUpload):
    target = forms.ModelChoiceField(queryset=TargetBody.objects.none(), label="Target body")
    status = forms.ChoiceField(choices=[("", "Choose a status")] + list(Status.choices))
    happened_on = forms.DateField(
        label="Date", widget=DateInput(), help_text="When it happened, not when you record it."
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    field_order = ["target", "status", "happened_on", "note", "evidence_url", "evidence_file"]

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = recommendation.targets.all()
        self.fields["target"].empty_label = "Choose a target body"

    def clean_happened_on(self):
        return _not_in_future(self.cleaned_data.get("happened_on"), "date")


class CorrectionForm(_EvidenceUpload):
    status = forms.ChoiceField(choices=Status.choices)
    happened_on = forms.DateField(label="Date", widget=DateInput())
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    field_order = ["status", "happened_on", "note", "evidence_url", "evidence_file"]

    @classmethod
    def for_entry(cls, entry: StatusChange, data=None, files=None):
        initial = {
            "status": entry.status,
            "happened_on": entry.happened_on,
            "note": entry.note,
            "evidence_url": entry.evidence_url,
        }
        return cls(data, files, initial=initial)

    def clean_happened_on(self):
        return _not_in_future(self.cleaned_data.get("happened_on"), "date")


class RecommendationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} (first made {obj.first_made_on:%-d %B %Y})"


class MergeForm(forms.Form):
    into = RecommendationChoiceField(
        queryset=Recommendation.objects.none(),
        label="Merge into",
        empty_label="Choose the recommendation to keep",
        to_field_name="slug",
        help_text="This recommendation's timeline, evidence and sources move there, and its "
        "page redirects there.",
    )

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Recommendation.objects.filter(merged_into=None)
            .exclude(pk=recommendation.pk)
            .only("title", "slug", "first_made_on")
        )


class RepeatForm(forms.Form):
    earlier = RecommendationChoiceField(
        queryset=Recommendation.objects.none(),
        label="Repeats the earlier recommendation",
        empty_label="Choose the earlier recommendation",
        to_field_name="slug",
    )

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["earlier"].queryset = (
            Recommendation.objects.filter(merged_into=None)
            .exclude(pk=recommendation.pk)
            .only("title", "slug", "first_made_on")
        )


class ActivityForm(forms.ModelForm):
    class Meta:
        model = InfluenceActivity
        fields = [
            "kind",
            "happened_on",
            "title",
            "description",
            "recommendations",
            "targets",
            "organisations",
        ]
        widgets = {
            "happened_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "happened_on": "Date",
            "organisations": "Member organisations involved",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Choose a kind")] + list(InfluenceActivity.Kind.choices)
        self.fields["recommendations"].queryset = Recommendation.objects.filter(
            merged_into=None
        ).only("title", "first_made_on")
        use_pickers(self, "recommendations", "targets", "organisations")

    def clean_title(self):
        title = " ".join((self.cleaned_data.get("title") or "").split())
        if not title:
            raise forms.ValidationError("Enter a title.")
        return title

    def clean_description(self):
        return (self.cleaned_data.get("description") or "").replace("\x00", "").strip()

    def clean_happened_on(self):
        return _not_in_future(self.cleaned_data.get("happened_on"), "date")


class LogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind")] + list(InfluenceActivity.Kind.choices)
    )
    target = forms.ModelChoiceField(
        required=False,
        queryset=TargetBody.objects.all(),
        to_field_name="slug",
        empty_label="Any target",
    )
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, choices=[])

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Any year")] + [(y, str(y)) for y in years]
