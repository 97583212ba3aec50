"""People's data rights: a person's own data page, and staff's list of requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.lib.downloads import as_attachment
from core.lib.form_pages import add_service_errors, posted, status_code
from core.registries import personal_data, retention
from core.registries.personal_data import DataSubject
from core.roles import staff_required
from privacy.forms import CloseRequestForm, ConfirmErasureForm, RecordRequestForm
from privacy.models import DataRequest
from privacy.services import export, requests

staff_only = staff_required("Data requests are handled by the alliance's staff.")
ZIP = "application/zip"


def _zip_response(content: bytes, name: str) -> HttpResponse:
    return as_attachment(HttpResponse(content, content_type=ZIP), name)


@never_cache
@login_required
def account_data(request):
    subject = DataSubject.for_user(request.user)
    return render(
        request,
        "privacy/account_data.html",
        {
            "held": export.collect(subject),
            "sources": personal_data.sources(),
            "open_erasure": DataRequest.objects.filter(
                user=request.user, kind=DataRequest.Kind.ERASURE, status=DataRequest.Status.OPEN
            ).first(),
        },
    )


@never_cache
@login_required
def account_data_download(request):
    subject = DataSubject.for_user(request.user)
    return _zip_response(export.build_zip(subject), export.zip_name(subject))


@login_required
@require_POST
def account_data_erase(request):
    _, created = requests.request_erasure_from_account(request.user)
    if created:
        messages.success(
            request,
            "Your request is with the alliance's staff. They will check it and erase your "
            "data within a month; your account stops working when they do.",
        )
    else:
        messages.info(request, "You have already asked; your request is with staff.")
    return redirect("account_data")


@never_cache
@staff_only
def data_requests(request):
    form = RecordRequestForm(posted(request))
    if form.is_valid():
        recorded = requests.record_request(request.user, form.save(commit=False))
        messages.success(request, f"{recorded} recorded.")
        return redirect("data_request", pk=recorded.pk)
    return render(
        request,
        "privacy/requests.html",
        {"requests": DataRequest.objects.all(), "form": form},
        status=status_code(form),
    )


@never_cache
@staff_only
def data_request(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    return _request_page(request, data_request, ConfirmErasureForm(), CloseRequestForm())


def _request_page(request, data_request, erase_form, close_form):
    held = export.collect(requests.subject_of(data_request)) if data_request.is_open else []
    return render(
        request,
        "privacy/request.html",
        {
            "data_request": data_request,
            "held": held,
            "erase_form": erase_form,
            "close_form": close_form,
        },
        status=status_code(erase_form, close_form),
    )


@staff_only
@require_POST
def data_request_export(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    content = requests.export_for(request.user, data_request)
    return _zip_response(content, f"data-request-{data_request.pk}.zip")


@staff_only
@require_POST
def data_request_erase(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    form = ConfirmErasureForm(request.POST)
    if form.is_valid():
        try:
            counts = requests.erase_for(
                request.user, data_request, form.cleaned_data["confirmation"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Erased everywhere: {sum(counts.values())} records changed.")
            return redirect("data_request", pk=data_request.pk)
    return _request_page(request, data_request, form, CloseRequestForm())


@staff_only
@require_POST
def data_request_close(request, pk):
    data_request = get_object_or_404(DataRequest, pk=pk)
    form = CloseRequestForm(request.POST)
    if form.is_valid():
        try:
            requests.close(
                request.user, data_request, form.cleaned_data["status"], form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{data_request} closed.")
            return redirect("data_requests")
    return _request_page(request, data_request, ConfirmErasureForm(), form)


def retention_rules(request):
    return render(request, "privacy/retention.html", {"rules": retention.rules()})
