"""An issue as email HTML, as plain text and as an archive page.

Every item's body goes through core.lib.markdown (the only way Markdown becomes HTML), so
hostile text in an item can never carry a script or a javascript: link. Links in email are
absolute (settings.SITE_URL), since a mail client has no page to resolve them against.
"""

import datetime
import html
import re
import textwrap
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from comms.updates.models import UpdateIssue, UpdateItem
from core.lib.markdown import render_markdown

WRAP = 72


@dataclass(frozen=True)
class RenderedItem:
    item: UpdateItem
    body_html: str
    link: str  # absolute, or "" for none

    @property
    def title(self) -> str:
        return self.item.title


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[RenderedItem]


def absolute(url: str) -> str:
    if not url:
        return ""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def markdown_html(source: str) -> str:
    """Markdown as HTML a template may print as is: core.lib.markdown sanitises it."""
    return mark_safe(render_markdown(source))  # noqa: S308 (sanitised by nh3 in render_markdown)


def sections_of(issue: UpdateIssue, items=None) -> list[Section]:
    """Consecutive items with the same section heading, in the order staff left them."""
    sections: list[Section] = []
    for item in items if items is not None else issue.items.all():
        rendered = RenderedItem(item, markdown_html(item.body), absolute(item.url))
        if sections and sections[-1].heading == item.section:
            sections[-1].items.append(rendered)
        else:
            sections.append(Section(item.section, [rendered]))
    return sections


def context_of(issue: UpdateIssue, items=None) -> dict:
    return {
        "issue": issue,
        "mailing_list": issue.mailing_list,
        "introduction_html": markdown_html(issue.introduction),
        "sections": sections_of(issue, items),
        "period_label": period_label(issue),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
        "archive_url": absolute(issue.get_absolute_url()),
    }


def period_label(issue: UpdateIssue) -> str:
    last = issue.period_end - datetime.timedelta(days=1)
    return f"{date_format(issue.period_start, 'j F Y')} to {date_format(last, 'j F Y')}"


def as_html(issue: UpdateIssue, items=None) -> str:
    """The email's HTML body (the sending path adds its footer); `items`: only these."""
    return render_to_string("comms/updates/email.html", context_of(issue, items))


def _plain(markdown_html: str) -> str:
    text = re.sub(r"<li>", "- ", markdown_html)
    text = re.sub(r"<a href=\"([^\"]+)\"[^>]*>(.*?)</a>", r"\2 (\1)", text)
    text = html.unescape(strip_tags(text))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(textwrap.fill(p, WRAP) for p in paragraphs if p)


def as_text(issue: UpdateIssue, items=None) -> str:
    """The email's plain-text body: the same content, readable in any client."""
    context = context_of(issue, items)
    lines = [issue.title, "=" * min(len(issue.title), WRAP), context["period_label"], ""]
    if issue.introduction.strip():
        lines += [_plain(context["introduction_html"]), ""]
    for section in context["sections"]:
        if section.heading:
            lines += [section.heading, "-" * min(len(section.heading), WRAP), ""]
        for rendered in section.items:
            lines.append(textwrap.fill(rendered.title, WRAP))
            body = _plain(rendered.body_html)
            if body:
                lines.append(body)
            if rendered.link:
                lines.append(rendered.link)
            lines.append("")
    lines.append(f"Read this update online: {context['archive_url']}")
    return "\n".join(lines).strip() + "\n"


def tagged_items(issue: UpdateIssue) -> list[tuple[UpdateItem, frozenset[int]]]:
    """The issue's items in order, each with its topics (two queries)."""
    items = list(issue.items.all())
    tags: dict[int, set[int]] = {}
    through = UpdateItem.topics.through.objects.filter(updateitem__issue=issue)
    for item_id, term_id in through.values_list("updateitem_id", "term_id"):
        tags.setdefault(item_id, set()).add(term_id)
    return [(item, frozenset(tags.get(item.pk, ()))) for item in items]


def items_for(tagged, chosen: frozenset[int]) -> list[UpdateItem]:
    """The items a subscriber who chose `chosen` gets (comms.services.topics' rule)."""
    from comms.services.topics import wanted

    return [item for item, tags in tagged if wanted(tags, chosen)]


def version_for(issue: UpdateIssue):
    """For comms.services.sending: each subscriber's version of the issue, with only the items
    on the topics they chose (all of them when they chose none). Nothing at all for someone
    none of whose topics it touches, unless the issue has an introduction for everyone."""
    from comms.services.queueing import NOTHING, Version

    tagged = tagged_items(issue)

    def version(chosen: frozenset[int]):
        items = items_for(tagged, chosen)
        if len(items) == len(tagged):
            return None
        if not items and not issue.introduction.strip():
            return NOTHING
        return Version(
            key="items:" + ",".join(str(item.pk) for item in items),
            subject=issue.title,
            html=as_html(issue, items),
            text=as_text(issue, items),
        )

    return version


def summary_of(issue: UpdateIssue, size: int = 12) -> str:
    """One plain sentence for a feed: the titles of the first items."""
    titles = [item.title for item in issue.items.all()[:size]]
    return ("In this issue: " + "; ".join(titles) + ".") if titles else issue.title


def preview_context(issue: UpdateIssue, email: str) -> dict:
    """What comms' email layout needs to show the issue exactly as `email` would get it,
    footer and all (links signed for that address; nothing is sent or recorded)."""
    from comms import conf
    from comms.services import render

    mailing_list = issue.mailing_list
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "accent": settings.SITE_ACCENT_COLOUR,
        "subject": issue.title,
        "body_html": as_html(issue),
        "body_text": as_text(issue),
        "mailing_list": mailing_list,
        "is_marketing": True,
        "open_counts": conf.open_counts(),
        "unsubscribe_url": render.unsubscribe_url(email, mailing_list),
        "preferences_url": render.preferences_url(email),
    }
