"""The checker engine: what it matches, what it leaves alone, and that it is cached."""

import pytest

from glossary.models import DictionaryTerm
from glossary.services import guide_cache
from glossary.services.checker import check_text
from glossary.services.compiled_guide import CompiledGuide, compile_guide
from glossary.services.guide import current_version
from glossary.services.guide_cache import get_compiled_guide
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db


def findings(text, guide=None):
    """Findings other than jargon (the dictionary in the database may add jargon)."""
    return [f for f in check_text(text, guide).findings if f.kind != "jargon"]


def found(text, guide=None):
    return [(f.kind, f.text, f.term) for f in findings(text, guide)]


def stigmatising(text, guide=None):
    return [f.text for f in check_text(text, guide).findings if f.kind == "stigmatising"]


@pytest.mark.parametrize(
    "text",
    [
        "offender",
        "offenders",
        "offender's",
        "offenders'",
        "offender’s",
        "offenders’",
        "Offender",
        "OFFENDERS",
    ],
)
def test_plurals_possessives_and_capitals_match_their_entry(text):
    assert found(f"We met an {text} today.") == [("stigmatising", text, "offender")]


@pytest.mark.parametrize(
    "text",
    ["ex-offender", "ex offender", "exoffender", "Ex-Offenders", "ex‑offender", "ex-\noffender"],
)
def test_hyphen_and_spacing_variants_match(text):
    assert found(f"An {text} spoke.") == [("stigmatising", text, "ex-offender")]


def test_a_line_break_inside_a_phrase_still_matches():
    assert stigmatising("He was sent to live with young\n  offenders.") == ["young\n  offenders"]


@pytest.mark.parametrize(
    "text",
    [
        "The offence was minor.",
        "Offending fell.",
        "It offends many.",
        "He was convicted.",
        "A conviction followed.",
        "Reoffending rates fell.",
        "The criminal justice system.",
        "A criminal record.",
        "Schools are lagging behind.",
        "A prisoner of war.",
        "His thuggish manner.",
        "He wore a black hoodie.",
    ],
)
def test_near_misses_are_not_flagged(text):
    assert stigmatising(text) == []


def test_longest_phrase_wins():
    assert found("A young offender was moved.") == [
        ("stigmatising", "young offender", "young offender")
    ]


def test_official_names_are_exempt_and_say_what_to_use_elsewhere():
    (finding,) = findings("The Rehabilitation of Offenders Act 1974 applies.")
    assert finding.kind == "official_name"
    assert finding.term == "Rehabilitation of Offenders Act 1974"
    assert "person with a conviction" in finding.suggestions
    assert finding.category == "label"


@pytest.mark.parametrize(
    "text",
    [
        'He said "offenders must pay" loudly.',
        "He said “offenders must pay” loudly.",
        "He said ‘offenders must pay’ loudly.",
        "He said ‘the offender’s mother was there’ loudly.",
    ],
)
def test_quotations_are_reported_as_quotations(text):
    (finding,) = findings(text)
    assert finding.kind == "quotation"
    assert finding.term == "offender"
    assert finding.suggestions
    assert finding.reason.startswith("Inside a quotation")


def test_offsets_point_into_the_submitted_text():
    text = "Ünïcode first. Then inmates and “thugs” and the Sex Offenders Register."
    for finding in check_text(text).findings:
        assert text[finding.start : finding.end] == finding.text


def test_offsets_survive_characters_that_change_length_when_lower_cased():
    text = "İstanbul İzmir: offenders met inmates."
    result = check_text(text)
    assert [f.text for f in findings(text)] == ["offenders", "inmates"]
    for finding in result.findings:
        assert text[finding.start : finding.end] == finding.text


def test_a_finding_has_every_field():
    (finding,) = findings("The inmates waited.")
    assert finding.as_dict() == {
        "start": 4,
        "end": 11,
        "text": "inmates",
        "kind": "stigmatising",
        "term": "inmate",
        "suggestions": ["person in prison", "person in custody"],
        "reason": finding.reason,
        "category": "dehumanising",
        "severity": "stigmatising",
    }
    assert finding.reason


def test_summary_counts_per_kind_and_category_and_per_thousand_words():
    result = check_text("Inmates and thugs met “yobs” near a Young Offender Institution today.")
    summary = result.summary
    assert summary["words"] == 11
    assert summary["guide_version"] == current_version().number
    assert summary["by_kind"] == {
        "stigmatising": 2,
        "quotation": 1,
        "discussed": 0,
        "official_name": 1,
        "jargon": summary["by_kind"]["jargon"],
    }
    assert summary["by_category"] == {
        "label": 0,
        "dehumanising": 1,
        "sensational": 1,
        "outdated": 0,
    }
    assert summary["per_1000_words"]["stigmatising"] == round(2 * 1000 / 11, 2)


def test_empty_text_has_an_empty_summary():
    result = check_text("")
    assert result.findings == []
    assert result.summary["words"] == 0
    assert result.summary["per_1000_words"]["stigmatising"] == 0.0


def jargon_guide():
    return compile_guide(
        [],
        [],
        [
            {
                "term": "Youth Offending Team",
                "acronym": "YOT",
                "expansion": "Youth Offending Team",
                "definition": "A local team that works with children who have offended.",
            },
            {"term": "remand", "acronym": "", "expansion": "", "definition": "Held until trial."},
        ],
    )


def test_dictionary_terms_are_jargon_with_their_plain_definition():
    findings = check_text(
        "Children on remand meet the youth offending team.", jargon_guide()
    ).findings
    assert [(f.kind, f.text, f.term) for f in findings] == [
        ("jargon", "remand", "remand"),
        ("jargon", "youth offending team", "Youth Offending Team"),
    ]
    assert findings[0].reason == "Held until trial."


def test_acronyms_match_case_sensitively():
    guide = jargon_guide()
    assert [f.text for f in check_text("The YOT and the YOTs met.", guide).findings] == [
        "YOT",
        "YOTs",
    ]
    assert check_text("The yot and the Yot met.", guide).findings == []
    (finding,) = check_text("Ask the YOT.", guide).findings
    assert finding.suggestions == ("Youth Offending Team",)


def test_jargon_comes_from_the_dictionary_in_the_database():
    DictionaryTerm.objects.create(
        term="Quarterly wombat review",
        slug="quarterly-wombat-review",
        acronym="QWR",
        definition="A made-up meeting for this test.",
    )
    result = check_text("The QWR met. A quarterly wombat review followed.").findings
    assert [(f.kind, f.text, f.term, f.reason) for f in result] == [
        ("jargon", "QWR", "Quarterly wombat review", "A made-up meeting for this test."),
        (
            "jargon",
            "quarterly wombat review",
            "Quarterly wombat review",
            "A made-up meeting for this test.",
        ),
    ]


def test_the_compiled_guide_is_reused_without_database_queries(django_assert_num_queries):
    check_text("Warm the cache: offenders.")
    with django_assert_num_queries(0):
        for _ in range(3):
            assert check_text("Offenders and inmates.").findings


def test_the_cache_is_keyed_on_the_guide_version_and_dictionary():
    first = get_compiled_guide()
    assert isinstance(first, CompiledGuide)
    assert first.version == current_version().number
    assert first.stamp[0] == first.version
    assert get_compiled_guide() is first
    DictionaryTerm.objects.create(
        term="Wombat hearing", slug="wombat-hearing", definition="A made-up hearing."
    )
    second = get_compiled_guide()
    assert second is not first
    assert second.stamp[1] == first.stamp[1] + 1


def test_another_process_change_is_seen_after_the_revalidation_interval(monkeypatch):
    first = get_compiled_guide()
    # A change made elsewhere sends no signal here: simulate it by forgetting nothing and
    # changing the stamp under the cache, then letting the interval pass.
    monkeypatch.setattr(guide_cache, "current_stamp", lambda: (99, 0, None))
    assert get_compiled_guide() is first
    monkeypatch.setattr(guide_cache, "_checked_at", -(10**9))
    assert get_compiled_guide() is not first


def test_no_guide_in_the_database_finds_nothing_stigmatising():
    from glossary.models import GuideVersion

    GuideVersion.objects.all().delete()
    result = check_text("Offenders and inmates.")
    assert result.summary["guide_version"] is None
    assert [f for f in result.findings if f.kind == "stigmatising"] == []
