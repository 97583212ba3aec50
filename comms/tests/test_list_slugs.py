"""A list's archive is /updates/<slug>/, beside the fixed staff pages under /updates/: a list
may not take one of their words, whoever names it (admin, or the product's own notices)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern

from comms.models import RESERVED_LIST_SLUGS, MailingList
from comms.services import sending
from comms.tests.factories import MailingListFactory
from comms.updates import urls as update_urls
from core.tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


def _fixed_words_under_updates() -> set[str]:
    """The first word of every /updates/ address that is not a list's slug."""
    words = set()
    for pattern in update_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        first = str(pattern.pattern).split("/", 1)[0]
        if first and "<" not in first:
            words.add(first)
    return words


def test_every_fixed_word_under_updates_is_reserved():
    assert _fixed_words_under_updates() == {"staff"}
    assert _fixed_words_under_updates() <= RESERVED_LIST_SLUGS


def test_a_list_cannot_be_called_staff():
    mailing_list = MailingListFactory.build(name="Staff", slug="staff")
    with pytest.raises(ValidationError) as refused:
        mailing_list.full_clean()
    assert "slug" in refused.value.message_dict
    MailingListFactory.build(name="Staff news", slug="staff-news").full_clean()


def test_admin_refuses_the_slug_and_saves_nothing(rf):
    from django.contrib import admin

    request = rf.get("/")
    request.user = AdminFactory()
    form_class = admin.site._registry[MailingList].get_form(request)
    form = form_class(data={"name": "Staff", "slug": "staff", "audience": "public",
                            "digest_weekday": 0, "is_active": "on"})  # fmt: skip
    assert not form.is_valid()
    assert "one of the site" in form.errors["slug"][0]
    assert not MailingList.objects.filter(slug="staff").exists()


def test_a_product_notice_list_never_takes_a_reserved_slug():
    notices = sending.system_list("staff", "Notices for staff")
    assert notices.slug == "staff-list"
    assert sending.system_list("staff", "Notices for staff") == notices
