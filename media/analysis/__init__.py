"""The media monitor's analysis engine: `analyse(title, text)` gives an article's
stigmatising labels, sensational and people-first wording (from the language guide, through
the language checker), voices, context, topics and constructive reporting score, as plain
data with no database access. runs.py alone touches the database: it stores the answers on
articles (at ingest, and when a new guide version re-analyses them).

engine.py          analyse(), and what is compiled once per language guide
language.py        the checker's findings, and people-first wording from the guide
voices.py          quotations and reported speech, and who said them
speakers.py        what kind of voice a speaker is; pronouns and surnames on second mention
voice_descriptors  the curated words that decide a kind of voice
context.py         thematic or episodic, with the sentences and cues as reasons
context_cues.py    the curated cues
topics.py          parts of the system and themes, from topic_keywords.py
score.py           the constructive reporting score and SCORE_FORMULA, shown to readers
patterns.py        many curated fragments as one fast regular expression
labelled_set.py    precision and recall on data/sentences.jsonl and data/articles.jsonl
runs.py            storing analyses on articles, and re-analysing them all
"""

from media.analysis.engine import ANALYSIS_VERSION, analyse
from media.analysis.score import SCORE_FORMULA
from media.analysis.voice_descriptors import CATEGORIES as VOICE_CATEGORIES

__all__ = ["ANALYSIS_VERSION", "SCORE_FORMULA", "VOICE_CATEGORIES", "analyse"]
