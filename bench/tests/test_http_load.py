"""The endpoint table's verdicts (each missed target named, the floor passing itself) and the
sequential timing the page sections share."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.http_load import Endpoint, Result, sequential_latencies, verdicts


def test_verdicts_name_each_missed_target():
    floor = Result(Endpoint("floor", ["/healthz"], throughput_target=False), [0.001] * 100)
    floor.seconds = 0.1  # 1,000 requests a second
    page = Result(Endpoint("page", ["/"], p95_target_ms=60), [0.080] * 10, {"500": 1})
    page.seconds = 1.0  # 10 a second

    reasons = verdicts(page, floor)

    assert any(reason.startswith("errors 500×1") for reason in reasons)
    assert any(reason.startswith("p95 80 ms") for reason in reasons)
    assert any(reason.startswith("throughput 0.01") for reason in reasons)
    assert verdicts(floor, floor) == []


def _serve(status: int):
    """A local HTTP server answering every GET with `status`, on a free port."""

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_sequential_latencies_time_each_request_and_refuse_an_error_page():
    ok, broken = _serve(200), _serve(500)
    try:
        measured = sequential_latencies(ok.server_port, "/", 3, session="abc")
        assert len(measured) == 3 and all(ms > 0 for ms in measured)
        with pytest.raises(RuntimeError, match="answered 500"):
            sequential_latencies(broken.server_port, "/", 1)
    finally:
        ok.shutdown()
        broken.shutdown()
