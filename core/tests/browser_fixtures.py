"""Browser test fixtures for every app: Chromium, fresh pages, screenshots on failure.

Loaded once for the whole suite from the root conftest (pytest_plugins), so there is one
Playwright session however many apps have browser tests.
"""

import os

import pytest

from core.tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    artifact_path,
    require_chromium,
    watch_csp,
)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see if the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _failed(node) -> bool:
    return any(
        getattr(getattr(node, f"report_{phase}", None), "failed", False)
        for phase in ("setup", "call")
    )


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django
    # refuse database calls from test code ("async unsafe") unless told it is safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, request):
    """Open a page in a fresh browser context (no cookies): new_page() or new_page(PHONE).
    When the test fails, every page it opened is saved to test-artifacts/."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(
            viewport=viewport,
            locale="en-GB",
            timezone_id="Europe/London",
            is_mobile=viewport == PHONE,
            has_touch=viewport == PHONE,
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        watch_csp(page)
        contexts.append((context, page))
        return page

    yield open_page
    for number, (context, page) in enumerate(contexts):
        if _failed(request.node):
            suffix = f"-{number + 1}" if number else ""
            try:
                page.screenshot(path=artifact_path(request.node.name + suffix), full_page=True)
            except Exception as error:  # a crashed page must not hide the test's own failure
                print(f"Could not save a screenshot: {error}")
        context.close()


@pytest.fixture(autouse=True)
def _taxonomy_for_browser_tests(request):
    """Browser tests commit (the live server reads from another thread), so each one needs
    the migration-loaded taxonomy put back."""
    if request.node.get_closest_marker("browser"):
        request.getfixturevalue("committed_terms")


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def phone_page(new_page):
    return new_page(PHONE)
