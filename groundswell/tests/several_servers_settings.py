"""The production settings for the several-servers test's own processes, with two changes
that only a test needs: static files are found without `collectstatic` (no folder shared
between test runs), and the test's fast password hashes are accepted."""

from groundswell.settings import *  # noqa: F403
from groundswell.settings import PASSWORD_HASHERS

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = [*PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
