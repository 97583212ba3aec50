"""Staff ingest pages: upload a file, watch its batch, see what could not be ingested and
why, and keep the feeds list. The work itself runs in media.tasks; these views only collect
input, start it (media.ingest.services) and show the batch's progress (polled with htmx, or
by reloading).
"""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.views.decorators.http import require_http_methods, require_POST

from core.lib.uploads import declared_too_large
from media.ingest.forms import FeedForm, UploadForm
from media.ingest.services import add_feed, queue_upload
from media.models import Feed, IngestBatch
from media.views import staff_required

BATCHES_PER_PAGE = 25
PROBLEMS_PER_PAGE = 50


def _index(request, form: UploadForm, status: int = 200, upload_error: str = ""):
    batches = IngestBatch.objects.select_related("feed", "created_by")
    page = Paginator(batches, BATCHES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "max_upload_bytes": settings.MAX_UPLOAD_BYTES,
        "upload_error": upload_error,
    }
    return render(request, "media/ingest/index.html", context, status=status)


@staff_required
@require_http_methods(["GET", "HEAD"])
def ingest(request):
    return _index(request, UploadForm())


@staff_required
@require_POST
def upload(request):
    # Refuse an oversized upload from its declared length, before reading the body.
    if declared_too_large(request):
        message = (
            f"The file is over the {filesizeformat(settings.MAX_UPLOAD_BYTES)} limit. Import "
            "bigger files with `manage.py import_articles FILE`."
        )
        return _index(request, UploadForm(), status=413, upload_error=message)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _index(request, form, status=400)
    batch = queue_upload(
        form.cleaned_data["file"],
        form.source,
        request.user,
        form.cleaned_data["outlet"],
        form.cleaned_data["url"],
    )
    messages.success(request, f"{batch.name} is being imported.")
    return redirect("media:batch", pk=batch.pk)


@staff_required
@require_http_methods(["GET", "HEAD"])
def batch(request, pk: int):
    item = get_object_or_404(IngestBatch.objects.select_related("feed", "created_by"), pk=pk)
    problems = Paginator(item.problems.order_by("pk"), PROBLEMS_PER_PAGE)
    context = {"batch": item, "problems": problems.get_page(request.GET.get("page"))}
    return render(request, "media/ingest/batch.html", context)


@staff_required
@require_http_methods(["GET", "HEAD"])
def batch_progress(request, pk: int):
    item = get_object_or_404(IngestBatch, pk=pk)
    return render(request, "media/ingest/_batch_progress.html", {"batch": item})


def _feeds(request, form: FeedForm, status: int = 200):
    feeds = (
        Feed.objects.select_related("outlet")
        .annotate(problem_count=Count("problems", distinct=True))
        .order_by("outlet__name", "url")
    )
    context = {"form": form, "feeds": feeds, "fetch_enabled": settings.MEDIA_FETCH_ENABLED}
    return render(request, "media/ingest/feeds.html", context, status=status)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def feeds(request):
    if request.method != "POST":
        return _feeds(request, FeedForm())
    form = FeedForm(request.POST)
    if not form.is_valid():
        return _feeds(request, form, status=400)
    feed = add_feed(request.user, form)
    messages.success(request, f"The feed {feed.url} of {feed.outlet} was added.")
    return redirect("media:feeds")


@staff_required
@require_http_methods(["GET", "HEAD"])
def feed(request, pk: int):
    item = get_object_or_404(Feed.objects.select_related("outlet"), pk=pk)
    context = {
        "feed": item,
        "batches": item.batches.order_by("-created_at")[:BATCHES_PER_PAGE],
        "problems": item.problems.order_by("-created_at")[:PROBLEMS_PER_PAGE],
        "last_article_at": item.outlet.articles.aggregate(latest=Max("fetched_at"))["latest"],
    }
    return render(request, "media/ingest/feed.html", context)
