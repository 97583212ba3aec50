"""What core holds about a person: the account, API tokens, sign-in records, sessions, the
changes they made (audit log and Django admin's log), and which records they authored.

The account is erased last: it is anonymised rather than deleted, so every record that says
"recorded by" keeps pointing at a row that no longer says who it was.
"""

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from core import audit
from core.models import ApiToken, AuditEntry
from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource

ERASED_EMAIL_DOMAIN = "erased.invalid"
SIGN_IN_MODELS = ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog")


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def is_erased(user) -> bool:
    return user.email.endswith("@" + ERASED_EMAIL_DOMAIN)


def _sign_in_records(subject: DataSubject):
    for label in SIGN_IN_MODELS:
        model = apps.get_model(label)
        yield from model.objects.filter(username__in=subject.emails)


def _sessions_of(user):
    """Sessions hold only a signed blob, so the user's are found by decoding each."""
    for session in Session.objects.all().iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            yield session


def _authored(user):
    """Rows of records that name this account as who recorded, decided or reviewed them."""
    rows = []
    for label, field_names in sorted(personal_data.authorship().items()):
        model = apps.get_model(label)
        for name in sorted(field_names):
            field = model._meta.get_field(name)
            for record in model.objects.filter(**{name: user}).iterator():
                rows.append(
                    {
                        "kind of record": str(model._meta.verbose_name),
                        "record": str(record),
                        "you are its": str(field.verbose_name),
                    }
                )
    return rows


def export_account(subject: DataSubject) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {
        "sign-in attempts": [
            {
                "when": _when(record.attempt_time),
                "from address": record.ip_address,
                "browser": record.user_agent,
            }
            for record in _sign_in_records(subject)
        ]
    }
    user = subject.user
    if user is None:
        return tables
    tables["account"] = [
        {
            "name": user.name,
            "email": user.email,
            "role": user.get_role_display(),
            "joined": _when(user.date_joined),
            "last signed in": _when(user.last_login),
            "active": user.is_active,
        }
    ]
    tables["API tokens"] = [
        {"name": t.name, "starts with": t.prefix, "created": _when(t.created_at)}
        for t in ApiToken.objects.filter(user=user)
    ]
    tables["changes you made"] = [
        {
            "when": _when(e.created_at),
            "action": e.get_action_display(),
            "kind of record": e.content_type.name,
            "record": e.object_repr,
            "fields changed": ", ".join(sorted(e.changes)),
        }
        for e in AuditEntry.objects.filter(actor=user).select_related("content_type")
    ]
    tables["changes you made in the admin site"] = [
        {"when": _when(e.action_time), "record": e.object_repr, "change": e.get_change_message()}
        for e in LogEntry.objects.filter(user=user)
    ]
    tables["records you made or decided"] = _authored(user)
    return tables


def erase_account(subject: DataSubject) -> int:
    changed = 0
    for record in _sign_in_records(subject):
        record.delete()
        changed += 1
    identifiers = set(subject.emails) | set(subject.names)
    user = subject.user
    if user is not None:
        user = get_user_model().objects.get(pk=user.pk)
        identifiers |= {user.email, user.name}
        changed += ApiToken.objects.filter(user=user).delete()[0]
        for session in _sessions_of(user):
            session.delete()
            changed += 1
        changed += audit.forget(user=user, identifiers=identifiers)
        changed += (
            LogEntry.objects.filter(user=user)
            .exclude(object_repr=audit.ERASED_VALUE)
            .update(object_repr=audit.ERASED_VALUE, change_message="")
        )
        if not is_erased(user):
            user.name = ""
            user.first_name = user.last_name = ""
            user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
            user.is_active = False
            user.set_unusable_password()
            user.save()
            changed += 1
    else:
        changed += audit.forget(identifiers=identifiers)
    return changed


personal_data.register(
    PersonalDataSource(
        key="core.account",
        description="Your account (name, email address, role, when you joined and last signed "
        "in), API tokens, sign-in attempts (with the network address and browser, to stop "
        "password guessing), and the changes you made, which the audit log keeps so the "
        "alliance can show who changed what.",
        models=(
            "core.User",
            "core.ApiToken",
            "core.AuditEntry",
            "admin.LogEntry",
            "sessions.Session",
            *SIGN_IN_MODELS,
        ),
        export=export_account,
        erase=erase_account,
        erase_order=100,
    )
)
personal_data.declare_not_personal(
    "auth.Group", "name", reason="A permission group's name, not a person's."
)
personal_data.declare_not_personal(
    "auth.Permission", "name", reason="A permission's name, not a person's."
)
