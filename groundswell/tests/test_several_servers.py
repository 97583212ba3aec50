"""Several app servers behind one proxy really share one PostgreSQL and one Redis.

Two gunicorn servers and two RQ workers, each a process of its own with REDIS_URL set, run
against this test's PostgreSQL database and the Redis at TEST_REDIS_URL. A person signed in on
one server is signed in on the other; a rate limit counts requests to both servers together;
a member import uploaded to one server, started from the other, is run by a worker.
"""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.urls import reverse

from core.tests.factories import StaffFactory
from members.models import ImportJob, Organisation
from members.tests.csv_import.support import row, to_csv
from members.tests.factories import NetworkFactory

ROOT = Path(settings.BASE_DIR)
HOST = "127.0.0.1"
PASSWORD = "correct horse battery"  # core.tests.factories.UserFactory's
START_SECONDS = 60
IMPORT_SECONDS = 60

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="several servers share one PostgreSQL (run with DATABASE_URL=postgres://…)",
    ),
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_env(redis_url: str, cache_prefix: str) -> dict[str, str]:
    database = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if key not in {"TESTING", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="groundswell.tests.several_servers_settings",
        DATABASE_URL=(
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@"
            f"{database['HOST'] or HOST}:{database['PORT'] or 5432}/{database['NAME']}"
        ),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=cache_prefix,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        BEHIND_PROXY="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    with open(log, "w") as output:
        return subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(3)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(5)


@pytest.fixture
def cluster(redis_url, tmp_path):
    """Two app servers and two workers; yields the servers' base URLs, and the Redis with the
    key prefix of their cache."""
    prefix = f"gs-servers-{uuid.uuid4().hex[:10]}"
    env = server_env(redis_url, prefix)
    ports = [free_port(), free_port()]
    processes = [
        start(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "groundswell.wsgi:application",
                f"--bind={HOST}:{port}",
                "--workers=1",
                "--graceful-timeout=5",
                "--no-control-socket",
                "--log-level=warning",
            ],
            env,
            tmp_path / f"server-{port}.log",
        )
        for port in ports
    ]
    processes += [
        start(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "rqworker",
                "--job-class",
                "django_tasks_rq.Job",
                "default",
            ],
            env,
            tmp_path / f"worker-{number}.log",
        )
        for number in (1, 2)
    ]
    try:
        urls = [f"http://{HOST}:{port}" for port in ports]
        wait_until_answering(urls, processes, tmp_path)
        yield urls, redis.Redis.from_url(redis_url), prefix
    finally:
        for process in processes:
            stop(process)
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)


def wait_until_answering(urls, processes, tmp_path) -> None:
    deadline = time.monotonic() + START_SECONDS
    waiting = list(urls)
    while waiting and time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                logs = "\n".join(log.read_text()[-2000:] for log in tmp_path.glob("*.log"))
                pytest.fail(f"a server or worker stopped at start:\n{logs}")
        try:
            urllib.request.urlopen(f"{waiting[0]}/healthz", timeout=5)  # noqa: S310
            waiting.pop(0)
        except OSError:
            time.sleep(0.3)
    assert not waiting, f"not answering after {START_SECONDS} s: {waiting}"


class Browser:
    """One person's cookies, used against either server (cookies ignore the port)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, url: str):
        return self.open(urllib.request.Request(url))  # noqa: S310 - http://127.0.0.1 only

    def post(self, url: str, fields: dict, files: dict | None = None):
        fields = {"csrfmiddlewaretoken": self.csrf_token(), **fields}
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in fields.items()
        ]
        for name, (filename, content) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n'
            )
        body = ("".join(parts) + f"--{boundary}--\r\n").encode()
        request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        request.add_header("Referer", url)
        return self.open(request)

    def open(self, request):
        """(status, final URL, text), for errors too."""
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()


def test_two_servers_and_two_workers_share_sessions_rate_limits_and_background_work(cluster):
    (first, second), shared_redis, cache_prefix = cluster
    staff = StaffFactory(email="amara.staff@example.org", name="Amara Staff")

    # A session started on one server is the same session on the other.
    person = Browser()
    person.get(f"{first}{reverse('login')}")
    status, landed, _ = person.post(
        f"{first}{reverse('login')}", {"username": staff.email, "password": PASSWORD}
    )
    assert status == 200 and "/accounts/login/" not in landed
    status, landed, page = person.get(f"{second}{reverse('members:import')}")
    assert status == 200 and landed.endswith(reverse("members:import")), landed

    # A rate limit counts the requests made to both servers together (5 an hour).
    network = NetworkFactory()  # the application form is shown while a network takes applications
    network.staff.add(staff)  # imports reach only the networks a staff member runs
    visitor = Browser()
    status, _, page = visitor.get(f"{first}{reverse('members:apply')}")
    assert status == 200, page[-3000:]
    statuses = [
        visitor.post(f"{server}{reverse('members:apply')}", {"organisation_name": "x"})[0]
        for server in (first, second, first, second, first, second)
    ]
    # (The first five are refused as incomplete forms, 400; only the sixth is over the limit.)
    assert 429 not in statuses[:5] and statuses[5] == 429, statuses
    assert list(shared_redis.scan_iter(match=f"{cache_prefix}:*ratelimit:membership-application*"))

    # An import uploaded to one server and started from the other is run by a worker.
    csv_text = to_csv([row("Shared Queue Trust"), row("Second Server Project")])
    status, job_url, _ = person.post(
        f"{second}{reverse('members:import')}", {}, files={"file": ("members.csv", csv_text)}
    )
    job_path = re.search(r"/members/import/\d+/$", job_url)
    assert status == 200 and job_path, job_url
    status, _, _ = person.post(f"{first}{job_path.group(0)}", {"action": "import"})
    assert status == 200
    job = ImportJob.objects.get(pk=int(job_path.group(0).rstrip("/").rsplit("/", 1)[1]))
    deadline = time.monotonic() + IMPORT_SECONDS
    while job.status not in {ImportJob.Status.DONE, ImportJob.Status.FAILED}:
        assert time.monotonic() < deadline, f"the import is still {job.status}"
        time.sleep(0.3)
        job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.error if hasattr(job, "error") else job
    assert set(Organisation.objects.values_list("name", flat=True)) >= {
        "Shared Queue Trust",
        "Second Server Project",
    }
