"""The constructive reporting score: 0 to 100, from the parts of the analysis.

The formula is data (SCORE_FORMULA) so the article page can show exactly how a score was
reached, and the awards shortlist can be argued about in the open. Every article starts at
BASE; wording the guide warns against loses points (more in the headline, which most readers
see and many see alone), and what framing research links to fairer reporting gains them:
people-first wording, people with lived experience speaking for themselves, a range of
voices rather than police and court alone, and context beyond the single incident.
"""

from __future__ import annotations

BASE = 50
HEADLINE_PENALTY = 15  # each label or sensational word in the headline
HEADLINE_CAP = 30
LABEL_PENALTY_PER_1000 = 2  # per label per 1,000 words of body
LABEL_CAP = 20
SENSATIONAL_PENALTY_PER_1000 = 3
SENSATIONAL_CAP = 20
PEOPLE_FIRST_POINTS = 5  # each people-first phrase
PEOPLE_FIRST_CAP = 10
LIVED_EXPERIENCE_POINTS = 15
VOICE_MIX_POINTS = 5  # each kind of voice beyond the first ("other" not counted)
VOICE_MIX_CAP = 10
THEMATIC_POINTS = 15

SCORE_FORMULA = [
    f"Start at {BASE}.",
    f"Headline: minus {HEADLINE_PENALTY} for each stigmatising label or sensational word "
    f"(at most minus {HEADLINE_CAP}).",
    f"Body: minus {LABEL_PENALTY_PER_1000} for each stigmatising label per 1,000 words "
    f"(at most minus {LABEL_CAP}).",
    f"Body: minus {SENSATIONAL_PENALTY_PER_1000} for each sensational word per 1,000 words "
    f"(at most minus {SENSATIONAL_CAP}).",
    "Wording inside quotations and official names is not counted against the article.",
    f"Plus {PEOPLE_FIRST_POINTS} for each people-first phrase (at most plus {PEOPLE_FIRST_CAP}).",
    f"Plus {LIVED_EXPERIENCE_POINTS} if someone with lived experience of the justice system "
    "is quoted.",
    f"Plus {VOICE_MIX_POINTS} for each further kind of voice quoted, beyond the first "
    f"(at most plus {VOICE_MIX_CAP}).",
    f"Plus {THEMATIC_POINTS} if the story gives context beyond the single incident "
    "(figures, trends, policy, research, what works).",
    "The result is kept between 0 and 100.",
]


def _capped(value: float, cap: float) -> float:
    return round(min(value, cap), 1)


def constructive_score(
    *,
    words: int,
    headline_flags: int,
    body_labels: int,
    body_sensational: int,
    people_first: int,
    voice_categories: set[str],
    thematic: bool,
) -> dict:
    """The total and each component: what was measured and the points it gave."""
    per_1000 = 1000 / words if words else 0.0
    heard = voice_categories - {"other"}
    components = {
        "headline": {
            "measure": headline_flags,
            "points": -_capped(headline_flags * HEADLINE_PENALTY, HEADLINE_CAP),
        },
        "body_labels": {
            "measure": round(body_labels * per_1000, 2),
            "points": -_capped(body_labels * per_1000 * LABEL_PENALTY_PER_1000, LABEL_CAP),
        },
        "body_sensational": {
            "measure": round(body_sensational * per_1000, 2),
            "points": -_capped(
                body_sensational * per_1000 * SENSATIONAL_PENALTY_PER_1000, SENSATIONAL_CAP
            ),
        },
        "people_first": {
            "measure": people_first,
            "points": _capped(people_first * PEOPLE_FIRST_POINTS, PEOPLE_FIRST_CAP),
        },
        "lived_experience": {
            "measure": "lived_experience" in voice_categories,
            "points": LIVED_EXPERIENCE_POINTS if "lived_experience" in voice_categories else 0,
        },
        "voice_mix": {
            "measure": len(heard),
            "points": _capped(max(len(heard) - 1, 0) * VOICE_MIX_POINTS, VOICE_MIX_CAP),
        },
        "thematic": {"measure": thematic, "points": THEMATIC_POINTS if thematic else 0},
    }
    total = BASE + sum(component["points"] for component in components.values())
    return {"total": round(max(0.0, min(100.0, total)), 1), "base": BASE, "components": components}
