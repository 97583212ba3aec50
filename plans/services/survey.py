"""Members' yearly feedback: one answer per member organisation, statements on an agreement
scale, percentages with their base, and free text coded by staff.

The coding uses the consultations app's redaction finder (consultations.evidence.services.
redaction.find_candidates) to mark names, places and organisations in free text before it is
shown to anyone, as consultation quotes are. The codebook itself is this survey's own: the
consultations codebook hangs off a consultation and its quotes, which a survey does not have.
Codes are suggested with the consultations coding maths (consultations.evidence.services.
text_coding), fitted on the answers already coded in the same survey; a suggestion is applied
only when a staff member accepts it.
"""

from dataclasses import dataclass

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


@dataclass
class Suggestion:
    code: SurveyCode
    score: float
    shared_terms: list[str]
    nearest: list[tuple[float, str]]  # (similarity, masked text) of the most similar coded answers


def suggest_codes(survey: Survey, limit: int = 3) -> dict[int, list[Suggestion]]:
    """For each uncoded free-text answer of the survey, up to `limit` codes, best first, with
    their reasons; empty lists while no answer is coded (there is nothing to learn from)."""
    from consultations.evidence.services import text_coding

    with_text = survey.responses.exclude(free_text="")
    codings = SurveyResponse.codes.through.objects.filter(surveyresponse__in=with_text)
    model = text_coding.fit(
        codings.order_by("pk").values_list(
            "surveyresponse_id", "surveyresponse__free_text", "surveycode_id"
        )
    )
    candidates = list(with_text.filter(codes=None).values_list("pk", "free_text"))
    codes = {code.pk: code for code in survey.codes.all()}
    return {
        pk: [
            Suggestion(
                code=codes[s.code_id],
                score=s.score,
                shared_terms=s.shared_terms,
                nearest=[(n.similarity, masked(n.text)) for n in s.neighbours],
            )
            for s in found
            if s.code_id in codes
        ]
        for pk, found in text_coding.suggest(model, candidates, limit).items()
    }


def accept_code(response: SurveyResponse, code_id: int) -> SurveyCode:
    """A staff member accepts a suggested code: it is added to the answer's codes."""
    code = SurveyCode.objects.filter(survey=response.survey, pk=code_id).first()
    if code is None:
        raise AnswerRefused("That code is not in this survey's list.")
    code_response(response, [*response.codes.values_list("pk", flat=True), code.pk])
    return code
