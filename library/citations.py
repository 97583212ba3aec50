"""Citations of a resource: Harvard style for the page, BibTeX and RIS for reference managers."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify

from library.models import ResourceKind

# Reference-manager types per kind of resource.
BIBTEX_TYPE = {
    ResourceKind.REPORT: "techreport",
    ResourceKind.EVIDENCE_REVIEW: "techreport",
    ResourceKind.BRIEFING: "techreport",
    ResourceKind.CONSULTATION_RESPONSE: "techreport",
    ResourceKind.POLICY_FORUM_NOTE: "misc",
    ResourceKind.TOOLKIT: "misc",
    ResourceKind.NEWS: "misc",
}
RIS_TYPE = {
    ResourceKind.REPORT: "RPRT",
    ResourceKind.EVIDENCE_REVIEW: "RPRT",
    ResourceKind.BRIEFING: "RPRT",
    ResourceKind.CONSULTATION_RESPONSE: "RPRT",
    ResourceKind.POLICY_FORUM_NOTE: "RPRT",
    ResourceKind.TOOLKIT: "GEN",
    ResourceKind.NEWS: "ELEC",
}


@dataclass(frozen=True)
class Author:
    name: str
    is_organisation: bool


def authors(resource) -> list[Author]:
    people = [Author(p.name, False) for p in resource.author_people.all()]
    organisations = [Author(o.name, True) for o in resource.author_organisations.all()]
    return people + organisations or [Author(settings.SITE_NAME, True)]


def publisher(resource) -> str:
    organisations = list(resource.author_organisations.all())
    return organisations[0].name if organisations else settings.SITE_NAME


def resource_url(resource) -> str:
    return settings.SITE_URL.rstrip("/") + resource.get_absolute_url()


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _surname_first(name: str) -> str:
    """'Jane A. Smith' -> 'Smith, Jane A.' for a person; a single word stays as it is."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def _harvard_person(name: str) -> str:
    """Harvard lists people as surname and initials: 'Smith, J.A.'"""
    parts = name.split()
    if len(parts) < 2:
        return name
    initials = "".join(f"{part[0]}." for part in parts[:-1] if part[0].isalpha())
    return f"{parts[-1]}, {initials}"


def harvard(resource, accessed=None):
    """Harvard (Cite Them Right) style, as safe HTML with the title in italics."""
    accessed = accessed or timezone.localdate()
    names = [
        author.name if author.is_organisation else _harvard_person(author.name)
        for author in authors(resource)
    ]
    return format_html(
        "{} ({}) <i>{}</i>. {}: {}. Available at: {} (Accessed: {}).",
        _join_names(names),
        resource.published_on.year,
        resource.title,
        resource.get_kind_display(),
        publisher(resource),
        resource_url(resource),
        f"{accessed.day} {accessed:%B %Y}",
    )


def harvard_text(resource, accessed=None) -> str:
    return re.sub(r"</?i>", "", str(harvard(resource, accessed)))


# --- BibTeX -------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_PATTERN = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIAL))


def bibtex_escape(value: str) -> str:
    value = " ".join((value or "").split())
    return _BIBTEX_PATTERN.sub(lambda match: _BIBTEX_SPECIAL[match.group()], value)


def bibtex_key(resource) -> str:
    words = re.sub(r"[^a-z0-9]+", "", slugify(resource.title).split("-")[0] or "resource")
    first = authors(resource)[0].name
    author = re.sub(r"[^a-z0-9]+", "", slugify(first.split()[-1] if first else "")) or "anon"
    return f"{author}{resource.published_on.year}{words}"[:60]


def bibtex(resource) -> str:
    # Organisations are wrapped in braces so BibTeX does not split them into first/last names.
    author_field = " and ".join(
        "{" + bibtex_escape(author.name) + "}"
        if author.is_organisation
        else bibtex_escape(_surname_first(author.name))
        for author in authors(resource)
    )
    entry_type = BIBTEX_TYPE.get(resource.kind, "misc")
    fields = [
        ("title", "{" + bibtex_escape(resource.title) + "}"),
        ("author", author_field),
        ("year", str(resource.published_on.year)),
        ("month", resource.published_on.strftime("%b").lower()),
    ]
    if entry_type == "techreport":
        fields.append(("institution", bibtex_escape(publisher(resource))))
        fields.append(("type", bibtex_escape(resource.get_kind_display())))
    else:
        fields.append(("publisher", bibtex_escape(publisher(resource))))
        fields.append(("howpublished", bibtex_escape(resource.get_kind_display())))
    fields.append(("url", bibtex_escape(resource_url(resource))))
    if resource.summary:
        fields.append(("abstract", bibtex_escape(resource.summary)))
    if resource.licence:
        fields.append(("note", "Licence: " + bibtex_escape(resource.licence)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{bibtex_key(resource)},\n{body}\n}}\n"


# --- RIS ----------------------------------------------------------------------------------


def _ris_value(value: str) -> str:
    # One line per tag: a line break inside a value would start a bogus tag.
    return " ".join((value or "").split())


def ris(resource) -> str:
    lines = [("TY", RIS_TYPE.get(resource.kind, "GEN")), ("TI", resource.title)]
    for author in authors(resource):
        lines.append(("AU", author.name if author.is_organisation else _surname_first(author.name)))
    date = resource.published_on
    lines += [
        ("PY", str(date.year)),
        ("DA", f"{date:%Y/%m/%d}/"),
        ("PB", publisher(resource)),
        ("M3", resource.get_kind_display()),
        ("UR", resource_url(resource)),
    ]
    if resource.summary:
        lines.append(("AB", resource.summary))
    for field in ("parts", "themes", "populations", "places"):
        lines += [("KW", term.name) for term in getattr(resource, field).all()]
    if resource.licence:
        lines.append(("N1", f"Licence: {resource.licence}"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines)
