"""Slugs: a record's address made from its name, clear of every other record's and of the
app's own pages ("new", "export"...).

    unique_slug(Resource, "Bail and remand", fallback="resource", reserved=RESERVED_SLUGS)

gives "bail-and-remand", or "bail-and-remand-2" (-3, ...) when that is taken. A name with no
letters or digits gets the fallback noun; a name whose slug is one of the app's reserved words
gets the noun after it ("new-resource"), so it never hides one of the app's pages.

A slug people type themselves (in admin) is checked instead with `NotReserved(words)`, a
field validator that refuses the reserved words with a message saying why.
"""

from collections.abc import Collection, Container

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify


def slug_base(text: str, *, fallback: str, reserved: Collection[str] = (), max_length=200) -> str:
    """The slug `text` would have if it were free."""
    base = slugify(text)[:max_length].strip("-") or fallback
    return f"{base}-{fallback}" if base in reserved else base


def first_free(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is first not in `taken`."""
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@deconstructible
class NotReserved:
    """A field validator refusing the words an app's own pages use at the same place in the
    address, e.g. `NotReserved({"staff"})` for lists under /updates/ (so /updates/staff/ stays
    the staff pages, not a list's archive)."""

    def __init__(self, reserved: Collection[str]):
        self.reserved = tuple(sorted(reserved))

    def __call__(self, value: str) -> None:
        if value in self.reserved:
            raise ValidationError(
                "“%(value)s” is the address of one of the site's own pages; choose another.",
                code="reserved",
                params={"value": value},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, NotReserved) and self.reserved == other.reserved


class _TakenIn:
    """The slugs already in a table, asked one at a time (`slug in taken`)."""

    def __init__(self, queryset: models.QuerySet, field: str):
        self.queryset, self.field = queryset, field

    def __contains__(self, slug) -> bool:
        return self.queryset.filter(**{self.field: slug}).exists()


def unique_slug(
    records: type[models.Model] | models.QuerySet,
    text: str,
    *,
    fallback: str,
    reserved: Collection[str] = (),
    exclude_pk=None,
    field: str = "slug",
    max_length: int = 200,
) -> str:
    """A slug for `text` that no other record of `records` (a model or a queryset) has in
    `field`; the record `exclude_pk` (the one being renamed) does not count."""
    queryset = records._default_manager.all() if isinstance(records, type) else records
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    base = slug_base(text, fallback=fallback, reserved=reserved, max_length=max_length)
    return first_free(base, _TakenIn(queryset, field))
