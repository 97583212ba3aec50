"""Which existing organisation each row describes, and no organisation twice in one file.

Rows are matched by charity number, then by normalised name, then by slug. A registration
number or slug that already belongs to a different organisation, or two rows that describe
one organisation, are problems.
"""

from collections import defaultdict

from members.models import Membership, Organisation
from members.services.csv.columns import TERM_COLUMNS
from members.services.csv.plan import ImportPlan
from members.services.identifiers import normalise_name


class ExistingRecords:
    """Everything already in the database that a row is compared with, loaded once."""

    def __init__(self):
        self.organisations = {org.pk: org for org in Organisation.objects.order_by("pk")}
        self.by_charity, self.by_company, self.by_slug = {}, {}, {}
        self.by_name = defaultdict(list)
        for org in self.organisations.values():
            if org.charity_number:
                self.by_charity[org.charity_number] = org
            if org.company_number:
                self.by_company[org.company_number] = org
            self.by_slug[org.slug] = org
            self.by_name[org.normalised_name].append(org)
        self.terms = {column: defaultdict(set) for column in TERM_COLUMNS}
        for column in TERM_COLUMNS:
            through = getattr(Organisation, column).through
            for org_id, term_id in through.objects.values_list("organisation_id", "term_id"):
                self.terms[column][org_id].add(term_id)
        self.memberships = {
            (m.organisation_id, m.network_id): m for m in Membership.objects.order_by("pk")
        }


def _different_organisation(organisation: Organisation, charity_number, slug: str) -> bool:
    """Whether a row with this organisation's name is another organisation of the same name:
    its charity number and its slug both differ from this one's."""
    return bool(
        organisation.charity_number
        and charity_number
        and organisation.charity_number != charity_number
        and slug
        and organisation.slug != slug
    )


class Matcher:
    """Remembers the rows read so far, to find duplicates and match each row once."""

    def __init__(self, plan: ImportPlan, existing: ExistingRecords):
        self.plan = plan
        self.existing = existing
        # Identifier -> the first row that used it, to name both rows of a duplicate.
        self.seen: dict[str, dict[str, int]] = defaultdict(dict)
        self.seen_names: dict[str, list[tuple]] = defaultdict(list)
        self.matched_rows: dict[int, int] = {}  # existing organisation pk -> row

    def problem(self, row: int, column: str, message: str) -> None:
        self.plan.add_problem(message, row, column)

    def note_name_only(self, number: int, name_cell: str) -> None:
        """A row with other errors still takes its name, so a later duplicate is reported."""
        name = normalise_name(name_cell)
        if name:
            self.seen_names[name].append((number, None, ""))

    def check_duplicates(self, number: int, values: dict, slug: str) -> None:
        """No organisation twice: the same registration number or slug on two rows is an
        error, and so is the same name unless charity numbers or slugs tell the rows apart."""
        for column in ("charity_number", "company_number", "slug"):
            key = slug if column == "slug" else values[column]
            if not key:
                continue
            first = self.seen[column].setdefault(key, number)
            if first != number:
                self.duplicate(number, column, first, "the same value as")
        name = normalise_name(values["name"])
        earlier = self.seen_names[name]
        for first, charity_number, first_slug in earlier:
            distinct = (
                charity_number
                and values["charity_number"]
                and charity_number != values["charity_number"]
            ) or (first_slug and slug and first_slug != slug)
            if not distinct:
                self.duplicate(number, "name", first, "a name that matches")
                break
        earlier.append((number, values["charity_number"], slug))

    def duplicate(self, number: int, column: str, first: int, what: str) -> None:
        self.problem(
            number,
            column,
            f"this row has {what} row {first}. Each organisation may appear only once in the "
            f"file: merge rows {first} and {number}.",
        )

    def match(self, number: int, values: dict, slug: str) -> Organisation | None:
        """The existing organisation this row describes, if any (problems are recorded)."""
        existing = self.existing
        organisation = existing.by_charity.get(values["charity_number"] or "")
        if organisation is None:
            candidates = [
                org
                for org in existing.by_name.get(normalise_name(values["name"]), [])
                if not _different_organisation(org, values["charity_number"], slug)
            ]
            if len(candidates) > 1:
                chosen = [org for org in candidates if slug and org.slug == slug]
                if not chosen:
                    self.problem(
                        number,
                        "name",
                        f"{len(candidates)} organisations already have this name. Add the slug "
                        "column (or a charity number) to say which one this row is.",
                    )
                    return None
                candidates = chosen
            organisation = candidates[0] if candidates else None
            if organisation is None and slug:
                organisation = existing.by_slug.get(slug)
            if (
                organisation is not None
                and organisation.charity_number
                and values["charity_number"]
                and organisation.charity_number != values["charity_number"]
            ):
                self.problem(
                    number,
                    "charity_number",
                    f'"{organisation.name}" already exists with charity number '
                    f"{organisation.charity_number}. Correct the number, or give a different "
                    "organisation a name of its own.",
                )
                return None
        for column, index in (("company_number", existing.by_company), ("slug", existing.by_slug)):
            key = values.get(column) if column != "slug" else slug
            owner = index.get(key or "")
            if owner is not None and owner != organisation:
                self.problem(
                    number,
                    column,
                    f'{key} already belongs to "{owner.name}", a different organisation.',
                )
                return None
        if organisation is not None:
            first = self.matched_rows.setdefault(organisation.pk, number)
            if first != number:
                self.problem(
                    number,
                    "",
                    f'rows {first} and {number} both describe "{organisation.name}". Merge them '
                    "into one row.",
                )
                return None
        return organisation
