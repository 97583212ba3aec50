"""How fast the language checker runs, against a naive baseline (bench/baseline.py).

`run(size_mb)` generates realistic news-like text (seeded, so every run reads the same
words), splits it into article-sized documents and times:

- engine:   glossary.services.checker.check_text on every document (findings, quotations, summary);
- baseline: one compiled regular expression of the same phrases (every entry, variant,
            official name, dictionary term and acronym, with the same hyphen, spacing and
            plural forms) as a single IGNORECASE alternation, run with finditer.

Both use the guide in glossary/data/guide.json and the dictionary in
glossary/data/dictionary.json (or a built-in sample of justice jargon while that file does
not exist), so no database is needed. bench/sections/glossary.py runs it for `make bench`;
alone:

    python -m bench.sections.glossary_checker            # 50 MB
    python -m bench.sections.glossary_checker --quick    # 5 MB
"""

import argparse
import json
import random
import re
import time

from bench.baseline import one_regex
from bench.harness import ROOT
from glossary.services.checker import check_text
from glossary.services.compiled_guide import compile_guide

DATA = ROOT / "glossary" / "data"
MEGABYTE = 1_000_000
DOCUMENT_CHARS = 4_000  # about one news article

SAMPLE_DICTIONARY = [
    {"term": term, "acronym": acronym, "definition": "A justice-system word.", "expansion": ""}
    for term, acronym in [
        ("Youth Offending Team", "YOT"),
        ("Crown Prosecution Service", "CPS"),
        ("His Majesty's Prison and Probation Service", "HMPPS"),
        ("Release on Temporary Licence", "ROTL"),
        ("Imprisonment for Public Protection", "IPP"),
        ("Ministry of Justice", "MoJ"),
        ("Multi-Agency Public Protection Arrangements", "MAPPA"),
        ("Police and Crime Commissioner", "PCC"),
        ("Detention and Training Order", "DTO"),
        ("Adverse Childhood Experiences", "ACEs"),
        ("remand", ""),
        ("bail", ""),
        ("recall", ""),
        ("diversion", ""),
        ("out-of-court disposal", ""),
        ("community sentence", ""),
        ("suspended sentence", ""),
        ("licence conditions", ""),
        ("restorative justice", ""),
        ("liaison and diversion", ""),
        ("magistrates' court", ""),
        ("Crown Court", ""),
        ("youth court", ""),
        ("secure children's home", ""),
        ("secure training centre", ""),
        ("criminal record", ""),
        ("spent conviction", ""),
        ("reoffending rate", ""),
        ("pre-sentence report", ""),
        ("joint enterprise", ""),
    ]
]

SUBJECTS = [
    "The council",
    "A spokesperson for the charity",
    "Local residents",
    "The minister",
    "Campaigners",
    "The chief inspector",
    "A youth worker in Leeds",
    "The report",
    "Probation staff",
    "The mother of one young man",
    "Magistrates",
    "The committee",
    "Researchers at the university",
    "A former governor",
    "The police and crime commissioner",
    "Volunteers",
    "The head teacher",
    "An independent review",
    "Families",
    "The alliance",
]
VERBS = [
    "said",
    "warned",
    "argued",
    "found",
    "reported",
    "welcomed",
    "criticised",
    "announced",
    "confirmed",
    "questioned",
    "described",
    "published",
    "called for",
    "highlighted",
    "rejected",
    "promised",
    "explained",
    "estimated",
    "showed",
    "revealed",
]
OBJECTS = [
    "a rise in waiting times at court",
    "new funding for mentoring schemes",
    "overcrowding on the wings",
    "the cost of short sentences",
    "a shortage of housing on release",
    "the backlog of cases",
    "better mental health support",
    "a pilot in three regions",
    "the closure of the youth centre",
    "delays to the inspection programme",
    "figures for the last quarter",
    "plans for a new building",
    "a review of sentencing",
    "support for families visiting",
    "a drop in knife crime",
    "training for staff",
    "evidence from people with lived experience",
    "the use of remand for children",
    "education and employment after release",
    "racial disparities in stop and search",
]
CLAUSES = [
    "on Tuesday",
    "last year",
    "in a statement",
    "after months of delay",
    "despite concerns",
    "according to official figures",
    "in the North West",
    "across England and Wales",
    "at a meeting in Cardiff",
    "during the debate",
    "for the third time",
    "in its annual report",
    "with cross-party support",
    "before the summer",
    "in written evidence",
]
FILLER = str.split(
    "budget council housing school hospital winter summer review programme community service "
    "funding local national minister report figures increase decrease staff support families "
    "evidence inspection officers education training employment health services waiting list "
    "pressure capacity average percent survey interview meeting statement response decision "
    "policy change pilot region city town village street market weekend morning evening "
    "parliament committee chair member volunteer mentor partner project outcome result"
)
STIGMATISING_SNIPPETS = [
    "offenders",
    "an ex-offender",
    "the inmates",
    "a convicted criminal",
    "young offenders",
    "prisoners",
    "thugs",
    "yobs",
    "a holiday camp",
    "soft-touch justice",
    "banged up",
    "a monster",
    "illegal immigrants",
    "junkies",
    "a lifer",
    "an ex-con",
    "evil",
]
FINE_SNIPPETS = [
    "people in prison",
    "a person with a conviction",
    "children in custody",
    "offending",
    "an offence",
    "criminal justice",
    "a criminal record",
    "the Rehabilitation of Offenders Act 1974",
    "a Young Offender Institution",
    "the YOT",
    "on remand",
    "released on bail",
    "HMPPS",
]


def generate_text(size_chars: int, seed: int = 2024) -> list[str]:
    """News-like documents of about DOCUMENT_CHARS characters, `size_chars` in all."""
    rng = random.Random(seed)
    documents, total = [], 0
    while total < size_chars:
        sentences, length = [], 0
        while length < DOCUMENT_CHARS:
            words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
            if rng.random() < 0.6:
                words.append(rng.choice(CLAUSES))
            words += rng.sample(FILLER, rng.randint(2, 8))
            roll = rng.random()
            if roll < 0.08:
                words.insert(rng.randint(2, len(words)), rng.choice(STIGMATISING_SNIPPETS))
            elif roll < 0.25:
                words.insert(rng.randint(2, len(words)), rng.choice(FINE_SNIPPETS))
            sentence = " ".join(words) + "."
            if rng.random() < 0.05:
                sentence = f"“{sentence}”"
            sentences.append(sentence)
            length += len(sentence) + 1
        document = " ".join(sentences)
        documents.append(document)
        total += len(document)
    return documents


def load_data() -> tuple[list, list, list]:
    guide = json.loads((DATA / "guide.json").read_text(encoding="utf-8"))
    dictionary_file = DATA / "dictionary.json"
    dictionary = SAMPLE_DICTIONARY
    if dictionary_file.exists():
        data = json.loads(dictionary_file.read_text(encoding="utf-8"))
        terms = data.get("terms", data) if isinstance(data, dict) else data
        dictionary = [item for item in terms if isinstance(item, dict) and item.get("term")]
    return guide["entries"], guide["official_names"], dictionary


def baseline_pattern(entries, official_names, dictionary) -> re.Pattern:
    """The naive way: every phrase (with its variant forms) in one IGNORECASE alternation."""
    phrases = []
    for entry in entries:
        phrases += [entry["wording"], *entry.get("variants", [])]
    phrases += official_names
    phrases += [item["term"] for item in dictionary]
    phrases += [item["acronym"] for item in dictionary if item.get("acronym")]
    return one_regex(phrases)


def run(size_mb: float = 50, seed: int = 2024) -> dict:
    """Throughput in MB/s (millions of characters per second) of the engine and baseline."""
    entries, official_names, dictionary = load_data()
    guide = compile_guide(entries, official_names, dictionary, version=1)
    baseline = baseline_pattern(entries, official_names, dictionary)
    documents = generate_text(int(size_mb * MEGABYTE), seed)
    size = sum(len(document) for document in documents)

    started = time.perf_counter()
    findings = sum(len(check_text(document, guide).findings) for document in documents)
    engine_seconds = time.perf_counter() - started

    started = time.perf_counter()
    baseline_matches = sum(len(list(baseline.finditer(document))) for document in documents)
    baseline_seconds = time.perf_counter() - started

    engine = size / MEGABYTE / engine_seconds
    naive = size / MEGABYTE / baseline_seconds
    return {
        "megabytes": round(size / MEGABYTE, 1),
        "documents": len(documents),
        "engine_mb_per_s": round(engine, 1),
        "baseline_mb_per_s": round(naive, 1),
        "speed_up": round(engine / naive, 2),
        "engine_findings": findings,
        "baseline_matches": baseline_matches,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 MB instead of 50 MB")
    parser.add_argument("--size", type=float, help="megabytes of text")
    arguments = parser.parse_args()
    size = arguments.size or (5 if arguments.quick else 50)
    for name, value in run(size).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
