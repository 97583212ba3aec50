"""A real worker process killed mid-send, then a resumed send: nobody gets the message twice
and nobody is lost.

Runs `manage.py db_worker` (django-tasks' database worker) against a SQLite file, sending
through Django's file backend so this process can count what left. The worker is killed with
SIGKILL (no clean-up of any kind) once part of the list has been sent; `resume_mailings` and a
second worker finish the send.

At most one delivery can be "uncertain": the one handed to the mail server in the instant
between the server accepting it and the worker recording it (see comms/services/worker.py).
It is never resent; this test allows for it and checks everyone else got exactly one copy.
"""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 60

SEED = f"""
from comms.services import sending
from comms.models import MailingList, Subscription
mailing_list = MailingList.objects.create(name="Kill test", slug="kill-test", audience="public")
Subscription.objects.bulk_create(
    Subscription(mailing_list=mailing_list, email=f"person{{n}}@example.org", status="active")
    for n in range({RECIPIENTS})
)
mailing = sending.send_to_list(mailing_list, "Issue 1", "<p>News</p>", "News", key="kill")
print("MAILING", mailing.pk, mailing.total)
"""

REPORT = """
from comms.models import Mailing
m = Mailing.objects.get(key="kill")
print("REPORT", m.status, m.total, m.sent_count, m.failed_count,
      ",".join(m.deliveries.filter(status="uncertain").values_list("email", flat=True)))
"""


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        **kwargs,
    )


def received(mail_dir: Path) -> Counter:
    found = Counter()
    for path in mail_dir.glob("*.log"):
        found.update(re.findall(r"^To: (\S+)$", path.read_text(), flags=re.M))
    return found


@pytest.mark.alone
def test_a_killed_worker_resumes_without_sending_anyone_the_issue_twice(tmp_path):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'send.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "COMMS_SEND_RATE": "30",
        "COMMS_BATCH_SIZE": "5",
        "COMMS_STALE_AFTER_SECONDS": "1",
        "TESTING": "0",
        "DEBUG": "1",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    seeded = manage(env, "shell", "-c", SEED).stdout
    assert f" {RECIPIENTS}" in seeded

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while sum(received(mail_dir).values()) < RECIPIENTS // 3:
            assert time.monotonic() < deadline, "the worker sent nothing"
            assert worker.poll() is None, "the worker stopped by itself"
            time.sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        if worker.poll() is None:
            os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
    before = received(mail_dir)
    assert 0 < sum(before.values()) < RECIPIENTS, "killed mid-send"

    time.sleep(1.5)  # the dead worker's heartbeat goes stale
    manage(env, "resume_mailings")
    manage(env, "db_worker", "--batch", "--no-startup-delay")

    after = received(mail_dir)
    report = manage(env, "shell", "-c", REPORT).stdout.split("REPORT ")[1].split()
    status, total = report[0], int(report[1])
    uncertain = set(report[4].split(",")) if len(report) > 4 else set()
    everyone = {f"person{n}@example.org" for n in range(RECIPIENTS)}

    assert status == "done" and total == RECIPIENTS
    assert max(after.values()) == 1, f"sent twice: {[e for e, n in after.items() if n > 1]}"
    assert len(uncertain) <= 1
    assert set(after) | uncertain == everyone, "nobody lost"
    assert set(after) - uncertain == everyone - uncertain, "everyone else got exactly one copy"
