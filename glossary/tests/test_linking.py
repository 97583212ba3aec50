"""Linking dictionary terms in texts (glossary.services.linking): correctness, not speed (speed is
measured by bench/sections/glossary_linking.py)."""

import re

import pytest

from glossary.models import DictionaryTerm
from glossary.services.linking import build_matcher, current_matcher, link_terms
from glossary.tests.dictionary_support import shipped_dictionary  # noqa: F401


def make_terms():
    return [
        DictionaryTerm(slug="remand", term="Remand", definition="Held until trial."),
        DictionaryTerm(slug="institution", term="Institution", definition="A place."),
        DictionaryTerm(
            slug="young-offender-institution",
            term="Young Offender Institution",
            acronym="YOI",
            definition="A prison for young people.",
        ),
        DictionaryTerm(
            slug="nrm",
            term="National Referral Mechanism",
            acronym="NRM",
            definition="Support for victims of modern slavery.",
        ),
        DictionaryTerm(
            slug="cstr",
            term="Community sentence treatment requirement",
            acronym="CSTR",
            definition="Treatment <instead> of prison & more.",
        ),
        DictionaryTerm(slug="magistrates-court", term="Magistrates' court", definition="Court."),
    ]


MATCHER = build_matcher(make_terms())


def link(html):
    return link_terms(html, matcher=MATCHER)


def linked_slugs(html):
    return re.findall(r'href="/dictionary/([^/"]+)/" class="term-link"', html)


def test_a_term_becomes_a_link_with_its_definition_as_description():
    html = link("<p>She was held on remand for months.</p>")
    assert (
        '<a href="/dictionary/remand/" class="term-link" aria-describedby="term-def-1">remand</a>'
        '<span id="term-def-1" class="term-definition" hidden>Dictionary: Held until trial.</span>'
    ) in html
    assert html.startswith("<p>She was held on ") and html.endswith(" for months.</p>")


def test_only_the_first_occurrence_in_each_section_is_linked():
    html = link(
        "<p>Remand, remand and REMAND.</p><p>More remand.</p>"
        "<h2>Next</h2><p>remand again</p><p>and remand</p>"
    )
    assert linked_slugs(html) == ["remand", "remand"]
    first_section, second_section = html.split("<h2>")
    assert first_section.count("term-link") == 1
    assert second_section.count("term-link") == 1
    assert ">Remand</a>" in first_section  # the reader's own capitalisation is kept


def test_terms_in_headings_are_never_linked_and_do_not_use_up_the_section():
    html = link("<h2>Remand and the NRM</h2><p>On remand.</p><h3>NRM</h3>")
    assert "<h2>Remand and the NRM</h2>" in html
    assert "<h3>NRM</h3>" in html
    assert linked_slugs(html) == ["remand"]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/elsewhere/">remand</a></p>',
        '<p><a href="/x/">time on <em>remand</em> here</a></p>',
        "<p><code>remand</code></p>",
        "<pre>remand\nNRM</pre>",
        "<pre><code>remand</code></pre>",
        "<p><kbd>NRM</kbd></p>",
        "<textarea>remand</textarea>",
    ],
)
def test_links_code_and_preformatted_text_are_left_alone(html):
    assert link(html) == html


def test_text_after_a_closed_link_is_linked_again():
    html = link('<p><a href="/x/">remand</a> then remand</p>')
    assert html.startswith('<p><a href="/x/">remand</a> then <a href="/dictionary/remand/"')


def test_the_longest_term_wins():
    html = link("<p>A Young Offender Institution is an institution.</p>")
    assert linked_slugs(html) == ["young-offender-institution", "institution"]
    assert ">Young Offender Institution</a>" in html


def test_names_ignore_case_and_spacing_but_respect_word_boundaries():
    html = link("<p>young offender\n  INSTITUTION, remanded, premand, remand-ish</p>")
    assert linked_slugs(html) == ["young-offender-institution", "remand"]
    assert "</span>-ish" in html  # a hyphen is a word boundary
    assert "remanded" in html and ">remanded<" not in html


def test_acronyms_match_only_in_capitals_and_may_be_plural():
    assert linked_slugs(link("<p>the nrm and Nrm</p>")) == []
    assert linked_slugs(link("<p>the NRM</p>")) == ["nrm"]
    html = link("<p>Two CSTRs were made.</p>")
    assert linked_slugs(html) == ["cstr"]
    assert ">CSTRs</a>" in html


def test_an_acronym_and_its_name_count_as_one_term_per_section():
    html = link("<p>The National Referral Mechanism (NRM) helps. The NRM is UK-wide.</p>")
    assert linked_slugs(html) == ["nrm"]


def test_terms_with_punctuation_and_plurals_match():
    html = link("<p>Two magistrates' courts and some remands.</p>")
    assert linked_slugs(html) == ["magistrates-court", "remand"]


def test_markup_entities_and_attributes_survive():
    source = (
        '<p class="x" data-note="a &amp; b">Fish &amp; chips &lt;b&gt; on remand</p>'
        "<!-- a comment --><br/><img src='a.png' alt=\"remand\">"
    )
    html = link(source)
    assert '<p class="x" data-note="a &amp; b">Fish &amp; chips &lt;b&gt; on ' in html
    assert "<!-- a comment --><br/><img src='a.png' alt=\"remand\">" in html
    assert linked_slugs(html) == ["remand"]


def test_definitions_are_escaped_and_ids_are_unique():
    html = link("<p>CSTR</p><h2>x</h2><p>CSTR and remand</p>")
    assert "Treatment &lt;instead&gt; of prison &amp; more." in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) == 3
    for ref in re.findall(r'aria-describedby="([^"]+)"', html):
        assert f'id="{ref}"' in html
    prefixed = link_terms("<p>remand</p>", matcher=MATCHER, id_prefix="resource-7")
    assert 'aria-describedby="resource-7-1"' in prefixed


def test_scripts_and_styles_pass_through_untouched():
    source = "<script>if (a < b && remand) {}</script><style>p > a {}</style>"
    assert link(source) == source


def test_text_without_terms_and_empty_text_are_unchanged():
    assert link("<p>Nothing to see here.</p>") == "<p>Nothing to see here.</p>"
    assert link("") == ""
    assert link_terms("<p>remand</p>", matcher=build_matcher([])) == "<p>remand</p>"


def test_a_50000_word_text_is_linked_once_per_section():
    """Correctness at size (speed is for the benchmark)."""
    paragraph = "<p>" + " ".join(["word"] * 497 + ["remand", "NRM", "word"]) + "</p>"
    source = "".join(f"<h2>Part {n}</h2>{paragraph}{paragraph}" for n in range(50))
    html = link(source)
    assert html.count('class="term-link"') == 50 * 2


@pytest.mark.usefixtures("shipped_dictionary")
def test_by_default_the_shipped_dictionary_is_used_and_follows_edits():
    html = link_terms("<p>Time on remand, then ROTL, then a fine.</p>")
    assert linked_slugs(html) == ["remand", "release-on-temporary-licence"]  # not "fine"
    remand = DictionaryTerm.objects.get(slug="remand")
    remand.definition = "A changed definition."
    remand.save()
    assert "A changed definition." in link_terms("<p>remand</p>")
    remand.link_in_texts = False
    remand.save()
    assert linked_slugs(link_terms("<p>remand</p>")) == []
    DictionaryTerm.objects.filter(slug="recall").delete()
    assert linked_slugs(link_terms("<p>recall</p>")) == []
    assert current_matcher() is current_matcher()  # built once per change
