"""Background work for the library: reading the text out of an uploaded file.

The resource is saved first (with its file and extraction_status PENDING); this task then
claims it, reads the file page by page, and saves the percentage done as it goes with
one-row UPDATEs in autocommit mode, so the resource's staff view, polling from another
connection, sees it move. Whatever happens, the resource stays saved: a file that cannot be
read leaves a message in extraction_error and no text.
"""

import logging

from django.db import transaction
from django_tasks import task

from core.lib.extraction import ExtractionError, extract_text
from library.models import ExtractionStatus, Resource
from library.signals import resource_changed

logger = logging.getLogger(__name__)


def _update(resource_id: int, **fields) -> None:
    Resource.objects.filter(pk=resource_id).update(**fields)


@task()
def extract_resource_text(resource_id: int) -> dict:
    """Extract the text of a PENDING resource's file. Safe to deliver twice: only one run
    claims the resource."""
    claimed = Resource.objects.filter(
        pk=resource_id, extraction_status=ExtractionStatus.PENDING
    ).update(extraction_status=ExtractionStatus.RUNNING, extraction_progress=0)
    if not claimed:
        return {"skipped": True}
    resource = Resource.objects.get(pk=resource_id)
    last = {"percent": 0}

    def report(percent: int) -> None:
        # Write only when the number moves by 5 or more: a 900-page PDF needs no 900 writes.
        if percent >= 100 or percent - last["percent"] >= 5:
            last["percent"] = percent
            _update(resource_id, extraction_progress=min(percent, 100))

    try:
        with resource.file.open("rb") as handle:
            data = handle.read()
        text = extract_text(data, resource.file_kind, progress=report)
    except ExtractionError as error:
        _finish(resource_id, ExtractionStatus.FAILED, extracted_text="", error=str(error))
        return {"failed": str(error)}
    except Exception:
        logger.exception("Text extraction for resource %s failed", resource_id)
        _finish(
            resource_id,
            ExtractionStatus.FAILED,
            extracted_text="",
            error="The file could not be read because of an unexpected error. The resource "
            "is saved without searchable text; the error has been logged.",
        )
        return {"failed": "unexpected"}
    note = (
        ""
        if text.strip()
        else (
            "No text was found in the file: it may be a scanned image. The resource is saved; "
            "its summary and body are still searchable."
        )
    )
    _finish(resource_id, ExtractionStatus.DONE, extracted_text=text, error=note)
    return {"characters": len(text)}


def _finish(resource_id: int, status: str, *, extracted_text: str, error: str) -> None:
    with transaction.atomic():
        _update(
            resource_id,
            extraction_status=status,
            extraction_progress=100,
            extracted_text=extracted_text,
            extraction_error=error,
        )
        resource = Resource.objects.filter(pk=resource_id).first()
        if resource is not None:
            resource_changed.send(sender=Resource, resource=resource)
