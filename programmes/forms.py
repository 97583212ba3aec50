"""The programmes app's forms. Words are plain: an applicant describes lived experience in
their own terms, and no form asks for a list of offences."""

from django import forms

from programmes.services.followups import PAY_BANDS, SENIORITY
from taxonomy.models import Term

APPLICATION_CONSENT = (
    "You may keep what I have written to select this cohort and, if I take part, to run the "
    "programme and ask me about my progress for two years. Only the selection panel and "
    "programme staff will read it."
)
YES_NO = [("", "Prefer not to say"), ("yes", "Yes"), ("no", "No")]


class ApplicationForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=200)
    email = forms.EmailField(label="Your email address", max_length=254)
    region = forms.ModelChoiceField(
        label="Where you live", queryset=Term.objects.places(), required=False,
        empty_label="Prefer not to say",
    )  # fmt: skip
    lived_experience = forms.CharField(
        label="Your experience of the justice system, in your own words",
        help_text="Tell us as much or as little as you want. We do not need to know about any "
        "offence, and we will never ask for a list of convictions.",
        max_length=3000, widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip
    hopes = forms.CharField(
        label="What you hope to do with the programme",
        max_length=3000, widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    interests = forms.CharField(
        label="What you are interested in (optional)", required=False, max_length=300,
        help_text="For example: housing, youth justice, employment, campaigning.",
    )  # fmt: skip
    sector = forms.CharField(label="The sector you work in or want to (optional)",
                             required=False, max_length=100)  # fmt: skip
    availability = forms.CharField(
        label="When you are usually free (optional)", required=False, max_length=200,
        help_text="For example: weekday evenings, Saturday mornings.",
    )  # fmt: skip
    access_needs = forms.CharField(
        label="Anything that would help you take part (optional)", required=False,
        max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    consent = forms.BooleanField(label=APPLICATION_CONSENT)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            ("offer", "Offer a place"),
            ("wait", "Put on the waiting list"),
            ("unsuccessful", "Not offered a place"),
        ],  # fmt: skip
        widget=forms.RadioSelect,
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why they are leaving",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept with their record. Their places at sessions still to come are given "
        "back; before the cohort starts, the next person waiting is offered the place.",
    )


class SeatForm(forms.Form):
    judge = forms.ModelChoiceField(label="Panel member", queryset=None)
    lived_experience = forms.BooleanField(label="Has lived experience", required=False)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = users


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label="What would help (optional)", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class FollowUpForm(forms.Form):
    paid_role = forms.TypedChoiceField(
        label="Are you in a paid role?", choices=YES_NO, required=False,
        coerce=lambda v: v == "yes", empty_value=None,
    )  # fmt: skip
    in_sector = forms.TypedChoiceField(
        label="Is your work in the justice or charity sector?", choices=YES_NO, required=False,
        coerce=lambda v: v == "yes", empty_value=None,
    )  # fmt: skip
    role_title = forms.CharField(label="Your role (optional)", max_length=200, required=False)
    seniority = forms.ChoiceField(
        label="How senior is it?", choices=[("", "Prefer not to say"), *SENIORITY], required=False
    )
    pay_band = forms.ChoiceField(
        label="Pay band", choices=[("", "Prefer not to say"), *PAY_BANDS], required=False
    )
    board_roles = forms.IntegerField(
        label="How many board or trustee roles do you hold?", min_value=0, max_value=20,
        required=False,
    )  # fmt: skip
    further_study = forms.TypedChoiceField(
        label="Are you in further study or training?", choices=YES_NO, required=False,
        coerce=lambda v: v == "yes", empty_value=None,
    )  # fmt: skip
    confidence = forms.TypedChoiceField(
        label="How confident do you feel about leading change? (1 not at all, 5 very)",
        choices=[("", "Prefer not to say")] + [(str(n), str(n)) for n in range(1, 6)],
        required=False, coerce=int, empty_value=None,
    )  # fmt: skip


class ConcernForm(forms.Form):
    group = forms.ModelChoiceField(label="Which group", queryset=None)
    what_happened = forms.CharField(
        label="What happened, or what worries you",
        help_text="Write what you saw or were told, in the words used if you can. Only the "
        "designated safeguarding leads will read it.",
        max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
    )  # fmt: skip
    young_person = forms.ModelChoiceField(
        label="Which young person, if it is about one (optional)",
        help_text="Only the young people of the group you work with are listed. Leave it "
        "empty if the concern is about no one in particular, or you are not sure.",
        queryset=None, required=False, empty_label="No one in particular",
        error_messages={"invalid_choice": "Choose a young person from the list, or no one."},
    )  # fmt: skip
    immediate_risk = forms.BooleanField(
        label="Someone may be at immediate risk (also call 999 now)", required=False
    )
    field_order = ["group", "young_person", "what_happened", "immediate_risk"]

    def __init__(self, *args, groups, young_people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["young_person"].queryset = young_people
        # Several groups: say whose group each young person is in.
        if len({p.group_id for p in young_people}) > 1:
            self.fields["young_person"].label_from_instance = lambda p: f"{p} ({p.group.name})"

    def clean(self):
        cleaned = super().clean()
        group, person = cleaned.get("group"), cleaned.get("young_person")
        if group and person and person.group_id != group.pk:
            self.add_error("young_person", "That young person is not in the group you chose.")
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to read the safeguarding log?",
        help_text="Your reason is recorded with your name and shown to the leads.",
        max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ActionForm(forms.Form):
    action = forms.CharField(label="Action taken", max_length=3000,
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class OutcomeForm(forms.Form):
    outcome = forms.CharField(label="Outcome", max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class ParentConsentForm(forms.Form):
    parent_name = forms.CharField(label="Parent's or carer's name", max_length=200)


class PaidForm(forms.Form):
    paid_on = forms.DateField(label="Paid on", widget=forms.DateInput(attrs={"type": "date"}))
