"""Data requests: made from an account or recorded by staff, answered with an export or an
erasure, and closed. Every step goes through the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from core.registries.personal_data import DataSubject
from privacy.models import DataRequest
from privacy.services.erasure import erase_everywhere
from privacy.services.export import build_zip


def subject_of(request: DataRequest) -> DataSubject:
    """The person the request is about: their account if it came from one (with the name
    staff recorded), else whoever has the address."""
    if request.user is not None:
        subject = DataSubject.for_user(request.user)
        extra = {request.name.strip()} - {""}
        return DataSubject(
            user=request.user,
            emails=subject.emails | {request.email.lower()},
            names=subject.names | extra,
        )
    return DataSubject.for_contact(request.email, request.name)


def request_erasure_from_account(user) -> tuple[DataRequest, bool]:
    """The signed-in person asks to be erased; staff confirm. (request, created) — asking
    again while one is open returns the open one."""
    open_request = DataRequest.objects.filter(
        user=user, kind=DataRequest.Kind.ERASURE, status=DataRequest.Status.OPEN
    ).first()
    if open_request is not None:
        return open_request, False
    request = DataRequest.objects.create(
        kind=DataRequest.Kind.ERASURE,
        received_via=DataRequest.Via.ACCOUNT,
        user=user,
        name=user.name,
        email=user.email,
    )
    audit.record_change(user, request, {})
    return request, True


def record_request(actor, request: DataRequest) -> DataRequest:
    """Staff record a request received by post, email or in person (a validated, unsaved
    DataRequest from the form)."""
    request.email = request.email.strip().lower()
    request.save()
    audit.record_change(actor, request, {})
    return request


def export_for(actor, request: DataRequest) -> bytes:
    """The ZIP for this request, logged with who produced it and when."""
    content = build_zip(subject_of(request))
    before = audit.snapshot(request)
    request.exported_at = timezone.now()
    request.save(update_fields=["exported_at"])
    audit.record_change(actor, request, before)
    return content


def erase_for(actor, request: DataRequest, confirmation: str) -> dict[str, int]:
    """Erase the person everywhere once staff have typed their address to confirm."""
    if request.kind != DataRequest.Kind.ERASURE:
        raise ValidationError("This is not an erasure request.")
    if not request.is_open:
        raise ValidationError("This request is already closed; nothing was erased.")
    if confirmation.strip().lower() != request.email.lower():
        raise ValidationError(
            {"confirmation": "Type the person's email address exactly as shown to confirm."}
        )
    if request.user_id is not None and request.user_id == actor.pk:
        raise ValidationError("Another member of staff must confirm your own erasure.")
    with transaction.atomic():
        subject = subject_of(request)
        counts = erase_everywhere(subject)
        request.refresh_from_db()
        _close(actor, request, DataRequest.Status.DONE, "Erased everywhere.")
    return counts


def close(actor, request: DataRequest, status: str, note: str) -> DataRequest:
    if not request.is_open:
        raise ValidationError("This request is already closed.")
    if status not in {DataRequest.Status.DONE, DataRequest.Status.REFUSED}:
        raise ValidationError({"status": "Choose done or refused."})
    if status == DataRequest.Status.REFUSED and not note.strip():
        raise ValidationError({"note": "Say why the request is refused; the person is owed it."})
    return _close(actor, request, status, note)


def _close(actor, request: DataRequest, status: str, note: str) -> DataRequest:
    before = audit.snapshot(request)
    request.status = status
    request.note = "\n".join(part for part in (request.note, note.strip()) if part)
    request.handled_by = actor
    request.handled_at = timezone.now()
    request.save()
    audit.record_change(actor, request, before)
    return request
