import pytest


@pytest.fixture(autouse=True)
def _fewer_draws_for_pages(monkeypatch):
    """Pages run 500 draws; tests of what a page shows need fewer to say the same."""
    from systemmodel.services import running

    monkeypatch.setattr(running, "PAGE_DRAWS", 200)
