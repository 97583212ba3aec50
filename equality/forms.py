from django import forms

from equality.models import Exercise, Group
from equality.questions import CONSENT_WORDING, QUESTIONS


class AnswersForm(forms.Form):
    """Every question with its census answers and "Prefer not to say"; all required, so an
    answer is always a choice the person made, and explicit consent to the wording shown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in QUESTIONS:
            self.fields[q.field] = forms.ChoiceField(
                label=q.text,
                choices=q.all_choices(),
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose an answer about {q.title.lower()}, or "
                                "'Prefer not to say'."},
            )  # fmt: skip
        self.fields["consent"] = forms.BooleanField(
            label=CONSENT_WORDING,
            error_messages={"required": "Tick the box to agree before your answers are kept."},
        )


class ExerciseForm(forms.ModelForm):
    class Meta:
        model = Exercise
        fields = ["group", "year", "title"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Give a year between 2000 and 2100.")
        return year

    def clean(self):
        data = super().clean()
        group, year = data.get("group"), data.get("year")
        if (
            group
            and year
            and Exercise.objects.filter(group=group, year=year, context_key="").exists()
        ):
            raise forms.ValidationError(
                f"There is already a {Group(group).label.lower()} exercise for {year}."
            )
        return data
