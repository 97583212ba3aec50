"""The posting form: every rule a listing must keep, with a message that says how to fix it;
and the questions of the spent-conviction explainer."""

from django import forms
from django.utils import timezone

from core.lib.pickers import use_pickers
from core.roles import is_staff_member
from opportunities.models import PAID_KINDS, Opportunity
from opportunities.services import rehabilitation
from opportunities.services.access import employers_for
from taxonomy.models import Term, Vocabulary

PAY_AS_NUMBER = (
    "Give pay as a number of pounds, e.g. 24000 – not words such as 'competitive' or "
    "'negotiable'. People deciding whether to apply need to know."
)


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "title", "kind", "summary", "description",
            "organisation", "employer_name",
            "location", "region", "work_mode", "parts",
            "paid", "pay_min", "pay_max", "pay_period", "hours", "closes_on",
            "how_to_apply", "apply_url",
            "check_level", "check_reason", "spent_disclosure", "when_asked",
            "support_offered", "fair_chance", "fair_chance_scheme",
        ]  # fmt: skip
        widgets = {
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "check_reason": forms.Textarea(attrs={"rows": 3}),
            "support_offered": forms.Textarea(attrs={"rows": 3}),
            "parts": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "pay_min": {"invalid": PAY_AS_NUMBER},
            "pay_max": {"invalid": PAY_AS_NUMBER},
            "check_level": {"required": "Say which criminal record check the role needs "
                            "(choose 'No criminal record check' if none)."},
        }  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        employers = employers_for(user)
        self.fields["organisation"].queryset = employers
        self.fields["organisation"].help_text = "Start typing the organisation's name."
        self.fields["region"].queryset = Term.objects.filter(vocabulary=Vocabulary.PLACE)
        self.fields["parts"].queryset = Term.objects.filter(vocabulary=Vocabulary.PART)
        self.fields["closes_on"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["paid"].help_text = "Jobs and paid lived-experience roles are always paid."
        self.is_staff = is_staff_member(user)
        if not self.is_staff:
            # A member contact posts for their own organisation only.
            del self.fields["employer_name"]
            self.fields["organisation"].required = True
            self.fields["organisation"].empty_label = None
        use_pickers(self, "organisation")

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(
                "The closing date has passed: give a date from today onwards."
            )
        return closes_on

    def clean(self):
        data = super().clean()
        self._clean_employer(data)
        self._clean_pay(data)
        if data.get("fair_chance") and not data.get("fair_chance_scheme", "").strip():
            self.add_error("fair_chance_scheme", "Name the scheme, e.g. Ban the Box.")
        return data

    def _clean_employer(self, data):
        organisation, outside = data.get("organisation"), data.get("employer_name", "").strip()
        if organisation and outside:
            self.add_error(
                "employer_name", "Choose the employer from the directory or name it here, not both."
            )
        elif not organisation and not outside and "organisation" not in self.errors:
            self.add_error("organisation", "Say who the employer is.")

    def _clean_pay(self, data):
        kind = data.get("kind")
        if kind in PAID_KINDS:
            data["paid"] = True
        if not data.get("paid"):
            data["pay_min"] = data["pay_max"] = None
            data["pay_period"] = ""
            return
        low, high = data.get("pay_min"), data.get("pay_max")
        for name in ("pay_min", "pay_max"):
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, "A paid role needs its pay as a range: from and up to.")
        if not data.get("pay_period"):
            self.add_error(
                "pay_period", "Say whether the pay is a year, a day, an hour or a session."
            )
        if low is not None and high is not None:
            if low == 0:
                self.add_error("pay_min", "Pay must be more than £0.")
            elif low > high:
                self.add_error("pay_max", "The top of the range is below the bottom.")


def _date_field(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a real date, for example 27 3 2024."},
    )


WHOLE_NUMBER = {"invalid": "Enter a whole number, for example 12."}


class RehabilitationForm(forms.Form):
    """The spent-conviction explainer's questions. Only the type is required: the service says
    which other answers a type needs (rehabilitation.work_out), and clean() shows its answer
    or its reason as a message on the field concerned."""

    disposal = forms.ChoiceField(
        label="What did you get?",
        choices=[("", "Choose one")] + rehabilitation.Disposal.choices,
        error_messages={
            "required": "Choose what you were given from the list.",
            "invalid_choice": "Choose what you were given from the list.",
        },
    )
    age_at_conviction = forms.IntegerField(
        label="Your age on the date of conviction",
        help_text="In whole years. Not needed for a caution, a discharge or a court order.",
        required=False,
        error_messages=WHOLE_NUMBER,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    length = forms.IntegerField(
        label="Length of the prison sentence",
        help_text="Prison or custody only: the term the court gave.",
        required=False,
        error_messages=WHOLE_NUMBER,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    length_unit = forms.ChoiceField(
        label="Length in",
        choices=rehabilitation.LengthUnit.choices,
        initial=rehabilitation.LengthUnit.MONTHS,
        required=False,
        error_messages={"invalid_choice": "Choose days, weeks, months or years."},
    )
    schedule_18 = forms.ChoiceField(
        label="More than 4 years in prison: is the offence in Schedule 18 to the Sentencing Code?",
        help_text="Schedule 18 lists serious violent, sexual and terrorism offences. Answer "
        "yes only if a single term of more than 4 years was for such an offence. A solicitor "
        "or probation officer can tell you.",
        choices=rehabilitation.Schedule18.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose yes, no or not sure."},
    )
    conviction_date = _date_field(
        "Date of conviction, or of the caution",
        "The day the court found you guilty, or the day you were given the caution.",
    )
    end_date = _date_field(
        "End date",
        "Prison: the last day of the whole sentence, including time on licence. A court "
        "order: its last day. A compensation order: the day you paid the last of it. A "
        "conditional caution: the day it stopped, if that was within 3 months.",
    )

    outcome: rehabilitation.Outcome | None = None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        # An empty choice is "", an empty number or date None: both mean "not answered".
        answers = {name: data.get(name) for name in self.fields}
        facts = rehabilitation.Facts(
            **{name: None if value == "" else value for name, value in answers.items()}
        )
        try:
            self.outcome = rehabilitation.work_out(facts, timezone.localdate())
        except rehabilitation.Unanswerable as reason:
            self.add_error(reason.field, reason.message)
        return data
