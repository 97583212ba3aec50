"""Forms: the levers (a GET form, so a scenario is a shareable address), saving, publishing,
choosing scenarios to compare."""

from django import forms

from systemmodel.engine.levers import LEVERS
from systemmodel.models import Scenario


class LeverForm(forms.Form):
    """One field per lever, named as the lever; missing fields take today's practice."""

    def __init__(self, data=None, initial_levers=None):
        super().__init__(data=data)
        for lever in LEVERS:
            initial = (initial_levers or {}).get(lever.name, lever.default)
            help_text = lever.assumption
            if lever.choices:
                field = forms.TypedChoiceField(
                    choices=[(str(int(c)), _choice_label(lever, c)) for c in lever.choices],
                    coerce=float,
                    empty_value=None,
                    initial=str(int(initial)),
                    help_text=help_text,
                )
            else:
                field = forms.FloatField(
                    min_value=lever.minimum,
                    max_value=lever.maximum,
                    initial=initial,
                    help_text=help_text,
                    widget=forms.NumberInput(attrs={"step": lever.step}),
                )
            field.label = f"{lever.label} ({lever.unit})"
            field.required = False
            self.fields[lever.name] = field

    def levers(self) -> dict[str, float]:
        """The valid levers, today's practice where a field was left empty."""
        return {
            lever.name: lever.default
            if self.cleaned_data.get(lever.name) is None
            else float(self.cleaned_data[lever.name])
            for lever in LEVERS
        }


def _choice_label(lever, value) -> str:
    return "None" if value == 0 else f"Under {int(value)} {lever.unit}"


class SaveScenarioForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["title", "description"]


class PublishForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["is_published", "recommendations"]
        labels = {"is_published": "Published (anyone can see it)"}
        widgets = {"recommendations": forms.CheckboxSelectMultiple}


class CompareForm(forms.Form):
    s = forms.MultipleChoiceField(
        label="Scenarios to compare (two to four)", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data=None, scenarios=()):
        super().__init__(data=data)
        self.fields["s"].choices = [(s.slug, s.title) for s in scenarios]

    def clean_s(self):
        chosen = self.cleaned_data["s"]
        if not 2 <= len(chosen) <= 4:
            raise forms.ValidationError("Choose between two and four scenarios.")
        return chosen
