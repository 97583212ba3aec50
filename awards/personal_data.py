"""What the awards hold about people, for the personal-data registry: nominators' contact
details and words, nominated people's names, emails and consent, and judges' panel seats,
declared interests and scores."""

from django.db.models import Q

from awards.models import (
    Conflict,
    Nomination,
    Nominator,
    NomineeKind,
    PanelMember,
    Score,
    SupportingFile,
)
from awards.signals import forget_later
from core import audit
from core.registries import personal_data

ERASED_NOMINEE = "A nominee (erased)"


def _nominators(subject):
    matches = Q(email__in=subject.emails)
    if subject.user is not None:
        matches |= Q(user=subject.user)
    return Nominator.objects.filter(matches)


def export_nominations(subject) -> dict[str, list[dict]]:
    made = [
        {
            "nominee": n.nomination.nominee_name,
            "category": str(n.nomination.category),
            "name": n.name,
            "email": n.email,
            "organisation": n.organisation_name,
            "statement": n.statement,
            "answers": n.answers,
            "files": [f.filename for f in n.files.all()],
            "submitted at": n.submitted_at.isoformat(),
        }
        for n in _nominators(subject)
        .select_related("nomination__category__cycle__scheme")
        .prefetch_related("files")
    ]
    received = [
        {
            "category": str(n.category),
            "name": n.nominee_name,
            "email": n.nominee_email,
            "consent": n.get_consent_display(),
            "shortlisted": n.shortlisted,
            "winner": n.winner,
        }
        for n in Nomination.objects.filter(nominee_email__in=subject.emails).select_related(
            "category__cycle__scheme"
        )
    ]
    return {"award nominations you made": made, "award nominations of you": received}


def erase_nominations(subject) -> int:
    """Nominators become anonymous and their files go (the nomination stays, so the awards'
    record stands); a nominated person's email goes and their name is withdrawn from view."""
    changed = 0
    nominators = list(_nominators(subject))
    audit.forget_records(nominators)
    files = SupportingFile.objects.filter(nominator__in=nominators)
    for supporting in files:
        supporting.file.delete(save=False)
    changed += files.delete()[0]
    for nominator in nominators:
        nominator.name, nominator.email, nominator.user = (
            "Erased",
            f"erased-{nominator.pk}@invalid",
            None,
        )
        nominator.organisation_name, nominator.statement, nominator.answers = "", "(erased)", []
        nominator.save()
        changed += 1
    nominations = list(Nomination.objects.filter(nominee_email__in=subject.emails))
    audit.forget_records(nominations)
    for nomination in nominations:
        if nomination.nominee_kind == NomineeKind.PERSON:
            nomination.nominee_name = ERASED_NOMINEE
        nomination.nominee_email = ""
        nomination.consent = "refused"
        nomination.shortlisted = nomination.winner = nomination.highly_commended = False
        nomination.save()
        changed += 1
    return changed


def export_judging(subject) -> dict[str, list[dict]]:
    if subject.user is None:
        return {}
    seats = PanelMember.objects.filter(judge=subject.user).select_related("category__cycle__scheme")
    return {
        "award panels": [
            {"category": str(m.category), "lived experience": m.lived_experience,
             "named publicly": m.named_publicly} for m in seats
        ],
        "declared interests": [
            {"nomination": c.nomination.nominee_name, "reason": c.reason, "recused": c.recused}
            for c in Conflict.objects.filter(panel_member__in=seats, source="declared")
            .select_related("nomination")
        ],
        "award scores": [
            {"nomination": s.nomination.nominee_name, "criterion": s.criterion.name,
             "score": s.value, "comment": s.comment}
            for s in Score.objects.filter(panel_member__in=seats)
            .select_related("nomination", "criterion")
        ],
    }  # fmt: skip


def erase_judging(subject) -> int:
    """Scores stay (results already announced rest on them) but their comments go; the judge
    is no longer named publicly and their lived-experience flag is cleared."""
    if subject.user is None:
        return 0
    seats = PanelMember.objects.filter(judge=subject.user)
    changed = Score.objects.filter(panel_member__in=seats).exclude(comment="").update(comment="")
    changed += seats.filter(Q(named_publicly=True) | Q(lived_experience=True)).update(
        named_publicly=False, lived_experience=False
    )
    # A bulk update sends no signals: the panels' cached warnings read lived experience.
    forget_later(*seats.values_list("category_id", flat=True))
    return changed


personal_data.register(
    personal_data.PersonalDataSource(
        key="awards.nominations",
        description="Award nominations: nominators' names, emails, organisations, statements, "
        "answers and supporting files; nominated people's names, emails and consent.",
        models=("awards.Nominator", "awards.SupportingFile", "awards.Nomination"),
        export=export_nominations,
        erase=erase_nominations,
    )
)
personal_data.register(
    personal_data.PersonalDataSource(
        key="awards.judging",
        description="Awards judging: the panels a judge sits on, whether they have lived "
        "experience, the interests they declared, and their scores and comments.",
        models=("awards.PanelMember", "awards.Conflict", "awards.Score"),
        export=export_judging,
        erase=erase_judging,
    )
)
personal_data.declare_authorship("awards.Conflict", "decided_by")
personal_data.declare_not_personal(
    "awards.Criterion", "name", reason="A judging criterion's name, not a person's."
)
