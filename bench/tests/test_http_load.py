"""The endpoint table's verdicts: each missed target named, the floor passing itself."""

from bench.http_load import Endpoint, Result, verdicts


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
