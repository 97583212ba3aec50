"""Suppression settles each group of related cells on its own: a report of many independent
small tables (the programme outcomes report has one per cohort and follow-up) hides exactly
what settling the whole report at once would, without repeating the elimination over every
table for each cell it hides."""

import random

from core.lib.suppression import Relation, Table, connected_groups, suppress_report


def base_and_split(index, base, yes):
    """One cohort's row: base = those for whom a measure holds + those for whom it does not."""
    cells = {("base", index): base, ("yes", index): yes, ("no", index): base - yes}
    return cells, Relation(("base", index), (("yes", index), ("no", index)))


def test_relations_sharing_no_key_fall_into_separate_groups_in_their_order():
    first = Relation("a", ("b", "c"))
    second = Relation("x", ("y", "z"))
    joined = Relation("c", ("d", "e"))
    assert connected_groups([first, second, joined]) == [[first, joined], [second]]


def test_a_table_and_a_relation_through_its_total_are_one_group():
    table_relation = Relation(("t", "Total", "c"), (("t", "r1", "c"), ("t", "r2", "c")))
    broad = Relation("broad", (("t", "Total", "c"), "other"))
    assert connected_groups([table_relation, broad]) == [[table_relation, broad]]


def test_independent_rows_hide_what_each_would_hide_alone():
    rng = random.Random(7)
    bases = [rng.randint(0, 15) for _ in range(30)]
    rows = [(base, rng.randint(0, base)) for base in bases]
    cells, relations, alone = {}, [], set()
    for index, (base, yes) in enumerate(rows):
        row_cells, relation = base_and_split(index, base, yes)
        cells.update(row_cells)
        relations.append(relation)
        alone |= suppress_report(relations=[relation], extra_cells=row_cells).hidden
    together = suppress_report(relations=relations, extra_cells=cells).hidden
    assert together == alone
    assert together, "the random rows should include small counts"


def test_two_unrelated_tables_hide_what_each_would_hide_alone():
    def grid(name, values):
        rows, columns = ["r1", "r2", "r3"], ["c1", "c2"]
        counts = {(r, c): values[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
        return Table(name, rows, columns, counts)

    ethnicity = grid("ethnicity", [[3, 12], [9, 8], [20, 2]])
    disability = grid("disability", [[1, 15], [7, 7], [11, 30]])
    together = suppress_report([ethnicity, disability]).hidden
    assert together == suppress_report([ethnicity]).hidden | suppress_report([disability]).hidden
