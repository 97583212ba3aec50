"""Factories for the media monitor's tests (shared by the ingest and the pages tests).

ArticleFactory makes an unanalysed article by default; pass the figure fields (and
`analysis`) to make an analysed one, or run media.analysis.runs.analyse_articles on it.
"""

import datetime
import io
import json
import random
from pathlib import Path

import factory
from django.utils import timezone

from media.ingest import dedup
from media.models import Article, Collection, Feed, Outlet


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"UK national press {n}")
    slug = factory.Sequence(lambda n: f"uk-national-press-{n}")


class OutletFactory(factory.django.DjangoModelFactory):
    """OutletFactory(collections=[...]) puts the outlet in those collections."""

    class Meta:
        model = Outlet
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"The Daily Courier {n}")
    slug = factory.Sequence(lambda n: f"daily-courier-{n}")
    kind = Outlet.Kind.NATIONAL
    website = factory.LazyAttribute(lambda o: f"https://www.{o.slug}.example/")
    domains = factory.LazyAttribute(lambda o: f"{o.slug}.example")

    @factory.post_generation
    def collections(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.collections.set(extracted)


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example/feeds/{n}.xml")


class ArticleFactory(factory.django.DjangoModelFactory):
    """ArticleFactory(parts=[term, ...]) tags the article with parts of the system."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example/2025/story-{n}")
    title = factory.Sequence(
        lambda n: f"Council opens new housing support for people leaving prison {n}"
    )
    byline = "Sam Reporter"
    published_at = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    )
    text = factory.Sequence(
        lambda n: (
            f"Story {n}. The council said the scheme would help people leaving prison find a "
            "home in their first week. Reoffending fell by a quarter in the pilot, according "
            "to the evaluation published last year."
        )
    )
    word_count = factory.LazyAttribute(lambda o: len(o.text.split()))
    content_hash = factory.LazyAttribute(lambda o: dedup.content_hash(o.text))

    @factory.post_generation
    def parts(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.parts.set(extracted)


FILES = Path(__file__).parent / "files"


def import_bytes(name: str, data: bytes, **options):
    """Import a file's bytes as staff would upload it; returns the finished IngestBatch."""
    from media.ingest.batches import new_batch
    from media.ingest.files import import_file, kind_of

    batch = new_batch(kind_of(name, data[:512]), name)
    return import_file(batch, io.BytesIO(data), **options)


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


_STORY_WORDS = """
court prison probation remand judge sentence trial backlog officers charity council families
children figures report inspector minister policy housing work education release support
scheme evidence research funding delays hearing magistrates police community service victims
advocate mentor pilot review budget region county city staff wing cell visit health treatment
recovery training employer job home tenancy rose fell doubled halved said told found warned
welcomed promised called urged months years weeks days week year quarter decade thousand
hundred dozens many few
""".split()  # noqa: SIM905 (a word list reads better as prose)


def wire_story(n: int = 0, sentences: int = 18) -> str:
    """An agency story of about 250 words, different for each n (seeded), that tests can
    have several outlets carry with small edits."""
    chooser = random.Random(n)
    return " ".join(
        " ".join(chooser.choice(_STORY_WORDS) for _ in range(14)).capitalize() + "."
        for _ in range(sentences)
    )
