"""Forms of the staff ingest pages: upload a file, add a feed."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from media.ingest.batches import SourceProblem
from media.ingest.canonical_urls import InvalidURL, canonical_url
from media.ingest.files import kind_of
from media.models import Feed, IngestBatch, Outlet


class UploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="CSV (.csv) or JSON Lines (.jsonl) with the columns url, outlet, title, date "
        "and text; or one saved article page (.html).",
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.filter(is_active=True),
        required=False,
        label="Outlet (optional)",
        help_text="For a saved page, or rows that name no outlet. Otherwise the outlet is "
        "found from each row's outlet column or the article's web address.",
    )
    url = forms.CharField(
        required=False,
        max_length=1000,
        label="Address of the article (saved pages only, optional)",
        help_text="Needed only when the page does not give its own address.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the limit here is "
                f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. Import bigger files with "
                "`manage.py import_articles FILE`."
            )
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        head = upload.read(512)
        upload.seek(0)
        try:
            self.source = kind_of(upload.name, head)
        except SourceProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if not url:
            return ""
        try:
            return canonical_url(url)
        except InvalidURL as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url") and getattr(self, "source", None) != IngestBatch.Source.HTML:
            self.add_error("url", "An address is only used with a saved article page (.html).")
        return cleaned


class FeedForm(forms.ModelForm):
    class Meta:
        model = Feed
        fields = ["outlet", "url"]
        labels = {"url": "Feed address"}
        help_texts = {"url": "The RSS or Atom address, e.g. https://www.example.co.uk/news/rss."}

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            canonical_url(url)
        except InvalidURL as error:
            raise forms.ValidationError(str(error)) from None
        return url
