from django import forms

from comms.models import Frequency
from comms.services.preferences import Choice


class PreferencesForm(forms.Form):
    """One fieldset per list: on it or not, how often, and which of its topics."""

    def __init__(self, choices: list[Choice], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        for choice in choices:
            mailing_list = choice.mailing_list
            pk = mailing_list.pk
            self.fields[f"list_{pk}"] = forms.BooleanField(
                label=f"Send me “{mailing_list.name}”",
                required=False,
                initial=choice.subscribed,
                help_text=mailing_list.description,
            )
            if mailing_list.is_system:
                continue
            self.fields[f"frequency_{pk}"] = forms.ChoiceField(
                label="How often",
                choices=Frequency.choices,
                initial=choice.frequency,
            )
            topics = list(mailing_list.topics.all())
            if topics:
                self.fields[f"topics_{pk}"] = forms.MultipleChoiceField(
                    label="Only these topics (leave all unticked for everything)",
                    choices=[(str(t.pk), t.name) for t in topics],
                    required=False,
                    initial=[str(pk) for pk in choice.topic_ids],
                    widget=forms.CheckboxSelectMultiple,
                )

    def groups(self):
        """(choice, [bound fields]) per list, for the template's fieldsets."""
        for choice in self.choices:
            pk = choice.mailing_list.pk
            names = [f"list_{pk}", f"frequency_{pk}", f"topics_{pk}"]
            yield choice, [self[name] for name in names if name in self.fields]

    def wanted(self) -> dict[int, tuple[str, list[int]]]:
        data = self.cleaned_data
        wanted = {}
        for choice in self.choices:
            pk = choice.mailing_list.pk
            if data.get(f"list_{pk}"):
                topics = [int(t) for t in data.get(f"topics_{pk}", [])]
                wanted[pk] = (data.get(f"frequency_{pk}", Frequency.AS_IT_HAPPENS), topics)
        return wanted


class SignupForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
    consent = forms.BooleanField(label="", required=True)
    # Left empty by people; bots fill every field.
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, wording: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = wording
        self.fields["consent"].error_messages["required"] = (
            "Tick the box to say you want these emails, or we cannot send them."
        )


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)


class OrganisationMailForm(forms.Form):
    """Whether a member organisation gets each list sent to member organisations, and which
    of its people receive it (its designated contacts)."""

    contacts = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who receives it",
        help_text="The organisation's designated contacts. Everyone ticked gets each email.",
        error_messages={"invalid_choice": "Choose people from this organisation only."},
    )

    def __init__(self, choices, contacts, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.choices = choices
        for choice in choices:
            self.fields[f"receives_{choice.mailing_list.pk}"] = forms.BooleanField(
                required=False,
                initial=choice.receives,
                label=f"Our organisation receives “{choice.mailing_list.name}”",
            )
        field = self.fields["contacts"]
        field.queryset = contacts
        field.label_from_instance = lambda a: f"{a.person.name} ({a.person.email})"
        field.initial = [a.pk for a in contacts if a.is_main_contact]

    def receives(self) -> dict[int, bool]:
        return {
            c.mailing_list.pk: self.cleaned_data[f"receives_{c.mailing_list.pk}"]
            for c in self.choices
        }

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if any(self.receives().values()) and not cleaned.get("contacts"):
            raise forms.ValidationError(
                "Tick at least one person to receive it, or untick every list the "
                "organisation should not get."
            )
        return cleaned
