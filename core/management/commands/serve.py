"""`manage.py serve`: the web server and the background worker together, for `make run`.

Both run as child processes in their own session, so Ctrl-C reaches only this command,
which then stops both (SIGTERM, then SIGKILL after a grace period). If either child stops
by itself, the other is stopped too, so nothing is left running unnoticed.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the site and run the background worker; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host, port, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        # With REDIS_URL the queue is Redis (RQ); otherwise the database (settings.TASKS).
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
            worker = [*manage, "rqworker", "--job-class", "django_tasks_rq.Job", "default"]
        else:
            worker = [*manage, "db_worker", "--no-reload"]
        # Links in emails, feeds and citations name the address actually served (make run
        # PORT=8123), unless SITE_URL says otherwise.
        os.environ.setdefault("SITE_URL", f"http://{host}:{port}")
        commands = [
            worker,
            [*manage, "runserver", "--noreload", f"{host}:{port}"],
        ]
        # Fixed argument lists: our own interpreter and manage.py.
        children = [
            subprocess.Popen(command, start_new_session=True)  # noqa: S603
            for command in commands
        ]
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
        self.stdout.write("Stopping the web server and the worker…")
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + GRACE_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        self.stdout.write("Stopped.")
