"""Saved versions of a submission, and what changed between two of them.

A version holds the document as it would be published (submission.services.document), never
the staff-only originals, so a snapshot can be shown or compared without another consent check.
"""

import difflib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from consultations.models import Submission, SubmissionVersion
from consultations.submission.services.document import build_document, document_lines
from core import audit

MAX_NOTE = 300
CONTEXT = 2  # unchanged lines kept either side of a change; longer runs fold into one line


@dataclass(frozen=True)
class DiffLine:
    change: str  # "same", "added", "removed" or "folded" (a run of unchanged lines)
    text: str

    @property
    def label(self) -> str:
        """Said in words, so the change never depends on colour alone."""
        return {"added": "Added", "removed": "Removed"}.get(self.change, "")


def save_version(actor, submission: Submission, note: str = "") -> SubmissionVersion:
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [f"Keep the note under {MAX_NOTE} characters."]})
    content = build_document(submission).to_dict()
    for _attempt in range(3):  # two staff saving at once: the loser takes the next number
        try:
            with transaction.atomic():
                top = submission.versions.aggregate(top=Max("number"))["top"] or 0
                version = SubmissionVersion.objects.create(
                    submission=submission,
                    number=top + 1,
                    note=note,
                    content=content,
                    created_by=actor if getattr(actor, "is_authenticated", False) else None,
                )
        except IntegrityError:
            continue
        audit.record_change(actor, version, {}, {"number": version.number, "note": note})
        return version
    raise ValidationError({"note": ["Someone else saved a version at the same time; try again."]})


def compare(older: SubmissionVersion, newer: SubmissionVersion) -> list[DiffLine]:
    """The newer version's lines with the older one's removed lines in place; long runs of
    unchanged lines fold into one, so a change in a forty-page submission is easy to find."""
    before, after = document_lines(older.content), document_lines(newer.content)
    lines = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            lines.extend(DiffLine("same", text) for text in after[b_start:b_end])
            continue
        lines.extend(DiffLine("removed", text) for text in before[a_start:a_end])
        lines.extend(DiffLine("added", text) for text in after[b_start:b_end])
    return _fold_unchanged(lines)


def _fold_unchanged(lines: list[DiffLine]) -> list[DiffLine]:
    changed = [i for i, line in enumerate(lines) if line.change != "same"]
    if not changed:
        return lines
    keep = {j for i in changed for j in range(i - CONTEXT, i + CONTEXT + 1)}
    folded, run = [], 0
    for index, line in enumerate(lines):
        if index in keep:
            if run:
                folded.append(DiffLine("folded", f"{run} unchanged line{'s' if run > 1 else ''}"))
                run = 0
            folded.append(line)
        else:
            run += 1
    if run:
        folded.append(DiffLine("folded", f"{run} unchanged line{'s' if run > 1 else ''}"))
    return folded
