"""Highlighted text: plain runs between numbered findings, nothing lost or repeated."""

from typing import NamedTuple

from core.lib.highlight import highlighted_segments


class Found(NamedTuple):
    start: int
    end: int
    text: str


def test_findings_are_numbered_between_plain_runs():
    text = "Every offender and every inmate"
    findings = [Found(6, 14, "offender"), Found(25, 31, "inmate")]
    segments = highlighted_segments(text, findings)
    assert [s["text"] for s in segments] == ["Every ", "offender", " and every ", "inmate"]
    assert [s.get("number") for s in segments] == [None, 1, None, 2]
    assert segments[1]["finding"] is findings[0]
    assert "".join(s["text"] for s in segments) == text


def test_a_text_without_findings_is_one_run():
    assert highlighted_segments("Nothing here", []) == [{"text": "Nothing here"}]
    assert highlighted_segments("", []) == []
