from django import forms

from plans.models import (
    ActionPlan,
    Activity,
    ActivityStatus,
    Aim,
    Audience,
    Indicator,
    IndicatorKind,
    Objective,
    Report,
    Strategy,
    Unit,
)
from plans.services import links, measures
from plans.services.planning import PlanRefused, parse_quarters


class StrategyForm(forms.ModelForm):
    class Meta:
        model = Strategy
        fields = ["network", "title", "starts_year", "ends_year", "vision", "mission"]

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the networks this staff member staffs (admins: all).
        self.fields["network"].queryset = networks

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_year"), data.get("ends_year")
        if start and end and not (2000 <= start <= end <= start + 15):
            raise forms.ValidationError("The strategy's years must run forwards, within 15 years.")
        return data


class AimForm(forms.ModelForm):
    class Meta:
        model = Aim
        fields = ["order", "title", "description"]


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["order", "title"]


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["network", "strategy", "year", "introduction"]

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["strategy"].queryset = self.fields["strategy"].queryset.filter(
            network__in=networks
        )

    def clean(self):
        data = super().clean()
        network, strategy, year = data.get("network"), data.get("strategy"), data.get("year")
        if network and strategy and strategy.network_id != network.pk:
            self.add_error("strategy", "Choose a strategy of the same network.")
        if strategy and year and not (strategy.starts_year <= year <= strategy.ends_year):
            self.add_error("year", f"The strategy runs {strategy.period}; choose a year in it.")
        return data


def objectives_of(plan):
    return Objective.objects.filter(aim__strategy=plan.strategy).select_related("aim")


class ActivityForm(forms.ModelForm):
    change_reason = forms.CharField(
        required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        label="Why the plan changes",
        help_text="Needed once the plan is published: members read it in the next update.",
    )  # fmt: skip

    class Meta:
        model = Activity
        fields = ["objective", "order", "title", "description", "owner", "quarters", "status",
                  "status_reason"]  # fmt: skip
        labels = {"status_reason": "Reason for the status"}
        help_texts = {"status_reason": "Needed when at risk, off track or dropped."}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives_of(plan)
        self.fields["status_reason"].widget.attrs["rows"] = 2
        self.fields["description"].widget.attrs["rows"] = 3
        if not plan.is_published:
            del self.fields["change_reason"]

    def clean_quarters(self):
        try:
            return parse_quarters(self.cleaned_data["quarters"])
        except PlanRefused as refused:
            raise forms.ValidationError(str(refused)) from None

    def clean(self):
        data = super().clean()
        status, reason = data.get("status"), (data.get("status_reason") or "").strip()
        if status in (ActivityStatus.AT_RISK, ActivityStatus.OFF_TRACK, ActivityStatus.DROPPED) \
                and not reason:  # fmt: skip
            self.add_error("status_reason", "Say why: members read it.")
        if (
            "change_reason" in self.fields
            and self.has_changed()
            and not (data.get("change_reason") or "").strip()
        ):
            self.add_error("change_reason", "The plan is published: say why it changes.")
        return data


class StatusForm(forms.Form):
    """The quick form on the plan page: a new status and why."""

    status = forms.ChoiceField(choices=ActivityStatus.choices)
    status_reason = forms.CharField(
        required=False, max_length=2000, label="Reason", widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of record")
    title = forms.CharField(max_length=300, label="Its exact title")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.key, k.label) for k in links.available()]

    def clean(self):
        data = super().clean()
        if data.get("kind") and data.get("title"):
            target = links.find(data["kind"], data["title"])
            if target is None:
                raise forms.ValidationError("No record of that kind has that title.")
            data["target"] = target
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["objective", "order", "title", "kind", "measure", "definition", "unit",
                  "direction", "baseline", "baseline_note", "target"]  # fmt: skip

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives_of(plan)
        self.fields["measure"] = forms.ChoiceField(
            required=False, label="Named query (measured indicators)",
            choices=[("", "—")] + measures.choices(),
        )  # fmt: skip

    def clean(self):
        data = super().clean()
        kind, key = data.get("kind"), data.get("measure")
        if kind == IndicatorKind.MEASURED:
            measure = measures.get(key or "")
            if measure is None:
                self.add_error("measure", "Choose the query that measures it.")
            elif data.get("unit") and data["unit"] != measure.unit:
                self.add_error(
                    "unit", f"That query gives {Unit(measure.unit).label.lower()}: use that unit."
                )
        elif kind == IndicatorKind.REPORTED:
            data["measure"] = ""
            if not (data.get("definition") or "").strip():
                self.add_error("definition", "Say what is counted and how, for readers.")
        return data


class ReportedValueForm(forms.Form):
    value = forms.CharField(max_length=40)
    unit = forms.ChoiceField(choices=Unit.choices)
    evidence = forms.FileField(required=False, help_text="A PDF, Word or text document.")
    evidence_note = forms.CharField(
        required=False, max_length=2000, label="Where the evidence is, or what it shows",
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class AnnotationForm(forms.Form):
    annotation = forms.CharField(
        required=False, max_length=4000, label="Note on this figure",
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["title", "summary", "highlights", "learning"]
        widgets = {
            f: forms.Textarea(attrs={"rows": 6}) for f in ("summary", "highlights", "learning")
        }


class PublishForm(forms.Form):
    audience = forms.ChoiceField(choices=Audience.choices, widget=forms.RadioSelect)
