"""With REDIS_URL the cache, the rate limits and background work run on a real Redis."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core import mail
from django.test import override_settings
from django_tasks import TaskResultStatus, task_backends
from rq import SimpleWorker

from core.email import send_email

BASE_DIR = Path(__file__).resolve().parents[2]


def test_redis_url_moves_the_cache_and_the_background_work_to_redis():
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.CACHES['default']['BACKEND'], "
        "settings.TASKS['default']['BACKEND'], settings.RQ_QUEUES['default']['URL'], "
        "'django_rq' in settings.INSTALLED_APPS]))"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"TESTING", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="groundswell.settings", REDIS_URL="redis://redis.internal:6379/2"
    )
    completed = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout.splitlines()[-1]) == [
        "django.core.cache.backends.redis.RedisCache",
        "django_tasks_rq.RQBackend",
        "redis://redis.internal:6379/2",
        True,
    ]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)  # the worker records the delivery (comms) as it sends
def test_background_email_is_queued_in_redis_and_sent_by_an_rq_worker(redis_url):
    from django_tasks_rq import Job

    queue_name = f"test-{uuid.uuid4().hex[:12]}"  # parallel test processes never meet
    rq_settings = {
        "TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue_name]}},
        # The backend fetches results through the "default" queue's connection.
        "RQ_QUEUES": {queue_name: {"URL": redis_url}, "default": {"URL": redis_url}},
    }
    connection = redis.Redis.from_url(redis_url)
    try:
        with override_settings(**rq_settings):
            import django_rq

            result = send_email.using(queue_name=queue_name).enqueue(
                ["ada.okafor@example.org"], "Your registration", "See you on Tuesday."
            )
            assert mail.outbox == []  # queued, not sent

            queue = django_rq.get_queue(queue_name, job_class=Job)
            worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
            worker.work(burst=True)

            finished = task_backends["default"].get_result(result.id)
            assert finished.status == TaskResultStatus.SUCCESSFUL
            assert finished.return_value == 1
            assert [message.subject for message in mail.outbox] == ["Your registration"]
    finally:
        keys = [
            *connection.scan_iter(match=f"*{queue_name}*"),
            *connection.scan_iter(match=f"*{result.id}*"),
        ]
        if keys:
            connection.delete(*keys)
        connection.srem("rq:queues", f"rq:queue:{queue_name}")
