"""Creating, changing, submitting, reviewing and deleting resources.

Every change goes through here so it is audit-logged and announced to the search index
(library.signals) in the same transaction, and a new file is queued for text extraction.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import audit
from core.email import TRANSACTIONAL, queue_email
from core.lib import slugs
from library.forms import ResourceForm
from library.models import ExtractionStatus, Resource, ResourceStatus
from library.signals import resource_changed, resource_deleted

# Paths under /library/ that a resource's slug must never take.
RESERVED_SLUGS = {
    "new",
    "submit",
    "submissions",
    "feed",
    "search",
    "topic",
    "api",
    "static",
    "media",
}


def published():
    return Resource.objects.filter(status=ResourceStatus.PUBLISHED)


def resources_by(organisation, limit: int | None = 20):
    """Published resources an organisation authored, newest first (for its profile)."""
    queryset = (
        published().filter(author_organisations=organisation).order_by("-published_on", "title")
    )
    return queryset[:limit] if limit else queryset


def latest_on_topic(term, limit: int = 10):
    field = {
        "part": "parts",
        "theme": "themes",
        "population": "populations",
        "place": "places",
    }[term.vocabulary]
    return published().filter(**{field: term}).order_by("-published_on", "title")[:limit]


def unique_slug(title: str, exclude_pk=None) -> str:
    return slugs.unique_slug(
        Resource, title, fallback="resource", reserved=RESERVED_SLUGS, exclude_pk=exclude_pk
    )


def _snapshot(resource) -> dict:
    """The audit snapshot, with the file as its stored name and without the extracted text
    (machine-made, possibly megabytes, and recoverable from the file)."""
    values = audit.snapshot(resource)
    if "file" in values:
        values["file"] = resource.file.name if resource.file else ""
    for name in ("extracted_text", "extraction_progress"):
        values.pop(name, None)
    return values


def announce_change(resource) -> None:
    """Tell the search index (library.signals) that a resource changed. For the library's own
    writes and for other apps that file a resource themselves (a published submission)."""
    resource_changed.send(sender=Resource, resource=resource)


def _attach_file(resource, uploaded, kind: str) -> None:
    resource.file = uploaded
    resource.file_name = (getattr(uploaded, "name", "") or "")[:255]
    resource.file_kind = kind
    resource.file_size = uploaded.size or 0
    resource.extracted_text = ""
    resource.extraction_error = ""
    resource.extraction_progress = 0
    resource.extraction_status = ExtractionStatus.PENDING


def _remove_file(resource) -> None:
    if resource.file:
        resource.file.delete(save=False)
    resource.file = ""
    resource.file_name = ""
    resource.file_kind = ""
    resource.file_size = 0
    resource.extracted_text = ""
    resource.extraction_error = ""
    resource.extraction_progress = 0
    resource.extraction_status = ExtractionStatus.NONE


def _queue_extraction(resource) -> None:
    from library.tasks import extract_resource_text

    try:
        extract_resource_text.enqueue(resource.pk)
    except Exception:
        Resource.objects.filter(pk=resource.pk).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_error="Reading the file could not be queued; the resource is saved "
            "without searchable text. Upload the file again later.",
        )
        raise


def save_resource(actor, form, *, file_kind: str = "", remove_file: bool = False) -> Resource:
    """Save a validated ResourceForm (new or existing), its file and its tags."""
    with transaction.atomic():
        resource = form.instance
        before = _snapshot(Resource.objects.get(pk=resource.pk)) if resource.pk else {}
        resource = form.save(commit=False)
        if not resource.slug:
            resource.slug = unique_slug(resource.title)
        uploaded = form.cleaned_data.get("upload")
        if uploaded:
            if resource.pk and resource.file:
                resource.file.delete(save=False)
            _attach_file(resource, uploaded, file_kind)
        elif remove_file:
            _remove_file(resource)
        resource.save()
        form.save_m2m()
        audit.record_change(actor, resource, before, _snapshot(resource))
        announce_change(resource)
    if uploaded:
        _queue_extraction(resource)
    return resource


def save_resource_from_data(actor, data: dict, *, instance=None) -> Resource:
    """Save a resource another app hands over as form data (e.g. a published annual report),
    under the same rules as staff's form; a ValidationError says what the library refused."""
    form = ResourceForm(data=data, instance=instance)
    if not form.is_valid():
        raise ValidationError([
            f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()
        ])  # fmt: skip
    return save_resource(actor, form)


def submit_resource(user, form, *, file_kind: str = "") -> Resource:
    """A member contact's submission for their organisation: saved as SUBMITTED, with the
    organisation as its author, for staff to approve."""
    with transaction.atomic():
        resource = form.save(commit=False)
        resource.slug = unique_slug(resource.title)
        resource.status = ResourceStatus.SUBMITTED
        resource.submitted_by = user
        resource.submitted_at = timezone.now()
        organisation = form.cleaned_data["organisation"]
        resource.submitted_for = organisation
        uploaded = form.cleaned_data.get("upload")
        if uploaded:
            _attach_file(resource, uploaded, file_kind)
        resource.save()
        form.save_m2m()
        resource.author_organisations.add(organisation)
        audit.record_change(user, resource, {}, _snapshot(resource))
        announce_change(resource)
    if uploaded:
        _queue_extraction(resource)
    if settings.STAFF_NOTIFICATION_EMAIL:
        queue_email(
            [settings.STAFF_NOTIFICATION_EMAIL],
            f"New library submission: {resource.title}",
            "library/email/submission_staff_notice.txt",
            {"resource": resource, "url": _absolute(reverse("library:submissions"))},
            mail_class=TRANSACTIONAL,
        )
    return resource


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def review_submission(actor, resource, *, approve: bool, note: str = "") -> Resource:
    """Approve (which publishes) or reject a submission, and tell the submitter."""
    with transaction.atomic():
        resource = Resource.objects.select_for_update().get(pk=resource.pk)
        if resource.status != ResourceStatus.SUBMITTED:
            raise ValueError("This resource is not waiting for a decision.")
        before = _snapshot(resource)
        resource.status = ResourceStatus.PUBLISHED if approve else ResourceStatus.REJECTED
        resource.reviewed_by = actor
        resource.reviewed_at = timezone.now()
        resource.review_note = note.strip()
        if approve:
            resource.published_on = timezone.localdate()
        resource.save()
        audit.record_change(actor, resource, before, _snapshot(resource))
        announce_change(resource)
        submitter = resource.submitted_by
        if submitter is not None and submitter.email:
            template = "approved" if approve else "rejected"
            subject = (
                f"Published in the library: {resource.title}"
                if approve
                else f"Your library submission: {resource.title}"
            )
            context = {"resource": resource, "url": _absolute(resource.get_absolute_url())}
            transaction.on_commit(
                lambda: queue_email(
                    [submitter.email],
                    subject,
                    f"library/email/submission_{template}.txt",
                    context,
                    mail_class=TRANSACTIONAL,
                )
            )
    return resource


def delete_resource(actor, resource) -> None:
    with transaction.atomic():
        before = _snapshot(resource)
        resource_id, slug = resource.pk, resource.slug
        stored_file = resource.file.name if resource.file else ""
        resource.delete()
        resource.pk = resource_id  # so the audit entry can name the record that went
        audit.record_change(actor, resource, before, after={})
        resource_deleted.send(sender=Resource, resource_id=resource_id, slug=slug)
        if stored_file:
            storage = resource.file.storage
            transaction.on_commit(lambda: storage.delete(stored_file))


def register_view_hook(hook) -> None:
    """Let another app widen who may open an unpublished resource: `hook(user, resource)`
    -> bool (see library.permissions.can_view). The events app's groups use it."""
    from library.permissions import register_view_hook as register

    register(hook)
