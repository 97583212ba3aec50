"""The analysis engine: media.analysis.analyse() and its parts, on texts written here.

Most tests use the guide compiled from glossary/data/guide.json (no database); the last
ones use the guide in the database, as ingest does, including a newly published version.
"""

import pytest

from glossary.services.findings import Finding
from media.analysis import SCORE_FORMULA, VOICE_CATEGORIES, analyse
from media.analysis.context import find_context
from media.analysis.engine import compiled_for, guide_from_data_file
from media.analysis.patterns import (
    compile_phrases,
    expand,
    literal_prefix,
    scan,
    split_alternatives,
)
from media.analysis.sentences import sentence_starts
from media.analysis.speakers import classify
from media.analysis.topic_keywords import TOPIC_KEYWORDS
from media.analysis.topics import find_topics
from media.analysis.voice_descriptors import DESCRIPTORS
from media.analysis.voices import find_voices
from taxonomy.terms import PARTS, THEMES

GUIDE = guide_from_data_file()


def run(title: str, text: str) -> dict:
    return analyse(title, text, GUIDE)


def kinds_and_texts(findings: list[dict]) -> list[tuple[str, str]]:
    return [(finding["kind"], finding["text"]) for finding in findings]


# --- The shape every caller relies on ------------------------------------------------------


def test_the_result_has_the_api_shape_and_the_guide_version():
    result = run("Thugs jailed", "Two men were jailed on Friday.")
    assert {"headline", "body", "voices", "context", "topics", "score"} <= set(result)
    assert result["guide_version"] == GUIDE.version
    assert set(result["context"]) == {"thematic", "reasons"}
    assert set(result["score"]) >= {"total", "components"}
    (finding,) = result["headline"]["findings"]
    assert set(finding) == set(Finding._fields)
    assert finding["kind"] == "stigmatising"
    assert finding["suggestions"] == ["person who was violent", "describe what the person did"]


def test_offsets_point_at_the_words_found():
    title = "Evil yob caged"
    text = "Inmates at the jail and people in prison met “yobs” from the estate."
    result = run(title, text)
    for part, source in (("headline", title), ("body", text)):
        for finding in result[part]["findings"]:
            assert source[finding["start"] : finding["end"]] == finding["text"]


def test_summary_holds_the_figures_the_article_model_stores():
    result = run(
        "Yobs banged up",
        "The inmate spoke to people in prison. “I was a ‘lifer’ once,” he said.",
    )
    summary = result["summary"]
    assert summary["headline_labels"] == 0
    assert summary["sensational_words"] == 2
    assert summary["body_labels"] == 1
    assert summary["people_first_terms"] == 1
    assert summary["words"] == 14


# --- Labels, sensational words and people-first wording, from the guide -------------------


def test_labels_and_sensational_words_are_told_apart_by_the_guide_category():
    result = run("", "Offenders and thugs from the sink estate.")
    categories = {f["text"]: f["category"] for f in result["body"]["findings"]}
    assert categories == {
        "Offenders": "label",
        "thugs": "sensational",
        "sink estate": "sensational",
    }
    assert result["body"]["labels"] == 1
    assert result["body"]["sensational"] == 2


def test_words_inside_quotations_and_official_names_are_exempt():
    text = (
        "“Lock them up and throw away the key,” one reader wrote. He had been at a Young "
        "Offender Institution and now works for the Prisoners' Advice Service."
    )
    result = run("", text)
    assert {kind for kind, _ in kinds_and_texts(result["body"]["findings"])} == {
        "quotation",
        "official_name",
    }
    assert result["body"]["labels"] == result["body"]["sensational"] == 0


def test_people_first_wording_is_found_with_the_labels_it_replaces():
    text = "Women in prison, children in custody and a man with a criminal record spoke."
    findings = run("", text)["body"]["findings"]
    assert kinds_and_texts(findings) == [
        ("people_first", "Women in prison"),
        ("people_first", "children in custody"),
        ("people_first", "man with a criminal record"),
    ]
    assert "prisoner" in findings[0]["reason"]
    assert findings[0]["category"] == "people_first"


def test_the_headline_costs_more_than_the_body():
    body = "Police said the man was arrested after a fight outside a bar. " * 40  # 480 words
    calm = run("Man arrested", body)
    loud = run("Thug arrested", body)
    assert calm["score"]["total"] - loud["score"]["total"] == 15
    in_body = run("Man arrested", body + "He was described as a thug.")
    assert loud["score"]["total"] < in_body["score"]["total"] < calm["score"]["total"]


def test_a_new_guide_brings_its_people_first_wording_with_it():
    entries = [
        {
            "key": "lag",
            "wording": "lag",
            "variants": [],
            "preferred": ["person serving a sentence"],
            "reason": "Slang that reduces a person to their sentence.",
            "category": "dehumanising",
        }
    ]
    from glossary.services.compiled_guide import compile_guide

    guide = compile_guide(entries, [], [], version=7)
    result = analyse("Lags", "Women serving a sentence met the lags.", guide)
    assert result["guide_version"] == 7
    assert kinds_and_texts(result["body"]["findings"]) == [
        ("people_first", "Women serving a sentence"),
        ("stigmatising", "lags"),
    ]
    assert compiled_for(guide) is compiled_for(guide)
    assert compiled_for(guide) is not compiled_for(GUIDE)


# --- Voices -------------------------------------------------------------------------------


def voices_of(text: str) -> list[tuple[str, str]]:
    return [(voice.category, voice.speaker) for voice in find_voices(text)]


def test_quotes_are_attributed_before_and_after_and_classified():
    text = (
        "“We are full,” said Chief Constable Mark Dyer of Kent Police. "
        "Ann Kerr, whose son was attacked, told the Echo: “Nobody listened.” "
        "According to the Howard League, “short sentences fail”. "
        "“It broke me,” a man who spent six years in prison said."
    )
    assert voices_of(text) == [
        ("police_official", "Chief Constable Mark Dyer of Kent Police"),
        ("victim_family", "Ann Kerr, whose son was attacked"),
        ("charity_expert", "the Howard League"),
        ("lived_experience", "a man who spent six years in prison"),
    ]


def test_each_voice_carries_the_descriptor_that_decided_it():
    (voice,) = find_voices("“No comment,” said Judge Helen Marr.")
    assert (voice.category, voice.descriptor) == ("legal", "Judge")


def test_pronouns_and_surnames_refer_back_to_the_speaker_met_before():
    text = (
        "Jo Hart, who was released from prison last year, runs the café. "
        "“It took months to get a bank account,” Hart said. "
        "“Then I found a landlord.” "
        "She added that the probation service had helped."
    )
    categories = [voice.category for voice in find_voices(text)]
    assert categories == ["lived_experience"] * 3


def test_reported_speech_counts_but_documents_are_not_voices():
    text = (
        "Police said a 34-year-old man had been arrested. "
        "The report said conditions were poor. "
        "Reoffending is falling, the ministry said. "
        "The jury was told he had been drinking."
    )
    assert voices_of(text) == [("police_official", "Police"), ("police_official", "the ministry")]


def test_scare_quotes_are_not_voices():
    assert find_voices("The so-called “holiday camp” regime is over.") == []


def test_first_person_testimony_reveals_lived_experience():
    (voice,) = find_voices("“When I was inside, nobody asked,” said Dean Moss.")
    assert voice.category == "lived_experience"


def test_every_descriptor_category_is_a_voice_category():
    assert set(DESCRIPTORS) <= set(VOICE_CATEGORIES)
    assert classify("a passer-by").category == "other"
    assert classify("a lawyer for the family").category == "legal"
    assert classify("the police and crime commissioner").category == "politician"


# --- Context ------------------------------------------------------------------------------


def test_figures_and_research_make_a_story_thematic_with_reasons():
    text = (
        "A man was jailed on Monday. Ministry of Justice figures show the prison population "
        "has risen by 12% since 2019."
    )
    context = find_context(text)
    assert context["thematic"] is True
    cues = {reason["cue"] for reason in context["reasons"]}
    assert {"official figures or statistics", "a trend over time"} <= cues
    reason = context["reasons"][0]
    assert reason["sentence"].startswith("Ministry of Justice figures")
    assert text[reason["start"] : reason["end"]] == reason["matched"]


def test_a_court_report_with_ages_sentences_and_fines_is_episodic():
    text = (
        "Liam Treloar, 28, of Liskeard, was jailed for 18 months at Truro Crown Court. "
        "He was fined £650 and banned from driving for two years. "
        "The court heard he had drunk six pints."
    )
    assert find_context(text)["thematic"] is False


# --- Topics -------------------------------------------------------------------------------


def test_topics_are_taxonomy_slugs_with_the_keywords_that_matched():
    topics = find_topics("Probation caseloads soar", "Probation officers said the prison was full.")
    by_slug = {topic["slug"]: topic for topic in topics}
    assert by_slug["probation-and-resettlement"]["keywords"] == ["probation", "probation officer"]
    assert by_slug["probation-and-resettlement"]["vocabulary"] == "part"
    assert "prisons" not in by_slug  # one mention, not in the headline


def test_every_topic_keyword_list_is_keyed_by_a_real_term():
    slugs = {slug for slug, _, _ in PARTS + THEMES}
    assert set(TOPIC_KEYWORDS) <= slugs


# --- Score --------------------------------------------------------------------------------


def test_the_score_rewards_context_voices_and_people_first_wording():
    good = run(
        "Support for people leaving prison",
        "Ministry of Justice figures show a rise of 20% since 2020. "
        "“I had nowhere to go,” said Sam Lee, who spent two years in prison. "
        "A spokesperson for Nacro said people in prison needed homes.",
    )
    bad = run("Evil thugs caged", "The thugs were jailed. The inmates cheered. " * 5)
    assert 0 <= bad["score"]["total"] < 50 < good["score"]["total"] <= 100
    components = good["score"]["components"]
    assert components["lived_experience"]["points"] == 15
    assert components["thematic"]["points"] == 15
    assert all(isinstance(line, str) and line for line in SCORE_FORMULA)


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("title, text", [("", ""), (None, None), ("   ", "\n\n\t")])
def test_empty_input_gives_an_empty_analysis(title, text):
    result = run(title, text)
    assert result["headline"]["findings"] == result["body"]["findings"] == []
    assert result["voices"] == [] and result["topics"] == []
    assert result["context"] == {"thematic": False, "reasons": []}
    assert result["score"]["total"] == 50


def test_hostile_markup_is_data_not_code():
    text = '<script>alert("thugs")</script> <b onclick="x">Inmates</b> said: “<i>help</i>.”'
    result = run("<img src=x onerror=alert(1)>", text)
    assert kinds_and_texts(result["body"]["findings"]) == [
        ("quotation", "thugs"),
        ("stigmatising", "Inmates"),
    ]
    assert result["voices"][-1]["quote"] == "<i>help</i>."


def test_a_huge_article_is_analysed_whole():
    text = "The inmates said the wing was cold. " * 20_000  # about 720,000 characters
    result = run("", text)
    assert result["body"]["labels"] == 20_000
    assert len(result["context"]["reasons"]) <= 8


def test_characters_that_grow_when_lower_cased_keep_offsets_right():
    text = "İstanbul inmates met people in prison."
    findings = run("", text)["body"]["findings"]
    assert [text[f["start"] : f["end"]] for f in findings] == ["inmates", "people in prison"]


# --- The fast patterns behind it ----------------------------------------------------------


def test_patterns_are_split_spelled_out_and_put_in_a_trie():
    assert split_alternatives(r"a|b(?:c|d)|[|]") == ["a", "b(?:c|d)", "[|]"]
    assert expand("(?:rose|fell) by") == ["rose by", "fell by"]
    assert expand("(?:the )?cat") == ["the cat", "cat"]
    assert literal_prefix("reforms? to") == ("reform", "s? to")
    pattern = compile_phrases([("short", "police"), ("long", "police and crime commissioner")])
    lower = "the police and crime commissioner and police."
    assert [(name, lower[s:e]) for s, e, name in scan(pattern, lower)] == [
        ("long", "police and crime commissioner"),
        ("short", "police"),
    ]
    with pytest.raises(ValueError, match="groups only"):
        compile_phrases([("bad", "(capturing)")])


def test_sentences_start_after_full_stops_and_line_breaks():
    text = "One. “Two,” he said. Three?\nFour"
    assert [text[i : i + 3] for i in sentence_starts(text)] == ["One", "“Tw", "Thr", "Fou"]


# --- With the guide in the database, as ingest uses it -------------------------------------


@pytest.mark.django_db
def test_by_default_the_current_guide_in_the_database_is_used():
    from glossary.services import guide_cache
    from glossary.services.guide import EntryChange, publish_change

    guide_cache.invalidate()
    shipped = analyse("", "The wronguns were moved.")
    assert shipped["body"]["findings"] == []
    publish_change(
        None,
        "Slang for people serving long sentences.",
        EntryChange(
            key="wrongun",
            wording="wrongun",
            preferred=["person serving a long sentence"],
            reason="Slang that reduces a person to their sentence.",
            category="dehumanising",
        ),
    )
    guide_cache.invalidate()
    result = analyse("", "The wronguns were moved, and women serving a long sentence too.")
    assert result["guide_version"] == shipped["guide_version"] + 1
    assert kinds_and_texts(result["body"]["findings"]) == [
        ("stigmatising", "wronguns"),
        ("people_first", "women serving a long sentence"),
    ]
    guide_cache.invalidate()
