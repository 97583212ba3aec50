"""Link dictionary terms where they appear in a text: `link_terms(html) -> html`.

For already-sanitised HTML (a library resource's body). Each term is linked at its first
occurrence in each section (the content between two headings), never inside a heading,
an existing link, code, pre or form controls. Names match ignoring case, with an optional
plural "s"; acronyms match only in their own capitals ("NRM", not "nrm"). Where terms
overlap, the longest wins ("Young Offender Institution" rather than a shorter term inside
it), and matches respect word boundaries.

The markup, chosen so that it works for keyboard and screen-reader users alike:

    <a href="/dictionary/remand/" class="term-link" aria-describedby="term-def-1">remand</a><span
        id="term-def-1" class="term-definition" hidden>Dictionary: When a court ...</span>

The link keeps the reader's own word as its accessible name, so a sentence reads the same
as before; it is an ordinary link, so Tab reaches it and Enter opens the term's page. The
definition is its accessible description: screen readers announce it after the name. The
`hidden` span stays out of the visual layout and of linear reading (no repeated text, and
no hover-only tooltip that keyboard users could not reach or dismiss, WCAG 1.4.13); sighted
readers see a dotted underline and follow the link for the definition.

Speed: the terms become one compiled regular expression, shaped as a trie so the engine
checks one branch per character instead of every term (core.lib.term_regex). It is built
once per change to the dictionary (keyed on the latest `updated_at` and the count) and
shared by every call; HTML is read with the standard library's streaming html.parser.
`bench/sections/glossary_linking.py` measures a 50,000-word document.
"""

import re
import threading
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.db.models import Count, Max

from core.lib.term_regex import trie_pattern
from glossary.models import DictionaryTerm

# Inside these, text is never linked.
NO_LINK_ELEMENTS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "script",
        "style",
        "textarea",
        "button",
        "select",
        "option",
        "label",
        "svg",
        "math",
        "title",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LinkTarget:
    slug: str
    url: str
    definition: str


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern | None
    names: dict[str, LinkTarget]  # casefolded name, single-spaced -> target
    acronyms: dict[str, LinkTarget]  # acronym exactly as written -> target

    def target_for(self, matched: str) -> LinkTarget | None:
        """The term `matched` stands for, or None: the pattern ignores case throughout,
        so an acronym in the wrong case ("nrm") is turned away here."""
        plural = matched.endswith(("s", "S"))
        target = self.acronyms.get(matched) or (plural and self.acronyms.get(matched[:-1]))
        if target:
            return target
        key = " ".join(matched.split()).casefold()
        return self.names.get(key) or (plural and self.names.get(key[:-1])) or None


# --- Building the matcher ----------------------------------------------------------------


def _term_character(char: str) -> str:
    """A term's character in the pattern: a space matches any run of whitespace."""
    return r"\s+" if char == " " else re.escape(char)


def build_matcher(terms) -> Matcher:
    """A matcher for `terms` (objects with slug, term, acronym, definition and URL)."""
    names: dict[str, LinkTarget] = {}
    acronyms: dict[str, LinkTarget] = {}
    for term in terms:
        target = LinkTarget(term.slug, term.get_absolute_url(), term.definition)
        names.setdefault(SPACES.sub(" ", term.term.strip()).casefold(), target)
        if term.acronym:
            acronyms.setdefault(term.acronym.strip(), target)
    if not names and not acronyms:
        return Matcher(None, names, acronyms)
    # One trie for names and acronyms, ignoring case (sre is fastest with one flat
    # pattern); target_for() then holds acronyms to their own capitals. Any term may take a
    # plural "s" ("CSTRs", "community orders").
    words = sorted(set(names) | {acronym.casefold() for acronym in acronyms})
    # \w lookarounds rather than \b, because some terms start or end with punctuation.
    trie = trie_pattern(((word.casefold(), "") for word in words), render=_term_character)
    pattern = re.compile(r"(?<!\w)(?:" + trie + r"s?)(?!\w)", re.IGNORECASE)
    return Matcher(pattern, names, acronyms)


_cache_lock = threading.Lock()
_cached: tuple[tuple, Matcher] | None = None


def current_matcher() -> Matcher:
    """The matcher for the dictionary as it is now; rebuilt only after a term changes.
    (A deleted term changes the count; an edit changes the latest updated_at.)"""
    global _cached
    linked = DictionaryTerm.objects.filter(link_in_texts=True)
    state = linked.aggregate(latest=Max("updated_at"), count=Count("id"))
    key = (state["latest"], state["count"])
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _cache_lock:
        matcher = build_matcher(linked.only("slug", "term", "acronym", "definition"))
        _cached = (key, matcher)
    return matcher


# --- Linking -------------------------------------------------------------------------------


class _TermLinker(HTMLParser):
    def __init__(self, matcher: Matcher, id_prefix: str):
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.id_prefix = id_prefix
        self.out: list[str] = []
        self.blocked: dict[str, int] = {}  # open no-link elements -> depth
        self.linked_in_section: set[str] = set()
        self.count = 0

    # Tags pass through as they were written; only text between them changes.
    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in HEADINGS:
            self.linked_in_section = set()  # a heading starts a new section
        if tag in NO_LINK_ELEMENTS and tag not in VOID_ELEMENTS:
            self.blocked[tag] = self.blocked.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        depth = self.blocked.get(tag)
        if depth:
            if depth == 1:
                del self.blocked[tag]
            else:
                self.blocked[tag] = depth - 1

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def handle_data(self, data):
        if self.blocked:
            raw = any(tag in self.blocked for tag in RAW_TEXT_ELEMENTS)
            self.out.append(data if raw else escape(data, quote=False))
            return
        pattern = self.matcher.pattern
        if pattern is None:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        target_for, linked, out = self.matcher.target_for, self.linked_in_section, self.out
        for match in pattern.finditer(data):
            text = match.group()
            target = target_for(text)
            if target is None or target.slug in linked:
                continue
            linked.add(target.slug)
            out.append(escape(data[position : match.start()], quote=False))
            out.append(self._link(text, target))
            position = match.end()
        out.append(escape(data[position:], quote=False))

    def _link(self, text: str, target: LinkTarget) -> str:
        self.count += 1
        ref = f"{self.id_prefix}-{self.count}"
        return (
            f'<a href="{escape(target.url)}" class="term-link" aria-describedby="{ref}">'
            f"{escape(text, quote=False)}</a>"
            f'<span id="{ref}" class="term-definition" hidden>Dictionary: '
            f"{escape(target.definition, quote=False)}</span>"
        )


def link_terms(html: str, *, id_prefix: str = "term-def", matcher: Matcher | None = None) -> str:
    """`html` with dictionary terms linked to their pages (see the module docstring).

    `id_prefix` keeps the definitions' ids unique when several texts share a page. Character
    references come back as the characters they stand for (escaped where HTML needs it)."""
    if not html:
        return html
    linker = _TermLinker(matcher or current_matcher(), id_prefix)
    linker.feed(html)
    linker.close()
    return "".join(linker.out)
