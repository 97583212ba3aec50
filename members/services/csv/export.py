"""Export: every organisation (or a filtered set) in the file format, streamed line by line."""

from collections import defaultdict
from collections.abc import Iterator

from core.lib.spreadsheets import escape_cell, line_writer
from members.models import Membership, Network, Organisation
from members.services.csv.batches import EXPORT_CHUNK, chunks
from members.services.csv.columns import TERM_COLUMNS, TERM_SEPARATOR, format_bool, header_for
from taxonomy.models import Term


def organisation_row(
    organisation: Organisation,
    networks: list[Network],
    term_slugs: dict[str, list[str]],
    memberships: dict[int, Membership],
) -> list[str]:
    """One organisation's cells. `term_slugs` (column -> slugs) and `memberships` (network id
    -> membership) are this organisation's, read in bulk by `export_lines`."""
    cells = [
        organisation.name,
        organisation.slug,
        organisation.org_type,
        organisation.description,
        organisation.website,
        organisation.charity_number or "",
        organisation.company_number or "",
        organisation.size_band,
        format_bool(organisation.lived_experience_led),
        format_bool(organisation.by_and_for),
    ]
    for column in TERM_COLUMNS:
        cells.append(TERM_SEPARATOR.join(sorted(term_slugs.get(column, ()))))
    for network in networks:
        membership = memberships.get(network.pk)
        if membership is None:
            cells.extend(["", "", ""])
        else:
            cells.extend(
                [
                    membership.status,
                    membership.joined_on.isoformat() if membership.joined_on else "",
                    membership.renewal_due.isoformat() if membership.renewal_due else "",
                ]
            )
    return [escape_cell(cell) for cell in cells]


def export_lines(queryset=None, chunk_size: int = EXPORT_CHUNK, networks=None) -> Iterator[str]:
    """The CSV line by line, starting with a byte-order mark so spreadsheets read UTF-8.

    `queryset` (every organisation by default) is exported in name order. Three queries
    up front, then six per `chunk_size` organisations (the organisations, their four kinds
    of tag and their memberships), read as plain values: memory stays flat and the
    count of queries does not grow with each organisation.
    """
    queryset = Organisation.objects.all() if queryset is None else queryset
    # Membership columns for `networks` only (all by default): staff export their own.
    networks = list((Network.objects.all() if networks is None else networks).order_by("slug"))
    slug_of_term = dict(Term.objects.values_list("pk", "slug"))
    ids = list(queryset.order_by("name", "pk").values_list("pk", flat=True))
    writer = line_writer()
    yield "\ufeff" + writer.writerow(header_for(networks))
    for chunk in chunks(ids, chunk_size):
        organisations = Organisation.objects.in_bulk(chunk)
        tags: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for column in TERM_COLUMNS:
            through = getattr(Organisation, column).through
            pairs = through.objects.filter(organisation_id__in=chunk)
            for org_id, term_id in pairs.values_list("organisation_id", "term_id"):
                tags[org_id][column].append(slug_of_term[term_id])
        memberships: dict[int, dict[int, Membership]] = defaultdict(dict)
        for membership in Membership.objects.filter(organisation_id__in=chunk).order_by():
            memberships[membership.organisation_id][membership.network_id] = membership
        for pk in chunk:
            row = organisation_row(organisations[pk], networks, tags[pk], memberships[pk])
            yield writer.writerow(row)


def export_csv(queryset=None) -> str:
    return "".join(export_lines(queryset))
