"""A person's monitoring answers in the personal-data registry. They are found only through
the person's account (services/tokens.py), so a request from someone without an account, or
made after the account is gone, finds nothing: nothing stored says whose answers are whose."""

from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource


def export_answers(subject: DataSubject) -> dict[str, list[dict]]:
    from equality.services import monitoring

    if subject.user is None:
        return {}
    rows = []
    for exercise, response in monitoring.own_answers(subject.user):
        row = {"form": exercise.title, "consented at": response.consented_at.isoformat(),
               "consent wording": response.consent_wording}  # fmt: skip
        row.update(dict(monitoring.readable_answers(response)))
        rows.append(row)
    return {"equality monitoring answers": rows}


def erase_answers(subject: DataSubject) -> int:
    from equality.services import monitoring

    if subject.user is None:
        return 0
    return sum(monitoring.delete_answers(subject.user, e) for e, _ in
               monitoring.own_answers(subject.user))  # fmt: skip


personal_data.register(
    PersonalDataSource(
        key="equality.answers",
        description=(
            "Voluntary equality monitoring answers (special category data), kept apart from "
            "names and linked to an account only by a keyed code the site computes."
        ),
        models=("equality.Response",),
        export=export_answers,
        erase=erase_answers,
        erase_order=-10,  # before the account goes: the answers are found through it
    )
)
personal_data.declare_authorship("equality.PublishedReport", "published_by")
