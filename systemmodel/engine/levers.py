"""The policy levers: what a scenario changes, each stated as an assumption in plain words.

A lever's value replaces today's practice from the first modelled month onwards (no phasing
in). Defaults are today's practice, so a scenario with every lever at its default is the
baseline.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Lever:
    name: str
    label: str
    minimum: float
    maximum: float
    default: float
    unit: str
    assumption: str  # what the model assumes when the lever moves, in plain words
    choices: tuple[float, ...] = ()  # when set, only these values are allowed
    step: float = 0.01
    recommendation_hint: str = ""

    def check(self, value: float) -> str | None:
        """A message saying what is wrong with `value`, or None when it is allowed."""
        if self.choices:
            if value not in self.choices:
                allowed = ", ".join(_plain(choice) for choice in self.choices)
                return f"{self.name} must be one of {allowed}."
            return None
        if not self.minimum <= value <= self.maximum:
            return f"{self.name} must be between {_plain(self.minimum)} and {_plain(self.maximum)}."
        return None


def _plain(number: float) -> str:
    return f"{number:g}"


LEVERS: tuple[Lever, ...] = (
    Lever(
        name="short_sentence_presumption",
        label="Presumption against short prison sentences",
        minimum=0,
        maximum=12,
        default=0,
        unit="months",
        choices=(0, 6, 12),
        step=6,
        assumption="Courts must avoid prison sentences shorter than this (0 means no "
        "presumption). The people who would have got such a sentence get a community "
        "order instead, in the share set below; the rest still go to prison.",
    ),
    Lever(
        name="presumption_community_share",
        label="Share of short sentences that become community orders",
        minimum=0,
        maximum=1,
        default=0.7,
        unit="share",
        assumption="Under a presumption, this share of would-be short sentences become "
        "community orders (with their reoffending rate); courts keep prison for the rest. "
        "It has no effect without a presumption. Short prison sentences are followed by "
        "licence and supervision too, so the probation caseload rises only when most of them "
        "become community orders.",
    ),
    Lever(
        name="diversion",
        label="More diversion before charge",
        minimum=0,
        maximum=0.5,
        default=0,
        unit="share",
        assumption="This share of people who would have been charged and sent to the "
        "magistrates' court get an out-of-court resolution instead, such as a drug "
        "treatment referral, with the reoffending rate of out-of-court resolutions. Crown "
        "Court cases are not diverted.",
    ),
    Lever(
        name="remand_to_bail",
        label="Fewer remands in custody",
        minimum=0,
        maximum=0.5,
        default=0,
        unit="share",
        assumption="This share of decisions to remand in custody become bail instead. "
        "People on bail wait for court in the community; their sentences do not change.",
    ),
    Lever(
        name="release_point",
        label="Release point of standard sentences",
        minimum=0.33,
        maximum=0.67,
        default=0.5,
        unit="share of sentence",
        assumption="People serving standard determinate sentences are released after this "
        "share of the sentence (0.5 was the law in June 2024; 0.4 from September 2024). "
        "Serious violent and sexual offences stay at two-thirds.",
    ),
    Lever(
        name="recall_share",
        label="Share of licence breaches that lead to recall",
        minimum=0.2,
        maximum=1.0,
        default=0.75,
        unit="share",
        assumption="Of the people who breach their licence each month, this share are "
        "recalled to prison; the rest are dealt with in the community.",
    ),
    Lever(
        name="fixed_term_recall_days",
        label="Length of a fixed-term recall (short sentences)",
        minimum=28,
        maximum=84,
        default=28,
        unit="days",
        step=14,
        assumption="People recalled from a sentence under 12 months spend this long back in "
        "prison. The model moves a month at a time, so anything up to a month counts as one.",
    ),
    Lever(
        name="court_sitting_days",
        label="Court sitting days compared with 2024",
        minimum=0.8,
        maximum=1.3,
        default=1.0,
        unit="times 2024",
        step=0.05,
        assumption="Waiting times at court (and so time on remand) shrink in proportion to "
        "more sitting days: 1.2 means a fifth more days and waits five-sixths as long.",
    ),
)
BY_NAME = {lever.name: lever for lever in LEVERS}
DEFAULTS = {lever.name: lever.default for lever in LEVERS}


def validate(values: dict) -> tuple[dict[str, float], list[str]]:
    """(levers with defaults filled in, messages). Unknown names and bad values are errors."""
    errors = []
    levers = dict(DEFAULTS)
    for name, value in values.items():
        lever = BY_NAME.get(name)
        if lever is None:
            errors.append(f"There is no lever called {name!r}.")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(f"{name} must be a number.")
            continue
        problem = lever.check(float(value))
        if problem:
            errors.append(problem)
            continue
        levers[name] = float(value)
    return levers, errors
