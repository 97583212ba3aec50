"""A text cut into plain runs and numbered findings, in order, for a template to mark up.

A finding is anything with `start`, `end` and `text` (the checker's findings, say); the
template escapes every run and wraps each finding in a <mark>, so no HTML is built here.
"""


def highlighted_segments(text: str, findings) -> list[dict]:
    """The text as plain runs and numbered findings, in order, for the template to escape.
    Findings must be in order and must not overlap."""
    segments, position = [], 0
    for number, finding in enumerate(findings, start=1):
        if finding.start > position:
            segments.append({"text": text[position : finding.start]})
        segments.append({"text": finding.text, "finding": finding, "number": number})
        position = finding.end
    if position < len(text):
        segments.append({"text": text[position:]})
    return segments
