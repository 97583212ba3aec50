"""Demo data for the media monitor: eight fictional UK outlets in two collections and 500+
articles over the last two years, written from the fragments in media/data/demo_media.json.

Each outlet has a style and a direction of travel (a tabloid that improves after signing up to
the reporting guide, a local paper that quotes people with lived experience more and more, an
online site that grows more sensational), so every chart on the dashboard has a story. A few
wire stories are carried by several outlets, so syndicated copies show up too.

The articles go in through the monitor's own JSON Lines import (media.ingest.batches), so their
analysis, syndication groups and monthly figures are real. Generation is seeded: the same
articles every time. Loading twice adds nothing.
"""

import datetime
import io
import json
import random
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.lib.months import add_months, month_start
from media.ingest.batches import new_batch, run_batch
from media.ingest.files import read_jsonl
from media.models import Article, Collection, IngestBatch, Outlet

DATA = Path(__file__).resolve().parent / "data" / "demo_media.json"
ARTICLES_PER_OUTLET = 96
MONTHS = 24
SEED = 2026
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _fragments() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _blend(outlet: dict, progress: float) -> dict[str, float]:
    """The outlet's habits at `progress` (0 two years ago, 1 now), moving in a straight line."""
    return {
        key: outlet["start"][key] + (outlet["end"][key] - outlet["start"][key]) * progress
        for key in outlet["start"]
    }


class _Writer:
    """Writes articles from fragments, with a seeded random source."""

    def __init__(self, fragments: dict, rng: random.Random):
        self.f = fragments
        self.rng = rng
        self.names: list[str] = []

    def new_article(self) -> None:
        """Each article names different people: nobody is both a judge and a detective."""
        self.names = self.rng.sample(self.f["names"], len(self.f["names"]))

    def fill(self, template: str) -> str:
        pick = self.rng.choice
        return template.format(
            place=pick(self.f["places"]),
            crime=pick(self.f["crimes"]),
            prison=pick(self.f["prisons"]),
            name=self.names.pop() if "{name}" in template else "",
            age=self.rng.randint(19, 58),
            day=pick(WEEKDAYS),
            number=f"{self.rng.randint(2, 90) * 100:,}",
        )

    def sentence(self, group: str, kind: str) -> str:
        return self.fill(self.rng.choice(self.f[group][kind]))

    def headline(self, habits: dict) -> str:
        roll = self.rng.random()
        if roll < habits["label_headline"]:
            kind = "sensational" if self.rng.random() < habits["sensational"] else "labelled"
        elif self.rng.random() < habits["people_first"]:
            kind = "people_first"
        elif self.rng.random() < habits["context"]:
            kind = "thematic"
        else:
            kind = "neutral"
        return self.fill(self.rng.choice(self.f["headlines"][kind]))

    def body(self, outlet: dict, habits: dict) -> str:
        chance = self.rng.random
        sentences = [self.sentence("incident", "neutral")]
        if chance() < habits["label_body"]:
            sentences.append(self.sentence("incident", "labelled"))
        if chance() < habits["sensational"]:
            sentences.append(self.sentence("incident", "sensational"))
        if chance() < habits["people_first"]:
            sentences.append(self.sentence("incident", "people_first"))
        sentences.append(self.sentence("incident", "neutral"))
        weights = outlet["voices"]
        for category in self.rng.choices(
            list(weights), list(weights.values()), k=self.rng.randint(1, 3)
        ):
            sentences.append(self.fill(self.rng.choice(self.f["quotes"][category])))
        if chance() < habits["context"]:
            sentences += [self.fill(t) for t in self.rng.sample(self.f["context"], 2)]
        if outlet["style"] == "broadcast":
            sentences = sentences[:4]
        return " ".join(dict.fromkeys(sentences))  # a fragment used twice is said once


def _moment(rng: random.Random, month: datetime.date) -> datetime.datetime:
    day = datetime.datetime(month.year, month.month, rng.randint(1, 28), rng.randint(6, 21))
    return timezone.make_aware(day)


def demo_records(today: datetime.date | None = None) -> list[dict]:
    """Every demo article as an import record (url, outlet, title, date, byline, text)."""
    fragments = _fragments()
    rng = random.Random(SEED)
    writer = _Writer(fragments, rng)
    first = add_months(month_start(today or timezone.localdate()), -(MONTHS - 1))
    now = timezone.now()
    records, texts = [], set()
    for outlet in fragments["outlets"]:
        for number in range(ARTICLES_PER_OUTLET):
            progress = number / (ARTICLES_PER_OUTLET - 1)
            month = add_months(first, min(MONTHS - 1, int(progress * MONTHS)))
            habits = _blend(outlet, progress)
            writer.new_article()
            title, text = writer.headline(habits), writer.body(outlet, habits)
            while text in texts:  # identical text would be merged as a duplicate
                writer.new_article()
                text = writer.body(outlet, habits)
            texts.add(text)
            published = min(_moment(rng, month), now)
            records.append(
                {
                    "url": f"https://www.{outlet['domain']}/news/{published:%Y/%m}/"
                    f"{slugify(title)[:60]}-{number}",
                    "outlet": outlet["name"],
                    "title": title,
                    "date": published.isoformat(),
                    "byline": rng.choice(fragments["bylines"]),
                    "text": text,
                }
            )
    records += _wire_copies(fragments, rng, first, now)
    return records


def _wire_copies(fragments: dict, rng: random.Random, first: datetime.date, now) -> list[dict]:
    """Each wire story as carried by three outlets, hours apart, each with its own credit
    line: near-duplicates for syndication to group, not identical texts to merge."""
    carriers = [o for o in fragments["outlets"] if o["style"] != "trade"]
    credit = fragments["wire"]["outlet_credit"]
    records = []
    for index, story in enumerate(fragments["wire"]["stories"]):
        month = add_months(first, 2 + index * 3)
        published = min(_moment(rng, month), now - datetime.timedelta(hours=12))
        for hour, outlet in enumerate(rng.sample(carriers, 3)):
            records.append(
                {
                    "url": f"https://www.{outlet['domain']}/news/wire/{slugify(story['title'])}",
                    "outlet": outlet["name"],
                    "title": story["title"],
                    "date": (published + datetime.timedelta(hours=hour * 3)).isoformat(),
                    "byline": credit,
                    "text": f"{story['text']} Reporting by {credit} for {outlet['name']}.",
                }
            )
    return records


def _ensure_outlets(fragments: dict) -> None:
    collections = {}
    for item in fragments["collections"]:
        collections[item["slug"]], _ = Collection.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "description": item["description"]}
        )
    for item in fragments["outlets"]:
        outlet, _ = Outlet.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "kind": item["kind"],
                "website": f"https://www.{item['domain']}/",
                "domains": item["domain"],
            },
        )
        outlet.collections.add(collections[item["collection"]])


def load_demo_media() -> int:
    """Load the demo outlets and articles; the number of articles loaded (0 if present)."""
    fragments = _fragments()
    slugs = [item["slug"] for item in fragments["outlets"]]
    if Article.objects.filter(outlet__slug__in=slugs).exists():
        return 0
    with transaction.atomic():
        _ensure_outlets(fragments)
    lines = "".join(json.dumps(record) + "\n" for record in demo_records())
    batch = new_batch(IngestBatch.Source.JSONL, "demo-articles.jsonl")
    run_batch(batch, read_jsonl(io.BytesIO(lines.encode("utf-8"))))
    batch.refresh_from_db()
    return batch.created
