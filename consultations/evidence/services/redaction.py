"""Redaction: finding identifying details in a quote so staff can replace them with a neutral
marker before the quote is used.

The finder is deliberately simple and explainable (word lists and patterns, each candidate
with its reason): it proposes, a person decides. Anything it misses, staff add by hand.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from consultations.consent import consent_for
from consultations.models import Attribution, Quote, Redaction
from core import audit
from members.models import Organisation

Category = Redaction.Category
MARKERS = {
    Category.NAME: "[name]",
    Category.PLACE: "[place]",
    Category.INSTITUTION: "[institution]",
    Category.DATE: "[date]",
    Category.AGE: "[age]",
    Category.ORGANISATION: "[organisation]",
    Category.OTHER: "[detail]",
}
PRISON_MARKER = "[prison]"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common first names in England and Wales across generations and communities.
FIRST_NAMES = _words(
    """
    Aaliyah Abdul Adam Adrian Ahmed Aisha Alan Alex Alexander Ali Alice Amara Amelia Amir
    Amy Andrew Angela Ann Anna Anne Anthony Ashley Ayesha Barbara Ben Benjamin Bethany Bilal
    Brian Callum Carl Carol Caroline Charlie Charlotte Chloe Chris Christopher Claire Connor
    Craig Damian Daniel Danny Darren David Dean Deborah Declan Dylan Elizabeth Ella Ellie
    Emily Emma Eric Ethan Fatima Finley Frank Gary Gemma George Georgia Grace Graham Hannah
    Harry Harvey Hassan Helen Ian Imran Isaac Isabella Jack Jade Jake James Jamal Jamie Jane
    Jason Jayden Jennifer Jessica Joanne Joe John Jordan Joseph Josh Joshua Julie Karen Kate
    Katie Kayla Kelly Kevin Kieran Kyle Laura Lauren Leah Lee Leon Liam Lily Lisa Louise
    Lucy Luke Mark Martin Mary Matthew Megan Michael Michelle Mohammed Muhammad Nathan Neil
    Nicola Noah Oliver Olivia Omar Paul Peter Rachel Rebecca Reece Rhys Richard Riley Robert
    Ryan Sam Samuel Sarah Scott Sean Shane Sharon Simon Sophie Stephen Steven Stuart Susan
    Tariq Thomas Tom Tony Tyler Usman Victoria Wayne William Yusuf Zain Zara Zoe Kwame Kofi
    Chidi Nia Precious Tyrone Marcus Leroy Winston Delroy Shanice Tanisha Priya Ravi Sunil
    Anjali Deepak Kamal Nadia Leila
    """
)

# UK towns, cities, counties and regions that come up in justice evidence.
PLACES = _words(
    """
    London Birmingham Manchester Liverpool Leeds Sheffield Bristol Newcastle Sunderland
    Nottingham Leicester Coventry Bradford Hull Stoke Wolverhampton Derby Plymouth
    Southampton Portsmouth Reading Luton Northampton Norwich Ipswich Cambridge Oxford
    Peterborough Brighton Exeter Gloucester Swindon Bath Bournemouth Middlesbrough Doncaster
    Rotherham Wakefield Huddersfield Blackpool Blackburn Bolton Preston Wigan Stockport
    Salford Oldham Rochdale Burnley Lancaster Carlisle York Lincoln Chester Warrington Crewe
    Telford Shrewsbury Hereford Worcester Cardiff Swansea Newport Wrexham Bangor Aberystwyth
    Edinburgh Glasgow Belfast Croydon Lambeth Southwark Hackney Tottenham Brixton Peckham
    Lewisham Newham Barking Enfield Haringey Islington Camden Wandsworth Ealing Hounslow
    Harrow Brent Barnet Bromley Greenwich Kent Essex Surrey Sussex Devon Cornwall Somerset
    Dorset Norfolk Suffolk Yorkshire Lancashire Cumbria Durham Northumberland Cheshire
    Merseyside Staffordshire Shropshire Derbyshire Nottinghamshire Leicestershire
    Lincolnshire Warwickshire Gloucestershire Wiltshire Hampshire Berkshire Oxfordshire
    Buckinghamshire Hertfordshire Bedfordshire Cambridgeshire Teesside Wales Scotland
    Midlands Tyneside
    """
)
MULTI_WORD_PLACES = [
    "Milton Keynes",
    "Merthyr Tydfil",
    "West Midlands",
    "East Midlands",
    "North East",
    "North West",
    "South West",
    "South East",
    "West Yorkshire",
    "South Yorkshire",
    "Greater Manchester",
    "Stoke-on-Trent",
    "Tower Hamlets",
    "Kingston upon Hull",
]
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
CAPITALISED = r"[A-Z][a-z'’\-]+"
# Words that start with a capital for reasons other than being a name.
NOT_NAMES = _words(
    """
    I I'm I've The A An And But Or So If When While After Before Then There They We You He
    She It His Her Their Our My Mum Dad Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Christmas Easter Ramadan Eid Covid Black Asian White British English Welsh Muslim
    Christian Jewish Sikh Hindu Probation Police Court Prison Council Government Ministry
    Home Office Justice Youth Service Services Team Board Trust NHS Universal Credit Job
    Centre Jobcentre
    """
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    category: str
    marker: str
    reason: str


def _place_pattern() -> re.Pattern:
    names = sorted([*MULTI_WORD_PLACES, *PLACES], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(name) for name in names) + r")\b")


PLACE_PATTERN = _place_pattern()
PRISON_PATTERNS = [
    (
        re.compile(
            rf"\b(?:HMP\s*(?:/|&|and)?\s*YOI|HMYOI|HMP|YOI)\s+{CAPITALISED}(?:\s{CAPITALISED})?"
        ),
        "a prison named with its HMP or YOI prefix",
    ),
    (
        re.compile(
            rf"\b(?:{CAPITALISED}\s){{1,3}}"
            r"(?:Prison|Young Offender Institution|Secure Training Centre)\b"
        ),
        "a named prison",
    ),
]
INSTITUTION_PATTERN = re.compile(
    rf"\b(?:{CAPITALISED}\s){{1,3}}(?:Hospital|Academy|School|College|Crown Court|"
    r"Magistrates['’]? Court|Youth Court|Family Court|Police Station|Secure Children['’]s Home)\b"
)
DATE_PATTERNS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}\b"),
    re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b"),
    re.compile(rf"\b(?:{MONTHS})\s+\d{{4}}\b"),
    re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
]
AGE_PATTERNS = [
    re.compile(r"\baged\s+\d{1,3}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,3}[-\s]year[-\s]old\b", re.IGNORECASE),
    re.compile(r"\b\d{1,3}\s+years?\s+old\b", re.IGNORECASE),
    re.compile(r"\bage\s+(?:of\s+)?\d{1,3}\b", re.IGNORECASE),
]
TITLE_PATTERN = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Judge|Officer)\.?\s+{CAPITALISED}"
    rf"(?:\s{CAPITALISED})?"
)
CAPITALISED_RUN = re.compile(rf"\b{CAPITALISED}(?:\s+{CAPITALISED})*")


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in '.!?:;"“(\n'


def _name_candidates(text: str) -> list[Candidate]:
    found = [
        Candidate(
            m.start(), m.end(), Category.NAME, MARKERS[Category.NAME], "a title before a name"
        )
        for m in TITLE_PATTERN.finditer(text)
    ]
    for match in CAPITALISED_RUN.finditer(text):
        words = [(w.start() + match.start(), w.group()) for w in re.finditer(r"\S+", match.group())]
        while words and words[0][1] in NOT_NAMES:
            words.pop(0)  # "When Jamal…": the capital of "When" says nothing
        if not words or len(words) > 3:
            continue  # long capitalised runs are usually organisations or titles of things
        named = next((i for i, (_, word) in enumerate(words) if word in FIRST_NAMES), None)
        if named is not None:
            start, first = words[named]
            end = start + len(first)
            if named + 1 < len(words) and words[named + 1][1] not in NOT_NAMES:
                end = words[named + 1][0] + len(words[named + 1][1])
            reason = f"“{first}” is a common first name"
        elif len(words) == 2 and not _sentence_start(text, words[0][0]):
            start, end = words[0][0], words[1][0] + len(words[1][1])
            if {w for _, w in words} & NOT_NAMES:
                continue
            reason = "two capitalised words in the middle of a sentence often make a name"
        else:
            continue
        found.append(Candidate(start, end, Category.NAME, MARKERS[Category.NAME], reason))
    return found


def _organisation_pattern(names) -> re.Pattern | None:
    names = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def find_candidates(text: str, organisation_names=()) -> list[Candidate]:
    """Identifying details in `text`, each with its reason, without overlaps.

    Organisation names are only looked for when given (for quotes credited anonymously).
    Where two candidates overlap, the more specific kind wins (institutions before places
    before names), then the longer span.
    """
    found: list[Candidate] = []
    organisation_pattern = _organisation_pattern(organisation_names)
    if organisation_pattern:
        found += [
            Candidate(
                m.start(),
                m.end(),
                Category.ORGANISATION,
                MARKERS[Category.ORGANISATION],
                "the name of a member organisation, in a quote credited anonymously",
            )
            for m in organisation_pattern.finditer(text)
        ]
    for pattern, reason in PRISON_PATTERNS:
        found += [
            Candidate(m.start(), m.end(), Category.INSTITUTION, PRISON_MARKER, reason)
            for m in pattern.finditer(text)
        ]
    found += [
        Candidate(
            m.start(),
            m.end(),
            Category.INSTITUTION,
            MARKERS[Category.INSTITUTION],
            "a named court, hospital, school or other institution",
        )
        for m in INSTITUTION_PATTERN.finditer(text)
    ]
    for pattern in DATE_PATTERNS:
        found += [
            Candidate(m.start(), m.end(), Category.DATE, MARKERS[Category.DATE], "a date")
            for m in pattern.finditer(text)
        ]
    for pattern in AGE_PATTERNS:
        found += [
            Candidate(m.start(), m.end(), Category.AGE, MARKERS[Category.AGE], "a person's age")
            for m in pattern.finditer(text)
        ]
    found += [
        Candidate(
            m.start(),
            m.end(),
            Category.PLACE,
            MARKERS[Category.PLACE],
            f"“{m.group()}” is a UK place name",
        )
        for m in PLACE_PATTERN.finditer(text)
    ]
    found += _name_candidates(text)
    return _without_overlaps(found)


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep candidates in the order found (most specific kind first), dropping any that
    overlap one already kept; return them in text order."""
    kept: list[Candidate] = []
    for candidate in candidates:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def is_credited_anonymously(quote: Quote) -> bool:
    return consent_for(quote).attribution != Attribution.NAMED


def suggest_redactions(quote: Quote) -> list[Redaction]:
    """Store new suggestions for the quote, skipping spans that already have a decision."""
    names = (
        Organisation.objects.values_list("name", flat=True)
        if is_credited_anonymously(quote)
        else ()
    )
    existing = list(quote.redactions.all())
    new = [
        Redaction(
            quote=quote,
            start=c.start,
            end=c.end,
            category=c.category,
            marker=c.marker,
            reason=c.reason[:200],
        )
        for c in find_candidates(quote.text, names)
        if all(c.end <= r.start or c.start >= r.end for r in existing)
    ]
    return Redaction.objects.bulk_create(new)


def _unreview(quote: Quote) -> None:
    """Any change to a quote's redactions needs a fresh review before the quote is used."""
    if quote.is_redaction_reviewed:
        quote.is_redaction_reviewed = False
        quote.save(update_fields=["is_redaction_reviewed"])


def decide(actor, redaction: Redaction, status: str) -> Redaction:
    """Accept or reject a suggestion."""
    if status not in (Redaction.Status.ACCEPTED, Redaction.Status.REJECTED):
        raise ValidationError("Choose to accept or reject the suggestion.")
    with transaction.atomic():
        if status == Redaction.Status.ACCEPTED:
            _refuse_overlap(redaction.quote, redaction.start, redaction.end, redaction.pk)
        before = audit.snapshot(redaction)
        redaction.status = status
        redaction.decided_by = actor
        redaction.save(update_fields=["status", "decided_by"])
        audit.record_change(actor, redaction, before)
        _unreview(redaction.quote)
    return redaction


def _refuse_overlap(quote: Quote, start: int, end: int, exclude_pk=None) -> None:
    overlapping = quote.redactions.filter(
        status=Redaction.Status.ACCEPTED, start__lt=end, end__gt=start
    ).exclude(pk=exclude_pk)
    if overlapping.exists():
        raise ValidationError(
            "That overlaps a redaction already accepted; change or reject that one first."
        )


def save_redaction(
    actor,
    quote: Quote,
    start: int,
    end: int,
    category: str,
    marker: str = "",
    redaction: Redaction | None = None,
) -> Redaction:
    """Add a redaction of staff's own, or change a suggested one's span or marker. Either
    way it is accepted: a person chose it."""
    if not 0 <= start < end <= len(quote.text):
        raise ValidationError(
            f"The span must lie within the quote: from 0 to {len(quote.text)}, start before end."
        )
    if category not in Category.values:
        raise ValidationError("Choose what kind of detail this is.")
    marker = (marker or "").strip() or MARKERS[category]
    with transaction.atomic():
        _refuse_overlap(quote, start, end, redaction.pk if redaction else None)
        before = audit.snapshot(redaction) if redaction else {}
        redaction = redaction or Redaction(quote=quote, reason="Added by staff.")
        redaction.start, redaction.end = start, end
        redaction.category, redaction.marker = category, marker[:40]
        redaction.status = Redaction.Status.ACCEPTED
        redaction.decided_by = actor
        redaction.save()
        audit.record_change(actor, redaction, before)
        _unreview(quote)
    return redaction


def mark_reviewed(actor, quote: Quote) -> Quote:
    """Say the quote's identifying details have been dealt with, so it may be used."""
    undecided = quote.redactions.filter(status=Redaction.Status.SUGGESTED).count()
    if undecided:
        raise ValidationError(
            f"{undecided} suggestion{'s' if undecided != 1 else ''} still to accept or reject."
        )
    before = audit.snapshot(quote)
    quote.is_redaction_reviewed = True
    quote.save(update_fields=["is_redaction_reviewed"])
    audit.record_change(actor, quote, before)
    return quote
