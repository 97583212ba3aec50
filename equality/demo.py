"""Demo monitoring: two report years of answers from every group, sized so that suppression
is visible (small groups such as trustees leave several figures hidden), both years
published so the report compares year on year.

The demo answers belong to no account: their tokens are random, as real ones look.
"""

import random
import secrets

from django.utils import timezone

from equality.models import Exercise, Group, Response
from equality.questions import CONSENT_WORDING, QUESTIONS
from equality.services import reports

# Answers per group and year: small boards and teams, larger programme and event groups.
SIZES = {
    Group.STAFF: (11, 12),
    Group.TRUSTEES: (9, 9),
    Group.PROGRAMME: (16, 19),
    Group.EVENTS: (64, 71),
    Group.MEMBER_LEADERSHIP: (42, 47),
}
# How likely each answer is, roughly: the alliance's people are more often Black or mixed
# heritage and far more often have lived experience than the population at large.
WEIGHTS = {
    "ethnicity": {"white_1": 50, "white_2": 3, "white_3": 1, "white_5": 5, "black_1": 8,
                  "black_2": 9, "mixed_3": 5, "mixed_1": 2, "asian_3": 4, "asian_4": 4,
                  "asian_1": 2, "other_1": 2, "prefer_not": 5},
    "justice_experience": {"prison": 18, "other": 14, "no": 60, "prefer_not": 8},
    "care_experience": {"yes": 10, "no": 82, "prefer_not": 8},
}  # fmt: skip


def _answer(rng: random.Random, question) -> str:
    weights = WEIGHTS.get(question.field)
    if weights:
        return rng.choices(list(weights), weights=list(weights.values()))[0]
    codes = [code for code, _ in question.all_choices()]
    # Earlier answers are the commoner ones; "Prefer not to say" is chosen now and then.
    weights = [max(1, 12 - 3 * i) for i in range(len(codes) - 1)] + [1]
    return rng.choices(codes, weights=weights)[0]


def load_demo_monitoring() -> int:
    """The number of answers created, or 0 when monitoring exists already."""
    if Exercise.objects.exists():
        return 0
    rng = random.Random(2024)  # noqa: S311 - demo data, not security
    this_year = timezone.localdate().year
    created = 0
    for index, year in enumerate((this_year - 1, this_year)):
        for group, sizes in SIZES.items():
            exercise = Exercise.objects.create(
                group=group, year=year, title=f"{group.label} {year}",
                slug=f"{group.value.replace('_', '-')}-{year}", is_open=year == this_year,
            )  # fmt: skip
            for _ in range(sizes[index]):
                Response.objects.create(
                    exercise=exercise, token=secrets.token_hex(32),
                    consent_wording=CONSENT_WORDING, consented_at=timezone.now(),
                    **{q.field: _answer(rng, q) for q in QUESTIONS},
                )  # fmt: skip
                created += 1
        reports.publish(year, by=None)
    return created
