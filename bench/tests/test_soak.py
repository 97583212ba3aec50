"""The soak's bookkeeping: an equal share for each kind of request, and what counts as failed."""

import os

from bench.sections.soak import Tally, mixed_plan, worker_memory_kib


def test_every_kind_gets_an_equal_share_and_only_signed_in_pages_carry_the_session():
    plan = mixed_plan({"visitor pages": ["/", "/members/", "/topics/"], "API": ["/api/v1/"]}, "s")
    kinds = [kind for kind, _path, _session in plan]
    assert kinds.count("visitor pages") == kinds.count("API") == 3
    assert {session for _kind, _path, session in plan} == {None}

    signed_in = mixed_plan({"signed-in pages": ["/"]}, "s")
    assert signed_in == [("signed-in pages", "/", "s")]


def test_redirects_succeed_errors_and_dropped_connections_fail_and_5xx_are_counted_apart():
    tally = Tally()
    for status in (200, 302, 404, 500, 503, "ConnectionResetError"):
        tally.add(status, 0.01)
    assert (tally.requests, tally.failed, tally.server_errors) == (6, 4, 2)
    assert len(tally.latencies) == 2


def test_worker_memory_is_read_for_the_children_of_a_process():
    memory = worker_memory_kib(os.getppid())
    assert memory.get(os.getpid(), 0) > 0
