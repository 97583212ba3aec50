"""Small-number suppression: crafted tables where a count from 1 to 4 could be recovered by
each route (row total, column total, another table, last year's report), and the checks that
the published pattern leaves nothing small to work out."""

import itertools

import numpy
import pytest

from core.lib.suppression import (
    TOTAL,
    Relation,
    SuppressionImpossible,
    Table,
    cells_and_relations,
    published_table,
    published_values,
    suppress_report,
)


def table(name, rows, columns, grid, population=None):
    counts = {(r, c): grid[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
    return Table(name, rows, columns, counts, population=population)


def brute_force_recoverable(tables, hidden, extra_relations=(), known=None, bound=40):
    """Every hidden cell a determined reader could work out from what is shown.

    Checked independently of the module's own elimination: with numpy's matrix rank (a cell
    is fixed when dropping its column lowers the rank), and for up to three hidden cells also
    by trying every non-negative completion below `bound`."""
    cells, relations = {}, list(extra_relations)
    for t in tables:
        c, r = cells_and_relations(t)
        cells.update(c)
        relations.extend(r)
    known = dict(known or {})
    hidden = sorted(hidden, key=repr)
    matrix = numpy.array(
        [
            [(k == r.total) - (k in r.parts) for k in hidden]
            for r in relations
            if r.total in hidden or any(p in hidden for p in r.parts)
        ]
        or [[0] * len(hidden)],
        dtype=float,
    )
    rank = numpy.linalg.matrix_rank(matrix)
    fixed = {
        k
        for i, k in enumerate(hidden)
        if numpy.linalg.matrix_rank(numpy.delete(matrix, i, axis=1)) < rank
    }
    if len(hidden) <= 3:
        seen = {k: set() for k in hidden}
        for values in itertools.product(range(bound), repeat=len(hidden)):
            trial = {**cells, **known, **dict(zip(hidden, values, strict=True))}
            if all(trial[r.total] == sum(trial[p] for p in r.parts) for r in relations):
                for k, v in zip(hidden, values, strict=True):
                    seen[k].add(v)
        assert fixed == {k for k, values in seen.items() if len(values) == 1}
    return fixed


def test_nothing_small_means_nothing_hidden():
    t = table("t", ["a", "b"], ["x", "y"], [[10, 12], [7, 0]])
    assert suppress_report([t]).hidden == set()


def test_a_small_cell_is_not_recoverable_from_its_row_or_column_total():
    t = table("t", ["a", "b", "c"], ["x", "y"], [[3, 20], [9, 11], [15, 8]])
    result = suppress_report([t])
    assert t.key("a", "x") in result.primary
    # Hiding 3 alone would let 20 + 3 = row total give it back: one more in its row and
    # one more in its column, and then a fourth to close the rectangle.
    assert len(result.hidden) >= 4
    assert brute_force_recoverable([t], result.hidden) == set()


def test_a_small_total_is_hidden_and_cannot_be_rebuilt_from_its_parts():
    t = table("t", ["a", "b"], ["x", "y"], [[0, 6], [3, 9]])
    result = suppress_report([t])
    assert t.key("b", "x") in result.hidden
    assert t.key(TOTAL, "x") in result.hidden  # the column total is 3
    assert brute_force_recoverable([t], result.hidden) == set()


def test_two_hidden_cells_that_add_up_to_a_small_number_are_not_enough():
    # Row a: 1 and 2 are both small; hidden together they still say "3 people" by subtraction.
    t = table("t", ["a", "b"], ["x", "y", "z"], [[1, 2, 30], [8, 9, 12]])
    result = suppress_report([t])
    hidden_in_row = [k for k in result.hidden if k[1] == "a" and k[2] != TOTAL]
    assert t.key("a", "z") in hidden_in_row
    assert brute_force_recoverable([t], result.hidden, bound=60) == set()


def test_another_table_sharing_a_total_cannot_give_a_hidden_total_away():
    # Same people by ethnicity and by sex: the column total "trustees" appears in both.
    ethnicity = table(
        "ethnicity", ["white", "black"], ["staff", "trustees"], [[20, 2], [6, 1]], "p"
    )
    sex = table("sex", ["female", "male"], ["staff", "trustees"], [[14, 2], [12, 1]], "p")
    result = suppress_report([ethnicity, sex])
    trustees_total = ethnicity.key(TOTAL, "trustees")
    assert trustees_total == sex.key(TOTAL, "trustees")
    assert trustees_total in result.hidden  # 3 trustees is small, in both tables at once
    assert brute_force_recoverable([ethnicity, sex], result.hidden) == set()


def test_a_broad_group_table_cannot_be_subtracted_from_the_detailed_one():
    detailed = Table(
        "detailed",
        ["indian", "pakistani", "white"],
        ["staff"],
        {("indian", "staff"): 6, ("pakistani", "staff"): 3, ("white", "staff"): 20},
    )
    broad = Table(
        "broad", ["asian", "white"], ["staff"], {("asian", "staff"): 9, ("white", "staff"): 20}
    )
    link = Relation(
        broad.key("asian", "staff"),
        (detailed.key("indian", "staff"), detailed.key("pakistani", "staff")),
    )
    result = suppress_report([detailed, broad], relations=[link])
    assert detailed.key("pakistani", "staff") in result.hidden
    # Asian 9 beside Indian 6 would give Pakistani 3: one of them must go too.
    assert {broad.key("asian", "staff"), detailed.key("indian", "staff")} & result.hidden
    assert brute_force_recoverable([detailed, broad], result.hidden, [link]) == set()


def test_last_years_published_figure_cannot_be_subtracted_from_a_cumulative_one():
    # Graduates to date: 12 last year (published), 14 now; this year's cohort is 2.
    last_year_to_date = ("to-date-2025", "black", "graduates")
    this_year = Table(
        "2026",
        ["black", "white"],
        ["graduates"],
        {("black", "graduates"): 2, ("white", "graduates"): 9},
        with_row_totals=False,
    )
    to_date = Table(
        "to-date-2026",
        ["black", "white"],
        ["graduates"],
        {("black", "graduates"): 14, ("white", "graduates"): 30},
        with_row_totals=False,
    )
    link = Relation(
        to_date.key("black", "graduates"), (last_year_to_date, this_year.key("black", "graduates"))
    )
    result = suppress_report(
        [this_year, to_date], relations=[link], published_before={last_year_to_date: 12}
    )
    assert this_year.key("black", "graduates") in result.primary
    assert to_date.key("black", "graduates") in result.hidden
    assert (
        brute_force_recoverable(
            [this_year, to_date], result.hidden, [link], known={last_year_to_date: 12}
        )
        == set()
    )


def test_a_change_since_last_year_cannot_reveal_this_years_small_count():
    last = ("2025", "disabled", "trustees")
    now = ("2026", "disabled", "trustees")
    change = ("change", "disabled", "trustees")
    link = Relation(now, (last, change), counts_people=False)
    result = suppress_report(
        extra_cells={now: 3, change: -9},
        relations=[link],
        not_counts={change},
        published_before={last: 12},
    )
    assert result.hidden == {now, change}


def test_a_figure_hidden_last_year_cannot_be_worked_out_this_year():
    # Last year's cohort figure was hidden; this year's cumulative minus this year's cohort
    # would give it back unless something this year is hidden.
    last_cohort = ("2025", "care", "participants")
    link = Relation(
        ("to-date", "care", "participants"), (last_cohort, ("2026", "care", "participants"))
    )
    cells = {("to-date", "care", "participants"): 19, ("2026", "care", "participants"): 16}
    result = suppress_report(
        extra_cells=cells, relations=[link], published_before={last_cohort: None}
    )
    assert result.hidden & set(cells)


def test_the_pattern_is_the_same_every_time_and_prefers_last_years_hidden_cells():
    t = table("t", ["a", "b", "c"], ["x", "y", "z"], [[3, 20, 21], [9, 11, 22], [15, 8, 23]])
    first = suppress_report([t]).hidden
    assert all(suppress_report([t]).hidden == first for _ in range(3))
    # Last year "c/z" was hidden: it is chosen again over the smaller alternatives.
    before = {t.key("c", "z"): None, t.key("a", "z"): None}
    again = suppress_report([t], published_before=before).hidden
    assert t.key("a", "z") in again
    assert brute_force_recoverable([t], again, bound=60) == set()


def test_a_cell_hidden_last_year_with_the_same_count_stays_hidden():
    t = table("t", ["a", "b"], ["x", "y"], [[30, 20], [9, 11]])
    key = t.key("b", "y")
    result = suppress_report([t], published_before={key: None}, values_before={key: 11})
    assert key in result.carried
    assert brute_force_recoverable([t], result.hidden, bound=60) == set()
    changed = suppress_report([t], published_before={key: None}, values_before={key: 15})
    assert changed.hidden == set()


def test_percentages_are_hidden_with_their_counts_and_their_base():
    t = table("t", ["a", "b"], ["x", "y"], [[3, 20], [9, 11]])
    hidden = suppress_report([t]).hidden
    rows = published_table(t, hidden)
    for row in rows:
        for column, figure in zip(["x", "y", TOTAL], row["figures"], strict=True):
            if t.key(row["label"], column) in hidden or t.key(TOTAL, column) in hidden:
                assert figure.percent is None
            if figure.hidden:
                assert figure.percent is None
    assert rows[0]["figures"][0].count is None


def test_published_values_mark_hidden_cells_as_none_for_next_year():
    t = table("t", ["a", "b"], ["x", "y"], [[3, 20], [9, 11]])
    hidden = suppress_report([t]).hidden
    values = published_values([t], hidden)
    assert values[t.key("a", "x")] is None
    assert all(values[k] is None for k in hidden)


def test_a_relation_naming_an_unknown_cell_is_refused():
    with pytest.raises(ValueError):
        suppress_report(extra_cells={"a": 3}, relations=[Relation("a", ("nowhere",))])


def test_when_only_last_years_figures_remain_it_says_so():
    # Last year showed 10 = 7 + (hidden); nothing in this report can protect the hidden 3.
    with pytest.raises(SuppressionImpossible):
        suppress_report(
            relations=[Relation("total 2025", ("a 2025", "b 2025"))],
            published_before={"total 2025": 10, "a 2025": 7, "b 2025": None},
        )


def test_a_bigger_table_is_safe_by_brute_force():
    t = table("t", ["a", "b", "c"], ["x", "y"], [[1, 6], [2, 7], [5, 0]])
    hidden = suppress_report([t]).hidden
    assert brute_force_recoverable([t], hidden, bound=25) == set()
