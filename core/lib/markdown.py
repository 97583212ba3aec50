"""Markdown to safe HTML: `render_markdown` is the only way a body written in Markdown
becomes HTML. Markdown first, then nh3 keeps a fixed list of tags and attributes, so a body
can never carry a script, an event handler or a javascript: link.
"""

import re

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

# What a form says under a text box whose text is shown formatted, in words anyone can use.
FORMATTING_HELP = (
    "Formatting: leave a blank line between paragraphs; **two stars** make bold, *one star* "
    "italic; start a line with “- ” for a list."
)
FORMATTING_HELP_WITH_HEADINGS = (
    f"{FORMATTING_HELP} Start a line with “## ” for a heading; write a link as "
    "[words](https://address)."
)


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
