"""Calls for evidence, members' contributions, the quotes drawn from them and the submission.

One module per concern: the consultation and its questions (`consultation`), the evidence and
the consent that travels with it (`evidence`), quotes and their redactions (`quotes`), the
codebook (`coding`), the submission (`submission`) and the feedback loop (`feedback`). Import
them from here, as Django does.
"""

from consultations.models.coding import Coding, CodingSample, Theme
from consultations.models.consultation import (
    Consultation,
    ConsultationStatus,
    Question,
    QuestionPart,
)
from consultations.models.evidence import (
    Answer,
    Attribution,
    ConsentFlag,
    ConsentRecord,
    Contribution,
    Passage,
    Session,
    Speaker,
)
from consultations.models.feedback import FeedbackMessage
from consultations.models.quotes import Quote, Redaction
from consultations.models.submission import (
    Block,
    Submission,
    SubmissionSection,
    SubmissionVersion,
)

__all__ = [
    "Answer",
    "Attribution",
    "Block",
    "Coding",
    "CodingSample",
    "ConsentFlag",
    "ConsentRecord",
    "Consultation",
    "ConsultationStatus",
    "Contribution",
    "FeedbackMessage",
    "Passage",
    "Question",
    "QuestionPart",
    "Quote",
    "Redaction",
    "Session",
    "Speaker",
    "Submission",
    "SubmissionSection",
    "SubmissionVersion",
    "Theme",
]
