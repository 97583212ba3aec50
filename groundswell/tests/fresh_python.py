"""Run a script in a fresh interpreter, for tests about what a process loads at start (the
test process itself has imported far more than a worker does)."""

import json
import subprocess
import sys

from django.conf import settings


def json_from_fresh_python(script: str):
    """The JSON the script prints on its last line."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
