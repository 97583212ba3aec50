"""The phrase patterns behave on edge cases the labelled set cannot show."""

from media.analysis.patterns import compile_phrases, scan


def test_phrases_from_an_empty_guide_match_nothing():
    assert scan(compile_phrases([]), "people in prison said so") == []
