"""Slugs: made from a name, clear of records that have them and of an app's reserved words."""

import pytest

from core.lib.slugs import first_free, slug_base, unique_slug
from taxonomy.models import Term

RESERVED = {"new", "export"}


def test_a_slug_is_the_slugified_name_cut_to_length_without_a_trailing_hyphen():
    assert slug_base("Bail and Remand!", fallback="thing") == "bail-and-remand"
    assert slug_base("ab cd", fallback="thing", max_length=3) == "ab"


def test_a_name_without_letters_or_digits_gets_the_fallback_noun():
    assert slug_base("???", fallback="resource") == "resource"


def test_a_reserved_word_gets_the_noun_after_it():
    assert slug_base("New", fallback="resource", reserved=RESERVED) == "new-resource"
    assert slug_base("Newer", fallback="resource", reserved=RESERVED) == "newer"


def test_the_first_free_slug_is_numbered_from_two():
    assert first_free("bail", set()) == "bail"
    assert first_free("bail", {"bail", "bail-2"}) == "bail-3"


@pytest.mark.django_db
def test_unique_slug_looks_in_the_table_and_skips_the_record_being_renamed():
    taken = Term.objects.order_by("pk").first()
    assert unique_slug(Term, taken.slug, fallback="term") == f"{taken.slug}-2"
    assert unique_slug(Term, taken.slug, fallback="term", exclude_pk=taken.pk) == taken.slug
    assert unique_slug(Term.objects.none(), taken.slug, fallback="term") == taken.slug


def test_not_reserved_refuses_an_apps_own_words_and_passes_the_rest():
    from django.core.exceptions import ValidationError

    from core.lib.slugs import NotReserved

    validator = NotReserved(RESERVED)
    validator("newer")
    with pytest.raises(ValidationError, match="one of the site's own pages"):
        validator("new")
    assert validator == NotReserved(["export", "new"])
