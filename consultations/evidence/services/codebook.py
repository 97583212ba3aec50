"""The codebook and coding: themes (nested, renamed, merged) and each coder's themes for a
quote. Suggested themes (consultations.evidence.services.suggestions) only ever become codings
when a person accepts them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet

from consultations.evidence.services.saving import save_form
from consultations.models import Coding, Consultation, Quote, Theme
from core import audit


def active_themes(consultation: Consultation) -> QuerySet[Theme]:
    """Themes still in use: those not merged into another."""
    return consultation.codebook.filter(merged_into__isnull=True)


def kept_theme_ids(consultation: Consultation) -> dict[int, int]:
    """Each theme's id mapped to the theme it now lives in (itself unless merged)."""
    merged_into = dict(consultation.codebook.values_list("pk", "merged_into"))
    kept = {}
    for theme_id in merged_into:
        current, seen = theme_id, set()
        while merged_into.get(current) and current not in seen:
            seen.add(current)
            current = merged_into[current]
        kept[theme_id] = current
    return kept


def descendants(theme: Theme) -> set[int]:
    children = dict(theme.consultation.codebook.values_list("pk", "parent"))
    found, frontier = set(), {theme.pk}
    while frontier:
        frontier = {pk for pk, parent in children.items() if parent in frontier} - found
        found |= frontier
    return found


def outline(consultation: Consultation) -> dict:
    """The codebook page: themes in use as a tree (`tree`: each with its depth) and those
    merged away (`merged`), each with how many quotes carry it."""
    themes = list(
        consultation.codebook.select_related("merged_into").annotate(
            quote_count=Count("codings__quote", distinct=True)
        )
    )
    return {
        "tree": theme_tree([t for t in themes if not t.merged_into_id]),
        "merged": [t for t in themes if t.merged_into_id],
    }


def theme_tree(themes) -> list[tuple[Theme, int]]:
    """Themes in reading order with their depth, children under their parent."""
    by_parent: dict = {}
    ids = {t.pk for t in themes}
    for theme in themes:
        parent = theme.parent_id if theme.parent_id in ids else None
        by_parent.setdefault(parent, []).append(theme)
    ordered, seen = [], set()

    def visit(parent, depth):
        for theme in sorted(by_parent.get(parent, []), key=lambda t: t.name.lower()):
            if theme.pk not in seen:
                seen.add(theme.pk)
                ordered.append((theme, depth))
                visit(theme.pk, depth + 1)

    visit(None, 0)
    return ordered


def save_theme(actor, consultation: Consultation, form) -> Theme:
    return save_form(actor, form, consultation=consultation)


def merge_themes(actor, merged: Theme, kept: Theme) -> int:
    """Fold `merged` into `kept`: its codings move (without duplicates), its children and
    the themes merged into it follow, and it stays, pointing at `kept`, for the record."""
    if merged.consultation_id != kept.consultation_id:
        raise ValidationError("Themes can only be merged within one consultation.")
    if merged.pk == kept.pk:
        raise ValidationError("Choose a different theme to merge into.")
    if kept.merged_into_id or merged.merged_into_id:
        raise ValidationError("That theme has already been merged; choose one still in use.")
    with transaction.atomic():
        before = audit.snapshot(merged)
        kept_pairs = set(Coding.objects.filter(theme=kept).values_list("quote_id", "coder_id"))
        duplicate_ids = [
            pk
            for pk, quote_id, coder_id in Coding.objects.filter(theme=merged).values_list(
                "pk", "quote_id", "coder_id"
            )
            if (quote_id, coder_id) in kept_pairs
        ]
        Coding.objects.filter(pk__in=duplicate_ids).delete()
        moved = Coding.objects.filter(theme=merged).update(theme=kept)
        Theme.objects.filter(merged_into=merged).update(merged_into=kept)
        Theme.objects.filter(parent=merged).exclude(pk=kept.pk).update(parent=kept)
        if kept.parent_id == merged.pk:
            kept.parent_id = merged.parent_id
            kept.save(update_fields=["parent"])
        merged.merged_into = kept
        merged.save(update_fields=["merged_into"])
        audit.record_change(actor, merged, before)
    return moved


def code_quote(actor, quote: Quote, themes) -> None:
    """Make `actor`'s codings of the quote exactly `themes` (each an active theme of the
    quote's consultation)."""
    themes = list(themes)
    allowed = set(active_themes(quote.consultation).values_list("pk", flat=True))
    if any(theme.pk not in allowed for theme in themes):
        raise ValidationError("Choose themes from this consultation's codebook.")
    with transaction.atomic():
        mine = Coding.objects.filter(quote=quote, coder=actor)
        wanted = {theme.pk for theme in themes}
        for coding in mine.exclude(theme_id__in=wanted).select_related("theme"):
            audit.record_change(actor, coding, audit.snapshot(coding), {})
            coding.delete()
        have = set(mine.values_list("theme_id", flat=True))
        for theme in themes:
            if theme.pk not in have:
                coding = Coding.objects.create(quote=quote, theme=theme, coder=actor)
                audit.record_change(actor, coding, {})


def accept_suggestion(actor, quote: Quote, theme: Theme) -> Coding:
    """A person accepts a suggested theme: it becomes their coding of the quote."""
    if theme.pk not in set(active_themes(quote.consultation).values_list("pk", flat=True)):
        raise ValidationError("That theme is no longer in the codebook.")
    coding, created = Coding.objects.get_or_create(quote=quote, theme=theme, coder=actor)
    if created:
        audit.record_change(actor, coding, {})
    return coding
