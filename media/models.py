"""News outlets, the articles ingested from them and what each article's analysis found.

Every figure on the dashboard comes from an article's stored analysis, so each one can be
traced back to the exact words and the rule that flagged them. Monthly figures are a cache of
those analyses, rebuilt whenever an article is (re-)analysed.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Collection(models.Model):
    """A named group of outlets to compare, such as "UK national press"."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Outlet(models.Model):
    class Kind(models.TextChoices):
        NATIONAL = "national", "National press"
        REGIONAL = "regional", "Regional and local press"
        BROADCASTER = "broadcaster", "Broadcaster"
        TRADE = "trade", "Trade press"
        ONLINE = "online", "Online-only"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    website = models.URLField(blank=True)
    domains = models.TextField(
        blank=True, help_text="Web addresses of its articles, one per line, e.g. example.co.uk."
    )
    collections = models.ManyToManyField(Collection, blank=True, related_name="outlets")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("media:outlet", args=[self.slug])


class Feed(models.Model):
    """An RSS or Atom feed of one outlet, fetched politely (conditional GET, back-off)."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=1000, unique=True)
    is_active = models.BooleanField(default=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_errors = models.PositiveIntegerField(default=0)
    next_fetch_after = models.DateTimeField(
        null=True, blank=True, help_text="Set after errors, growing each time (back-off)."
    )

    def __str__(self):
        return self.url


class IngestBatch(models.Model):
    """One run of ingest: a feed fetch, an uploaded file or a bulk import. Shown to staff."""

    class Source(models.TextChoices):
        FEED = "feed", "Feed"
        HTML = "html", "Article page"
        CSV = "csv", "CSV file"
        JSONL = "jsonl", "JSON Lines file"
        ANALYSIS = "analysis", "Re-analysis"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    source = models.CharField(max_length=8, choices=Source.choices)
    name = models.CharField(max_length=300, help_text="File name or feed address.")
    file = models.FileField(
        upload_to="media-ingest/%Y/%m/",
        blank=True,
        help_text="The uploaded file, kept until its batch is done so a worker can read it.",
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="batches"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    merged = models.PositiveIntegerField(default=0, help_text="Duplicates merged into existing.")
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "ingest batches"

    def __str__(self):
        return f"{self.get_source_display()}: {self.name}"


class IngestProblem(models.Model):
    """Something that could not be ingested, logged against its source with a clear reason."""

    batch = models.ForeignKey(
        IngestBatch, null=True, blank=True, on_delete=models.CASCADE, related_name="problems"
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.CASCADE, related_name="problems"
    )
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.CASCADE, related_name="problems"
    )
    location = models.CharField(max_length=1000, blank=True, help_text="Line, URL or file.")
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reason[:80]


class SyndicationGroup(models.Model):
    """Copies of one wire story carried by several outlets, found by near-duplicate text."""

    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Syndicated story {self.pk}"


class Article(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=1000, unique=True, help_text="Canonical, normalised.")
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(db_index=True)
    text = models.TextField(blank=True)
    is_excerpt = models.BooleanField(
        default=False, help_text="Only an excerpt is kept, as the installation chose."
    )
    language = models.CharField(max_length=10, default="en")
    word_count = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(default=timezone.now)
    content_hash = models.CharField(max_length=64, db_index=True)
    # MinHash signature of the text's three-word shingles (64 unsigned 32-bit values), and
    # four LSH bands of it in indexed columns: copies of one story share a band, so they are
    # found by an indexed lookup rather than by comparing all pairs. See
    # media/ingest/syndication.py.
    signature = models.BinaryField(null=True, blank=True, editable=False)
    signature_band_0 = models.BigIntegerField(null=True, blank=True, db_index=True)
    signature_band_1 = models.BigIntegerField(null=True, blank=True, db_index=True)
    signature_band_2 = models.BigIntegerField(null=True, blank=True, db_index=True)
    signature_band_3 = models.BigIntegerField(null=True, blank=True, db_index=True)
    syndication_group = models.ForeignKey(
        SyndicationGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    is_syndicated_copy = models.BooleanField(
        default=False, help_text="A later copy of a story another outlet carried first."
    )
    # The analysis, kept whole so every flag can be shown against its text.
    analysis = models.JSONField(null=True, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)
    guide_version = models.ForeignKey(
        "glossary.GuideVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Figures drawn from the analysis, stored for filtering and aggregation.
    headline_labels = models.PositiveIntegerField(default=0)
    body_labels = models.PositiveIntegerField(default=0)
    sensational_words = models.PositiveIntegerField(default=0)
    people_first_terms = models.PositiveIntegerField(default=0)
    has_lived_experience_voice = models.BooleanField(default=False)
    is_thematic = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True, db_index=True)
    parts = models.ManyToManyField("taxonomy.Term", blank=True, related_name="media_articles")

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["outlet", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("media:article", args=[self.pk])

    @property
    def uses_stigmatising_label(self) -> bool:
        return self.headline_labels + self.body_labels > 0


class Voice(models.Model):
    """Someone quoted in an article, and the kind of voice they are."""

    class Category(models.TextChoices):
        POLICE_OFFICIAL = "police_official", "Police or officials"
        POLITICIAN = "politician", "Politicians"
        LEGAL = "legal", "Courts and lawyers"
        CHARITY_EXPERT = "charity_expert", "Charities and experts"
        VICTIM_FAMILY = "victim_family", "Victims and families"
        LIVED_EXPERIENCE = "lived_experience", "People with lived experience"
        OTHER = "other", "Other"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="voices")
    category = models.CharField(max_length=20, choices=Category.choices)
    speaker = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["category", "article"])]

    def __str__(self):
        return f"{self.speaker or 'Someone'} ({self.get_category_display()})"


class MonthlyFigure(models.Model):
    """Pre-aggregated figures per outlet and month, so the dashboard reads a small table.

    Kept correct by rebuilding an outlet's month whenever one of its articles is analysed.
    Syndicated copies are counted separately so views can include or exclude them.
    """

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="monthly_figures")
    month = models.DateField(help_text="The first day of the month.")
    part = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty for all articles; else only articles about this part of the system.",
    )
    include_syndicated = models.BooleanField(
        default=True,
        help_text="False: syndicated copies (Article.is_syndicated_copy) are left out; "
        "the original of each syndicated story is always counted.",
    )
    articles = models.PositiveIntegerField(
        default=0, help_text="Analysed articles published in the month (UK time)."
    )
    words = models.PositiveBigIntegerField(
        default=0, help_text="Their words in all (Article.word_count), for rates per 1,000 words."
    )
    articles_with_label = models.PositiveIntegerField(
        default=0, help_text="Articles with at least one stigmatising label, headline or body."
    )
    labels = models.PositiveIntegerField(
        default=0, help_text="Stigmatising labels in all: headline_labels + body_labels."
    )
    sensational_words = models.PositiveIntegerField(
        default=0, help_text="Sensational words in all."
    )
    articles_people_first = models.PositiveIntegerField(
        default=0, help_text="Articles using at least one people-first term."
    )
    articles_thematic = models.PositiveIntegerField(
        default=0, help_text="Articles that set the story in its wider context (is_thematic)."
    )
    articles_lived_experience = models.PositiveIntegerField(
        default=0, help_text="Articles quoting at least one person with lived experience."
    )
    voices = models.JSONField(
        default=dict,
        help_text="Quoted voices (Voice rows) counted by category, e.g. {'politician': 3}; "
        "categories with none are left out.",
    )
    score_total = models.FloatField(
        default=0, help_text="Sum of the articles' scores: divide by articles for the mean."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "month", "part", "include_syndicated"],
                name="one_figure_per_outlet_month_part",
                nulls_distinct=False,
            )
        ]
        indexes = [models.Index(fields=["month", "outlet"])]

    def __str__(self):
        return f"{self.outlet} {self.month:%b %Y}"


class SavedSearch(models.Model):
    """A staff search of articles, optionally emailed as a digest of new stigmatised headlines."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="media_searches"
    )
    name = models.CharField(max_length=200)
    query = models.CharField(max_length=500, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    email_digest = models.BooleanField(default=False)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AwardCandidate(models.Model):
    """An article staff have reviewed for the media awards shortlist."""

    class Decision(models.TextChoices):
        NOMINATED = "nominated", "Nominated"
        NOT_NOMINATED = "not_nominated", "Not nominated"

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="award")
    decision = models.CharField(max_length=14, choices=Decision.choices)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.article} ({self.get_decision_display()})"
