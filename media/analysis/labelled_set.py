"""How well the analysis does on a labelled set written for the purpose.

data/sentences.jsonl: one sentence a line, UK news style (tabloid, broadsheet, local,
trade), labelled by hand:
    labels, sensational  the words a careful reader of the language guide would flag
                         (spans of the text, labels and sensational words by the guide's
                         category; both count as "labels" in the figures);
    people_first         people-first phrases ("people in prison");
    exempt               guide wording that must NOT be flagged: quoted or part of an
                         official name, or a word mentioned rather than used;
    guide_gaps           tabloid words the guide does not list yet: left out of the
                         figures and listed, so a gap stays visible (the ones first
                         listed, "lags", "cushy" and others, are now in the guide);
    voice                the kind of voice quoted or reported in the sentence, or null
                         (a report, figures or a survey are not voices; a person or
                         organisation saying or finding something is);
    thematic_cue         whether the sentence takes the story beyond the single incident.
data/articles.jsonl: short articles with `thematic` and `voices` (kinds of voice heard).

`measure()` returns precision and recall for each; run `python -m media.analysis.labelled_set`
to print them with every miss, which is how the rules are reviewed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from glossary.services.compiled_guide import CompiledGuide
from glossary.services.findings import STIGMATISING
from media.analysis.engine import analyse, guide_from_data_file
from media.analysis.language import PEOPLE_FIRST

DATA = Path(__file__).resolve().parent / "data"


def load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@dataclass
class Score:
    """Counts for one measure, and the examples it got wrong."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    def add(self, expected: set, predicted: set, example: str) -> None:
        self.true_positives += len(expected & predicted)
        self.false_positives += len(predicted - expected)
        self.false_negatives += len(expected - predicted)
        if expected != predicted:
            self.misses.append(
                f"expected {sorted(map(str, expected))} got {sorted(map(str, predicted))}: "
                f"{example[:160]}"
            )

    def merged(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
            self.misses + other.misses,
        )

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives})"
        )


def _spans(text: str, phrases: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    for phrase in phrases:
        start = text.find(phrase)
        if start < 0:
            raise ValueError(f"Labelled phrase {phrase!r} is not in: {text}")
        spans.append((start, start + len(phrase), phrase))
    return spans


def _matched(spans: list[tuple[int, int, str]], findings: list[dict]) -> tuple[set, set]:
    """(expected phrases found, findings that match no expected phrase), by overlap."""
    expected, extra = set(), set()
    for finding in findings:
        hits = {p for s, e, p in spans if finding["start"] < e and s < finding["end"]}
        if hits:
            expected |= hits
        else:
            extra.add(f"{finding['text']}@{finding['start']}")
    return expected, extra


@dataclass
class Report:
    labels: Score
    people_first: Score
    voices_sentences: Score
    voices_articles: Score
    context_sentences: Score
    context_articles: Score
    guide_gaps: list[str]

    @property
    def voices(self) -> Score:
        return self.voices_sentences.merged(self.voices_articles)

    @property
    def context(self) -> Score:
        return self.context_sentences.merged(self.context_articles)

    def lines(self) -> list[str]:
        return [
            self.labels.line("labels (stigmatising and sensational)"),
            self.people_first.line("people-first wording"),
            self.voices.line("voices"),
            self.voices_sentences.line("  voices in sentences"),
            self.voices_articles.line("  voices in articles"),
            self.context.line("context"),
            self.context_sentences.line("  context cues in sentences"),
            self.context_articles.line("  thematic articles"),
            f"words the guide does not list yet: {', '.join(self.guide_gaps)}",
        ]


def measure(guide: CompiledGuide | None = None) -> Report:
    guide = guide or guide_from_data_file()
    labels, people_first = Score(), Score()
    voices_sentences, voices_articles = Score(), Score()
    context_sentences, context_articles = Score(), Score()
    gaps: set[str] = set()
    for item in load("sentences.jsonl"):
        text = item["text"]
        result = analyse("", text, guide)
        findings = result["body"]["findings"]
        flags = _spans(text, item.get("labels", []) + item.get("sensational", []))
        found, extra = _matched(flags, [f for f in findings if f["kind"] == STIGMATISING])
        labels.add({p for _, _, p in flags}, found | extra, text)
        wording = _spans(text, item.get("people_first", []))
        found, extra = _matched(wording, [f for f in findings if f["kind"] == PEOPLE_FIRST])
        people_first.add({p for _, _, p in wording}, found | extra, text)
        gaps.update(phrase.lower() for phrase in item.get("guide_gaps", []))

        expected_voice = {item["voice"]} if item["voice"] else set()
        voices_sentences.add(expected_voice, {v["category"] for v in result["voices"]}, text)
        cue = bool(result["context"]["reasons"])
        context_sentences.add({True} & {item["thematic_cue"]}, {True} & {cue}, text)

    for item in load("articles.jsonl"):
        result = analyse(item["title"], item["text"], guide)
        voices_articles.add(
            set(item["voices"]), {v["category"] for v in result["voices"]}, item["title"]
        )
        thematic = result["context"]["thematic"]
        context_articles.add({True} & {item["thematic"]}, {True} & {thematic}, item["title"])
    return Report(
        labels,
        people_first,
        voices_sentences,
        voices_articles,
        context_sentences,
        context_articles,
        sorted(gaps),
    )


def main() -> None:
    report = measure()
    for name in ("labels", "people_first", "voices", "context"):
        score = getattr(report, name)
        if score.misses:
            print(f"--- {name}: {len(score.misses)} examples differ")
            print("\n".join(score.misses))
    print("\n".join(report.lines()))


if __name__ == "__main__":
    main()
