"""The data requests themselves hold a name and an address. After an erasure the request
stays, as the record that it was answered, without them."""

from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource

ERASED_NAME = "An erased person"


def _requests(subject: DataSubject):
    from privacy.models import DataRequest

    requests = DataRequest.objects.filter(email__in=subject.emails)
    if subject.user is not None:
        requests = requests | DataRequest.objects.filter(user=subject.user)
    return requests


def export_requests(subject: DataSubject) -> dict[str, list[dict]]:
    rows = [
        {
            "request": r.get_kind_display(),
            "received": r.received_at.strftime("%d/%m/%Y"),
            "received by": r.get_received_via_display(),
            "status": r.get_status_display(),
        }
        for r in _requests(subject)
    ]
    return {"your data requests": rows}


def erase_requests(subject: DataSubject) -> int:
    changed = 0
    for request in _requests(subject):
        request.name = ERASED_NAME
        request.email = f"erased-request-{request.pk}@erased.invalid"
        request.user = None
        request.save(update_fields=["name", "email", "user"])
        changed += 1
    return changed


personal_data.register(
    PersonalDataSource(
        key="privacy.requests",
        description="Requests to see or erase your data: who asked, how and when, and what "
        "was done. After an erasure the request is kept without your name or address.",
        models=("privacy.DataRequest",),
        export=export_requests,
        erase=erase_requests,
        # After everything else: staff still need the request's address while erasing.
        erase_order=90,
    )
)
personal_data.declare_authorship("privacy.DataRequest", "handled_by")
