"""The daily email of new stigmatising headlines for each saved search that asks for one,
so the alliance can respond the same day.

Idempotent: each search remembers when its digest was last sent, and an article is new to
it only if it was fetched after that (or after the search was saved, the first time). A
second run straight after the first finds nothing new and sends nothing. The email is plain
text, so headlines cannot carry markup into anyone's mail.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from comms.services.sending import system_list
from core.email import MARKETING, queue_email
from media.articles import filter_articles
from media.forms import ArticleFilterForm
from media.models import SavedSearch
from media.services.saved_searches import params_of

MAX_HEADLINES = 50


def new_stigmatising_headlines(search: SavedSearch, since) -> list | None:
    """Articles the search finds whose headline uses a stigmatising label, fetched after
    `since`; None when the saved filters are no longer valid (an outlet was removed)."""
    form = ArticleFilterForm(params_of(search))
    if not form.is_valid():
        return None
    matches = filter_articles(form.cleaned_data).filter(headline_labels__gt=0, fetched_at__gt=since)
    return list(matches.select_related("outlet")[: MAX_HEADLINES + 1])


def digest_list():
    """The list people leave to stop every headline digest (each saved search can also be
    switched off on its own)."""
    return system_list(
        "media-headline-digests",
        "Media headline digests",
        "A daily email of new stigmatising headlines found by your saved media searches.",
    )


def send_digests(now=None) -> int:
    """Queue one email per saved search with new stigmatising headlines; the count sent."""
    now = now or timezone.now()
    sent = 0
    searches = SavedSearch.objects.filter(email_digest=True).select_related("owner")
    for search in searches:
        if not search.owner.is_active or not search.owner.email:
            continue
        with transaction.atomic():
            locked = SavedSearch.objects.select_for_update().get(pk=search.pk)
            since = locked.last_sent_at or locked.created_at
            articles = new_stigmatising_headlines(locked, since)
            if articles:
                queue_email(
                    [search.owner.email],
                    f"New stigmatising headlines: {locked.name}",
                    "media/email/digest.txt",
                    {
                        "search": locked,
                        "articles": articles[:MAX_HEADLINES],
                        "more": len(articles) > MAX_HEADLINES,
                        "site_url": settings.SITE_URL,
                    },
                    mail_class=MARKETING,
                    kind="media.digest",
                    mailing_list=digest_list(),
                )
                sent += 1
            locked.last_sent_at = now
            locked.save(update_fields=["last_sent_at"])
    return sent
