from django import forms

from core.lib.images import check_image
from core.lib.uploads import clean_upload
from members.models import MembershipApplication, Network, Organisation, OrganisationType
from members.services.applications.intake import consent_text
from members.services.identifiers import normalise_charity_number, normalise_company_number


class HttpsURLField(forms.URLField):
    """A web address typed without "https://" is taken to be https."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "org_type",
            "description",
            "website",
            "regions",
            "parts",
            "themes",
            "populations",
            "lived_experience_led",
            "by_and_for",
            "size_band",
            "charity_number",
            "company_number",
        ]
        widgets = {
            "regions": forms.CheckboxSelectMultiple,
            "parts": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "populations": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        field_classes = {"website": HttpsURLField}
        labels = {
            "org_type": "Type of organisation",
            "lived_experience_led": "Led by people with lived experience of the justice system",
            "by_and_for": '"By and for": run by and for the community it serves',
            "size_band": "Size (yearly income)",
        }
        help_texts = {"by_and_for": ""}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the organisation's name.")
        return name

    # Normalised here, not only in save(), so the uniqueness check compares like with like.
    def clean_charity_number(self):
        return normalise_charity_number(self.cleaned_data.get("charity_number")) or None

    def clean_company_number(self):
        return normalise_company_number(self.cleaned_data.get("company_number")) or None


class OrganisationProfileForm(OrganisationForm):
    """The profile page's form: the shared fields (which imports and the API check too) plus
    how to reach the organisation and its logo, which only people on the page change."""

    logo_upload = forms.FileField(
        required=False,
        label="Logo",
        help_text="A PNG or JPEG picture. We check it and make it smaller to fit the page.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(required=False, label="Remove the current logo")

    class Meta(OrganisationForm.Meta):
        fields = [
            *OrganisationForm.Meta.fields[:4],
            "email",
            "phone",
            *OrganisationForm.Meta.fields[4:],
        ]
        widgets = {
            **OrganisationForm.Meta.widgets,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def clean_logo_upload(self):
        uploaded = self.cleaned_data.get("logo_upload")
        return clean_upload(uploaded, check_image) if uploaded else None


# --- Membership applications -------------------------------------------------------------


class FormSection:
    """Some of a form's fields under one heading, shaped so `_form.html` can render them.

    The error summary is shown once for the whole form, so a section reports no errors of
    its own and only lists its visible fields.
    """

    def __init__(self, title: str, fields, hint: str = ""):
        self.title = title
        self.hint = hint
        self.fields = list(fields)

    @property
    def errors(self):
        return {}

    def non_field_errors(self):
        return []

    def hidden_fields(self):
        return []

    def visible_fields(self):
        return self.fields

    def __iter__(self):
        return iter(self.fields)


def _single_line(value: str) -> str:
    return " ".join((value or "").split())


class MembershipApplicationForm(forms.ModelForm):
    """The public form for organisations that want to join one or more networks."""

    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": "Tick the box to agree to us keeping these details, or we cannot "
            "consider your application."
        },
    )
    # Spam checks. People never see `organisation_alias`; bots that fill every field do.
    organisation_alias = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    SECTIONS = [
        (
            "About your organisation",
            [
                "organisation_name",
                "org_type",
                "description",
                "website",
                "charity_number",
                "company_number",
            ],
            "",
        ),
        (
            "Your work",
            ["parts", "themes", "regions", "lived_experience_led", "by_and_for"],
            "Tick all that apply. This helps members and staff find you.",
        ),
        (
            "Contact person",
            ["contact_name", "contact_email", "contact_job_title"],
            "The person we should talk to about this application.",
        ),
        ("Networks", ["networks"], ""),
        ("Consent", ["consent"], ""),
    ]

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "org_type",
            "description",
            "website",
            "charity_number",
            "company_number",
            "parts",
            "themes",
            "regions",
            "lived_experience_led",
            "by_and_for",
            "contact_name",
            "contact_email",
            "contact_job_title",
            "networks",
        ]
        labels = {
            "organisation_name": "Name of your organisation",
            "org_type": "Type of organisation",
            "description": "What your organisation does",
            "website": "Website (optional)",
            "charity_number": "Registered charity number (optional)",
            "company_number": "Companies House number (optional)",
            "parts": "Parts of the justice system you work in",
            "themes": "Themes you work on",
            "regions": "Where you work",
            "lived_experience_led": "Our organisation is led by people with lived experience "
            "of the justice system",
            "by_and_for": 'Our organisation is "by and for": run by and for the community '
            "it serves",
            "contact_name": "Your full name",
            "contact_email": "Your email address",
            "contact_job_title": "Your job title (optional)",
            "networks": "Networks you want to join",
        }
        help_texts = {
            "description": "A few sentences about your work and the people you work with. "
            "Up to 2,000 characters.",
            "website": "For example, https://www.example.org.uk",
            "charity_number": "England and Wales: 6 or 7 digits. Scotland: SC and 6 digits. "
            "Northern Ireland: NIC and 6 digits.",
            "company_number": "8 characters, for example 01234567 or SC123456.",
            "contact_email": "We will send a copy of your application and our decision to "
            "this address.",
            "networks": "Choose at least one.",
        }
        error_messages = {
            "organisation_name": {"required": "Enter the name of your organisation."},
            "org_type": {"required": "Choose the type of organisation."},
            "description": {"required": "Tell us what your organisation does."},
            "contact_name": {"required": "Enter your full name."},
            "contact_email": {
                "required": "Enter your email address.",
                "invalid": "Enter an email address in the right format, like name@example.org.uk",
            },
            "networks": {"required": "Choose at least one network to join."},
            "website": {
                "invalid": "Enter a web address in the right format, like "
                "https://www.example.org.uk"
            },
        }
        field_classes = {"website": HttpsURLField}
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "charity_number": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "company_number": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "parts": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
            "networks": forms.CheckboxSelectMultiple,
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        # Several labels are whole sentences, which a trailing colon would spoil.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()
        self.fields["org_type"].choices = [("", "Choose one")] + list(OrganisationType.choices)
        self.fields["networks"].queryset = Network.objects.order_by("name")

    def sections(self) -> list[FormSection]:
        return [
            FormSection(title, [self[name] for name in names], hint)
            for title, names, hint in self.SECTIONS
        ]

    def clean_organisation_name(self):
        name = _single_line(self.cleaned_data["organisation_name"])
        if not name:
            raise forms.ValidationError("Enter the name of your organisation.")
        return name

    def clean_contact_name(self):
        name = _single_line(self.cleaned_data["contact_name"])
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

    def clean_contact_job_title(self):
        return _single_line(self.cleaned_data.get("contact_job_title", ""))

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()

    def clean_charity_number(self):
        return normalise_charity_number(self.cleaned_data.get("charity_number"))

    def clean_company_number(self):
        return normalise_company_number(self.cleaned_data.get("company_number"))


class ApprovalForm(forms.Form):
    """Staff choose where an approved application goes: a new record or a matching one."""

    NEW = "new"

    target = forms.ChoiceField(
        label="Which organisation record should this application go into?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a new record or one of the matching organisations."},
    )

    def __init__(self, *args, matches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(match.record.pk): match.record for match in matches}
        choices = [(self.NEW, "Create a new organisation record")]
        choices += [
            (pk, f"Add to the existing record for {organisation.name}")
            for pk, organisation in self.organisations.items()
        ]
        self.fields["target"].choices = choices
        if not self.organisations:
            self.fields["target"].initial = self.NEW

    @property
    def organisation(self):
        """The chosen existing organisation, or None for a new record."""
        return self.organisations.get(self.cleaned_data["target"])


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason for declining",
        help_text="The applicant will see this in their email, so write it for them.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give a reason for declining. The applicant will see it."},
    )
