"""Production settings pass Django's deployment check; the development key never does.

The check runs in a subprocess because settings are read once per process, and this one
runs under pytest (settings.TESTING is true whenever pytest is imported).
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

# The root conftest clears the database cache before every test.
pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
# Variables that would make the subprocess something other than a production server.
NOT_PRODUCTION = ("DEBUG", "TESTING", "SECRET_KEY", "SECURE_COOKIES", "SECURE_SSL_REDIRECT")


def production_env(tmp_path, **overrides) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in NOT_PRODUCTION}
    env.update(
        DJANGO_SETTINGS_MODULE="groundswell.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="groundswell.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def deploy_check(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = deploy_check(production_env(tmp_path))
    assert result.returncode == 0, f"check --deploy failed:\n{result.stdout}\n{result.stderr}"


def test_the_development_secret_key_fails_check_deploy(tmp_path):
    result = deploy_check(production_env(tmp_path, SECRET_KEY=None))
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_the_development_secret_key_fails_check_deploy_without_a_fail_level(tmp_path):
    """A plain `check --deploy`, as the README runs it, exits non-zero (core.E001)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=BASE_DIR,
        env=production_env(tmp_path, SECRET_KEY=None),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "core.E001" in result.stderr + result.stdout
