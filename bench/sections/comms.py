"""The sending section: queueing a large list, and sending to a local SMTP server.

For each database (a fresh var/bench-comms.sqlite3; `groundswell_bench_comms` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched)
it, in a subprocess,
  1. migrates and seeds a public list with BENCH_COMMS_RECIPIENTS active subscribers (50,000;
     5,000 with BENCH_QUICK=1);
  2. queues a mailing to the whole list (comms.services.sending's queueing step: one Delivery
     row per recipient), measuring wall and CPU time and the peak memory Python allocated
     (tracemalloc); as the baseline in the same run, only reads the same recipients;
  3. starts an SMTP sink (aiosmtpd) on the loopback and sends BENCH_COMMS_SEND (2,000; 300
     quick) of those deliveries through Django's SMTP backend at COMMS_SEND_RATE=25 a
     second (the section's RATE), counting what the sink received each second;
  4. prints the table. Targets: every message received exactly once (received == expected,
     no address twice); the achieved rate within 15% of the set rate.

    python -m bench.sections.comms --all
    python -m bench.sections.comms --prepare --recipients 5000
"""

import socket
import statistics
import sys
import threading
import time
import tracemalloc
from collections import Counter

from bench import harness

SQLITE_FILE = "bench-comms.sqlite3"
BENCH_DATABASE = "groundswell_bench_comms"
# A rate a shared SQLite file keeps up with while recording each message (two committed
# writes per message); providers' own limits are usually of this order too.
RATE = 25.0


def recipient_count() -> int:
    return harness.env_int("BENCH_COMMS_RECIPIENTS", 5_000 if harness.quick() else 50_000)


def send_count() -> int:
    return harness.env_int("BENCH_COMMS_SEND", 300 if harness.quick() else 2_000)


class Sink:
    """Counts each recipient the SMTP server accepts, and when."""

    def __init__(self):
        self.lock = threading.Lock()
        self.recipients: Counter = Counter()
        self.times: list[float] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  aiosmtpd's name
        with self.lock:
            self.recipients.update(envelope.rcpt_tos)
            self.times.append(time.monotonic())
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed(count: int):
    from comms.models import Audience, MailingList, Subscription, SubscriptionStatus

    mailing_list = MailingList.objects.create(
        name="Bench list", slug="bench-list", audience=Audience.PUBLIC
    )
    Subscription.objects.bulk_create(
        (
            Subscription(
                mailing_list=mailing_list,
                email=f"reader{n}@bench.example.org",
                status=SubscriptionStatus.ACTIVE,
            )
            for n in range(count)
        ),
        batch_size=5000,
    )
    return mailing_list


def measure_queueing(mailing_list) -> dict:
    from comms.services import audiences, queueing

    wall, cpu = time.perf_counter(), time.process_time()
    tracemalloc.start()
    read = sum(1 for _ in audiences.recipients(mailing_list))
    base_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    base_wall, base_cpu = time.perf_counter() - wall, time.process_time() - cpu

    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    mailing, _ = queueing.list_mailing(
        mailing_list, "Bench issue", "<p>News for members.</p>", "News for members.", key="bench"
    )
    queue_wall, queue_cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "mailing": mailing.pk, "queued": mailing.total, "read": read,
        "queue_wall": queue_wall, "queue_cpu": queue_cpu, "queue_peak_mb": peak / 2**20,
        "read_wall": base_wall, "read_cpu": base_cpu, "read_peak_mb": base_peak / 2**20,
    }  # fmt: skip


def measure_sending(mailing_id: int, count: int) -> dict:
    from aiosmtpd.controller import Controller
    from django.test import override_settings

    from comms.models import Delivery, DeliveryStatus
    from comms.services import worker

    # Only the first `count` deliveries are sent; the rest are set aside (skipped) first.
    keep = list(
        Delivery.objects.filter(mailing_id=mailing_id).order_by("pk").values_list("pk", flat=True)
    )[:count]
    Delivery.objects.filter(mailing_id=mailing_id).exclude(pk__in=keep).update(
        status=DeliveryStatus.SKIPPED
    )
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="", EMAIL_HOST_PASSWORD="",
            COMMS_SEND_RATE=RATE, COMMS_BATCH_SIZE=50,
        ):  # fmt: skip
            wall, cpu = time.perf_counter(), time.process_time()
            worker.run(mailing_id)
            send_wall, send_cpu = time.perf_counter() - wall, time.process_time() - cpu
        time.sleep(0.5)  # the last DATA is acknowledged
    finally:
        controller.stop()
    per_second = Counter(int(t - sink.times[0]) for t in sink.times) if sink.times else {}
    full_seconds = [per_second[s] for s in sorted(per_second)[:-1]] or [0]
    sent = Delivery.objects.filter(mailing_id=mailing_id, status=DeliveryStatus.SENT).count()
    return {
        "expected": count, "received": sum(sink.recipients.values()),
        "distinct": len(sink.recipients), "recorded_sent": sent,
        "send_wall": send_wall, "send_cpu": send_cpu,
        # Between the first and the last message the sink received.
        "rate": (len(sink.times) - 1) / max(sink.times[-1] - sink.times[0], 1e-9)
        if len(sink.times) > 1 else 0.0,
        "per_second_mean": statistics.mean(full_seconds),
        "per_second_stdev": statistics.pstdev(full_seconds),
    }  # fmt: skip


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(static=False), 1), "recipients": count}
    mailing_list = seed(count)
    report.update(measure_queueing(mailing_list))
    report.update(measure_sending(report["mailing"], min(send_count(), count)))
    return report


def print_table(name: str, report: dict) -> list[str]:
    print(f"\nSending, {name}: {report['recipients']:,} subscribers on one list")
    harness.print_header(f"{'measure':<44} {'value':>14}  {'target':<14} result")
    exact = report["received"] == report["expected"] == report["distinct"]
    steady = abs(report["rate"] - RATE) <= 0.15 * RATE
    rows = [
        (f"queue {report['queued']:,} deliveries, wall", f"{report['queue_wall']:.2f} s", "", True),
        ("queue, CPU of the process", f"{report['queue_cpu']:.2f} s", "", True),
        ("queue, peak Python memory", f"{report['queue_peak_mb']:.1f} MB", "", True),
        ("baseline: read the recipients only, CPU", f"{report['read_cpu']:.2f} s", "", True),
        ("baseline: read only, peak memory", f"{report['read_peak_mb']:.1f} MB", "", True),
        ("ratio queue / read (CPU)",
         f"{report['queue_cpu'] / max(report['read_cpu'], 1e-9):.1f}×", "", True),
        (f"send {report['expected']:,} to the SMTP sink, wall", f"{report['send_wall']:.1f} s",
         "", True),
        ("send, CPU of the process", f"{report['send_cpu']:.2f} s", "", True),
        ("received / expected (distinct)",
         f"{report['received']}/{report['expected']} ({report['distinct']})", "all, once",
         exact),
        ("achieved rate", f"{report['rate']:.0f}/s", f"{RATE:.0f}/s ±15%", steady),
        ("messages per full second, mean ± sd",
         f"{report['per_second_mean']:.0f} ± {report['per_second_stdev']:.0f}", "", True),
    ]  # fmt: skip
    failures = []
    for label, value, target, passed in rows:
        print(f"{label:<44} {value:>14}  {target:<14} {'PASS' if passed else 'FAIL'}")
        if not passed:
            failures.append(f"Sending {name} {label}: {value} (target {target})")
    return failures


def run(name: str, database_url: str) -> list[str]:
    count = recipient_count()
    env = harness.child_env(database_url)
    print(f"[{name}] sending: migrating and seeding {count:,} subscribers...", flush=True)
    report = harness.json_from_module(
        "bench.sections.comms", ["--prepare", f"--recipients={count}"], env
    )
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database("sending", configured_url, SQLITE_FILE, BENCH_DATABASE, run)


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "recipients", recipient_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
