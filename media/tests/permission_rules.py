"""Who gets what from each media page: merged into groundswell/tests/permission_rules.py.

Every named URL in media/urls.py (and its API routes) needs a rule here.
"""

from groundswell.tests.permission_rules import (  # noqa: F401  the vocabulary rules are built from
    API,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
    write_only,
)

SAMPLES: dict[str, str] = {}
RULES = {}

# The analysis API (media/api/analyse.py): public like the language checker, POST only,
# rate-limited; stores nothing.
RULES.update(
    {
        f"{API}:analyse_article": write_only("POST", covered_in="media/tests/test_api_analyse.py"),
    }
)


# --- Dashboard, articles, outlets, awards, saved searches (media/views.py, media/api/) ---
# All staff only: the monitor is the alliance's own working tool (figures about named outlets,
# the publishers' text). The API mirrors that: its reads need a staff token, and the matrix
# (which signs in with a session, never a token) gets 401 for every role; media/tests/test_api.py
# tests them with tokens per role.
STAFF_TOKEN = everyone("401")
STAFF_NOT_FOUND = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=NOT_FOUND, admin=NOT_FOUND
)
SAMPLES.update(
    {
        "media_article": "pk of an analysed media article",
        "media_outlet": "slug of a media outlet",
        "media_saved_search": "pk of the staff member's saved media search",
        "unknown_pk": "a pk no record has",
    }
)
RULES.update(
    {
        "media:dashboard": staff_only(why="The alliance's own working tool."),
        "media:dashboard_csv": staff_only(),
        "media:articles": staff_only(why="The publishers' text; the alliance's judgements."),
        "media:articles_csv": staff_only(),
        "media:article": rule(
            get(STAFF_ONLY, label="an article", pk="media_article"),
            get(STAFF_NOT_FOUND, label="unknown article", pk="unknown_pk"),
        ),
        "media:outlet": rule(
            get(STAFF_ONLY, label="an outlet", slug="media_outlet"),
            get(STAFF_NOT_FOUND, label="unknown outlet", slug="unknown_slug"),
        ),
        "media:awards": staff_only(),
        "media:awards_csv": staff_only(),
        "media:award_decide": rule(
            get(STAFF_POST_ONLY, pk="media_article"),
            why="POST only (a decision); staff only, tested in media/tests/test_awards.py.",
        ),
        "media:saved_searches": staff_only(why="Each person sees only their own."),
        "media:saved_search_delete": rule(
            get(STAFF_POST_ONLY, pk="media_saved_search"),
            why="POST only; tested in media/tests/test_saved_searches.py.",
        ),
        f"{API}:media_list_articles": rule(get(STAFF_TOKEN)),
        f"{API}:media_get_article": rule(get(STAFF_TOKEN, pk="media_article")),
        f"{API}:media_list_outlets": rule(get(STAFF_TOKEN)),
        f"{API}:media_aggregates": rule(get(STAFF_TOKEN)),
    }
)


# --- Ingest: batches, problems, feeds (media/ingest/views.py) ---
# Staff only: uploading articles and seeing what failed is the monitor's back office.
# Behaviour per role for the POSTs is tested in media/tests/test_views_ingest.py.
SAMPLES.update(
    {
        "media_batch": "pk of an ingest batch with a problem",
        "media_feed": "pk of a media outlet's feed",
    }
)
RULES.update(
    {
        "media:ingest": staff_only(why="The monitor's back office."),
        "media:upload": rule(get(STAFF_POST_ONLY), why="POST only (an upload)."),
        "media:batch": rule(
            get(STAFF_ONLY, label="a batch", pk="media_batch"),
            get(STAFF_NOT_FOUND, label="unknown batch", pk="unknown_pk"),
        ),
        "media:batch_progress": rule(get(STAFF_ONLY, pk="media_batch")),
        "media:feeds": staff_only(),
        "media:feed": rule(
            get(STAFF_ONLY, label="a feed", pk="media_feed"),
            get(STAFF_NOT_FOUND, label="unknown feed", pk="unknown_pk"),
        ),
    }
)


def _ingest_samples(context) -> dict[str, str]:
    from media.models import IngestBatch, IngestProblem
    from media.tests.factories import FeedFactory

    feed = FeedFactory()
    batch = IngestBatch.objects.create(source=IngestBatch.Source.FEED, name=feed.url, feed=feed)
    IngestProblem.objects.create(batch=batch, feed=feed, location="entry 1", reason="No text.")
    return {"media_batch": str(batch.pk), "media_feed": str(feed.pk)}


def _pages_samples(context) -> dict[str, str]:
    from media.models import SavedSearch
    from media.tests.factories import ArticleFactory, OutletFactory

    outlet = OutletFactory(name="The Northern Ledger", slug="northern-ledger")
    article = ArticleFactory(outlet=outlet, analysis={}, score=55.0)
    search = SavedSearch.objects.create(owner=context["users"]["staff"], name="Tabloids")
    return {
        "media_article": str(article.pk),
        "media_outlet": outlet.slug,
        "media_saved_search": str(search.pk),
        "unknown_pk": "987654",
    }


def build_samples(context) -> dict[str, str]:
    """The value of each of SAMPLES, built in the matrix's shared world."""
    return {**_pages_samples(context), **_ingest_samples(context)}
