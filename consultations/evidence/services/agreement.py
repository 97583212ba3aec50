"""Measuring how far two coders agree: a random sample of quotes they code independently
(each seeing only their own codings until both finish), and Cohen's kappa per theme."""

import random
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet

from consultations.evidence.services.codebook import active_themes, kept_theme_ids
from consultations.models import Coding, CodingSample, Consultation, Quote
from core import audit


def create_sample(actor, consultation: Consultation, name: str, size: int, coders) -> CodingSample:
    """A random sample of the consultation's quotes for two staff to code independently."""
    coders = list(coders)
    if len(coders) != 2 or coders[0] == coders[1]:
        raise ValidationError("Choose two different people to code the sample.")
    quote_ids = list(consultation.quotes.values_list("pk", flat=True))
    if not quote_ids:
        raise ValidationError("There are no quotes to sample yet.")
    if size < 2:
        raise ValidationError("A sample needs at least two quotes.")
    with transaction.atomic():
        sample = CodingSample.objects.create(consultation=consultation, name=name)
        sample.quotes.set(random.sample(quote_ids, min(size, len(quote_ids))))
        sample.coders.set(coders)
        audit.record_change(actor, sample, {})
    return sample


def samples_of(consultation: Consultation) -> QuerySet[CodingSample]:
    """The consultation's samples, each with its coders and how many quotes it holds."""
    return consultation.coding_samples.prefetch_related("coders").annotate(
        quote_count=Count("quotes", distinct=True)
    )


def coding_progress(sample: CodingSample) -> dict:
    """How many of the sample's quotes each coder has coded, by coder."""
    quote_ids = sample.quotes.values("pk")
    counts = dict(
        Coding.objects.filter(quote__in=quote_ids, coder__in=sample.coders.all())
        .values("coder")
        .annotate(n=Count("quote", distinct=True))
        .values_list("coder", "n")
    )
    return {coder: counts.get(coder.pk, 0) for coder in sample.coders.all()}


def is_complete(sample: CodingSample) -> bool:
    total = sample.quotes.count()
    progress = coding_progress(sample)
    return len(progress) >= 2 and all(n == total for n in progress.values())


def hides_other_coders(user, quote: Quote) -> bool:
    """While a sample is being coded, its coders see only their own codings of its quotes."""
    return any(not is_complete(sample) for sample in quote.samples.filter(coders=user))


def visible_codings(user, quote: Quote):
    """The quote's codings this person may see, and whether others' are hidden from them."""
    codings = quote.codings.select_related("theme", "coder").order_by("theme__name")
    if hides_other_coders(user, quote):
        return codings.filter(coder=user), True
    return codings, False


def own_codings(user, sample: CodingSample) -> dict[int, list[int]]:
    """The themes this person has given each of the sample's quotes, by quote id."""
    mine: dict[int, list[int]] = {}
    for quote_id, theme_id in Coding.objects.filter(
        quote__in=sample.quotes.all(), coder=user
    ).values_list("quote_id", "theme_id"):
        mine.setdefault(quote_id, []).append(theme_id)
    return mine


@dataclass
class Kappa:
    label: str
    value: float | None
    agreement: float | None
    explanation: str = ""


def cohen_kappa(first: list[bool], second: list[bool]) -> tuple[float | None, float | None, str]:
    """Cohen's kappa for two coders' yes/no decisions on the same items.

    kappa = (observed agreement − agreement expected by chance) / (1 − expected). When
    both coders gave every item the same single answer, expected agreement is 1 and kappa
    is undefined: that is said in words rather than shown as a number.
    """
    n = len(first)
    if n == 0:
        return None, None, "No quotes to compare."
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    p_first, p_second = sum(first) / n, sum(second) / n
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    if expected == 1:
        return (
            None,
            observed,
            "Kappa cannot be computed: both coders gave every quote the same answer for "
            "this theme, so there is no variation to compare.",
        )
    return (observed - expected) / (1 - expected), observed, ""


def agreement(sample: CodingSample) -> dict:
    """Cohen's kappa per theme and overall (every quote × theme decision pooled)."""
    coders = list(sample.coders.order_by("pk"))
    if len(coders) < 2:
        return {
            "coders": coders,
            "problem": "Agreement needs two coders; this sample has fewer, so there is "
            "nothing to compare.",
            "themes": [],
            "overall": None,
        }
    first, second = coders[:2]
    kept = kept_theme_ids(sample.consultation)
    quote_ids = list(sample.quotes.order_by("pk").values_list("pk", flat=True))
    decided: dict[int, set[tuple[int, int]]] = {first.pk: set(), second.pk: set()}
    for quote_id, theme_id, coder_id in Coding.objects.filter(
        quote_id__in=quote_ids, coder__in=[first, second]
    ).values_list("quote_id", "theme_id", "coder_id"):
        decided[coder_id].add((quote_id, kept[theme_id]))
    rows, pooled_first, pooled_second = [], [], []
    for theme in active_themes(sample.consultation).order_by("name"):
        a = [(q, theme.pk) in decided[first.pk] for q in quote_ids]
        b = [(q, theme.pk) in decided[second.pk] for q in quote_ids]
        if not any(a) and not any(b):
            continue  # a theme neither coder used tells nothing about agreement
        value, observed, explanation = cohen_kappa(a, b)
        rows.append(Kappa(theme.name, value, observed, explanation))
        pooled_first += a
        pooled_second += b
    overall = None
    if pooled_first:
        overall = Kappa("All themes", *cohen_kappa(pooled_first, pooled_second))
    return {"coders": [first, second], "problem": "", "themes": rows, "overall": overall}
