"""One racer of test_no_overbooking's race, in a process of its own: its own interpreter and
its own database connection, as a web server's worker would have.

    python -m events.tests.race_worker <event pk>... <racer number> <go file>

Sets Django up, says "ready", waits for the go file (so every racer starts at the same
moment), registers racer N for each event, and prints each registration's status."""

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    *event_pks, number, go_file = argv
    import django

    django.setup()
    from events.models import Event
    from events.services.registration import Applicant, register

    events = [Event.objects.get(pk=int(pk)) for pk in event_pks]
    print("ready", flush=True)
    go = Path(go_file)
    deadline = time.monotonic() + 120
    while not go.exists():
        if time.monotonic() > deadline:
            print("never started", flush=True)
            return 1
        time.sleep(0.001)
    for event in events:
        registration = register(event, Applicant(f"Racer {number}", f"racer{number}@example.org"))
        print(f"{event.pk} {registration.status}", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    sys.exit(main(sys.argv[1:]))
