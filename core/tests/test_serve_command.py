"""`manage.py serve` (what `make run` uses) starts the site and the worker and stops both."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                return response.status
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def _wait_until(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


def test_serve_runs_the_site_and_worker_and_ctrl_c_stops_both(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "DEBUG": "1",
        "TESTING": "0",
    }
    subprocess.run([sys.executable, MANAGE, "migrate", "-v", "0"], env=env, check=True)
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, MANAGE, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(serve.stdout), daemon=True)
    reader.start()
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/healthz") == 200
        # The site can answer before the worker has started (on a busy machine, while other
        # tests run in parallel): Ctrl-C once both are up, as a person would.
        _wait_until(lambda: any("Starting worker" in line for line in lines))
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
        reader.join(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
    output = "".join(lines)
    assert serve.returncode == 0
    assert "Stopped." in output
    assert "Starting worker" in output
    with socket.socket() as probe:  # nothing listens on the port any more
        # SO_REUSEADDR lets the bind pass over closed connections in TIME_WAIT; on Linux it
        # still fails while a server is listening.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
