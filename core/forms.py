from django import forms
from django.contrib.auth.forms import AuthenticationForm

from core.sign_in import normalise_identifier


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with an email address. The field keeps the name `username` for django-axes."""

    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account. "
        "Passwords are case-sensitive.",
    }

    def clean_username(self):
        # The same form the lockout counts (core.sign_in), so case and spaces give no new tries.
        return normalise_identifier(self.cleaned_data.get("username"))
