"""A resource's text: its Markdown body rendered safely, and every part as plain text.

`resource_document` is the stable interface the search index reads. `render_markdown`
is the only way a body becomes HTML: Markdown first, then nh3 keeps a fixed list of tags and
attributes, so a body can never carry a script, an event handler or a javascript: link.
"""

import re
from html.parser import HTMLParser

import markdown
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(source: str) -> str:
    """Markdown to sanitised HTML. A level-one heading in a body becomes level two, since
    the page's own title is the only h1."""
    html = markdown.markdown(source or "", extensions=["tables", "sane_lists", "fenced_code"])
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


class _TextCollector(HTMLParser):
    """Visible text of an HTML document: script, style and similar content is dropped, and
    block elements end a line so words from neighbouring paragraphs never run together."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dt",
        "dd",
        "title",
        "header",
        "footer",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    return tidy_text("".join(collector.parts))


def markdown_to_text(source: str) -> str:
    return html_to_text(render_markdown(source))


def tidy_text(text: str) -> str:
    """Collapse runs of spaces and blank lines, keep paragraph breaks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def resource_document(resource) -> dict:
    """The plain text of each part of a resource, for the search index."""
    return {
        "title": tidy_text(resource.title),
        "summary": tidy_text(resource.summary),
        "body_text": markdown_to_text(resource.body),
        "extracted_text": resource.extracted_text or "",
    }
