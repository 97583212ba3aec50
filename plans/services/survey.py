"""Members' yearly feedback: one answer per member organisation, statements on an agreement
scale, percentages with their base, and free text coded by staff.

The coding uses the consultations app's redaction finder (consultations.evidence.services.
redaction.find_candidates) to mark names, places and organisations in free text before it is
shown to anyone, as consultation quotes are. The codebook itself is this survey's own: the
consultations codebook hangs off a consultation and its quotes, which a survey does not have.
"""

from django.db import IntegrityError, transaction

from plans.models import Agreement, StatementAnswer, Survey, SurveyCode, SurveyResponse

MAX_FREE_TEXT = 4000


class AnswerRefused(ValueError):
    pass


def organisations_for(user, survey: Survey):
    """The member organisations of the survey's network this person answers for."""
    from members.models import MembershipStatus, Organisation

    person = getattr(user, "person", None)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        affiliation__person=person,
        memberships__network=survey.network,
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()


def answered(survey: Survey, organisation) -> bool:
    return SurveyResponse.objects.filter(survey=survey, organisation=organisation).exists()


def submit(user, survey: Survey, organisation, agreements: dict[int, str], free_text: str):
    if not survey.is_open:
        raise AnswerRefused("This survey has closed.")
    if not organisations_for(user, survey).filter(pk=organisation.pk).exists():
        raise AnswerRefused("You can answer only for a member organisation you work for.")
    if len(free_text) > MAX_FREE_TEXT:
        raise AnswerRefused(f"Keep your comments under {MAX_FREE_TEXT:,} characters.")
    statements = list(survey.statements.all())
    chosen = {}
    for statement in statements:
        raw = agreements.get(statement.pk, "")
        if not str(raw).isdigit() or int(raw) not in Agreement.values:
            raise AnswerRefused(f"Choose how far you agree with “{statement.text}”.")
        chosen[statement] = int(raw)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey, organisation=organisation, submitted_by=user,
                free_text=free_text.strip(),
            )  # fmt: skip
            StatementAnswer.objects.bulk_create(
                StatementAnswer(response=response, statement=s, agreement=a)
                for s, a in chosen.items()
            )
    except IntegrityError:
        raise AnswerRefused(
            f"{organisation.name} has already answered this survey: one answer per organisation."
        ) from None
    return response


def results(survey: Survey) -> dict:
    """Per statement: the count and percentage giving each answer, with the base (how many
    organisations answered it), and the share agreeing (agree + strongly agree)."""
    base_total = survey.responses.count()
    rows = []
    for statement in survey.statements.all():
        counts = dict.fromkeys(Agreement.values, 0)
        for value in statement.answers.values_list("agreement", flat=True):
            counts[value] += 1
        base = sum(counts.values())
        rows.append({
            "statement": statement.text,
            "base": base,
            "answers": [
                {"label": label, "count": counts[value],
                 "percent": round(100 * counts[value] / base) if base else None}
                for value, label in Agreement.choices
            ],
            "agree_percent": round(100 * (counts[4] + counts[5]) / base) if base else None,
        })  # fmt: skip
    codes = [{"name": code.name, "count": code.responses.count()} for code in survey.codes.all()]
    return {"base": base_total, "statements": rows, "codes": codes}


def masked(text: str) -> str:
    """Free text with names, places and organisations replaced, for showing in results."""
    from consultations.evidence.services.redaction import find_candidates

    candidates = sorted(find_candidates(text), key=lambda c: c.start, reverse=True)
    for candidate in candidates:
        text = text[: candidate.start] + candidate.marker + text[candidate.end :]
    return text


def add_code(survey: Survey, name: str) -> SurveyCode:
    name = name.strip()
    if not name or len(name) > 120:
        raise AnswerRefused("Give the code a name of up to 120 characters.")
    code, _ = SurveyCode.objects.get_or_create(survey=survey, name=name)
    return code


def code_response(response: SurveyResponse, code_ids: list[int]) -> None:
    codes = SurveyCode.objects.filter(survey=response.survey, pk__in=code_ids)
    response.codes.set(codes)
