"""The trie-shaped pattern: longest phrase wins, endings and separators as documented."""

import re

from core.lib.term_regex import (
    PHRASE_END,
    SEP_OPTIONAL,
    SEP_REQUIRED,
    compile_at_word_starts,
    phrase_atoms,
    trie_pattern,
)


def test_shared_prefixes_become_one_branch():
    assert trie_pattern([("abc", ""), ("abd", "")]) == "ab(?:c|d)"


def test_a_continuation_is_tried_before_the_phrase_may_end():
    pattern = trie_pattern([("young offender", "$"), ("young offender institution", "$")])
    assert re.match(pattern, "young offender institution").group() == ("young offender institution")
    assert re.match(pattern, "young offender").group() == "young offender"


def test_an_empty_ending_makes_the_rest_optional():
    assert trie_pattern([("ab", ""), ("abc", "")]) == "ab(?:c)?"


def test_endings_follow_in_the_order_given_and_repeat_once():
    assert trie_pattern([("a", "X"), ("a", "Y"), ("a", "X")]) == "a(?:X|Y)"


def test_keys_are_rendered_and_nothing_gives_none():
    assert trie_pattern([(["\\s+", "a"], "")], render=str) == "\\s+a"
    assert trie_pattern([("a.b", "")]) == "a\\.b"
    assert trie_pattern([]) is None


def test_phrase_atoms_treat_spaces_hyphens_and_apostrophes_loosely():
    assert phrase_atoms("Ex-offender") == ["e", "x", SEP_OPTIONAL, *"offender"]
    assert phrase_atoms("a - b") == ["a", SEP_REQUIRED, "b"]
    pattern = re.compile("".join(phrase_atoms("ex-offender")) + PHRASE_END)
    for text in ("ex-offenders", "ex offender's", "exoffenders'", "ex\u2011offender\u2019s"):
        assert pattern.fullmatch(text), text
    assert not pattern.match("ex-offending")


def test_a_pattern_compiled_at_word_starts_gives_the_texts_own_offsets():
    pattern = compile_at_word_starts(trie_pattern([("cat", "(?![a-z0-9])")]))
    lower = "the cat, a category"
    spans = [(m.start(), m.end() - 1) for m in pattern.finditer(" " + lower)]
    assert spans == [(4, 7)]
    assert lower[4:7] == "cat"
