"""An API write as OrganisationForm data, so the API checks organisations exactly as the
profile form does: the same rules, the same messages, keyed by the API's field names."""

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict

from members.forms import OrganisationForm
from members.models import Organisation
from members.services.identifiers import normalise_charity_number, normalise_company_number
from taxonomy.models import Term, Vocabulary

# Organisation field -> vocabulary its tags come from, in the order the API lists them.
TAG_FIELDS = {
    "parts": Vocabulary.PART,
    "themes": Vocabulary.THEME,
    "populations": Vocabulary.POPULATION,
    "regions": Vocabulary.PLACE,
}
TAG_LABELS = {
    Vocabulary.PART: "part of the system",
    Vocabulary.THEME: "theme",
    Vocabulary.POPULATION: "population",
    Vocabulary.PLACE: "place",
}
# API name -> OrganisationForm field name, where they differ.
FORM_FIELD_NAMES = {"type": "org_type"}
API_FIELD_NAMES = {form: api for api, form in FORM_FIELD_NAMES.items()}


def _form_data(organisation: Organisation | None) -> dict:
    """What OrganisationForm would show for the organisation now (or for a blank one)."""
    if organisation is None:
        return {}
    data = model_to_dict(organisation, fields=OrganisationForm._meta.fields)
    for field_name in TAG_FIELDS:
        data[field_name] = [term.pk for term in data[field_name]]
    return data


def _resolve_tags(changes: dict) -> tuple[dict, dict]:
    """Term pks for each tag list sent, and an error for each slug that does not exist in
    that field's vocabulary."""
    sent = {name: changes[name] for name in TAG_FIELDS if name in changes}
    if not sent:
        return {}, {}
    slugs = {slug for values in sent.values() for slug in values}
    terms = {(t.vocabulary, t.slug): t.pk for t in Term.objects.filter(slug__in=slugs)}
    resolved, errors = {}, {}
    for name, values in sent.items():
        vocabulary = TAG_FIELDS[name]
        resolved[name] = []
        for slug in dict.fromkeys(values):
            if (vocabulary, slug) in terms:
                resolved[name].append(terms[(vocabulary, slug)])
            else:
                errors.setdefault(name, []).append(
                    ValidationError(
                        f"There is no {TAG_LABELS[vocabulary]} with the slug {slug!r} "
                        "(see /taxonomy).",
                        code="unknown_term",
                    )
                )
    return resolved, errors


def validated_form(changes: dict, organisation: Organisation | None = None) -> OrganisationForm:
    """A valid OrganisationForm holding the organisation with `changes` applied.

    Raises ValidationError keyed by API field names, which the API turns into 422 (or 409
    when the only problem is a clash with another organisation's unique number)."""
    data = _form_data(organisation)
    for name, value in changes.items():
        if name not in TAG_FIELDS:
            data[FORM_FIELD_NAMES.get(name, name)] = "" if value is None else value
    data["charity_number"] = normalise_charity_number(data.get("charity_number"))
    data["company_number"] = normalise_company_number(data.get("company_number"))
    tags, tag_errors = _resolve_tags(changes)
    data.update(tags)
    form = OrganisationForm(data, instance=organisation)
    errors = {} if form.is_valid() else dict(form.errors.as_data())
    errors = {API_FIELD_NAMES.get(name, name): value for name, value in errors.items()}
    for name, field_errors in tag_errors.items():
        errors.setdefault(name, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)
    return form
