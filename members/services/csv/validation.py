"""The cells of one row read into an organisation's details, with a problem recorded for
each cell that cannot be read: the profile form's rules (`OrganisationForm`) plus the file's own
(yes/no, dates, term slugs in the right vocabulary, slugs that can be addresses).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from core.lib.spreadsheets import unescape_cell
from members.forms import OrganisationForm
from members.models import MembershipStatus, Network, Organisation, OrganisationType, SizeBand
from members.services.csv.columns import (
    SCALAR_COLUMNS,
    SCALAR_FIELDS,
    TERM_COLUMNS,
    TERM_SEPARATOR,
    network_columns,
)
from members.services.csv.plan import ImportPlan
from members.services.csv.reading import Header
from members.services.identifiers import normalise_charity_number, normalise_company_number
from members.services.organisations import RESERVED_SLUGS
from taxonomy.models import Term

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _SharedFields(dict):
    """Form fields that every row's form shares instead of deep-copying.

    A form deep-copies its fields so one instance may change them; the import's forms only
    read them, and copying nine fields for each of 10,000 rows was half the time of a check.
    """

    def __deepcopy__(self, memo):
        return self


class _RowForm(OrganisationForm):
    """The profile form's rules for one row. Tags and uniqueness are checked for the whole
    file at once (against data loaded once), not with a query per row."""

    class Meta(OrganisationForm.Meta):
        fields = [f for f in OrganisationForm.Meta.fields if f not in TERM_COLUMNS]

    def validate_unique(self):
        pass


_RowForm.base_fields["name"].error_messages["required"] = "Enter the organisation's name."
_RowForm.base_fields = _SharedFields(_RowForm.base_fields)


def _parse_bool(value: str) -> bool | None:
    text = value.strip().lower()
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0", ""}:
        return False
    return None


def _parse_date(value: str) -> datetime.date | None:
    """A date written YYYY-MM-DD; raises ValueError for anything else."""
    text = value.strip()
    if not ISO_DATE.match(text):
        raise ValueError
    return datetime.date.fromisoformat(text)


def _choice_lookup(choices) -> dict[str, str]:
    lookup = {}
    for value, label in choices:
        lookup[value.lower()] = value
        lookup[label.lower()] = value
    return lookup


class RowReader:
    """Reads the cells of one row at a time; problems go to the plan, with the row number."""

    def __init__(
        self,
        plan: ImportPlan,
        header: Header,
        networks: dict[int, Network],
        terms_by_slug: dict[str, Term],
    ):
        self.plan = plan
        self.header = header
        self.networks = networks
        self.terms_by_slug = terms_by_slug
        self.types = _choice_lookup(OrganisationType.choices)
        self.sizes = _choice_lookup(SizeBand.choices)
        self.statuses = _choice_lookup(MembershipStatus.choices)

    def problem(self, row: int, column: str, message: str) -> None:
        self.plan.add_problem(message, row, column)

    def cell(self, record: list[str], column: str) -> str:
        position = self.header.index.get(column)
        return "" if position is None else unescape_cell(record[position])

    def scalar_values(self, number: int, record: list[str]) -> dict | None:
        data, reported = {}, set()
        for column, field_name in SCALAR_COLUMNS.items():
            data[field_name] = self.cell(record, column)
        for column in ("lived_experience_led", "by_and_for"):
            parsed = _parse_bool(data[column])
            if parsed is None:
                self.problem(number, column, f'Enter yes or no, not "{data[column].strip()}".')
                reported.add(column)
            data[column] = bool(parsed)
        for column, field_name, lookup in (
            ("type", "org_type", self.types),
            ("size_band", "size_band", self.sizes),
        ):
            text = data[field_name].strip()
            if text.lower() in lookup:
                data[field_name] = lookup[text.lower()]
            elif text or column == "type":
                allowed = list(dict.fromkeys(lookup.values()))
                self.problem(
                    number,
                    column,
                    f'"{text}" is not one of: {", ".join(allowed)}'
                    + (" (or blank)." if column == "size_band" else "."),
                )
                reported.add(field_name)
                data[field_name] = ""
        form = _RowForm(data)
        if not form.is_valid() or reported:
            columns = {v: k for k, v in SCALAR_COLUMNS.items()}
            for field_name, errors in form.errors.items():
                if field_name in reported:
                    continue
                for error in errors:
                    self.problem(number, columns.get(field_name, ""), error)
            return None
        values = {name: form.cleaned_data[name] for name in SCALAR_FIELDS}
        values["charity_number"] = normalise_charity_number(values["charity_number"]) or None
        values["company_number"] = normalise_company_number(values["company_number"]) or None
        return values

    def term_values(self, number: int, record: list[str]) -> dict[str, frozenset[int]]:
        result = {}
        for column, (vocabulary, noun) in TERM_COLUMNS.items():
            ids = set()
            for raw in self.cell(record, column).split(TERM_SEPARATOR):
                slug = raw.strip().lower()
                if not slug:
                    continue
                term = self.terms_by_slug.get(slug)
                if term is None:
                    self.problem(
                        number,
                        column,
                        f'"{raw.strip()}" is not a {noun}. Use the slugs listed on the import '
                        "page, separated by semicolons.",
                    )
                elif term.vocabulary != vocabulary:
                    right = next(c for c, (v, _n) in TERM_COLUMNS.items() if v == term.vocabulary)
                    self.problem(
                        number,
                        column,
                        f'"{slug}" is a {TERM_COLUMNS[right][1]}, not a {noun}: put it in the '
                        f"{right} column.",
                    )
                else:
                    ids.add(term.pk)
            result[column] = frozenset(ids)
        return result

    def membership_values(self, number: int, record: list[str]) -> dict[int, tuple]:
        result = {}
        for network_id, positions in self.header.network_index.items():
            network = self.networks[network_id]
            status_col, joined_col, renewal_col = network_columns(network)
            status_text, joined_text, renewal_text = (
                unescape_cell(record[p]).strip() for p in positions
            )
            dates = []
            for column, text in ((joined_col, joined_text), (renewal_col, renewal_text)):
                try:
                    dates.append(_parse_date(text) if text else None)
                except ValueError:
                    self.problem(
                        number,
                        column,
                        f'"{text}" is not a date written YYYY-MM-DD (for example 2025-04-01).',
                    )
                    dates.append(None)
            if not status_text:
                if joined_text or renewal_text:
                    self.problem(
                        number,
                        status_col,
                        "Give a status (applied, active, lapsed or left) when there are "
                        "membership dates, or leave the dates blank.",
                    )
                continue
            status = self.statuses.get(status_text.lower())
            if status is None:
                self.problem(
                    number,
                    status_col,
                    f'"{status_text}" is not a membership status. Enter applied, active, '
                    "lapsed or left, or leave it blank for no membership.",
                )
                continue
            result[network_id] = (status, dates[0], dates[1])
        return result

    def slug_value(self, number: int, record: list[str]) -> str:
        slug = self.cell(record, "slug").strip()
        if not slug:
            return ""
        try:
            validate_slug(slug)
        except ValidationError:
            self.problem(
                number,
                "slug",
                f'"{slug}" is not a valid slug: use only lower-case letters, numbers and hyphens.',
            )
            return ""
        max_length = Organisation._meta.get_field("slug").max_length
        if len(slug) > max_length or slug in RESERVED_SLUGS:
            self.problem(number, "slug", f'"{slug}" cannot be used as an address; leave it blank.')
            return ""
        return slug
