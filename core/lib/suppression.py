"""Small-number suppression for published aggregate tables.

Why: monitoring data (ethnicity, disability, lived experience of prison, ...) is special
category data. A count of 1 to 4 in a published table can point at a person ("the one
trustee who is disabled"), so no such count may be shown *or be worked out* from what is
shown. Hiding the small cell alone is not enough, because a reader can recover it:

- by subtraction from a row or column total (total 20, other cells 9 and 8: the hidden one is 3);
- from another table in the same report that shares a total or sums the same people
  differently (a "broad ethnic group" table beside the detailed one);
- from last year's published report (a cumulative figure this year minus last year's, or a
  "change since last year" beside last year's published figure).

So this module applies *primary* suppression (every count from 1 to 4) and then *secondary*
(complementary) suppression until no hidden cell can be solved for. Everything a reader knows
is written as linear relations, `total = part + part + ...`, over cells identified by keys;
a hidden cell is recoverable exactly when it is fixed by those relations (checked with exact
integer Gauss-Jordan elimination, so any combination of rows, columns and tables is caught, not
only a single line). Two further disclosures are blocked:

- a line whose hidden cells add up to 1 to 4 (two hidden cells summing to 3 still say "three
  people are in one of these two groups");
- a hidden total whose table shows all its parts, by the same relations.

Consistency across years: the choice of complementary cells is deterministic (the same data
always gives the same pattern), prefers cells hidden last year, and a cell hidden last year
whose count has not changed stays hidden (showing it would reveal last year's hidden figure).
Last year's published figures can be given as known values, and any relation that crosses
years (cumulative totals, changes) is checked with them.

Percentages are hidden with their counts (a percentage and its base give back the count),
and a percentage whose base is hidden is hidden too.

The API is plain functions over plain data: `Table` (rows x columns of counts, margins added
here), `Relation` for anything else a reader could add up, and `suppress_report()`, which
returns the set of hidden keys, from which `published_table()` builds what a page shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SMALLEST_SHOWN = 5  # counts from 1 to SMALLEST_SHOWN - 1 are never shown
TOTAL = "Total"

RULE_STATEMENT = (
    "To protect the people who answered, we never show a number from 1 to 4, or anything "
    "from which one could be worked out. Where a small number would appear, the figure is "
    "hidden, and so is at least one other figure in the same row, column or related table "
    "(or last year's report), so that it cannot be found by subtracting from a total. "
    "Percentages are hidden with their numbers. Zero is shown as 0."
)


class SuppressionImpossible(Exception):
    """No cell is left to hide that would protect a small count (only published figures
    from earlier reports remain in its relations): the report should not be published."""


@dataclass(frozen=True)
class Relation:
    """`total` equals the sum of `parts`, as any reader could add up. Keys are hashable."""

    total: object
    parts: tuple
    counts_people: bool = True  # False for relations over changes, which may be negative


@dataclass
class Table:
    """A table of counts: `counts[(row, column)]`. Margins (row totals, column totals and
    the grand total) are added by `cells_and_relations`. Tables in one report that count
    the same people by column (e.g. ethnicity by group and sex by group) share their column
    totals and grand total when given the same `population`: a total hidden in one must be
    hidden in the other, and the shared keys make that automatic."""

    name: str
    rows: list
    columns: list
    counts: dict
    population: str | None = None
    with_row_totals: bool = True
    with_column_totals: bool = True

    def key(self, row, column):
        if row == TOTAL:
            return (self.population or self.name, TOTAL, column)
        return (self.name, row, column)


def cells_and_relations(table: Table) -> tuple[dict, list[Relation]]:
    """Every cell of `table` (margins included) by key, and the sums a reader could check."""
    cells, relations = {}, []
    for row in table.rows:
        for column in table.columns:
            cells[table.key(row, column)] = int(table.counts.get((row, column), 0))
    columns = list(table.columns) + ([TOTAL] if table.with_row_totals else [])
    if table.with_row_totals:
        for row in table.rows:
            parts = tuple(table.key(row, c) for c in table.columns)
            cells[table.key(row, TOTAL)] = sum(cells[p] for p in parts)
            relations.append(Relation(table.key(row, TOTAL), parts))
    if table.with_column_totals:
        for column in columns:
            parts = tuple(table.key(r, column) for r in table.rows)
            cells[table.key(TOTAL, column)] = sum(cells[p] for p in parts)
            relations.append(Relation(table.key(TOTAL, column), parts))
        if table.with_row_totals:
            parts = tuple(table.key(TOTAL, c) for c in table.columns)
            relations.append(Relation(table.key(TOTAL, TOTAL), parts))
    return cells, relations


def is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


@dataclass
class Suppression:
    """What `suppress_report` decided: the hidden keys and why each one is hidden."""

    hidden: set = field(default_factory=set)
    primary: set = field(default_factory=set)
    carried: set = field(default_factory=set)

    @property
    def secondary(self) -> set:
        return self.hidden - self.primary - self.carried


def suppress_report(
    tables: Iterable[Table] = (),
    relations: Iterable[Relation] = (),
    extra_cells: Mapping | None = None,
    not_counts: Iterable = (),
    published_before: Mapping | None = None,
    values_before: Mapping | None = None,
) -> Suppression:
    """Decide which cells of a whole report to hide.

    - `tables`: the report's tables; `relations` and `extra_cells` (key -> value): anything
      else a reader can add up, e.g. a broad group equal to the sum of detailed rows in
      another table, or this year's cumulative figure = last year's + this year's.
    - `not_counts`: keys of cells that are not counts of people (changes between years):
      never hidden for being small, only to protect others.
    - `published_before`: last year's report, key -> the figure shown, or None if hidden.
      A shown figure is known to every reader (a constant in the relations, never hideable
      now); a hidden one is preferred as a complementary cell this year.
    - `values_before`: last year's true counts (kept by the report, never shown), so a cell
      hidden last year whose count has not changed stays hidden.
    """
    cells: dict = dict(extra_cells or {})
    all_relations: list[Relation] = list(relations)
    for table in tables:
        table_cells, table_relations = cells_and_relations(table)
        cells.update(table_cells)
        all_relations.extend(table_relations)
    published_before = dict(published_before or {})
    values_before = dict(values_before or {})
    not_counts = set(not_counts)
    hidden_last_year = {k for k, v in published_before.items() if v is None}
    # Last year's hidden figures that are not in this report stay unknown to a reader: they
    # are unknowns in the relations (and must not become solvable), but cannot be chosen.
    unknown_before = {k for k in hidden_last_year if k not in cells}
    _check_keys(all_relations, cells, published_before)

    result = Suppression()
    result.primary = {k for k, v in cells.items() if k not in not_counts and is_small(v)}
    result.carried = {
        k
        for k in hidden_last_year
        if k in cells and k in values_before and values_before[k] == cells[k]
    } - result.primary
    result.hidden = result.primary | result.carried

    def preference(key):
        # Deterministic: last year's hidden cells first (a stable pattern), then non-zero
        # cells (a hidden zero protects little), then the smallest (least lost), then by key.
        value = cells[key]
        return (key not in hidden_last_year, value == 0, abs(value), repr(key))

    for group in connected_groups(all_relations):
        _settle(group, cells, result.hidden, unknown_before, preference)
    return result


def connected_groups(relations: list[Relation]) -> list[list[Relation]]:
    """The relations in groups that share no key, each in the order given. What is hidden in
    one group can never make a cell of another solvable, and the loop in `_settle` picks the
    same cells group by group as it would over the whole report (its choice of what to fix
    next is the first problem by line order, then by key, and a fix changes only its own
    group), so settling each group alone decides the same pattern. It is what keeps a report
    of many small independent tables (a row per cohort and follow-up) linear in their number:
    settling them together repeats the elimination over every table for each cell hidden."""
    parent: dict = {}

    def root(key):
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in relations:
        first = root(relation.total)
        for part in relation.parts:
            parent[root(part)] = first
    groups: dict = {}
    for relation in relations:
        groups.setdefault(root(relation.total), []).append(relation)
    return list(groups.values())


def _settle(relations, cells, hidden, unknown_before, preference):
    """Hide complementary cells (adding to `hidden`) until no hidden cell of `relations` can
    be solved for and no line's hidden cells add up to a small count."""
    while True:
        problem = _first_disclosure(cells, relations, hidden | unknown_before)
        if problem is None:
            return
        exposed_key, lines = problem
        choice = _complement(lines, cells, hidden, exposed_key, preference)
        if choice is None:
            raise SuppressionImpossible(f"Nothing left to hide to protect {exposed_key!r}.")
        hidden.add(choice)


def _check_keys(relations, cells, published_before):
    for relation in relations:
        for key in (relation.total, *relation.parts):
            if key not in cells and key not in published_before:
                raise ValueError(f"A relation names {key!r}, which no table or report holds.")


def _first_disclosure(cells, relations, hidden):
    """The first hidden key a reader can solve for (or whose line sums to a small count),
    with the relations through which to protect it; None if the pattern is safe."""
    usable = [r for r in relations if _involves(r, hidden)]
    for relation in usable:
        members = [relation.total, *relation.parts]
        hidden_members = [k for k in members if k in hidden]
        if relation.counts_people and len(hidden_members) >= 2:
            hidden_sum = _hidden_part_of_line(relation, cells, hidden)
            if hidden_sum is not None and is_small(abs(hidden_sum)):
                return hidden_members[0], [relation]
    solvable = solvable_keys(usable, hidden)
    if not solvable:
        return None
    key = min(solvable, key=repr)
    # Its own lines first; if they hold nothing left to hide (a degenerate one-cell line, or
    # only last year's figures), any line through hidden cells, since those solved for it.
    own = [r for r in usable if key == r.total or key in r.parts]
    return key, own + [r for r in usable if r not in own]


def _involves(relation, hidden) -> bool:
    return relation.total in hidden or any(p in hidden for p in relation.parts)


def _hidden_part_of_line(relation, cells, hidden):
    """What a reader learns the hidden cells of one line add up to (parts) or differ by
    (when the total itself is hidden, the line says nothing about a sum of parts alone)."""
    hidden_parts = [p for p in relation.parts if p in hidden]
    if relation.total in hidden or any(p not in cells for p in hidden_parts):
        return None
    return sum(cells[p] for p in hidden_parts)


def solvable_keys(relations, hidden) -> set:
    """Hidden keys fixed by the relations: unit vectors in the row space of the relations
    restricted to hidden cells. Exact: sparse integer rows, fully reduced (each pivot column
    cleared from every other row, rows kept small by their gcd), so no rounding can hide a
    solvable cell."""
    index = {k: i for i, k in enumerate(sorted(hidden, key=repr))}
    keys = {i: k for k, i in index.items()}
    rows = []
    for relation in relations:
        row: dict[int, int] = {}
        for key, sign in [(relation.total, 1)] + [(p, -1) for p in relation.parts]:
            if key in index:
                row[index[key]] = row.get(index[key], 0) + sign
        row = {c: v for c, v in row.items() if v}
        if row:
            rows.append(row)
    reduced = _reduce(rows)
    return {keys[column] for column, row in reduced.items() if len(row) == 1}


def _reduce(rows: list[dict]) -> dict[int, dict]:
    """Gauss-Jordan elimination over the integers: pivot column -> its reduced row."""
    pivots: dict[int, dict] = {}
    for row in rows:
        row = dict(row)
        for column, pivot_row in pivots.items():
            if column in row:
                row = _eliminate(row, pivot_row, column)
        if not row:
            continue
        column = min(row)
        for other_column, other in list(pivots.items()):
            if column in other:
                pivots[other_column] = _eliminate(other, row, column)
        pivots[column] = row
    return pivots


def _eliminate(row: dict, pivot_row: dict, column: int) -> dict:
    """`row` with `column` cleared by a multiple of `pivot_row`, divided by its gcd."""
    a, b = pivot_row[column], row[column]
    combined = {c: a * v for c, v in row.items()}
    for c, v in pivot_row.items():
        combined[c] = combined.get(c, 0) - b * v
    combined = {c: v for c, v in combined.items() if v}
    divisor = math.gcd(*combined.values()) if combined else 1
    return {c: v // divisor for c, v in combined.items()}


def _complement(lines, cells, hidden, exposed_key, preference):
    """A shown cell to hide in one of `lines` (those with the fewest hidden cells first),
    chosen deterministically; None if every figure in them is already published elsewhere."""

    def hidden_count(relation):
        return sum(k in hidden for k in (relation.total, *relation.parts))

    own = [r for r in lines if exposed_key == r.total or exposed_key in r.parts]
    others = [r for r in lines if r not in own]
    ordered = sorted(own, key=lambda r: (hidden_count(r), repr(r.total))) + others
    for relation in ordered:
        candidates = [
            k for k in relation.parts if k in cells and k not in hidden and k != exposed_key
        ]
        if candidates:
            return min(candidates, key=preference)
        if relation.total in cells and relation.total not in hidden:
            return relation.total
    return None


@dataclass(frozen=True)
class Figure:
    """One cell as published: `count` and `percent` are None when hidden."""

    count: int | None
    percent: float | None

    @property
    def hidden(self) -> bool:
        return self.count is None


def percent_of(count: int, base: int, count_hidden: bool, base_hidden: bool) -> float | None:
    """A percentage rounded to one place, hidden with its count or its base."""
    if count_hidden or base_hidden or not base:
        return None
    return round(100 * count / base, 1)


def published_table(table: Table, hidden: set, percent_of_column: bool = True) -> list[dict]:
    """The rows a page, CSV or PDF shows: one dict per row (and a Total row) holding the row
    label and a `Figure` per column (Total included). Percentages are of the column total."""
    cells, _ = cells_and_relations(table)
    columns = list(table.columns) + ([TOTAL] if table.with_row_totals else [])
    rows = list(table.rows) + ([TOTAL] if table.with_column_totals else [])
    shown = []
    for row in rows:
        figures = []
        for column in columns:
            key = table.key(row, column)
            base_key = table.key(TOTAL, column)
            count_hidden = key in hidden
            percent = None
            if percent_of_column and base_key in cells:
                percent = percent_of(cells[key], cells[base_key], count_hidden, base_key in hidden)
            figures.append(Figure(None if count_hidden else cells[key], percent))
        shown.append({"label": row, "figures": figures})
    return shown


def published_values(tables: Iterable[Table], hidden: set, extra_cells=None) -> dict:
    """Key -> shown figure, or None if hidden: what next year's run takes as
    `published_before`, and what a report stores when it is published."""
    values = {}
    for table in tables:
        table_cells, _ = cells_and_relations(table)
        values.update(table_cells)
    values.update(extra_cells or {})
    return {k: (None if k in hidden else v) for k, v in values.items()}
