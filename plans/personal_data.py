"""What the plans app holds about people: an activity's owner (a named person or team), and
who did what (answered a survey for their organisation, entered or annotated a figure,
changed an activity, made a plan version) as authorship."""

from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource

ERASED_OWNER = "A member of staff"


def _owned(subject: DataSubject):
    from plans.models import Activity

    return Activity.objects.filter(owner__in=subject.names).select_related("plan__network")


def export_owned(subject: DataSubject) -> dict[str, list[dict]]:
    rows = [{"activity": a.title, "plan": str(a.plan), "named as owner": a.owner}
            for a in _owned(subject)]  # fmt: skip
    return {"action plan activities you own": rows}


def erase_owned(subject: DataSubject) -> int:
    return _owned(subject).update(owner=ERASED_OWNER)


personal_data.register(
    PersonalDataSource(
        key="plans.activity_owners",
        description="The name of the person who owns an activity in the action plan.",
        models=("plans.Activity",),
        export=export_owned,
        erase=erase_owned,
    )
)
personal_data.declare_authorship("plans.SurveyResponse", "submitted_by")
personal_data.declare_authorship("plans.IndicatorValue", "entered_by", "annotated_by")
personal_data.declare_authorship("plans.ActivityChange", "changed_by")
personal_data.declare_authorship("plans.PlanVersion", "created_by")
personal_data.declare_not_personal(
    "plans.SurveyCode", "name", reason="A theme's name in the survey's codebook."
)
