"""Precision and recall of the checker over labelled sentences (data/checker_labelled.py).

Stigmatising findings are scored with their severity: a "prisoner" the checker marks
plainly stigmatising instead of "use with care" counts as a mistake."""

from collections import Counter

import pytest

from glossary.services.checker import check_text
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401
from glossary.tests.data.checker_labelled import CASES

pytestmark = pytest.mark.django_db

STIGMATISING = {"stigmatising", "care"}
EXEMPT = {"official_name", "quotation", "discussed"}
MINIMUM = 0.97


def labelled_kind(finding) -> str:
    if finding.kind == "stigmatising" and finding.severity == "care":
        return "care"
    return finding.kind


def score(kinds: set[str]) -> tuple[float, float, list[str]]:
    true_positive = false_positive = false_negative = 0
    mistakes = []
    for sentence, expected in CASES:
        want = Counter(pair for pair in expected if pair[0] in kinds)
        got = Counter(
            (labelled_kind(f), f.term)
            for f in check_text(sentence).findings
            if labelled_kind(f) in kinds
        )
        true_positive += sum((want & got).values())
        false_positive += sum((got - want).values())
        false_negative += sum((want - got).values())
        if want != got:
            mistakes.append(f"{sentence!r}: expected {dict(want)}, found {dict(got)}")
    precision = true_positive / (true_positive + false_positive) if true_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive else 0.0
    return precision, recall, mistakes


def test_the_labelled_set_is_big_and_varied():
    assert len(CASES) >= 300
    assert len({sentence for sentence, _ in CASES}) == len(CASES), "a sentence is repeated"
    assert sum(1 for _, expected in CASES if not expected) >= 70
    kinds = Counter(kind for _, expected in CASES for kind, _ in expected)
    assert kinds["stigmatising"] >= 130
    assert kinds["care"] >= 8
    assert kinds["official_name"] >= 30
    assert kinds["quotation"] >= 20
    assert kinds["discussed"] >= 12


def test_stigmatising_findings_have_high_precision_and_recall():
    precision, recall, mistakes = score(STIGMATISING)
    assert precision >= MINIMUM, mistakes
    assert recall >= MINIMUM, mistakes


def test_exemptions_have_high_precision_and_recall():
    precision, recall, mistakes = score(EXEMPT)
    assert precision >= MINIMUM, mistakes
    assert recall >= MINIMUM, mistakes


@pytest.mark.parametrize("kind", ["quotation", "discussed", "official_name", "care"])
def test_each_kind_is_told_apart(kind):
    precision, recall, mistakes = score({kind})
    assert precision >= MINIMUM, mistakes
    assert recall >= MINIMUM, mistakes
