"""The coverage map: how many member organisations work on each pairing of tags.

A cell is "thin" when fewer than THIN_BELOW organisations cover it: that is where an
alliance's expertise runs out and whom it should recruit.
"""

from dataclasses import dataclass

from django.db.models import Count

from members.models import Network, Organisation
from members.services.directory import active_members
from taxonomy.models import Term, Vocabulary

THIN_BELOW = 3


@dataclass
class Grid:
    title: str
    row_label: str
    column_label: str
    row_param: str
    column_param: str
    rows: list[Term]
    columns: list[Term]
    cells: list[list[dict]]


def _pair_counts(members, row_field: str, column_field: str) -> dict[tuple[int, int], int]:
    """Distinct organisations per (row term, column term), in one grouped query."""
    through = getattr(Organisation, row_field).through
    column_term = f"organisation__{column_field}"
    rows = (
        through.objects.filter(organisation_id__in=members.values("pk"))
        .filter(**{f"{column_term}__isnull": False})
        .values_list("term_id", column_term)
        .annotate(n=Count("organisation_id", distinct=True))
        .order_by()
    )
    return {(row, column): n for row, column, n in rows}


def _grid(title, members, rows, columns, row_param, column_param, network) -> Grid:
    row_field = {"part": "parts", "region": "regions"}[row_param]
    column_field = {"theme": "themes", "part": "parts"}[column_param]
    counts = _pair_counts(members, row_field, column_field)
    highest = max(counts.values(), default=0)
    cells = []
    for row in rows:
        line = []
        for column in columns:
            n = counts.get((row.pk, column.pk), 0)
            params = {row_param: row.slug, column_param: column.slug}
            if network:
                params["network"] = network.slug
            line.append(
                {
                    "count": n,
                    "thin": n < THIN_BELOW,
                    "level": 0 if not n or not highest else 1 + min(2, 3 * n // (highest + 1)),
                    "params": params,
                    "row": row,
                    "column": column,
                }
            )
        cells.append(line)
    return Grid(
        title,
        rows[0].get_vocabulary_display() if rows else "",
        "",
        row_param,
        column_param,
        rows,
        columns,
        cells,
    )


def coverage_map(params) -> dict:
    networks = list(Network.objects.all())
    network = next((n for n in networks if n.slug == params.get("network")), None)
    members = active_members(network)
    terms = list(Term.objects.all())
    by_vocabulary = {v: [t for t in terms if t.vocabulary == v] for v in Vocabulary.values}
    parts, themes = by_vocabulary[Vocabulary.PART], by_vocabulary[Vocabulary.THEME]
    regions = by_vocabulary[Vocabulary.PLACE]
    region_totals = dict(
        Organisation.regions.through.objects.filter(organisation_id__in=members.values("pk"))
        .values_list("term_id")
        .annotate(n=Count("organisation_id"))
        .order_by()
    )
    return {
        "networks": networks,
        "network": network,
        "member_count": members.count(),
        "thin_below": THIN_BELOW,
        "themes_grid": _grid(
            "Parts of the system by theme", members, parts, themes, "part", "theme", network
        ),
        "regions_grid": _grid(
            "Regions by part of the system",
            members,
            regions,
            parts,
            "region",
            "part",
            network,
        ),
        "regions": [
            {
                "term": r,
                "count": region_totals.get(r.pk, 0),
                "thin": region_totals.get(r.pk, 0) < THIN_BELOW,
            }
            for r in regions
        ],
    }
