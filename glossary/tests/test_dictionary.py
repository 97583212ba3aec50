"""The criminal justice dictionary: its content, A to Z, search, term and print pages,
and the Dictionary section of topic pages."""

import re
import statistics

import pytest
import textstat
from django.conf import settings
from django.urls import reverse

from glossary.models import DictionaryTerm
from glossary.services.dictionary import (
    DATA_FILE,
    MAX_QUERY_LENGTH,
    load_dictionary,
    read_entries,
    search_ids,
)
from glossary.tests.dictionary_support import shipped_dictionary  # noqa: F401
from taxonomy.models import Term, Vocabulary

pytestmark = pytest.mark.usefixtures("shipped_dictionary")

ENTRIES = read_entries()
SEED_ACRONYMS = ["ROTL", "CSTR", "DRR", "MHTR", "NRM", "ACEs", "CAMHS", "HMPPS", "PSED"]
SEED_TERMS = [
    "remand",
    "recall",
    "licence",
    "through-the-gate",
    "approved-premises",
    "out-of-court-disposal",
    "county-lines",
    "off-rolling",
    "restorative-justice",
]
# Official names may contain words the dictionary itself never uses about people.
OFFICIAL_NAMES = re.compile(
    r"Young Offender Institutions?|Rehabilitation of Offenders Act 1974|Offender "
    r"Rehabilitation Act 2014|Offender Assessment System|Offender management in custody|"
    r"youth offending teams?|Management of Offenders \(Scotland\) Act 2019",
    re.IGNORECASE,
)
STIGMATISING = re.compile(r"\b(offenders?|inmates?|ex-offenders?|prisoners?|criminals)\b", re.I)
TRUSTED_SOURCE_HOSTS = re.compile(
    r"^https://(www\.)?(gov\.uk|legislation\.gov\.uk|cps\.gov\.uk|justice\.gov\.uk|"
    r"justiceinspectorates\.gov\.uk|hmicfrs\.justiceinspectorates\.gov\.uk|"
    r"sentencingcouncil\.org\.uk|judiciary\.uk|ccrc\.gov\.uk|ppo\.gov\.uk|imb\.org\.uk|"
    r"policeconduct\.gov\.uk|police\.uk|college\.police\.uk|nhs\.uk|parliament\.uk|"
    r"restorativejustice\.org\.uk)/"
)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- Content -------------------------------------------------------------------------------


def test_the_dictionary_has_at_least_150_terms_in_the_file_and_the_database():
    assert len(ENTRIES) >= 150
    assert DictionaryTerm.objects.count() == len(ENTRIES)


@pytest.mark.parametrize("acronym", SEED_ACRONYMS)
def test_every_acronym_from_the_seed_documents_is_defined(acronym):
    term = DictionaryTerm.objects.get(acronym=acronym)
    assert term.expansion and term.definition


@pytest.mark.parametrize("slug", SEED_TERMS)
def test_the_seed_documents_main_terms_are_defined(slug):
    assert DictionaryTerm.objects.filter(slug=slug).exists()


def test_definitions_are_plain_enough_for_a_14_year_old():
    grades = {
        entry["slug"]: textstat.flesch_kincaid_grade(entry["definition"]) for entry in ENTRIES
    }
    too_hard = {slug: grade for slug, grade in grades.items() if grade > 12}
    assert not too_hard, f"Rewrite these definitions (Flesch-Kincaid grade > 12): {too_hard}"
    assert statistics.median(grades.values()) <= 9


def test_definitions_are_one_or_two_sentences():
    for entry in ENTRIES:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", entry["definition"].strip()) if s]
        assert 1 <= len(sentences) <= 2, entry["slug"]


def test_the_dictionary_uses_people_first_language_outside_official_names():
    for entry in ENTRIES:
        for field in ("term", "expansion", "definition", "explanation", "jurisdiction_note"):
            text = OFFICIAL_NAMES.sub("", entry.get(field, ""))
            found = STIGMATISING.search(text)
            assert not found, f"{entry['slug']}.{field} says {found.group()!r}"


def test_every_term_cites_an_official_source_over_https():
    for entry in ENTRIES:
        assert entry["sources"], entry["slug"]
        for source in entry["sources"]:
            assert source["title"]
            assert TRUSTED_SOURCE_HOSTS.match(source["url"]), source["url"]


def test_slugs_acronyms_and_related_terms_are_consistent():
    slugs = [entry["slug"] for entry in ENTRIES]
    assert len(slugs) == len(set(slugs))
    acronyms = [entry["acronym"] for entry in ENTRIES if entry["acronym"]]
    assert len(acronyms) == len(set(acronyms))
    for entry in ENTRIES:
        assert set(entry["related"]) <= set(slugs), entry["slug"]
        assert entry["slug"] not in {"print", "check", "language-guide"}  # fixed URLs


def test_parts_are_parts_of_the_system_and_related_terms_link_both_ways():
    parts = set(Term.objects.parts().values_list("slug", flat=True))
    for entry in ENTRIES:
        assert set(entry["parts"]) <= parts, entry["slug"]
    rotl = DictionaryTerm.objects.get(acronym="ROTL")
    assert rotl.parts.filter(slug="prisons").exists()
    for other in rotl.related.all():
        assert other.related.filter(pk=rotl.pk).exists()


def test_loading_again_restores_the_file_without_duplicates():
    from django.apps import apps

    remand = DictionaryTerm.objects.get(slug="remand")
    remand.definition = "Edited."
    remand.save()
    remand.sources.all().delete()
    load_dictionary(apps, path=DATA_FILE)
    remand.refresh_from_db()
    assert remand.definition != "Edited."
    assert remand.sources.count() == 2
    assert DictionaryTerm.objects.count() == len(ENTRIES)


# --- A to Z --------------------------------------------------------------------------------


def test_a_to_z_lists_every_term_under_its_letter(client):
    html = page(client, reverse("glossary:index"))
    for term in DictionaryTerm.objects.all():
        assert f'href="{term.get_absolute_url()}"' in html
    assert 'id="letter-r"' in html


def test_letters_without_terms_are_shown_but_not_linked(client):
    html = page(client, reverse("glossary:index"))
    first_letters = {t[:1].upper() for t in DictionaryTerm.objects.values_list("term", flat=True)}
    empty = [letter for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if letter not in first_letters]
    assert empty, "the shipped dictionary leaves some letters empty (X, Z)"
    nav = html[html.index('aria-label="Letters"') :]
    nav = nav[: nav.index("</nav>")]
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter in empty:
            assert f'<span class="az-empty">{letter}<' in nav
            assert f'href="#letter-{letter.lower()}"' not in nav
        else:
            assert f'<a href="#letter-{letter.lower()}">{letter}</a>' in nav


# --- Search --------------------------------------------------------------------------------


def _slugs(ids):
    by_id = dict(DictionaryTerm.objects.values_list("id", "slug"))
    return [by_id[pk] for pk in ids]


@pytest.mark.parametrize("query", ["ROTL", "rotl", "Rotl", "  rotl  "])
def test_an_acronym_is_found_first_whatever_its_case(query):
    assert _slugs(search_ids(query))[0] == "release-on-temporary-licence"


def test_search_ranks_acronyms_then_names_then_definitions():
    results = _slugs(search_ids("remand"))
    assert results[0] == "remand"
    # "Custody time limit" mentions remand only in its definition.
    assert results.index("custody-time-limit") > results.index("remand")
    results = _slugs(search_ids("licence"))
    assert results[0] == "licence"
    assert results.index("release-on-temporary-licence") < results.index("recall")


def test_the_search_page_shows_results_best_first(client):
    html = page(client, reverse("glossary:index") + "?q=nrm")
    assert "for “nrm”" in html
    first = html.index('<li class="result">')
    assert "National Referral Mechanism" in html[first : first + 400]


def test_a_search_with_no_matches_says_so(client):
    html = page(client, reverse("glossary:index") + "?q=zzzqqq")
    assert "0 terms" in html
    assert "No terms match" in html


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "%",
        "_",
        "' OR 1=1 --",
        "(.*+?[",
        "\\",
        "caf\u00e9 \u202e\U0001f600",
        "rem\x00and",
        "\x07\x1b[31m",
    ],
)
def test_hostile_search_input_is_harmless(client, query):
    response = client.get(reverse("glossary:index"), {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_an_over_long_search_is_cut_to_the_maximum(client):
    response = client.get(reverse("glossary:index"), {"q": "remand " * 2000})
    assert response.status_code == 200
    query = response.context["query"]
    assert len(query) <= MAX_QUERY_LENGTH
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in response.content.decode()


# --- Term and print pages ------------------------------------------------------------------


def test_a_term_page_shows_everything_about_the_term(client):
    rotl = DictionaryTerm.objects.get(acronym="ROTL")
    html = page(client, rotl.get_absolute_url())
    assert "ROTL</abbr> stands for <strong>Release on temporary licence</strong>" in html
    assert rotl.definition.replace("'", "&#x27;") in html
    assert rotl.explanation in html
    for part in rotl.parts.all():
        assert f'href="{part.get_absolute_url()}"' in html
    for other in rotl.related.all():
        assert f'href="{other.get_absolute_url()}"' in html
    for source in rotl.sources.all():
        assert f'href="{source.url}"' in html


def test_a_term_page_shows_where_scotland_and_northern_ireland_differ(client):
    term = DictionaryTerm.objects.get(slug="age-of-criminal-responsibility")
    html = page(client, term.get_absolute_url())
    assert "Scotland and Northern Ireland</h2>" in html
    assert "It is 12 in Scotland." in html


def test_an_unknown_term_is_not_found(client):
    assert client.get(reverse("glossary:term", args=["no-such-term"])).status_code == 404


def test_the_print_view_has_every_term_with_its_sources(client):
    html = page(client, reverse("glossary:print"))
    assert html.count('<div class="print-term">') == DictionaryTerm.objects.count()
    assert "https://www.legislation.gov.uk/ukpga/1974/53" in html
    assert 'class="dictionary-print"' in html


def test_the_stylesheet_has_a_print_block_that_hides_the_site_chrome():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    block = css[css.index("Criminal justice dictionary (glossary app)") :]
    assert "@media print" in block
    assert ".site-header" in block[block.index("@media print") :]


# --- Topic pages ---------------------------------------------------------------------------


def test_a_part_of_the_system_topic_lists_its_dictionary_terms(client):
    prisons = Term.objects.get(slug="prisons")
    html = page(client, prisons.get_absolute_url())
    assert 'id="section-dictionary">Dictionary</h2>' in html
    rotl = DictionaryTerm.objects.get(acronym="ROTL")
    assert f'href="{rotl.get_absolute_url()}"' in html
    unrelated = DictionaryTerm.objects.exclude(parts=prisons).first()
    section = html[html.index('id="section-dictionary"') :]
    assert f'href="{unrelated.get_absolute_url()}"' not in section.split("</section>")[0]


def test_themes_have_no_dictionary_section(client):
    theme = Term.objects.filter(vocabulary=Vocabulary.THEME).first()
    html = page(client, theme.get_absolute_url())
    assert 'id="section-dictionary"' not in html
