"""Fresh databases for the benchmarks: each section builds its own and never touches yours."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"


def fresh_sqlite_url(file_name: str) -> str:
    """An empty SQLite file in var/ (any earlier one, and its journals, removed)."""
    VAR.mkdir(exist_ok=True)
    path = VAR / file_name
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def fresh_postgres_url(server_url: str, database: str) -> str:
    """Drop and create `database` on the server of `server_url`; return its URL."""
    import psycopg

    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {database}")
    return urlunsplit(parts._replace(path=f"/{database}"))


def prepare_in_subprocess(module: str, arguments: list[str], env: dict) -> dict:
    """Seed in a child process (Django is set up there for that database) and read the JSON
    report it prints last."""
    completed = subprocess.run(
        [sys.executable, "-m", module, "--prepare", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])
