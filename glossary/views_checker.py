"""The language checker page and the language guide page (public).

The checker works without JavaScript: a POST form with either pasted text or an uploaded
plain-text, Markdown or HTML document. The result is the text with every finding marked and
numbered, each explained in words (suggestion and reason) in a list below it.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.lib.extraction import ExtractionError, extract_text
from core.lib.highlight import highlighted_segments
from core.lib.ratelimit import hit
from core.lib.uploads import UploadRefused, check_document
from glossary.models import GuideEntry
from glossary.services import guide as language_guide
from glossary.services.checker import check_text
from glossary.services.findings import CATEGORIES, KINDS, SEVERITIES, STIGMATISING
from glossary.services.limits import MAX_TEXT_CHARS

MAX_DOCUMENT_BYTES = 1024 * 1024
CHECK_LIMIT = 60
CHECK_WINDOW_SECONDS = 60 * 60

KIND_LABELS = {
    "stigmatising": "Stigmatising wording",
    "quotation": "In a quotation or title",
    "discussed": "Discussed, not used",
    "official_name": "Official name",
    "jargon": "Jargon",
}
CATEGORY_LABELS = dict(GuideEntry.Category.choices)


class CheckerForm(forms.Form):
    text = forms.CharField(
        label="Text to check",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=MAX_TEXT_CHARS,
        help_text=f"Paste up to {MAX_TEXT_CHARS:,} characters.",
        error_messages={
            "max_length": f"The text is too long: paste at most {MAX_TEXT_CHARS:,} characters "
            "at a time, and check the rest separately."
        },
    )
    document = forms.FileField(
        label="Or upload a document (optional)",
        required=False,
        help_text="A PDF, Word (.docx), HTML, Markdown or plain text file, up to "
        f"{filesizeformat(MAX_DOCUMENT_BYTES)}.",
    )

    def clean_document(self):
        """The document's text, read the same way the library reads uploads (the kind is
        judged by content, not by the file's name)."""
        upload = self.cleaned_data.get("document")
        if not upload:
            return ""
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the most we can check is "
                f"{filesizeformat(MAX_DOCUMENT_BYTES)}. Check it in parts."
            )
        try:
            kind = check_document(upload)
            content = extract_text(upload.read(), kind)
        except UploadRefused as problem:
            raise forms.ValidationError(f"{problem} You can also paste the text.") from None
        except ExtractionError:
            raise forms.ValidationError(
                "The text of this file could not be read: it may be damaged, protected by a "
                "password, or a scan with no text in it. Paste the text instead."
            ) from None
        if len(content) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                f"The document has {len(content):,} characters of text; the most we can check "
                f"at once is {MAX_TEXT_CHARS:,}. Check it in parts."
            )
        return content

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text, document = cleaned.get("text", ""), cleaned.get("document", "")
        if text.strip() and document:
            raise forms.ValidationError("Paste text or upload a document, not both.")
        source = document or text
        if not source.strip():
            raise forms.ValidationError("Paste some text or upload a document to check.")
        cleaned["source"] = source
        return cleaned


def _summary_rows(summary: dict) -> tuple[list[dict], list[dict]]:
    """Rows by kind, with stigmatising wording split by severity ("use with care" apart)."""
    kinds = []
    for kind in KINDS:
        if kind == STIGMATISING:
            kinds += [
                {
                    "label": "Stigmatising wording" if severity != "care" else "Use with care",
                    "kind": kind,
                    "severity": severity,
                    "count": summary["by_severity"][severity],
                    "rate": _rate(summary["by_severity"][severity], summary["words"]),
                }
                for severity in SEVERITIES
            ]
            continue
        kinds.append(
            {
                "label": KIND_LABELS[kind],
                "kind": kind,
                "count": summary["by_kind"][kind],
                "rate": summary["per_1000_words"][kind],
            }
        )
    categories = [
        {"label": CATEGORY_LABELS[c], "count": summary["by_category"][c]} for c in CATEGORIES
    ]
    return kinds, categories


def _rate(count: int, words: int) -> float:
    return round(count * 1000 / words, 2) if words else 0.0


def _too_many(request):
    response = render(
        request,
        "glossary/checker.html",
        {
            "form": CheckerForm(),
            "refusal": "You have checked a lot of text from your connection in the last hour, "
            f"more than {CHECK_LIMIT} times. Please wait an hour and try again.",
        },
        status=429,
    )
    response["Retry-After"] = str(CHECK_WINDOW_SECONDS)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    context: dict = {"max_chars": MAX_TEXT_CHARS, "kind_labels": KIND_LABELS}
    if request.method != "POST":
        context["form"] = CheckerForm()
        return render(request, "glossary/checker.html", context)

    if not hit("language-check", request, CHECK_LIMIT, CHECK_WINDOW_SECONDS):
        return _too_many(request)
    try:
        form = CheckerForm(request.POST, request.FILES)
        form.is_valid()
    except RequestDataTooBig:
        context["form"] = CheckerForm()
        context["refusal"] = (
            "That was too much to send at once "
            f"(the most is {filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}). "
            "Check the text in parts."
        )
        return render(request, "glossary/checker.html", context, status=413)
    context["form"] = form
    if form.errors:
        return render(request, "glossary/checker.html", context, status=400)

    source = form.cleaned_data["source"]
    result = check_text(source)
    kinds, categories = _summary_rows(result.summary)
    context.update(
        result=result,
        segments=highlighted_segments(source, result.findings),
        numbered_findings=list(enumerate(result.findings, start=1)),
        kind_rows=kinds,
        category_rows=categories,
    )
    return render(request, "glossary/checker.html", context)


def guide(request):
    version = language_guide.current_version()
    context = {
        "version": version,
        "groups": language_guide.entries_by_category(version),
        "official_names": version.official_names.all() if version else [],
        "history": language_guide.history(),
    }
    return render(request, "glossary/language_guide.html", context)
