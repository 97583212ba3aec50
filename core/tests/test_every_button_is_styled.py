"""Every <button> in a template carries a class, so none falls back to the browser's own small
grey button: a target under 24 px (WCAG 2.2, 2.5.8) that does not look like the site's other
actions. The model's "Show the results" and the plan pages' status buttons once did."""

import re
from pathlib import Path

from django.conf import settings

BUTTON = re.compile(r"<button\b[^>]*>", re.IGNORECASE)


def templates():
    root = Path(settings.BASE_DIR)
    for path in root.glob("*/templates/**/*.html"):
        if ".venv" not in path.parts and "node_modules" not in path.parts:
            yield path
    yield from (root / "templates").glob("**/*.html")


def test_every_button_in_a_template_has_a_class():
    bare = [
        f"{path.relative_to(settings.BASE_DIR)}: {tag}"
        for path in templates()
        for tag in BUTTON.findall(path.read_text())
        if "class=" not in tag
    ]
    assert not bare, "buttons without a class:\n" + "\n".join(bare)
