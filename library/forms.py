from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from core.lib.markdown import FORMATTING_HELP_WITH_HEADINGS
from core.lib.pickers import use_pickers
from core.lib.uploads import DOCUMENTS_ACCEPTED, check_document, clean_upload
from library.models import Resource, ResourceStatus
from members.models import Organisation

BODY_MAX_CHARS = 200_000
TAG_FIELDS = ("parts", "themes", "populations", "places")
ACCEPT_ATTRIBUTE = (
    ".pdf,.docx,.html,.htm,.md,.markdown,.txt,application/pdf,text/html,text/plain,"
    "text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class HttpsURLField(forms.URLField):
    """A web address typed without "https://" is taken to be https."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class _ResourceFields(forms.ModelForm):
    upload = forms.FileField(
        label="File",
        required=False,
        help_text=f"Optional. {DOCUMENTS_ACCEPTED}, up to "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. "
        "Its text is read so the library's search can find it.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_kind = ""
        self.fields["body"].widget = forms.Textarea(attrs={"rows": 14})
        self.fields["body"].help_text = FORMATTING_HELP_WITH_HEADINGS
        self.fields["summary"].widget = forms.Textarea(attrs={"rows": 4})
        self.fields["summary"].help_text = "One or two plain sentences, shown in lists."
        if "external_url" in self.fields:
            self.fields["external_url"].label = "External link"
        for name in TAG_FIELDS:
            if name in self.fields:
                self.fields[name].widget = forms.CheckboxSelectMultiple(
                    choices=self.fields[name].choices
                )

    def clean_title(self):
        title = " ".join((self.cleaned_data.get("title") or "").split())
        if not title:
            raise forms.ValidationError("Enter a title.")
        return title

    def clean_summary(self):
        return (self.cleaned_data.get("summary") or "").strip()

    def clean_body(self):
        body = (self.cleaned_data.get("body") or "").replace("\x00", "")
        if len(body) > BODY_MAX_CHARS:
            raise forms.ValidationError(
                f"The body is {len(body):,} characters long; the most it can hold is "
                f"{BODY_MAX_CHARS:,}. Attach the full text as a file instead."
            )
        return body

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if not uploaded:
            return uploaded
        self.file_kind = clean_upload(uploaded, check_document)
        return uploaded


class ResourceForm(_ResourceFields):
    """Staff create and edit any resource."""

    remove_file = forms.BooleanField(
        required=False, label="Remove the attached file (and its extracted text)"
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "kind",
            "status",
            "published_on",
            "summary",
            "body",
            "author_organisations",
            "author_people",
            "co_produced_with",
            "networks",
            "parts",
            "themes",
            "populations",
            "places",
            "external_url",
            "licence",
            "related",
        ]
        labels = {
            "author_organisations": "Authors: organisations",
            "author_people": "Authors: people",
            "co_produced_with": "Co-produced with",
            "published_on": "Publication date",
            "related": "Related resources",
        }
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "author_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "author_people": forms.SelectMultiple(attrs={"size": 6}),
            "co_produced_with": forms.SelectMultiple(attrs={"size": 6}),
            "networks": forms.CheckboxSelectMultiple,
            "related": forms.SelectMultiple(attrs={"size": 6}),
        }
        field_classes = {"external_url": HttpsURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A submission is decided on the submissions page, not by editing its status here.
        choices = [
            choice
            for choice in ResourceStatus.choices
            if choice[0] in {ResourceStatus.DRAFT, ResourceStatus.PUBLISHED}
            or (self.instance.pk and choice[0] == self.instance.status)
        ]
        self.fields["status"].choices = choices
        related = Resource.objects.order_by("title")
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
        self.fields["related"].queryset = related
        if not self.instance.file:
            del self.fields["remove_file"]
        use_pickers(self, "author_organisations", "author_people", "co_produced_with", "related")


class SubmissionForm(_ResourceFields):
    """A member contact submits a resource for their organisation; staff approve it."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Submitted for",
        help_text="Your organisation is shown as the author.",
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "kind",
            "published_on",
            "summary",
            "body",
            "parts",
            "themes",
            "populations",
            "places",
            "external_url",
            "licence",
        ]
        labels = {"published_on": "Publication date"}
        field_classes = {"external_url": HttpsURLField}
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    field_order = ["organisation", "title", "kind", "published_on", "summary", "body", "upload"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations or Organisation.objects.none()
        if organisations is not None and organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first().pk


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject")])
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Note to the submitter",
        help_text="Required when rejecting: say why, so they can improve it.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Say why the submission is not accepted.")
        return cleaned
