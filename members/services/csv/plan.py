"""What importing a file would do: a plan per row, and the problems that stop it.

`planning.plan_import` makes the plan without writing; `applying.apply_plan` writes it.
"""

from dataclasses import dataclass, field

from members.models import Network, Organisation

MAX_PROBLEMS = 500


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file. `row` is None for the file as a whole."""

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return f"Row {self.row}, {self.column}: {self.message}"
        return f"Row {self.row}: {self.message}"


@dataclass
class RowPlan:
    row: int
    action: str  # "create", "update" or "unchanged"
    organisation: Organisation  # the existing record, or a new unsaved one
    values: dict  # scalar field -> new value, already normalised as save() would
    terms: dict[str, frozenset[int]]  # column -> term ids
    memberships: dict[int, tuple]  # network id -> (status, joined_on, renewal_due)
    changes: list[str] = field(default_factory=list)  # column names that differ
    slug: str = ""
    organisation_changed: bool = False  # scalars or tags differ (memberships aside)

    @property
    def name(self) -> str:
        return self.values.get("name") or self.organisation.name


ACTIONS = ("create", "update", "unchanged")


@dataclass
class ImportPlan:
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    total_rows: int = 0
    networks: list[Network] = field(default_factory=list)  # those with columns in the file
    existing_memberships: dict = field(default_factory=dict)
    existing_terms: dict = field(default_factory=dict)
    terms_by_id: dict = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return self.problem_count == 0 and self.total_rows > 0

    def add_problem(self, message: str, row: int | None = None, column: str = "") -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(message, row, column))

    def rows_to(self, action: str) -> list[RowPlan]:
        return [row for row in self.rows if row.action == action]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts
