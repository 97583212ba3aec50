"""Helpers for browser tests: Debian's Chromium driven by Playwright, axe-core checks.

Any app's browser tests can use these; members/tests/browser/conftest.py shows the fixtures.
Playwright never downloads a browser here: tests launch /usr/bin/chromium.
"""

import os
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = BASE_DIR / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The password every factory-made user has.
PASSWORD = "correct horse battery"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def require_chromium() -> None:
    """Skip browser tests without Chromium, unless REQUIRE_BROWSER=1 says they must run."""
    if CHROMIUM.exists() and AXE_SCRIPT.exists():
        return
    missing = [str(path) for path in (CHROMIUM, AXE_SCRIPT) if not path.exists()]
    message = (
        f"Browser tests need {' and '.join(missing)}: run `make browser-deps dev-deps` "
        "(Debian's chromium package and the npm packages)."
    )
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def artifact_path(test_name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / (re.sub(r"[^\w.\-\[\]]+", "_", test_name) + ".png")


# The content security policy only runs scripts from the site itself, so axe is served to the
# page from a same-origin address that the browser context answers from node_modules.
AXE_PATH = "/__browser-tests__/axe.min.js"


def inject_axe(page) -> None:
    if page.evaluate("() => typeof window.axe === 'object'"):
        return
    if not getattr(page, "axe_routed", False):
        page.route(
            f"**{AXE_PATH}",
            lambda route: route.fulfill(path=AXE_SCRIPT, content_type="text/javascript"),
        )
        page.axe_routed = True
    page.add_script_tag(url=AXE_PATH)


# What Playwright says when a script meets a document that a navigation is replacing.
NAVIGATION_ERRORS = (
    "Execution context was destroyed",
    "Cannot read properties of null",
    "because of a navigation",
)


AXE_RUN = "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})"


def run_axe(page, attempts: int = 3) -> dict:
    """axe-core's results for the page once it has loaded. A click that navigates returns
    before the next page arrives; on a busy machine (parallel tests) axe can start on the
    document being replaced, so it waits for the load and runs again on the new page."""
    from playwright.sync_api import Error

    for _ in range(attempts - 1):
        page.wait_for_load_state()
        try:
            inject_axe(page)
            return page.evaluate(AXE_RUN, AXE_TAGS)
        except Error as error:
            if not any(text in str(error) for text in NAVIGATION_ERRORS):
                raise
    page.wait_for_load_state()
    inject_axe(page)
    return page.evaluate(AXE_RUN, AXE_TAGS)


def axe_check(page, ignore_rules: tuple[str, ...] = ()) -> None:
    """Run axe-core on the page as it is now; fail on serious or critical WCAG 2.x A/AA
    violations, and on scripts or styles the content security policy blocked."""
    results = run_axe(page)
    problems = [
        violation
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS and violation["id"] not in ignore_rules
    ]
    blocked = [text for text in getattr(page, "csp_violations", []) if text]
    if not problems and not blocked:
        return
    lines = [f"Accessibility problems on {page.url}:"]
    for violation in problems:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    for text in blocked:
        lines.append(f"- blocked by the content security policy: {text[:300]}")
    pytest.fail("\n".join(lines), pytrace=False)


def watch_csp(page) -> None:
    """Record console reports of content the content security policy blocked."""
    page.csp_violations = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            page.csp_violations.append(message.text)

    page.on("console", on_console)


def log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real form, as a person would."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/accounts/login/" in page.url:
        raise AssertionError(f"Signing in as {email} failed: still on {page.url}")
