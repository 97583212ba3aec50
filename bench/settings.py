"""The production settings, unchanged except where collected static files go.

Without DEBUG the manifest storage needs `collectstatic`; the benchmark collects into var/
so it never writes over a deployment's staticfiles/ directory.
"""

from groundswell.settings import *  # noqa: F403
from groundswell.settings import BASE_DIR

STATIC_ROOT = BASE_DIR / "var" / "bench-static"
