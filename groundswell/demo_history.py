"""The demo is loaded in one go, so every record's entry time ("created", "recorded",
"analysed") is the moment of loading, after the dates the records describe. Figures computed
"from the records as they stood" at a past date (the action plan's measured indicators) would
then see nothing. This sets the demo records' entry times to when they would have been
entered, from the dates they carry: a recommendation entered the day it was first made, a
timeline entry the day it happened, an event a month before it starts, a resource on its
publication date, an article analysed an hour after it was published. Only ever moves a time
earlier, only for the demo, and running it again changes nothing.
"""

import datetime

from django.utils import timezone


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _earlier(model, field: str, rows, when) -> int:
    changed = []
    for row in rows:
        wanted = when(row)
        if wanted is not None and getattr(row, field) and wanted < getattr(row, field):
            setattr(row, field, wanted)
            changed.append(row)
    model.objects.bulk_update(changed, [field], batch_size=500)
    return len(changed)


def date_demo_history() -> int:
    from events.models import Event
    from influence.models import Recommendation, StatusChange
    from library.models import Resource
    from media.models import Article

    changed = _earlier(StatusChange, "recorded_at", StatusChange.objects.all(),
                       lambda r: _noon(r.happened_on))  # fmt: skip
    changed += _earlier(Recommendation, "created_at", Recommendation.objects.all(),
                        lambda r: _noon(r.first_made_on))  # fmt: skip
    changed += _earlier(Event, "created_at", Event.objects.all(),
                        lambda e: e.starts_at - datetime.timedelta(days=30))  # fmt: skip
    changed += _earlier(Resource, "created_at", Resource.objects.all(),
                        lambda r: _noon(r.published_on))  # fmt: skip
    changed += _earlier(
        Article, "analysed_at",
        Article.objects.exclude(analysed_at=None).only("pk", "published_at", "analysed_at"),
        lambda a: a.published_at + datetime.timedelta(hours=1),
    )  # fmt: skip
    return changed
