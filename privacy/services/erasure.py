"""Erasing a person everywhere: every app's source in turn, the account last, all or nothing."""

from django.db import transaction

from core.registries import personal_data
from core.registries.personal_data import DataSubject


def erase_everywhere(subject: DataSubject) -> dict[str, int]:
    """{source key: records changed}. Safe to run twice: the second run changes nothing."""
    with transaction.atomic():
        return {
            source.key: source.erase(subject) for source in personal_data.sources_in_erase_order()
        }
