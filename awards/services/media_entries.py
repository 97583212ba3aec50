"""The media monitor's awards shortlist turned into media-award entries in one step.

Each article staff marked "nominated" on the monitor's shortlist (media.services.awards)
becomes an eligible nomination in the chosen media category, named by its byline and outlet,
unless that article is already entered there. The monitor's ranking travels with it as a
note for staff; judges still score every entry themselves.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from awards.models import Category, Nomination, NominationStatus, Nominator, NomineeKind
from core import audit
from media.models import AwardCandidate


@transaction.atomic
def enter_media_shortlist(actor, category: Category) -> int:
    if not category.is_media:
        raise ValidationError("Choose a media category: this one does not take articles.")
    entered = set(Nomination.objects.filter(category=category).values_list("articles", flat=True))
    candidates = (
        AwardCandidate.objects.filter(decision=AwardCandidate.Decision.NOMINATED)
        .exclude(article_id__in=entered)
        .select_related("article__outlet")
        .order_by("-article__score", "article__published_at")
    )
    created = 0
    for candidate in candidates:
        article = candidate.article
        name = f"{article.byline or 'Staff reporter'}, {article.outlet.name}"
        nomination = Nomination.objects.create(
            category=category, nominee_kind=NomineeKind.MEDIA, nominee_name=name[:200],
            status=NominationStatus.ELIGIBLE, from_media_shortlist=True,
            screening_reason="From the media monitor's awards shortlist.",
        )  # fmt: skip
        nomination.articles.add(article)
        Nominator.objects.create(
            nomination=nomination,
            name=actor.name or actor.email,
            email=actor.email,
            organisation_name="Alliance staff (media monitor)",
            statement=(
                f"“{article.title}” ({article.outlet.name}) scored {article.score:.1f} on the "
                f"monitor's constructive-reporting measure. {candidate.note}".strip()
            ),
        )
        audit.record_change(actor, nomination, {})
        created += 1
    return created
