from django import forms

from members.models import Organisation


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

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter the organisation's name.")
        return name

    def clean_charity_number(self):
        return self.cleaned_data.get("charity_number") or None

    def clean_company_number(self):
        return self.cleaned_data.get("company_number") or None
