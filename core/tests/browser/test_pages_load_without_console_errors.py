"""A visitor's pages load without a console error: the missing favicon.ico used to be the one
error on every page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/members/", "/library/", "/recommendations/", "/dictionary/", "/consultations/"]


def test_public_pages_load_without_console_errors(page, live_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and errors.append(f"{response.status} {response.url}")
        ),
    )
    for address in PAGES:
        page.goto(live_server.url + address)
        page.wait_for_load_state("networkidle")
    assert errors == []
