"""Who gets what from each awards page: merged into groundswell/tests/permission_rules.py.

Visitors read the awards and nominate; judges score only the nominations of their own panels
and never one they are recused from (404, the same as a nomination that does not exist);
everything else is the alliance staff's. Every named URL in awards/urls.py needs a rule here.
"""

from groundswell.tests.permission_rules import (
    API,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "award_cycle": "slug of a cycle open for nominations",
    "award_category": "slug of a category in that cycle (the judge sits on its panel)",
    "award_cycle_pk": "pk of that cycle",
    "award_category_pk": "pk of that category",
    "award_other_category_pk": "pk of a category whose panel the judge is not on",
    "award_nomination": "pk of an eligible nomination the judge may score",
    "award_recused": "pk of an eligible nomination the judge is recused from",
    "award_other_nomination": "pk of a nomination in a category the judge does not judge",
    "award_winner": "pk of a published winner",
    "award_hidden_winner": "pk of a winner whose cycle has not published its winners",
    "award_scheme_pk": "pk of an award scheme",
    "award_panel_member": "pk of the judge's panel seat",
    "award_conflict": "pk of the judge's recusal",
    "award_file": "pk of a nominator's supporting file",
    "award_consent_key": "consent key of a nominated person",
    "award_unknown_key": "a key nothing has",
}

JUDGE_ONLY = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=OK, staff=FORBIDDEN, admin=FORBIDDEN)
JUDGE_CANNOT_SEE = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=NOT_FOUND, staff=FORBIDDEN, admin=FORBIDDEN
)
JUDGE_POST = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=NOT_ALLOWED, staff=FORBIDDEN, admin=FORBIDDEN
)


def _staff_post(**samples):
    return rule(get(STAFF_POST_ONLY, **samples), why="POST only.")


RULES = {
    "awards:index": public(why="Open categories, schemes and recent winners."),
    "awards:winners": public(why="The winners' archive across years."),
    "awards:feed": public(why="Atom feed of announcements."),
    "awards:cycle": public(cycle="award_cycle"),
    "awards:category": public(cycle="award_cycle", slug="award_category"),
    "awards:nominate": public(
        cycle="award_cycle", slug="award_category", why="Anyone may nominate."
    ),
    "awards:nominated": public(cycle="award_cycle", slug="award_category"),
    "awards:certificate": rule(
        get(PUBLIC, label="published winner", pk="award_winner"),
        get(everyone(NOT_FOUND), label="winner not yet published", pk="award_hidden_winner"),
    ),
    "awards:consent": rule(
        get(PUBLIC, label="the emailed key", key="award_consent_key"),
        get(everyone(NOT_FOUND), label="unknown key", key="award_unknown_key"),
        why="The nominee's link from their email: the secret key is the permission.",
    ),
    "awards:judge_home": rule(get(JUDGE_ONLY), why="A judge's own panels."),
    "awards:judge_panel": rule(
        get(JUDGE_ONLY, label="the judge's panel", pk="award_category_pk"),
        get(JUDGE_CANNOT_SEE, label="another panel", pk="award_other_category_pk"),
    ),
    "awards:judge_score": rule(
        get(JUDGE_ONLY, label="a nomination to score", pk="award_nomination"),
        get(JUDGE_CANNOT_SEE, label="recused", pk="award_recused"),
        get(JUDGE_CANNOT_SEE, label="another panel's", pk="award_other_nomination"),
        why="A recused judge gets the same 404 as for a nomination that does not exist.",
    ),
    "awards:judge_declare": rule(get(JUDGE_POST, pk="award_nomination"), why="POST only."),
    "awards:judge_naming": rule(
        get(JUDGE_POST, pk="award_category_pk"),
        why="POST only (tests/test_judge_naming.py: another panel is not found).",
    ),
    "awards:staff_index": staff_only(),
    "awards:staff_scheme_new": staff_only(),
    "awards:staff_scheme_edit": staff_only(pk="award_scheme_pk"),
    "awards:staff_cycle_new": staff_only(),
    "awards:staff_cycle": staff_only(pk="award_cycle_pk"),
    "awards:staff_cycle_edit": staff_only(pk="award_cycle_pk"),
    "awards:staff_category_new": staff_only(cycle="award_cycle_pk"),
    "awards:staff_category_edit": staff_only(cycle="award_cycle_pk", pk="award_category_pk"),
    "awards:staff_nominations": staff_only(pk="award_category_pk"),
    "awards:staff_nominations_csv": staff_only(pk="award_category_pk"),
    "awards:staff_media_shortlist": _staff_post(pk="award_category_pk"),
    "awards:staff_panel": staff_only(pk="award_category_pk"),
    "awards:staff_detect": _staff_post(pk="award_category_pk"),
    "awards:staff_ranking": staff_only(pk="award_category_pk"),
    "awards:staff_close_panel": _staff_post(pk="award_category_pk"),
    "awards:staff_remove_judge": _staff_post(pk="award_panel_member"),
    "awards:staff_override": _staff_post(pk="award_conflict"),
    "awards:staff_nomination": staff_only(pk="award_nomination"),
    "awards:staff_screen": _staff_post(pk="award_nomination"),
    "awards:staff_withdraw": _staff_post(pk="award_nomination"),
    "awards:staff_merge": _staff_post(pk="award_nomination"),
    "awards:staff_resend_consent": _staff_post(pk="award_nomination"),
    "awards:staff_decide": _staff_post(pk="award_nomination"),
    "awards:staff_file": staff_only(pk="award_file", why="Nominators' files are not public."),
    # API: public reads of what the public pages show.
    f"{API}:awards_list_schemes": public(),
    f"{API}:awards_list_cycles": public(),
    f"{API}:awards_get_cycle": public(slug="award_cycle"),
    f"{API}:awards_list_winners": public(),
}


def build_samples(context) -> dict[str, str]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from awards.models import Conflict, Consent, NomineeKind, SupportingFile
    from awards.tests.factories import (
        CategoryFactory,
        CycleFactory,
        NominationFactory,
        PanelMemberFactory,
        days_from_today,
    )

    judge = context["users"]["judge"]
    category = CategoryFactory(name="Outstanding Organisation", slug="outstanding-organisation")
    other_category = CategoryFactory(cycle=category.cycle, name="Media Award", slug="media")
    seat = PanelMemberFactory(category=category, judge=judge)
    nomination = NominationFactory(category=category, nominee_name="Open Doors Housing")
    recused = NominationFactory(category=category, nominee_name="Judge's Own Charity")
    conflict = Conflict.objects.create(
        panel_member=seat, nomination=recused, source=Conflict.Source.DECLARED,
        reason="I am a trustee.",
    )  # fmt: skip
    other = NominationFactory(category=other_category)
    person = NominationFactory(
        category=category, nominee_kind=NomineeKind.PERSON, nominee_name="Pat Person",
        nominee_email="pat@example.org", consent=Consent.REQUESTED,
    )  # fmt: skip
    published = CycleFactory(
        nominations_open=days_from_today(-400), nominations_close=days_from_today(-300),
        winners_published_on=days_from_today(-200),
    )  # fmt: skip
    winner = NominationFactory(
        category=CategoryFactory(cycle=published), winner=True, shortlisted=True,
        citation="For keeping young people out of court.",
    )  # fmt: skip
    hidden = NominationFactory(category=other_category, winner=True, shortlisted=True)
    supporting = SupportingFile.objects.create(
        nominator=nomination.nominators.first(),
        file=SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter"),
        filename="letter.pdf", kind="pdf",
    )  # fmt: skip
    return {
        "award_cycle": category.cycle.slug,
        "award_category": category.slug,
        "award_cycle_pk": str(category.cycle.pk),
        "award_category_pk": str(category.pk),
        "award_other_category_pk": str(other_category.pk),
        "award_nomination": str(nomination.pk),
        "award_recused": str(recused.pk),
        "award_other_nomination": str(other.pk),
        "award_winner": str(winner.pk),
        "award_hidden_winner": str(hidden.pk),
        "award_scheme_pk": str(category.cycle.scheme.pk),
        "award_panel_member": str(seat.pk),
        "award_conflict": str(conflict.pk),
        "award_file": str(supporting.pk),
        "award_consent_key": person.consent_key,
        "award_unknown_key": "no-such-key",
    }
