"""Precision and recall of the checker over labelled sentences (data/checker_labelled.py)."""

from collections import Counter

import pytest

from glossary.services.checker import check_text
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401
from glossary.tests.data.checker_labelled import CASES

pytestmark = pytest.mark.django_db

EXEMPT = {"official_name", "quotation"}


def score(kinds: set[str]) -> tuple[float, float, list[str]]:
    true_positive = false_positive = false_negative = 0
    mistakes = []
    for sentence, expected in CASES:
        want = Counter(pair for pair in expected if pair[0] in kinds)
        got = Counter((f.kind, f.term) for f in check_text(sentence).findings if f.kind in kinds)
        true_positive += sum((want & got).values())
        false_positive += sum((got - want).values())
        false_negative += sum((want - got).values())
        if want != got:
            mistakes.append(f"{sentence!r}: expected {dict(want)}, found {dict(got)}")
    precision = true_positive / (true_positive + false_positive) if true_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive else 0.0
    return precision, recall, mistakes


def test_the_labelled_set_is_big_and_varied():
    assert len(CASES) >= 200
    assert sum(1 for _, expected in CASES if not expected) >= 60
    kinds = Counter(kind for _, expected in CASES for kind, _ in expected)
    assert kinds["stigmatising"] >= 100
    assert kinds["official_name"] >= 20
    assert kinds["quotation"] >= 10


def test_stigmatising_findings_have_high_precision_and_recall():
    precision, recall, mistakes = score({"stigmatising"})
    assert precision >= 0.95, mistakes
    assert recall >= 0.95, mistakes


def test_exemptions_have_high_precision_and_recall():
    precision, recall, mistakes = score(EXEMPT)
    assert precision >= 0.95, mistakes
    assert recall >= 0.95, mistakes
