"""Form pages: bound only on POST, 400 for an invalid form, refusals beside their field."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from core.lib.form_pages import add_service_errors, posted, posted_files, status_code


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_post_is_bound_even_when_empty_and_a_get_is_not():
    factory = RequestFactory()
    assert posted(factory.get("/", {"name": "x"})) is None
    assert posted_files(factory.get("/")) is None
    empty = factory.post("/")
    assert posted(empty) is not None and NameForm(posted(empty)).is_bound
    upload = factory.post("/", {"file": SimpleUploadedFile("a.txt", b"a")})
    assert list(posted_files(upload)) == ["file"]


def test_only_a_bound_invalid_form_answers_400():
    assert status_code(NameForm()) == 200
    assert status_code(NameForm({"name": "Ada"})) == 200
    assert status_code(NameForm({"name": "Ada"}), NameForm({})) == 400


def test_a_refusal_goes_beside_its_field_or_above_the_form():
    form = NameForm({"name": "Ada"})
    form.is_valid()
    add_service_errors(form, ValidationError({"name": ["Taken."], "elsewhere": ["No."]}))
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["No."]
    other = NameForm({"name": "Ada"})
    other.is_valid()
    add_service_errors(other, ValidationError(["Closed.", "Try later."]))
    assert other.non_field_errors() == ["Closed.", "Try later."]
