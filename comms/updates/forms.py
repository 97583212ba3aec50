"""Forms for writing an issue: its heading, an item, and when to send it."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from comms.updates.models import UpdateIssue, UpdateItem
from core.lib.markdown import FORMATTING_HELP_WITH_HEADINGS


def _clean_link(value: str) -> str:
    """A page of this site ("/library/…") or a full http(s) address; nothing else (no
    javascript:, no protocol-relative //host), so a link in an email goes where it says."""
    value = value.strip()
    if not value:
        return ""
    if value.startswith("/") and not value.startswith("//"):
        return value
    if value.lower().startswith(("https://", "http://")) and " " not in value:
        return value
    raise forms.ValidationError(
        "Give a page of this site starting with “/” (for example /library/) or a full "
        "address starting with https://."
    )


class IssueHeadingForm(forms.ModelForm):
    class Meta:
        model = UpdateIssue
        fields = ["title", "introduction"]
        help_texts = {
            "introduction": "A few words from the team, shown before the items. "
            + FORMATTING_HELP_WITH_HEADINGS
        }
        widgets = {"introduction": forms.Textarea(attrs={"rows": 5})}

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the issue a title.")
        return title


class ItemForm(forms.ModelForm):
    class Meta:
        model = UpdateItem
        fields = ["section", "title", "body", "url", "topics"]
        labels = {"section": "Section heading", "body": "Text"}
        help_texts = {
            "section": "Items with the same heading next to each other are shown together.",
            "body": FORMATTING_HELP_WITH_HEADINGS,
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 6}),
                   "topics": forms.CheckboxSelectMultiple}  # fmt: skip

    def __init__(self, *args, mailing_list, **kwargs):
        super().__init__(*args, **kwargs)
        # The list's topics, and any the item already has (a change may carry more).
        field = self.fields["topics"]
        field.queryset = field.queryset.filter(
            Q(pk__in=mailing_list.topics.all())
            | Q(pk__in=self.instance.topics.all() if self.instance.pk else [])
        ).order_by("name")
        if not field.queryset.exists():
            del self.fields["topics"]
            return
        field.required = False
        field.help_text = (
            "Subscribers who chose topics get this item only if it has one of theirs. "
            "Leave all unticked and everyone gets it."
        )
        field.error_messages["invalid_choice"] = "Choose this list's topics only."

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the item a title.")
        return title

    def clean_section(self):
        return " ".join(self.cleaned_data["section"].split())

    def clean_url(self):
        return _clean_link(self.cleaned_data["url"])


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label="Send on",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        help_text="UK time. The update goes out within a few minutes of this time.",
    )

    def clean_send_at(self):
        when = self.cleaned_data["send_at"]
        if when <= timezone.now():
            raise forms.ValidationError("Choose a time in the future.")
        return when
