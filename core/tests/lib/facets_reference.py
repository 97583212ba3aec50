"""toggle_url as it was before it learnt to skip QueryDict's deep copy: the reference the
tests hold core.lib.facets.toggle_url (and the listings' links) to."""


def original_toggle_url(params, name, value):
    updated = params.copy()
    for key in (name, "page"):
        if key in updated:
            del updated[key]
    if value is not None:
        updated[name] = value
    encoded = updated.urlencode()
    return f"?{encoded}" if encoded else "?"
