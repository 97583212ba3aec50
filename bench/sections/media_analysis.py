"""How fast the media analysis runs on one core, against a naive baseline (bench/baseline.py).

`run(count)` builds `count` news articles of about ARTICLE_CHARS characters (seeded, so
every run reads the same words): half plain narrative, half paragraphs and sentences of the
labelled set (tabloid, broadsheet, local and trade press, with quotations, reported speech,
labels and figures), which gives about seven voices and five flagged words an article; and
"dense" articles made of the labelled material alone (about eighteen voices each), and
times, in this one process, the CPU time of the fastest of ROUNDS rounds (so the figure
is what one core does, however busy the rest of the machine is):

- engine:   media.analysis.analyse(title, text) on every article (articles_per_s, and
            dense_articles_per_s for the dense ones): the guide's findings in
            headline and body, people-first wording, voices, context, topics and score;
- baseline: one compiled regular expression of the same terms (every guide phrase and
            official name, every people-first phrase, every topic keyword) as a single
            IGNORECASE alternation, run with findall over headline and text: the naive
            way to look for those terms, finding no voices, context or score at all.

The guide is glossary/data/guide.json, so no database is needed. bench/sections/media.py
runs it for `make bench`; alone:

    python -m bench.sections.media_analysis            # 5,000 articles
    python -m bench.sections.media_analysis --quick    # 1,000 articles
"""

import argparse
import random
import re
import time

from bench.baseline import one_regex
from media.analysis import analyse
from media.analysis.engine import guide_from_data_file
from media.analysis.labelled_set import load
from media.analysis.language import build_language_rules
from media.analysis.topic_keywords import TOPIC_KEYWORDS

ARTICLE_CHARS = 4_000  # about one news article
TARGET_ARTICLES_PER_SECOND = 1_000
ROUNDS = 5


# Plain narrative, as most of a news article is: the labelled set was written so that
# nearly every sentence shows something to find, which no real article does.
NARRATIVE = [
    "The hearing lasted most of the afternoon and was adjourned shortly before five.",
    "The building on Station Road was put up in the 1960s and extended twice since.",
    "Officers arrived within ten minutes and the area was cordoned off until midnight.",
    "The case will return to court in the spring, when a date for the trial will be set.",
    "The road was closed in both directions while investigators examined the scene.",
    "The charity moved into a former bank on the high street three years ago.",
    "Volunteers run the drop-in on Tuesday and Thursday mornings from ten until one.",
    "The committee meets again next month and will publish its minutes online.",
    "The estate sits on the edge of the town, a short bus ride from the centre.",
    "Lessons take place in a converted workshop with space for twelve learners.",
    "The visit was arranged months in advance and took place under heavy rain.",
    "The council bought the site in 2019 and has since cleared most of the old sheds.",
    "Most of those at the meeting had travelled from neighbouring villages.",
    "The programme began as a small trial in one office before spreading to others.",
    "A second hearing is expected to take place at the same court in June.",
    "The hall was full by seven, with people standing at the back and in the doorway.",
    "Repairs to the roof are due to finish before the end of the year.",
    "The group meets in a community centre next to the railway station.",
    "He was born in Sunderland and moved south with his family as a teenager.",
    "The cafe opens at eight and serves breakfast until the lunchtime rush.",
    "The scheme is funded until March, when its future will be reviewed.",
    "She has worked in the town for more than twenty years.",
    "The footage was passed to detectives the following morning.",
    "The garden was planted by volunteers over three weekends last summer.",
    "Parking near the court is limited and visitors are asked to use the bus.",
    "The trial is expected to last two weeks.",
    "The family moved to the area from Glasgow in 2015.",
    "The match was played in front of a crowd of about four hundred.",
    "The findings will be presented to the board at its next meeting.",
    "The office is open on weekdays and can be reached by telephone.",
]


def generate_articles(
    count: int, seed: int = 2024, narrative: float = 0.5
) -> list[tuple[str, str]]:
    """`count` (title, text) pairs of about ARTICLE_CHARS characters each: paragraphs of
    the labelled articles and sentences of the labelled set, with a `narrative` share of
    plain narrative sentences between them."""
    rng = random.Random(seed)
    sentences = [item["text"] for item in load("sentences.jsonl")]
    articles = load("articles.jsonl")
    paragraphs = [p for item in articles for p in item["text"].split("\n\n")]
    titles = [item["title"] for item in articles]
    generated = []
    for _ in range(count):
        parts, length = [], 0
        while length < ARTICLE_CHARS:
            roll = rng.random()
            if roll < narrative:
                part = " ".join(rng.sample(NARRATIVE, 2))
            elif roll < narrative + (1 - narrative) / 2:
                part = rng.choice(paragraphs)
            else:
                part = rng.choice(sentences)
            parts.append(part)
            length += len(part) + 2
        generated.append((rng.choice(titles), "\n\n".join(parts)[:ARTICLE_CHARS]))
    return generated


def baseline_pattern() -> re.Pattern:
    """The naive way: every term the analysis looks for, in one IGNORECASE alternation."""
    guide = guide_from_data_file()
    phrases = {target.term for target in guide.targets.values()}
    phrases |= set(guide.targets)  # every spelling's key
    phrases |= set(build_language_rules(guide).replaces)
    phrases |= {keyword for _, keywords in TOPIC_KEYWORDS.values() for keyword in keywords}
    return one_regex(phrases)


def _best_time(articles: list[tuple[str, str]], work) -> float:
    """Seconds of CPU time for all the articles, from the fastest of ROUNDS equal rounds:
    the figure one core reaches when other processes on the machine leave it alone (as
    timeit does, the minimum is the least disturbed measure)."""
    size = max(1, len(articles) // ROUNDS)
    best = float("inf")
    for first in range(0, size * ROUNDS, size):
        started = time.process_time()
        for title, text in articles[first : first + size]:
            work(title, text)
        best = min(best, time.process_time() - started)
    return best * len(articles) / size


def run(count: int = 5_000, seed: int = 2024) -> dict:
    guide = guide_from_data_file()
    baseline = baseline_pattern()
    articles = generate_articles(count, seed)
    dense = generate_articles(count, seed, narrative=0.0)
    analyse(*articles[0], guide)  # compile the people-first phrases outside the timing

    def engine(title: str, text: str) -> dict:
        return analyse(title, text, guide)

    analyses = [engine(title, text) for title, text in articles]
    return {
        "articles": count,
        "characters_per_article": round(sum(len(text) for _, text in articles) / count),
        "articles_per_s": round(count / _best_time(articles, engine)),
        "baseline_articles_per_s": round(
            count / _best_time(articles, lambda t, x: (baseline.findall(t), baseline.findall(x)))
        ),
        "target_articles_per_s": TARGET_ARTICLES_PER_SECOND,
        "dense_articles_per_s": round(count / _best_time(dense, engine)),
        "voices_per_article": round(sum(len(a["voices"]) for a in analyses) / count, 1),
        "flags_per_article": round(
            sum(len(a["headline"]["findings"]) + len(a["body"]["findings"]) for a in analyses)
            / count,
            1,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles instead of 5,000")
    parser.add_argument("--articles", type=int, help="how many articles")
    arguments = parser.parse_args()
    count = arguments.articles or (1_000 if arguments.quick else 5_000)
    for name, value in run(count).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
