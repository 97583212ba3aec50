"""A scenario's modelled effect in one plain sentence, e.g. "about 3,000 fewer people in
prison after 3 years (range 2,100 to 3,900)" — the range is the 90% band of the paired
difference from today's practice."""

from dataclasses import dataclass

from systemmodel.engine.outputs import HEADLINE_BY_NAME
from systemmodel.services.running import RunSummary

# name -> (what is counted, word for less, word for more)
PHRASES = {
    "prison_population": ("people in prison", "fewer", "more"),
    "remand_population": ("people on remand", "fewer", "more"),
    "probation_caseload": ("people on probation", "fewer", "more"),
    "receptions": ("receptions into prison a month", "fewer", "more"),
    "proven_reoffences": ("proven reoffences a month", "fewer", "more"),
    "victims": ("victims a month", "fewer", "more"),
    "cost": ("a month on prison and probation", "less", "more"),
}


@dataclass(frozen=True)
class Effect:
    name: str
    years: int
    median: float
    low: float
    high: float

    @property
    def label(self) -> str:
        return HEADLINE_BY_NAME[self.name].label

    def _amount(self, value: float) -> str:
        number = rounded(abs(value))
        return f"£{number} million" if self.name == "cost" else number

    @property
    def sentence(self) -> str:
        counted, less, more = PHRASES[self.name]
        after = f"after {self.years} year" + ("s" if self.years != 1 else "")
        if rounded(abs(self.median)) == "0":
            head = f"little change in {counted} {after}"
        else:
            word = less if self.median < 0 else more
            if self.name == "cost":
                head = f"about {self._amount(self.median)} {word} {counted} {after}"
            else:
                head = f"about {self._amount(self.median)} {word} {counted} {after}"
        if self.low < 0 < self.high:
            spread = f"range {self._amount(self.low)} {less} to {self._amount(self.high)} {more}"
        else:
            low, high = sorted((abs(self.low), abs(self.high)))
            spread = f"range {self._amount(low)} to {self._amount(high)}"
        return f"{head} ({spread})"


def rounded(value: float) -> str:
    """Two significant figures, with thousands separators: the model cannot say more."""
    if value == 0:
        return "0"
    exponent = int(f"{abs(value):e}".split("e")[1])
    digits = 1 - exponent
    number = round(value, digits)
    return f"{number:,.{digits}f}" if digits > 0 else f"{int(number):,}"


def effect(summary: RunSummary, name: str, years: int) -> Effect:
    index = min(years * 12, summary.months) - 1
    band = summary.effects[name]
    return Effect(name, years, band["median"][index], band["p5"][index], band["p95"][index])
