"""Who gets what from each consultations page: merged into groundswell/tests/permission_rules.py.

Every named URL in consultations/urls.py (and its API routes) needs a rule here.
"""

from groundswell.tests.permission_rules import (  # noqa: F401  the vocabulary rules are built from
    API,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
    write_only,
)

SAMPLES: dict[str, str] = {}
RULES = {}

# --- Submission builder, feedback loop, public pages (submission/, feedback/, public/, api.py) -
# Staff build and send; the public sees a consultation once it is out of draft and its
# submission once published. Actions are POST only: a GET is refused (405) after the role check.
SAMPLES.update(
    {
        "published_consultation": "slug of a consultation in network N whose submission is "
        "sent and published",
        "draft_consultation": "slug of a consultation still in draft, with a draft submission",
        "submission_section": "pk of a section of the published submission",
        "text_block": "pk of a narrative block in that section",
    }
)
SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)


def _published_and_draft():
    return rule(
        get(PUBLIC, label="published", slug="published_consultation"),
        get(everyone(NOT_FOUND), label="draft", slug="draft_consultation"),
        why="Drafts are never public; a submission only once published.",
    )


def _staff(**samples):
    return rule(get(STAFF_ONLY, slug="published_consultation", **samples))


def _post_only(**samples):
    return rule(get(STAFF_POST_ONLY, slug="published_consultation", **samples))


RULES.update(
    {
        "consultations:index": public(why="Open and past consultations; drafts are left out."),
        "consultations:my_input": rule(
            get(SIGNED_IN),
            why="Each person sees only their own organisations' input "
            "(consultations/tests/test_feedback_pages.py).",
        ),
        "consultations:detail": _published_and_draft(),
        "consultations:submission_docx": _published_and_draft(),
        "consultations:submission_pdf": _published_and_draft(),
        "consultations:builder": _staff(),
        "consultations:builder_start": _post_only(),
        "consultations:builder_details": _staff(),
        "consultations:builder_section_add": _post_only(),
        "consultations:builder_section": _staff(pk="submission_section"),
        "consultations:builder_section_move": _post_only(pk="submission_section"),
        "consultations:builder_section_remove": _post_only(pk="submission_section"),
        "consultations:builder_add_text": _post_only(pk="submission_section"),
        "consultations:builder_add_quote": _post_only(pk="submission_section"),
        "consultations:builder_add_recommendation": _post_only(pk="submission_section"),
        "consultations:builder_block_edit": _staff(pk="text_block"),
        "consultations:builder_block_move": _post_only(pk="text_block"),
        "consultations:builder_block_remove": _post_only(pk="text_block"),
        "consultations:builder_preview": _staff(),
        "consultations:builder_docx": _staff(),
        "consultations:builder_pdf": _staff(),
        "consultations:builder_versions": _staff(),
        "consultations:builder_compare": _staff(),
        "consultations:builder_send": _post_only(),
        "consultations:builder_publish": _post_only(),
        "consultations:feedback_loop": _staff(),
        "consultations:feedback_send": _post_only(),
        f"{API}:list_consultations": public(),
        f"{API}:get_consultation": _published_and_draft(),
        f"{API}:get_consultation_submission": _published_and_draft(),
    }
)


def _submission_samples(context) -> dict[str, str]:
    """A published submission (with a section and a text block) and a draft consultation."""
    from django.utils import timezone

    from consultations.models import ConsultationStatus
    from consultations.submission.services import builder
    from consultations.tests.factories import ConsultationFactory, QuestionFactory

    staff = context["users"]["staff"]
    published = ConsultationFactory(
        networks=[context["network_n"]], status=ConsultationStatus.SUBMITTED
    )
    QuestionFactory(part__consultation=published)
    submission = builder.start_submission(staff, published)
    section = submission.sections.filter(parent__isnull=False).first()
    block = builder.add_text(staff, section, "What our members told us.")
    submission.sent_at = submission.published_at = timezone.now()
    submission.save()
    draft = ConsultationFactory(status=ConsultationStatus.DRAFT)
    builder.start_submission(staff, draft)
    return {
        "published_consultation": published.slug,
        "draft_consultation": draft.slug,
        "submission_section": str(section.pk),
        "text_block": str(block.pk),
    }


# --- Evidence: contributing, sessions, quotes, redaction, coding (evidence/views/) -------------
# Staff run the consultation and handle every piece of evidence. A member contact sees only
# their own organisation's contribution: another organisation's is a 404 to everyone, so
# nobody can learn who has contributed. Small actions are POST only (405 to a GET).
SAMPLES.update(
    {
        "evidence_consultation": "slug of an open consultation inviting network N",
        "evidence_contribution": "pk of organisation A's submitted contribution to it",
        "evidence_answer": "pk of an answer in that contribution",
        "evidence_part": "pk of the consultation's question part",
        "evidence_question": "pk of its question",
        "evidence_session": "pk of a roundtable of the consultation",
        "evidence_speaker": "pk of a speaker at that roundtable",
        "evidence_passage": "pk of the speaker's passage",
        "evidence_quote": "pk of a quote of the answer",
        "evidence_redaction": "pk of a redaction of that quote",
        "evidence_theme": "pk of a theme in the codebook",
        "evidence_sample": "pk of a coding sample (coded by staff and admin)",
        "evidence_flag": "pk of an open consent flag",
    }
)
MEMBER_ONLY = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=FORBIDDEN, admin=FORBIDDEN)
OWN_CONTRIBUTION = Expect(
    anonymous=LOGIN, member=OK, judge=NOT_FOUND, staff=NOT_FOUND, admin=NOT_FOUND
)
SIGNED_IN_404 = Expect(
    anonymous=LOGIN, member=NOT_FOUND, judge=NOT_FOUND, staff=NOT_FOUND, admin=NOT_FOUND
)


def _evidence_staff(**samples):
    return rule(get(STAFF_ONLY, slug="evidence_consultation", **samples))


def _evidence_post_only(**samples):
    return rule(get(STAFF_POST_ONLY, slug="evidence_consultation", **samples))


RULES.update(
    {
        "consultations:contribute_index": rule(
            get(SIGNED_IN),
            why="Lists only the signed-in person's own invitations (empty for non-members).",
        ),
        "consultations:contribute": rule(
            get(MEMBER_ONLY, slug="evidence_consultation"),
            get(SIGNED_IN_404, label="draft", slug="draft_consultation"),
            why="Only contacts at invited member organisations contribute; drafts are hidden.",
        ),
        "consultations:contribute_org": rule(
            get(OWN_CONTRIBUTION, label="own org", slug="evidence_consultation", org_slug="org_a"),
            get(SIGNED_IN_404, label="other org", slug="evidence_consultation", org_slug="org_b"),
            why="Contributors see only their own organisation's contribution.",
        ),
        "consultations:contribute_withdraw": rule(
            get(OWN_CONTRIBUTION, label="own org", slug="evidence_consultation", org_slug="org_a"),
            get(SIGNED_IN_404, label="other org", slug="evidence_consultation", org_slug="org_b"),
            why="GET asks for confirmation; only a POST withdraws.",
        ),
        "consultations:staff_index": staff_only(),
        "consultations:staff_create": staff_only(),
        "consultations:staff_overview": _evidence_staff(),
        "consultations:staff_edit": _evidence_staff(),
        "consultations:staff_status": _evidence_post_only(),
        "consultations:staff_questions": _evidence_staff(),
        "consultations:staff_reorder": _evidence_post_only(),
        "consultations:staff_question_edit": _evidence_staff(pk="evidence_question"),
        "consultations:staff_part_edit": _evidence_staff(pk="evidence_part"),
        "consultations:staff_contributions": _evidence_staff(),
        "consultations:staff_contribution": _evidence_staff(pk="evidence_contribution"),
        "consultations:staff_withdraw_contribution": _evidence_staff(pk="evidence_contribution"),
        "consultations:staff_sessions": _evidence_staff(),
        "consultations:staff_session_create": _evidence_staff(),
        "consultations:staff_session": _evidence_staff(pk="evidence_session"),
        "consultations:staff_session_edit": _evidence_staff(pk="evidence_session"),
        "consultations:staff_speaker_edit": _evidence_staff(pk="evidence_speaker"),
        "consultations:staff_withdraw_speaker": _evidence_staff(pk="evidence_speaker"),
        "consultations:staff_passage_edit": _evidence_staff(pk="evidence_passage"),
        "consultations:staff_flags": _evidence_staff(),
        "consultations:staff_flag_resolve": _evidence_post_only(pk="evidence_flag"),
        "consultations:staff_quotes": _evidence_staff(),
        "consultations:staff_quote_answer": _evidence_staff(pk="evidence_answer"),
        "consultations:staff_quote_passage": _evidence_staff(pk="evidence_passage"),
        "consultations:staff_quote": _evidence_staff(pk="evidence_quote"),
        "consultations:staff_quote_redactions": _evidence_post_only(pk="evidence_quote"),
        "consultations:staff_redaction_edit": _evidence_staff(
            pk="evidence_quote", redaction_pk="evidence_redaction"
        ),
        "consultations:staff_quote_code": _evidence_post_only(pk="evidence_quote"),
        "consultations:staff_suggestion_accept": _evidence_post_only(pk="evidence_quote"),
        "consultations:staff_suggestions": _evidence_staff(),
        "consultations:staff_codebook": _evidence_staff(),
        "consultations:staff_theme_edit": _evidence_staff(pk="evidence_theme"),
        "consultations:staff_theme_merge": _evidence_staff(pk="evidence_theme"),
        "consultations:staff_samples": _evidence_staff(),
        "consultations:staff_sample": _evidence_staff(pk="evidence_sample"),
        "consultations:staff_sample_agreement": _evidence_staff(pk="evidence_sample"),
        "consultations:staff_summary": _evidence_staff(),
    }
)


def _evidence_samples(context) -> dict[str, str]:
    """An open consultation inviting network N with one of each kind of evidence record."""
    from consultations.models import CodingSample, ConsentFlag
    from consultations.tests import factories

    users = context["users"]
    consultation = factories.ConsultationFactory(networks=[context["network_n"]])
    question = factories.QuestionFactory(part__consultation=consultation)
    contribution = factories.ContributionFactory(
        consultation=consultation, organisation=context["org_a"], author=users["member"]
    )
    answer = factories.AnswerFactory(contribution=contribution, question=question)
    passage = factories.PassageFactory(speaker__session__consultation=consultation)
    quote = factories.QuoteFactory(answer=answer)
    redaction = factories.RedactionFactory(quote=quote)
    theme = factories.ThemeFactory(consultation=consultation)
    factories.CodingFactory(quote=quote, theme=theme, coder=users["staff"])
    sample = CodingSample.objects.create(consultation=consultation, name="First sample")
    sample.quotes.set([quote])
    sample.coders.set([users["staff"], users["admin"]])
    flag = ConsentFlag.objects.create(
        consultation=consultation, quote=quote, description="Consent withdrawn after sending."
    )
    return {
        "evidence_consultation": consultation.slug,
        "evidence_contribution": str(contribution.pk),
        "evidence_answer": str(answer.pk),
        "evidence_part": str(question.part_id),
        "evidence_question": str(question.pk),
        "evidence_session": str(passage.session_id),
        "evidence_speaker": str(passage.speaker_id),
        "evidence_passage": str(passage.pk),
        "evidence_quote": str(quote.pk),
        "evidence_redaction": str(redaction.pk),
        "evidence_theme": str(theme.pk),
        "evidence_sample": str(sample.pk),
        "evidence_flag": str(flag.pk),
    }


def build_samples(context) -> dict[str, str]:
    """The value of each of SAMPLES, built in the matrix's shared world."""
    samples = {}
    samples.update(_submission_samples(context))
    samples.update(_evidence_samples(context))
    return samples
