"""The account page (`/account/`) and what it links to: change password, change email
address (confirmed from the new address), sign out everywhere else."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from core import accounts
from core.lib import ratelimit

# Password guesses through this form, per client: the sign-in page has its own lockout.
EMAIL_CHANGE_ATTEMPTS, EMAIL_CHANGE_WINDOW = 10, 60 * 60


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label="New email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Your current password",
        help_text="So nobody who finds you signed in can take over your account.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self):
        email = self.cleaned_data["new_email"].lower()
        if email == self.user.email:
            raise forms.ValidationError("That is already your email address.")
        if accounts.email_in_use(email, except_user=self.user):
            raise forms.ValidationError("Another account uses that email address.")
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password


@login_required
def account(request):
    return render(request, "core/account/account.html")


class PasswordChange(auth_views.PasswordChangeView):
    """Django's own view (it keeps this session signed in and ends the others, because a
    session is tied to the password), with a message and back to the account page."""

    template_name = "core/account/password.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed.")
        return response


@login_required
def email_change(request):
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and not ratelimit.hit(
        "account-email", request, EMAIL_CHANGE_ATTEMPTS, EMAIL_CHANGE_WINDOW
    ):
        messages.error(request, "Too many attempts. Wait an hour, then try again.")
        form = EmailChangeForm(request.user)  # unchecked: nothing is tried while refused
        return render(request, "core/account/email_change.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        accounts.request_email_change(
            request.user,
            form.cleaned_data["new_email"],
            lambda token: request.build_absolute_uri(
                reverse("account_email_confirm", args=[token])
            ),
        )
        messages.success(
            request,
            f"We have sent a link to {form.cleaned_data['new_email']}. Your email address "
            "changes when you open it.",
        )
        return redirect("account")
    status = 400 if request.method == "POST" else 200
    return render(request, "core/account/email_change.html", {"form": form}, status=status)


def email_confirm(request, token):
    """GET asks (mail scanners follow links); POST makes the change."""
    if request.method == "POST":
        try:
            user = accounts.confirm_email_change(token)
        except accounts.EmailChangeError as error:
            return render(
                request, "core/account/email_confirm.html", {"error": str(error)}, status=400
            )
        messages.success(request, f"Your email address is now {user.email}.")
        return redirect("account" if request.user.is_authenticated else "login")
    return render(request, "core/account/email_confirm.html", {"token": token})


@login_required
@require_POST
def sign_out_elsewhere(request):
    ended = accounts.sign_out_elsewhere(request.user, request.session.session_key)
    messages.success(
        request,
        f"Signed out of {ended} other place{'s' if ended != 1 else ''}."
        if ended
        else "You were not signed in anywhere else.",
    )
    return redirect("account")
