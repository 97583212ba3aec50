"""`manage.py serve --port N` (make run PORT=N) makes links in emails, feeds and citations
name that port, unless SITE_URL is set: the demo on another port no longer links to 8000."""

import os

from django.core.management import call_command

from core.management.commands import serve


class FinishedChild:
    def __init__(self, command, **kwargs):
        self.site_url = os.environ.get("SITE_URL")

    def poll(self):
        return 0

    def wait(self, timeout=None):
        return 0


def fake_children(monkeypatch) -> list:
    started = []
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)  # keep pytest's Ctrl-C
    monkeypatch.setattr(
        serve.subprocess,
        "Popen",
        lambda *args, **kwargs: started.append(FinishedChild(*args, **kwargs)) or started[-1],
    )
    return started


def test_serve_names_the_port_it_serves_on(monkeypatch):
    monkeypatch.setenv("SITE_URL", "")  # so that the one serve sets is removed afterwards
    monkeypatch.delenv("SITE_URL")
    started = fake_children(monkeypatch)
    call_command("serve", port=8123)
    assert {child.site_url for child in started} == {"http://127.0.0.1:8123"}


def test_a_site_url_that_is_set_wins(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://alliance.example.org")
    started = fake_children(monkeypatch)
    call_command("serve", port=8123)
    assert {child.site_url for child in started} == {"https://alliance.example.org"}
