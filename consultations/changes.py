"""What changed in consultations, for member updates (core.registries.changes): calls for
evidence opened, members' evidence closing soon, and the alliance's submissions published."""

from django.utils import timezone
from django.utils.formats import date_format

from consultations.models import Consultation, ConsultationStatus, Submission
from core.registries import changes

TOPIC_RELATIONS = ("parts", "themes")


def _tags(pks):
    return (
        changes.related_ids(Consultation, "networks", pks),
        changes.merged_ids(Consultation, TOPIC_RELATIONS, pks),
    )


def _item(consultation, *, kind, summary, when, tags, upcoming=False, key=None, url=None):
    network_ids, topic_ids = tags
    return changes.ChangeItem(
        kind=f"consultations.{kind}",
        title=consultation.title,
        summary=summary,
        url=url or consultation.get_absolute_url(),
        when=when,
        app="consultations",
        key=key or f"consultations.{kind}:{consultation.pk}",
        networks=network_ids.get(consultation.pk, frozenset()),
        topics=topic_ids.get(consultation.pk, frozenset()),
        upcoming=upcoming,
    )


def _narrowed(queryset, networks, topics):
    return changes.narrow(queryset, networks=networks, topics=topics,
                          topic_relations=TOPIC_RELATIONS)  # fmt: skip


def opened_and_closing(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    start, end = changes.period_bounds(since, until)
    first, last = changes.lookahead(until)
    opened = _narrowed(
        Consultation.objects.filter(opened_at__gte=start, opened_at__lt=end)
        .exclude(status=ConsultationStatus.DRAFT)
        .select_related("asking_body"),
        networks, topics,
    )  # fmt: skip
    closing = _narrowed(
        Consultation.objects.filter(
            status=ConsultationStatus.OPEN, internal_deadline__gte=first,
            internal_deadline__lt=last,
        ).select_related("asking_body"),
        networks, topics,
    )  # fmt: skip
    opened, closing = list(opened), list(closing)
    tags = _tags({c.pk for c in opened + closing})
    items = []
    for consultation in opened:
        deadline = date_format(consultation.internal_deadline, "j F Y")
        items.append(_item(
            consultation, kind="opened", tags=tags,
            when=timezone.localdate(consultation.opened_at),
            summary=f"{consultation.asking_body.name} asks for evidence. Send members' "
            f"evidence by {deadline}.",
        ))  # fmt: skip
    for consultation in closing:
        deadline = date_format(consultation.internal_deadline, "j F Y")
        items.append(_item(
            consultation, kind="closing", tags=tags, upcoming=True,
            when=consultation.internal_deadline,
            summary=f"Members' evidence closes on {deadline}; the response goes to "
            f"{consultation.asking_body.name}.",
        ))  # fmt: skip
    return items


def _public_page(submission) -> str | None:
    """The library entry once it is public; else the consultation's page."""
    resource = submission.resource
    return resource.get_absolute_url() if resource and resource.is_published else None


def submissions_published(since, until, *, networks=None, topics=None):
    start, end = changes.period_bounds(since, until)
    consultations = _narrowed(Consultation.objects.all(), networks, topics)
    found = list(
        Submission.objects.filter(
            published_at__gte=start, published_at__lt=end, consultation__in=consultations
        ).select_related("consultation__asking_body", "resource")
    )
    tags = _tags({s.consultation_id for s in found})
    return [
        _item(
            submission.consultation,
            kind="submission",
            tags=tags,
            key=f"consultations.submission:{submission.pk}",
            when=timezone.localdate(submission.published_at),
            url=_public_page(submission),
            summary=f"Our response to {submission.consultation.asking_body.name} is "
            f"published: {submission.title}.",
        )  # fmt: skip
        for submission in found
    ]
