"""Loading the URL conf must not import scikit-learn or scipy.

Every worker loads the URL conf on its first request; scikit-learn and scipy took about eight
seconds to import there, paid by whatever page came first. Only the code that fits a model
(consultations' theme suggestions) may import them, inside the function that needs them.
A fresh interpreter is used because this test process may already have imported them.
"""

from groundswell.tests.fresh_python import json_from_fresh_python

HEAVY = ("sklearn", "scipy")
SCRIPT = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # imports every app's urls and views
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_loading_the_url_conf_imports_neither_sklearn_nor_scipy():
    loaded = set(json_from_fresh_python(SCRIPT))
    assert "consultations" in loaded, "the URL conf was not loaded"
    assert not loaded & set(HEAVY), f"imported at URL-conf load: {sorted(loaded & set(HEAVY))}"
