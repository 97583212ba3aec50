"""The WSGI module loads every view and freezes what startup loaded (see groundswell/wsgi.py).

Without it a full garbage collection walks every long-lived object of the worker, and a
page building many small objects paid ~100 ms on one request in fifteen. A fresh interpreter
is used because this test process has imported far more than a worker does at start.
"""

from groundswell.tests.fresh_python import json_from_fresh_python

SCRIPT = """
import gc, json, sys
import groundswell.wsgi
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "views_loaded": "awards.views.staff" in sys.modules,
}))
"""


def test_importing_the_wsgi_application_loads_the_views_and_freezes_them():
    report = json_from_fresh_python(SCRIPT)
    assert report["views_loaded"], "the URL conf was not loaded at start"
    assert report["frozen"] > 50_000, f"only {report['frozen']} objects frozen"
