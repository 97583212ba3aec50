"""The quotes page's filters: what to show, a theme, where the words came from, and words
in the quote. Read from the address (GET), so a filtered page can be bookmarked or shared."""

from urllib.parse import urlencode

from django import forms

from consultations.evidence.services.codebook import active_themes
from consultations.evidence.services.quotes import QUOTE_FILTERS, QUOTE_SOURCES


class QuoteFilterForm(forms.Form):
    show = forms.ChoiceField(label="Show", choices=list(QUOTE_FILTERS.items()), required=False)
    theme = forms.ModelChoiceField(
        label="Theme", queryset=None, required=False, empty_label="Any theme"
    )
    source = forms.ChoiceField(
        label="From", choices=[("", "Answers and sessions"), *QUOTE_SOURCES.items()], required=False
    )
    words = forms.CharField(label="Words in the quote", max_length=100, required=False)

    def __init__(self, consultation, data=None):
        super().__init__(data or None, label_suffix="")
        self.fields["theme"].queryset = active_themes(consultation).order_by("name")

    def filters(self) -> dict:
        """What to filter by: the valid choices, and nothing for a choice that is not valid
        (an old bookmark to a merged theme shows every quote rather than an error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "shown": cleaned.get("show") or "all",
            "theme": cleaned.get("theme"),
            "source": cleaned.get("source") or "",
            "words": " ".join((cleaned.get("words") or "").split()),
        }

    def query(self) -> str:
        """The filters as an address query, for the page links (without `page`)."""
        if not self.is_bound:
            return ""
        values = {key: value for key, value in self.data.items() if key != "page" and value}
        return urlencode(values)
