"""How long term linking takes on a 50,000-word resource (target: under 100 ms).

`python -m bench.sections.glossary_linking` with DATABASE_URL for a migrated database (the
dictionary arrives with the migrations); bench/sections/glossary.py runs it for `make bench`
on the members section's SQLite database. Django is imported inside the functions, which
run once it is set up.
"""

import random
import time

from bench import harness

WORDS = 50_000
FILLER = [
    "the",
    "a",
    "people",
    "support",
    "local",
    "services",
    "and",
    "with",
    "for",
    "their",
    "to",
    "in",
    "of",
    "was",
    "who",
    "were",
    "families",
    "community",
    "housing",
    "help",
    "work",
    "health",
    "time",
    "after",
    "before",
    "many",
    "year",
    "this",
]


def generate_document(words: int = WORDS, seed: int = 1) -> str:
    """HTML of about `words` words: sections with headings, paragraphs, lists, links and
    code, with dictionary terms and acronyms sprinkled through the text."""
    from glossary.models import DictionaryTerm

    rng = random.Random(seed)
    vocabulary = [term.term for term in DictionaryTerm.objects.all()]
    vocabulary += [t.acronym for t in DictionaryTerm.objects.exclude(acronym="")]
    if not vocabulary:
        vocabulary = ["remand"]
    parts, count, section = [], 0, 0
    while count < words:
        section += 1
        parts.append(f"<h2>Section {section}: {rng.choice(vocabulary)}</h2>")
        for _ in range(6):
            sentence = []
            for _ in range(60):
                if rng.random() < 0.08:
                    sentence.append(rng.choice(vocabulary))
                else:
                    sentence.append(rng.choice(FILLER))
            count += len(sentence)
            text = " ".join(sentence)
            parts.append(
                f"<p>{text}. See <a href='/elsewhere/'>{rng.choice(vocabulary)}</a> and "
                f"<code>{rng.choice(vocabulary)}</code> &amp; more.</p>"
            )
        parts.append("<ul><li>" + "</li><li>".join(rng.sample(vocabulary, 3)) + "</li></ul>")
    return "\n".join(parts)


def linking_ms(repeat: int = 5) -> float:
    """The best of `repeat` runs, in milliseconds, with the matcher already built (it is
    built once per dictionary change, not per text)."""
    from glossary.services.linking import current_matcher, link_terms

    document = generate_document()
    current_matcher()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        link_terms(document)
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def main() -> None:
    print(f"glossary: linking a {WORDS:,}-word document took {linking_ms():.1f} ms")


if __name__ == "__main__":
    harness.setup_django("groundswell.settings")
    main()
