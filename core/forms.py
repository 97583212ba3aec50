from django import forms
from django.contrib.auth import forms as auth_forms
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


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, sending through comms (the one sending path) as transactional
    mail: a person who asked to reset their password gets the email whatever their
    preferences say."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.template.loader import render_to_string

        from comms.services import sending

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html = (
            render_to_string(html_email_template_name, context) if html_email_template_name else ""
        )
        sending.send_message(
            [to_email],
            subject,
            body,
            html=html,
            mail_class=sending.TRANSACTIONAL,
            kind="accounts.password_reset",
        )
