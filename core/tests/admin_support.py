"""Posting Django admin's change forms in tests: the data a browser would send back for a
form as the page rendered it, so a test changes only what it means to change."""


def _field_values(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        key = form.add_prefix(name)
        if isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = str(value)
    return data


def admin_form_data(response) -> dict:
    """The main form's and every inline's current values, management forms included."""
    data = _field_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_values(formset.management_form))
        for form in formset.forms:
            data.update(_field_values(form))
    return data
