"""This app's settings, each with a safe default (override in settings or the environment)."""

from django.conf import settings


def send_rate() -> float:
    """Messages handed to the mail server per second, at most (providers throttle above it)."""
    return float(getattr(settings, "COMMS_SEND_RATE", 10))


def batch_size() -> int:
    """Deliveries taken per batch; progress and the heartbeat are written after each."""
    return int(getattr(settings, "COMMS_BATCH_SIZE", 50))


def max_attempts() -> int:
    """Tries for one delivery that keeps failing softly (a full mailbox, a server that said
    'try later') before it counts as failed."""
    return int(getattr(settings, "COMMS_MAX_ATTEMPTS", 4))


def stale_after_seconds() -> int:
    """A send whose worker has not written a heartbeat for this long is taken to have died,
    and may be resumed by another worker."""
    return int(getattr(settings, "COMMS_STALE_AFTER_SECONDS", 120))


def open_counts() -> bool:
    """Open counting is off unless the alliance turns it on; the footer then says so."""
    return bool(getattr(settings, "COMMS_OPEN_COUNTS", False))
