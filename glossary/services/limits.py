"""How much text the language checker takes at once: one limit for the page and the API."""

# A long report is about a tenth of this; more than this at once starved the workers.
MAX_TEXT_CHARS = 200_000
