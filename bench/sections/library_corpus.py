"""The library section's corpus: ~20,000 real words (the interpreter's own standard library
sources, with the justice system's words mixed in), text drawn from them Zipf-fashion, and
the 200 queries the search page is measured with. Nothing is downloaded."""

import random
import re
import sysconfig
from collections import Counter
from pathlib import Path

VOCABULARY_SIZE = 20_000
SEED = 20261125  # every random choice of the library section starts from it
JUSTICE_WORDS = """
prison prisons probation sentencing sentence court courts magistrates crown custody remand
bail parole licence recall resettlement rehabilitation reoffending offending victims
survivors restorative justice policing police diversion youth children young adults women
girls racial equality disparity disproportionality housing homelessness employment education
mental health neurodiversity trauma drugs alcohol families visits advocacy lived experience
community supervision tagging curfew order unpaid work tribunal appeal jury barrister
solicitor legal aid inspection inspectorate safeguarding exclusion school care leavers
mentoring peer support charity volunteer funding commissioning evaluation evidence outcomes
recommendations consultation response briefing toolkit review report minister ministry
parliament committee inquiry reform policy strategy accommodation benefits debt banking
identification gate release transition approved premises hostel sentence planning risk
assessment violence gangs exploitation county lines knife crime stop search arrest charge
caution disposal conditional discount probationers practitioners commissioners wellbeing
""".split()  # noqa: SIM905 (a word list reads better as prose)


def vocabulary() -> list[str]:
    """~20,000 real words, most frequent first: the standard library's own words, with the
    justice system's vocabulary mixed in at common, middling and rare ranks."""
    counts: Counter = Counter()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    word = re.compile(r"[a-z]{3,14}")
    for path in sorted(stdlib.glob("**/*.py")):
        if "test" in path.parts or "site-packages" in path.parts:
            continue
        try:
            counts.update(word.findall(path.read_text(errors="ignore").lower()))
        except OSError:
            continue
    justice = list(dict.fromkeys(JUSTICE_WORDS))
    words = [w for w, _n in counts.most_common(VOCABULARY_SIZE * 2) if w not in set(justice)]
    words = words[: VOCABULARY_SIZE - len(justice)]
    rng = random.Random(SEED)
    for term in justice:
        words.insert(int(rng.paretovariate(0.6) * 20) % len(words), term)
    return words


class TextMaker:
    def __init__(self, words: list[str], seed: int):
        self.words = words
        self.rng = random.Random(seed)
        weights = [1.0 / (rank + 10) ** 1.07 for rank in range(len(words))]
        total, self.cum = 0.0, []
        for weight in weights:
            total += weight
            self.cum.append(total)

    def words_(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def paragraphs(self, k: int) -> str:
        words, out, i = self.words_(k), [], 0
        paragraph: list[str] = []
        while i < len(words):
            n = self.rng.randint(8, 24)
            sentence = words[i : i + n]
            i += n
            paragraph.append(" ".join(sentence).capitalize() + ".")
            if len(paragraph) >= self.rng.randint(4, 8):
                out.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            out.append(" ".join(paragraph))
        return "\n\n".join(out)

    def title(self) -> str:
        picks = self.words_(4) + [self.rng.choice(JUSTICE_WORDS)]
        self.rng.shuffle(picks)
        return " ".join(picks).capitalize()


def build_queries(words: list[str], texts, rng: random.Random) -> list[dict]:
    """200 queries: (label, query, filters)."""
    queries = []

    def add(label, q, filters=None):
        queries.append({"kind": label, "q": q, "filters": filters or {}})

    for rank in rng.sample(range(0, 100), 25):
        add("common word", words[rank])
    for rank in rng.sample(range(500, 3000), 25):
        add("middling word", words[rank])
    for rank in rng.sample(range(6000, len(words)), 25):
        add("rare word", words[rank])
    for term in rng.sample(sorted(set(JUSTICE_WORDS)), 15):
        add("justice word", term)
    for _ in range(30):
        add("two or three words", " ".join(rng.sample(words[:3000], rng.randint(2, 3))))
    for _ in range(25):
        body = rng.choice(texts)[3].split()
        at = rng.randrange(0, len(body) - 3)
        phrase = " ".join(re.sub(r"\W", "", w).lower() for w in body[at : at + 2])
        add("phrase", f'"{phrase}"')
    for rank in rng.sample(range(50, 4000), 15):
        stem = words[rank][:4]
        add("prefix", f"{stem}*")
    facets = [
        {"theme": "housing"},
        {"kind": "report"},
        {"year": "2020"},
        {"part": "prisons", "kind": "briefing"},
        {"network": "community-justice-network"},
    ]
    for n in range(40):
        q = words[rng.randrange(0, 3000)] if n % 4 else ""
        add("with facets", q, facets[n % len(facets)])
    return queries[:200]
