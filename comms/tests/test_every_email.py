"""Every email the product sends goes through comms and says its class.

The source is read: every `queue_email` call names `mail_class`, and nothing outside comms
builds or sends a message itself. Then real sends of each class go through the locmem backend
and their headers are checked: marketing mail carries RFC 8058 one-click unsubscribe, and
transactional mail does not (it is not something to unsubscribe from).
"""

import ast
from pathlib import Path

import pytest
from django.core import mail

from comms.services import sending
from comms.services.render import CLASS_HEADER, KIND_HEADER
from core.email import queue_email
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "tests", "migrations", "bench", "var", "static"}
SENDING_NAMES = {"EmailMessage", "EmailMultiAlternatives", "send_mail", "send_mass_mail"}


def product_sources():
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP_DIRS or path.parts[len(ROOT.parts)] == "comms":
            continue
        yield path, ast.parse(path.read_text(), filename=str(path))


def test_every_queue_email_call_names_its_class():
    unclassified = []
    for path, tree in product_sources():
        for node in ast.walk(tree):
            is_call = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "queue_email"
            if is_call and "mail_class" not in {k.arg for k in node.keywords}:
                unclassified.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unclassified == [], "queue_email without mail_class=TRANSACTIONAL or MARKETING"


def test_nothing_outside_comms_sends_mail_itself():
    own_senders = []
    for path, tree in product_sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "django.core.mail":
                names = {alias.name for alias in node.names} & SENDING_NAMES
                if names:
                    own_senders.append(f"{path.relative_to(ROOT)}:{node.lineno} {names}")
    assert own_senders == [], "send through comms.services.sending (or core.email.queue_email)"


def test_transactional_mail_has_no_unsubscribe_and_goes_to_the_suppressed_too():
    from comms.models import SuppressionReason
    from comms.services.suppression import suppress

    suppress("bounced@example.org", SuppressionReason.COMPLAINT)
    queue_email(
        ["bounced@example.org"],
        "Your application",
        "members/email/application_declined.txt",
        {"application": None, "networks": []},
        mail_class=sending.TRANSACTIONAL,
    )
    [message] = mail.outbox
    assert message.extra_headers[CLASS_HEADER] == "transactional"
    assert message.extra_headers[KIND_HEADER] == "members.email.application_declined"
    assert "List-Unsubscribe" not in message.extra_headers
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_marketing_mail_has_one_click_unsubscribe_and_skips_the_suppressed():
    from comms.models import SuppressionReason
    from comms.services.suppression import suppress

    notices = sending.system_list("calls-for-evidence", "Calls for evidence")
    suppress("left@example.org", SuppressionReason.UNSUBSCRIBE, notices)
    queue_email(
        ["reader@example.org", "left@example.org"],
        "Call for evidence",
        "consultations/evidence/email_opened.txt",
        {"person": None, "consultation": None, "contribute_url": "https://x.example/"},
        mail_class=sending.MARKETING,
        mailing_list=notices,
    )
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    headers = message.extra_headers
    assert headers[CLASS_HEADER] == "marketing"
    assert headers["List-Unsubscribe"].startswith("<http")
    assert "/email/unsubscribe/" in headers["List-Unsubscribe"]
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert "Unsubscribe from this list" in html
    assert "<img" not in html  # no tracking pixel by default


def test_password_reset_goes_through_comms_as_transactional(client):
    UserFactory(email="forgetful@example.org")
    client.post("/accounts/password-reset/", {"email": "forgetful@example.org"})
    [message] = mail.outbox
    assert message.extra_headers[CLASS_HEADER] == "transactional"
    assert message.extra_headers[KIND_HEADER] == "accounts.password_reset"


def test_the_email_layout_is_real_text_with_headings_and_dark_mode():
    user = UserFactory(email="staff@example.org")
    sending.send_test(user, "Member update", "<h2>Policy news</h2><p>Words.</p>", "Words.")
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert message.subject == "[Test] Member update"
    assert '<html lang="en-GB">' in html
    assert "<h1>" in html and "<h2>Policy news</h2>" in html
    assert "prefers-color-scheme: dark" in html
    assert "<img" not in html
    assert "Words." in message.body
