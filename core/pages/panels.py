"""Core's own home panel: staff's "Needs your attention", one line per app's item."""

from django.urls import NoReverseMatch, reverse

from core.registries import home


def needs_attention(request) -> dict:
    rows = []
    for item in home.attention_items():
        count = item.count(request.user)
        if not count:
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            url = ""
        rows.append({"item": item, "count": count, "url": url})
    return {"rows": rows}


home.register(
    home.HomePanel(
        key="core.attention",
        title="Needs your attention",
        template="core/panels/attention.html",
        context=needs_attention,
        audiences=frozenset({home.STAFF}),
        order=1,
    )
)
