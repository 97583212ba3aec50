"""Shared set-up for the dictionary tests: the shipped dictionary, loaded."""

import importlib

import pytest
from django.apps import apps

from glossary.services.dictionary import ensure_dictionary_loaded
from taxonomy.models import Term


def load_shipped_dictionary() -> None:
    """Migrations load the taxonomy and the dictionary; a test database emptied by an
    earlier transactional test gets them again from the same functions."""
    if not Term.objects.exists():
        importlib.import_module("taxonomy.migrations.0002_load_terms").load_terms(apps, None)
    ensure_dictionary_loaded()


@pytest.fixture
def shipped_dictionary(db):
    load_shipped_dictionary()
