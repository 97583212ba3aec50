"""Working out what importing a file would do, row by row, without writing anything.

`plan_import` reads the whole file and checks every row (`validation`), matches it to an
existing organisation (`matching`), and says per row whether it would create, update or leave
an organisation unchanged. `applying.apply_plan` then writes a valid plan.
"""

from collections.abc import Callable

from core.lib.slugs import first_free, slug_base
from core.roles import is_admin
from members.models import Network, Organisation
from members.services.csv.columns import SCALAR_COLUMNS, SCALAR_FIELDS, TERM_COLUMNS
from members.services.csv.matching import ExistingRecords, Matcher
from members.services.csv.plan import ImportPlan, RowPlan
from members.services.csv.reading import Header, read_records
from members.services.csv.validation import RowReader
from members.services.organisations import RESERVED_SLUGS
from members.services.permissions import networks_run_by, organisations_in_reach
from taxonomy.models import Term

PROGRESS_EVERY = 200


class Planner:
    """One file's plan, a row at a time: the row's cells are read (RowReader), matched to an
    existing organisation (Matcher), then compared with it."""

    def __init__(self, plan: ImportPlan, header: Header, networks: list[Network], reach=None):
        self.plan = plan
        self.reach = reach  # ids of the organisations the importer may change; None: all
        self.header = header
        self.existing = ExistingRecords()
        self.networks = {n.pk: n for n in networks}
        terms = list(Term.objects.all())
        self.terms_by_id = {term.pk: term for term in terms}
        self.cells = RowReader(plan, header, self.networks, {term.slug: term for term in terms})
        self.matcher = Matcher(plan, self.existing)
        plan.existing_memberships = self.existing.memberships
        plan.existing_terms = self.existing.terms
        plan.terms_by_id = self.terms_by_id

    def problem(self, row: int, column: str, message: str) -> None:
        self.plan.add_problem(message, row, column)

    # -- one row -------------------------------------------------------------------------------

    def plan_row(self, number: int, record: list[str]) -> RowPlan | None:
        if len(record) != self.header.width:
            self.problem(
                number,
                "",
                f"it has {len(record)} cells but the header has {self.header.width} columns. "
                "Check for a stray comma or a missing quote.",
            )
            return None
        before = self.plan.problem_count
        for position in self.header.unnamed:
            if record[position].strip():
                self.problem(
                    number,
                    "",
                    f"column {position + 1} has a value but no heading. Add its heading to row "
                    "1, or remove the value.",
                )
        values = self.cells.scalar_values(number, record)
        terms = self.cells.term_values(number, record)
        memberships = self.cells.membership_values(number, record)
        slug = self.cells.slug_value(number, record)
        if values is None:
            self.matcher.note_name_only(number, self.cells.cell(record, "name"))
            return None
        self.matcher.check_duplicates(number, values, slug)
        organisation = self.matcher.match(number, values, slug)
        if (
            organisation is not None
            and self.reach is not None
            and organisation.pk not in self.reach
        ):
            self.problem(
                number,
                "name",
                f"it matches {organisation.name}, a member of a network you do not staff; only "
                "that network's staff or an admin can change it.",
            )
        if self.plan.problem_count > before:
            return None
        return self.compare(number, organisation, values, terms, memberships, slug)

    def compare(self, number, organisation, values, terms, memberships, slug) -> RowPlan:
        if organisation is None:
            return RowPlan(
                row=number,
                action="create",
                organisation=Organisation(),
                values=values,
                terms=terms,
                memberships=memberships,
                slug=slug,
                organisation_changed=True,
            )
        changes = []
        columns = {v: k for k, v in SCALAR_COLUMNS.items()}
        for field_name in SCALAR_FIELDS:
            if getattr(organisation, field_name) != values[field_name]:
                changes.append(columns[field_name])
        for column in TERM_COLUMNS:
            if self.existing.terms[column].get(organisation.pk, set()) != terms[column]:
                changes.append(column)
        organisation_changed = bool(changes)
        for network_id, wanted in memberships.items():
            current = self.existing.memberships.get((organisation.pk, network_id))
            have = (current.status, current.joined_on, current.renewal_due) if current else None
            if have != wanted:
                changes.append(self.networks[network_id].slug + " membership")
        return RowPlan(
            row=number,
            action="update" if changes else "unchanged",
            organisation=organisation,
            values=values,
            terms=terms,
            memberships=memberships,
            changes=changes,
            organisation_changed=organisation_changed,
        )

    # -- after every row -----------------------------------------------------------------------

    def assign_slugs(self) -> None:
        """Addresses for new organisations that did not bring one, clear of every other."""
        taken = set(self.existing.by_slug) | {r.slug for r in self.plan.rows if r.slug}
        for row in self.plan.rows:
            if row.action != "create" or row.slug:
                continue
            base = slug_base(row.values["name"], fallback="organisation", reserved=RESERVED_SLUGS)
            slug = first_free(base, taken)
            taken.add(slug)
            row.slug = slug


def plan_import(
    text: str,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = PROGRESS_EVERY,
    actor=None,
) -> ImportPlan:
    """Check every row and work out what importing `text` would do. Writes nothing.

    `progress(done, total)` is called every `progress_every` rows and once at the end.
    With an `actor` (the staff member importing), the file must stay within their reach, as
    in admin and the export: no membership columns of networks they do not staff, and no rows
    that would change an organisation of such a network. (The command line has no actor.)
    """
    plan = ImportPlan()
    header_cells, records = read_records(text.removeprefix("\ufeff"), plan)
    if plan.problem_count:
        return plan
    if not any(cell.strip() for cell in header_cells):
        plan.add_problem("The file has no header row. The first row must name the columns.")
        return plan
    networks = list(Network.objects.order_by("slug"))
    header = Header(header_cells, networks, plan)
    reach = _check_networks_in_reach(plan, actor)
    if plan.problem_count:
        return plan
    plan.total_rows = len(records)
    if not records:
        plan.add_problem("The file has a header row but no organisations in it.")
        return plan
    planner = Planner(plan, header, networks, reach)
    for done, (number, record) in enumerate(records, start=1):
        row_plan = planner.plan_row(number, record)
        if row_plan is not None:
            plan.rows.append(row_plan)
        if progress is not None and done % progress_every == 0:
            progress(done, plan.total_rows)
    planner.assign_slugs()
    if progress is not None:
        progress(plan.total_rows, plan.total_rows)
    return plan


def _check_networks_in_reach(plan: ImportPlan, actor) -> set[int] | None:
    """The ids of the organisations `actor` may change (None: no limit), after refusing
    membership columns of networks outside their reach."""
    if actor is None or is_admin(actor):
        return None
    staffed = set(networks_run_by(actor).values_list("pk", flat=True))
    for network in plan.networks:
        if network.pk not in staffed:
            plan.add_problem(
                f"The file has {network.slug} membership columns, but you do not staff that "
                "network. Remove those columns, or ask one of its staff or an admin to import."
            )
    return set(organisations_in_reach(actor).values_list("pk", flat=True))
