"""The coverage map: how many member organisations work on each pairing of tags.

A cell is "thin" when fewer than THIN_BELOW organisations cover it: that is where an
alliance's expertise runs out and whom it should recruit.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.urls import reverse

from core.lib.freshness import reuse
from members.models import Membership, MembershipStatus, Network, Organisation
from members.services.coverage_tiles import tile_map
from members.services.directory import active_members
from taxonomy.models import Term, Vocabulary

THIN_BELOW = 3


@dataclass
class Grid:
    title: str
    columns: list[Term]
    # One line per row term: (row term, cells). Each cell carries its finished link and
    # label, so the template does no work per cell (the map has ~170 of them).
    lines: list[tuple[Term, list[dict]]]


def _pair_counts(members, row_field: str, column_field: str) -> dict[tuple[int, int], int]:
    """Distinct organisations per (row term, column term), in one grouped query.

    A plain COUNT is a distinct count here: an organisation has a term at most once (the
    tag tables are unique on organisation and term), so each (organisation, row term,
    column term) row is unique. COUNT(DISTINCT) made the database sort ~50,000 rows.
    """
    through = getattr(Organisation, row_field).through
    column_term = f"organisation__{column_field}"
    rows = (
        through.objects.filter(organisation_id__in=members)
        .filter(**{f"{column_term}__isnull": False})
        .values_list("term_id", column_term)
        .annotate(n=Count("organisation_id"))
        .order_by()
    )
    return {(row, column): n for row, column, n in rows}


def _grid(title, counts, rows, columns, row_param, column_param, network) -> Grid:
    highest = max(counts.values(), default=0)
    directory = reverse("members:directory")
    suffix = f"&network={network.slug}" if network else ""
    lines = []
    for row in rows:
        cells = []
        for column in columns:
            n = counts.get((row.pk, column.pk), 0)
            thin = n < THIN_BELOW
            level = 0 if not n or not highest else 1 + min(2, 3 * n // (highest + 1))
            cells.append(
                {
                    "count": n,
                    "thin": thin,
                    "css": f"cell level-{level}{' thin' if thin else ''}",
                    "href": f"{directory}?{row_param}={row.slug}&{column_param}={column.slug}"
                    + suffix,
                    "label": f"{n} organisations: {row.name} and {column.name}"
                    + (" (thin)" if thin else ""),
                }
            )
        lines.append((row, cells))
    return Grid(title, columns, lines)


def _member_ids(network: Network | None) -> QuerySet:
    """The ids of active_members(network), read from the memberships alone.

    The same organisations as active_members(), but as `IN (memberships)` the tag tables
    can be filtered without testing each of 10,000 organisations for a membership.
    """
    memberships = Membership.objects.filter(status=MembershipStatus.ACTIVE)
    if network is not None:
        memberships = memberships.filter(network=network)
    return memberships.values("organisation_id")


def _counts(network: Network | None) -> dict:
    """Every number on the map, as plain data (reused while nothing is committed)."""
    members = _member_ids(network)
    return {
        "member_count": active_members(network).count(),
        "region_totals": dict(
            Organisation.regions.through.objects.filter(organisation_id__in=members)
            .values_list("term_id")
            .annotate(n=Count("organisation_id"))
            .order_by()
        ),
        "themes": _pair_counts(members, "parts", "themes"),
        "regions": _pair_counts(members, "regions", "parts"),
    }


def coverage_map(params) -> dict:
    networks = list(Network.objects.all())
    network = next((n for n in networks if n.slug == params.get("network")), None)
    counts = reuse(("coverage", network.pk if network else None), lambda: _counts(network))
    terms = list(Term.objects.all())
    by_vocabulary = {v: [t for t in terms if t.vocabulary == v] for v in Vocabulary.values}
    parts, themes = by_vocabulary[Vocabulary.PART], by_vocabulary[Vocabulary.THEME]
    regions = by_vocabulary[Vocabulary.PLACE]
    region_totals = counts["region_totals"]
    region_rows = [
        {
            "term": r,
            "count": region_totals.get(r.pk, 0),
            "thin": region_totals.get(r.pk, 0) < THIN_BELOW,
        }
        for r in regions
    ]
    return {
        "networks": networks,
        "network": network,
        "member_count": counts["member_count"],
        "thin_below": THIN_BELOW,
        "themes_grid": _grid(
            "Parts of the system by theme",
            counts["themes"],
            parts,
            themes,
            "part",
            "theme",
            network,
        ),
        "regions_grid": _grid(
            "Regions by part of the system",
            counts["regions"],
            regions,
            parts,
            "region",
            "part",
            network,
        ),
        "regions": region_rows,
        "region_tiles": tile_map(region_rows, network),
    }
