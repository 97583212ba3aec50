from django import forms

from privacy.models import DataRequest


class RecordRequestForm(forms.ModelForm):
    """A request received other than through the person's account."""

    received_via = forms.ChoiceField(
        label="Received by",
        choices=[c for c in DataRequest.Via.choices if c[0] != DataRequest.Via.ACCOUNT],
    )

    class Meta:
        model = DataRequest
        fields = ["kind", "received_via", "name", "email", "note"]
        labels = {"kind": "They asked for"}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class ConfirmErasureForm(forms.Form):
    confirmation = forms.CharField(
        label="Type their email address to confirm",
        max_length=254,
        help_text="Erasure cannot be undone.",
    )


class CloseRequestForm(forms.Form):
    status = forms.ChoiceField(
        label="Outcome",
        choices=[
            (DataRequest.Status.DONE, "Done: the person has what they asked for"),
            (DataRequest.Status.REFUSED, "Refused"),
        ],
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="How it was sent, or why it was refused.",
    )
