"""Issue an API token for a user. The key is printed once and never stored in clear."""

from django.core.management.base import BaseCommand, CommandError

from core.models import ApiToken, User
from core.roles import is_staff_member


class Command(BaseCommand):
    help = (
        "Issue a new API token for the user with EMAIL and print its key once. "
        "Only staff and admin tokens may write through the API."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address the user signs in with.")
        parser.add_argument("name", help="What the token is for, e.g. 'CRM sync'.")

    def handle(self, *args, email, name, **options):
        name = " ".join(name.split())
        if not name:
            raise CommandError("Give the token a name that says what it is for.")
        if len(name) > ApiToken._meta.get_field("name").max_length:
            raise CommandError("The token name is too long (at most 100 characters).")
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user has the email address {email!r}.")
        if not user.is_active:
            raise CommandError(f"{user.email} is deactivated; its tokens would not work.")
        token, key = ApiToken.issue(user, name)
        if not is_staff_member(user):
            self.stderr.write(
                f"Note: {user.email} is not staff, so this token can read but not write."
            )
        self.stderr.write(
            f"Token {token.prefix}… issued to {user.email} for {name!r}. "
            "Copy the key below now: it cannot be shown again."
        )
        self.stdout.write(key)
