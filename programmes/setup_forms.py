"""Forms for setting up a leadership programme on staff's own pages: programmes, selection
criteria, cohorts, modules, sessions, mentors and partners' offers. Every choice of network,
programme or cohort is limited to the networks the staff member runs (services/reach.py),
and each number has a plain message of its own rather than Django's "at least 0"."""

from django import forms
from django.contrib.auth import get_user_model

from core.lib.pickers import use_pickers
from members.models import Organisation
from programmes import models
from programmes.services import reach
from taxonomy.models import Term

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _tidy(value: str) -> str:
    """Runs of spaces and line breaks in a one-line name made one space."""
    return " ".join(value.split())


def _at_least(form, name: str, lowest: int, message: str, highest: int = 1000) -> None:
    """Replace the field's stock bounds with plain messages of our own."""
    field = form.fields[name]
    field.validators = []
    field.widget.attrs.update(min=lowest, max=highest)
    field.error_messages["invalid"] = message
    field.lowest, field.highest, field.message = lowest, highest, message


def _check_at_least(form, name: str):
    value, field = form.cleaned_data.get(name), form.fields[name]
    if value is None or value < field.lowest:
        raise forms.ValidationError(field.message)
    if value > field.highest:
        raise forms.ValidationError(f"That is more than {field.highest}: check the number.")
    return value


class SetupForm(forms.ModelForm):
    REQUIRED: dict[str, str] = {}  # field name -> what to say when it is left empty

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user
        for name, message in self.REQUIRED.items():
            self.fields[name].error_messages["required"] = message


class ProgrammeForm(SetupForm):
    REQUIRED = {
        "name": "Enter the programme's name.",
        "summary": "Say in a sentence or two what it is.",
        "eligibility": "Say who may apply, in plain words.",
    }

    class Meta:
        model = models.Programme
        fields = ["network", "name", "summary", "eligibility", "partners", "score_max",
                  "quorum", "normalise_scores", "needs_lived_experience_judge"]  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}),
                   "eligibility": forms.Textarea(attrs={"rows": 4})}  # fmt: skip
        labels = {
            "network": "Run by the network",
            "score_max": "Highest score a panel member can give",
            "quorum": "Panel members needed to score each application",
            "normalise_scores": "Even out how hard or soft each panel member marks",
            "needs_lived_experience_judge": "The panel must include someone with lived experience",
            "partners": "Partner organisations",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = reach.networks(self.user)
        self.fields["network"].empty_label = None
        self.fields["partners"].queryset = Organisation.objects.order_by("name")
        use_pickers(self, "partners")
        _at_least(self, "score_max", 1, "The highest score must be at least 1.")
        _at_least(self, "quorum", 1, "At least one panel member must score each application.")

    def clean_name(self):
        return _tidy(self.cleaned_data["name"])

    def clean_score_max(self):
        return _check_at_least(self, "score_max")

    def clean_quorum(self):
        return _check_at_least(self, "quorum")


class CriterionForm(SetupForm):
    REQUIRED = {
        "name": "Name the criterion.",
    }

    class Meta:
        model = models.Criterion
        fields = ["name", "guidance", "weight", "order"]
        labels = {"name": "Criterion", "guidance": "Guidance for the panel (optional)",
                  "weight": "Weight", "order": "Position in the list"}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _at_least(self, "weight", 1, "The weight must be a whole number, 1 or more.")
        _at_least(self, "order", 0, "The position must be a whole number, 0 or more.")

    def clean_name(self):
        return _tidy(self.cleaned_data["name"])

    def clean_weight(self):
        return _check_at_least(self, "weight")

    def clean_order(self):
        return _check_at_least(self, "order")


class CohortForm(SetupForm):
    REQUIRED = {
        "name": "Name the cohort, for example “Cohort 4”.",
        "location": "Say where sessions happen, or “online”.",
    }

    class Meta:
        model = models.Cohort
        fields = ["name", "starts_on", "ends_on", "places", "location", "applications_close"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "applications_close": DATE}
        labels = {
            "starts_on": "Starts on", "ends_on": "Ends on", "places": "Places",
            "location": "Where sessions happen", "applications_close": "Applications close on",
        }  # fmt: skip
        help_texts = {"applications_close": "Leave empty while applications are not open."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _at_least(self, "places", 1, "A cohort needs at least 1 place.")

    def clean_name(self):
        return _tidy(self.cleaned_data["name"])

    def clean_location(self):
        return _tidy(self.cleaned_data["location"])

    def clean_places(self):
        places = _check_at_least(self, "places")
        if self.instance.pk:
            from programmes.services.applications import places_taken

            taken = places_taken(self.instance)
            if places < taken:
                raise forms.ValidationError(
                    f"{taken} places are already offered or taken: there cannot be fewer."
                )
        return places

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        closes = cleaned.get("applications_close")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The cohort must end on or after the day it starts.")
        if starts and closes and closes > starts:
            self.add_error("applications_close", "Applications must close before it starts.")
        return cleaned


class ModuleForm(SetupForm):
    REQUIRED = {
        "title": "Name the module.",
    }

    class Meta:
        model = models.Module
        fields = ["title", "order"]
        labels = {"title": "Module", "order": "Position in the cohort"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _at_least(self, "order", 0, "The position must be a whole number, 0 or more.")

    def clean_title(self):
        return _tidy(self.cleaned_data["title"])

    def clean_order(self):
        return _check_at_least(self, "order")


class SessionForm(forms.Form):
    """A session's time is its event's (services/delivery.py), typed in UK time."""

    title = forms.CharField(
        label="Session", max_length=150, error_messages={"required": "Name the session."}
    )
    starts_at = forms.DateTimeField(label="Starts (UK time)", widget=LOCAL_DATETIME)
    ends_at = forms.DateTimeField(label="Ends (UK time)", widget=LOCAL_DATETIME)
    place = forms.CharField(label="Where (optional)", max_length=200, required=False)
    online = forms.BooleanField(label="Online", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_title(self):
        return _tidy(self.cleaned_data["title"])

    def clean_place(self):
        return _tidy(self.cleaned_data["place"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The session must end after it starts.")
        return cleaned


class MentorForm(SetupForm):
    REQUIRED = {"user": "Choose the mentor's account: it is how they sign in and see mentees."}

    class Meta:
        model = models.Mentor
        fields = ["user", "network", "organisation", "region", "interests", "sector",
                  "availability", "max_mentees"]  # fmt: skip
        labels = {
            "user": "Mentor (their account)", "network": "Mentors for the network",
            "organisation": "Their organisation (optional)", "region": "Where they are (optional)",
            "interests": "Interests (optional)", "sector": "Sector (optional)",
            "availability": "When they are usually free (optional)",
            "max_mentees": "Most people they mentor at once",
        }  # fmt: skip
        help_texts = {"interests": "Words matched with participants', e.g. housing, employment."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = reach.networks(self.user)
        self.fields["network"].required = True
        self.fields["network"].empty_label = None
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("name", "email")
        )
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["region"].queryset = Term.objects.places()
        self.fields["region"].empty_label = "Not given"
        use_pickers(self, "user", "organisation")
        _at_least(self, "max_mentees", 1, "A mentor takes at least 1 person at a time.")

    def clean_max_mentees(self):
        cap = _check_at_least(self, "max_mentees")
        if self.instance.pk:
            active = self.instance.matches.filter(ended_on__isnull=True).count()
            if cap < active:
                raise forms.ValidationError(
                    f"They mentor {active} people now: end a match before lowering the limit."
                )
        return cap

    def clean_user(self):
        user = self.cleaned_data["user"]
        others = models.Mentor.objects.filter(user=user).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(f"{user} is already a mentor.")
        return user


class PartnerOfferForm(SetupForm):
    REQUIRED = {
        "organisation": "Choose the organisation that offers it.",
        "kind": "Choose the kind of offer.",
        "title": "Say what is offered.",
    }

    class Meta:
        model = models.PartnerOffer
        fields = ["organisation", "kind", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"organisation": "Offered by", "kind": "Kind of offer",
                  "title": "Offer", "description": "What it involves (optional)"}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        use_pickers(self, "organisation")

    def clean_title(self):
        return _tidy(self.cleaned_data["title"])
