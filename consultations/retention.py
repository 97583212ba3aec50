"""Words whose contributor withdrew consent are kept only while a sent or published use still
depends on them. Withdrawal and resolving a flag remove them at once; this daily rule catches
any left behind (withdrawn before the rule existed, or set directly)."""

from django.db.models import Exists, OuterRef

from consultations.evidence.services.withdrawal import WORDS_WITHDRAWN, remove_withdrawn_words
from consultations.models import Answer, ConsentFlag, Contribution, Passage, Speaker
from core.registries import retention
from core.registries.retention import RetentionRule


def _waiting():
    """Withdrawn records that still hold words and have no open flag."""
    open_flag = ConsentFlag.objects.filter(resolved_at__isnull=True)
    contributions = (
        Contribution.objects.filter(consent_withdrawn_at__isnull=False)
        .filter(
            Exists(Answer.objects.filter(contribution=OuterRef("pk")).exclude(text=WORDS_WITHDRAWN))
        )
        .exclude(Exists(open_flag.filter(quote__answer__contribution=OuterRef("pk"))))
    )
    speakers = (
        Speaker.objects.filter(consent_withdrawn_at__isnull=False)
        .filter(
            Exists(Passage.objects.filter(speaker=OuterRef("pk")).exclude(text=WORDS_WITHDRAWN))
        )
        .exclude(Exists(open_flag.filter(quote__passage__speaker=OuterRef("pk"))))
    )
    return list(contributions) + list(speakers)


def withdrawn_words(now, dry_run: bool) -> int:
    records = _waiting()
    if dry_run:
        return len(records)
    return sum(1 for record in records if remove_withdrawn_words(record, WORDS_WITHDRAWN))


retention.register(
    RetentionRule(
        key="consultations.withdrawn_words",
        records="Consultation answers and roundtable words whose contributor withdrew consent",
        kept_for="only while a submission already sent or published still depends on them",
        then="replaced by “[removed: consent withdrawn]”; the fact and date of withdrawal stay",
        apply=withdrawn_words,
    )
)
