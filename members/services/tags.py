"""Organisations' taxonomy tags as slugs, for many organisations at once."""

from members.models import Organisation

TAG_FIELDS = ("parts", "themes", "populations", "regions")


def tag_slugs(organisation_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """{organisation id: {"parts": [...], "themes": [...], ...}} in four small queries.

    Plain tuples rather than prefetched model instances: building a few hundred Term objects
    per page cost more than the rest of an API list request.
    """
    tags = {pk: {name: [] for name in TAG_FIELDS} for pk in organisation_ids}
    for name in TAG_FIELDS:
        through = getattr(Organisation, name).through
        rows = (
            through.objects.filter(organisation_id__in=organisation_ids)
            .order_by("term__position", "term__name")
            .values_list("organisation_id", "term__slug")
        )
        for organisation_id, slug in rows:
            tags[organisation_id][name].append(slug)
    return tags
