"""The product's own language checker (glossary.services.checker) over a draft issue.

Each piece is checked on its own (the title, the introduction, each item's title and body),
so a finding names the item it is in and staff can go straight to it. Only the findings that
ask for a change are shown: stigmatising wording the writer uses and wording to use with
care; quotations, names and wording discussed are the checker's to explain, not to flag.
"""

from dataclasses import dataclass

from glossary.services.checker import check_text
from glossary.services.findings import STIGMATISING, Finding

# Shown to staff at most; more than this says "rewrite", not "fix a word".
MAX_FINDINGS = 100


@dataclass(frozen=True)
class Located:
    where: str  # e.g. "Item 3: title"
    item_pk: int | None
    finding: Finding


def _pieces(issue):
    yield "Title", None, issue.title
    yield "Introduction", None, issue.introduction
    for number, item in enumerate(issue.items.all(), start=1):
        yield f"Item {number} ({item.title[:60]}): title", item.pk, item.title
        yield f"Item {number} ({item.title[:60]}): text", item.pk, item.body


def findings_of(issue) -> list[Located]:
    found = []
    for where, item_pk, text in _pieces(issue):
        if not text.strip():
            continue
        for finding in check_text(text).findings:
            if finding.kind == STIGMATISING:
                found.append(Located(where, item_pk, finding))
                if len(found) >= MAX_FINDINGS:
                    return found
    return found
