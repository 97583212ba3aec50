"""Markdown is rendered, then sanitised: no script, event handler or javascript: link survives."""

from core.lib.markdown import render_markdown
from core.tests.documents import HOSTILE_MARKDOWN


def test_body_is_rendered_and_sanitised():
    html = render_markdown(HOSTILE_MARKDOWN)
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">' in html
    assert "<h2>Heading</h2>" in html  # the page title is the only h1
    assert "<script" not in html and "alert(" not in html
    assert "onclick" not in html and "onmouseover" not in html and "onerror" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html and "<img" not in html


def test_tables_and_fenced_code_are_kept():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode <here>\n```")
    assert "<table>" in html and "<td>1</td>" in html
    assert "<code>code &lt;here&gt;\n</code>" in html


def test_nothing_renders_as_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
