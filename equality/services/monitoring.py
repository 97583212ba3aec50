"""Asking, answering and forgetting: the public functions other apps and views call.

Other apps link to monitoring through `link_for(group, context=None, year=None, title="")`,
which makes (once) the exercise for that context and returns the address of its form, e.g.
events: `link_for(Group.EVENTS, event)`, programmes: `link_for(Group.PROGRAMME, cohort)`.
"""

from urllib.parse import urlencode

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.roles import is_staff_member
from equality.models import Exercise, Group, Response
from equality.questions import CONSENT_WORDING, QUESTIONS
from equality.services.tokens import token_for
from members.models import Person
from programmes.services import participants


def context_key(context) -> str:
    """ "events.event:42" for a model instance; "" for a whole group (staff, trustees)."""
    if context is None:
        return ""
    return f"{context._meta.label_lower}:{context.pk}"


def exercise_for(group: str, context=None, year: int | None = None, title: str = "") -> Exercise:
    group = Group(group)
    year = year or timezone.localdate().year
    key = context_key(context)
    exercise = Exercise.objects.filter(group=group, year=year, context_key=key).first()
    if exercise:
        return exercise
    title = title or (f"{group.label}: {context} ({year})" if context else f"{group.label} {year}")
    base = slugify(f"{group.value}-{year}-{key.replace(':', '-')}")[:70].strip("-")
    slug, number = base, 1
    while Exercise.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    exercise, _ = Exercise.objects.get_or_create(
        group=group, year=year, context_key=key, defaults={"title": title[:200], "slug": slug}
    )
    return exercise


def link_for(group: str, context=None, year: int | None = None, title: str = "") -> str:
    """The address of the monitoring form for `context` (made on first use)."""
    return exercise_for(group, context, year, title).get_absolute_url()


def may_answer(user, exercise: Exercise, invited: bool = False) -> bool:
    return refusal(user, exercise, invited) is None


def refusal(user, exercise: Exercise, invited: bool = False) -> str | None:
    """Why this person may not answer this form (None when they may). Each group's form is
    for the people in it, where the site knows who they are: staff accounts; trustees by
    staff account or the invitation link staff send them; programme participants through the
    programmes app; member leaders as contacts of a member organisation. Event attendees'
    forms are open to anyone signed in (attendance is not always recorded against an account)."""
    if not user.is_authenticated:
        return "Sign in to answer this form."
    if not exercise.is_open:
        return "This monitoring form is closed."
    group = exercise.group
    if group == Group.STAFF and not is_staff_member(user):
        return "This form is for the alliance's staff."
    if group == Group.TRUSTEES and not (is_staff_member(user) or invited):
        return (
            "This form is for the alliance's trustees: please open it from the invitation "
            "link the staff sent you."
        )
    if group == Group.PROGRAMME and not participants.is_participant(user, _cohort_id(exercise)):
        return (
            "This form is for people taking part in the leadership programme: we recognise "
            "you by the account you applied or accepted your place with, or else by the email "
            "address you applied with."
        )
    if (
        group == Group.MEMBER_LEADERSHIP
        and not Person.objects.filter(user=user, organisations__isnull=False).exists()
    ):
        return "This form is for the leaders of member organisations, as their contacts."
    return None


def _cohort_id(exercise: Exercise) -> int | None:
    label, _, pk = exercise.context_key.partition(":")
    return int(pk) if label == "programmes.cohort" and pk.isdigit() else None


# --- Invitation links (trustees have no accounts of their own kind) -----------------------

INVITE_SALT = "equality.invite"


def invitation_code(exercise: Exercise) -> str:
    return signing.dumps({"e": exercise.pk}, salt=INVITE_SALT)


def invitation_valid(exercise: Exercise, code: str) -> bool:
    try:
        return signing.loads(code or "", salt=INVITE_SALT).get("e") == exercise.pk
    except (signing.BadSignature, AttributeError):
        return False


def share_link(exercise: Exercise) -> str:
    """The address staff share: trustees' forms carry the invitation code."""
    url = exercise.get_absolute_url()
    if exercise.group == Group.TRUSTEES:
        url += "?" + urlencode({"invite": invitation_code(exercise)})
    return url


def own_response(user, exercise: Exercise) -> Response | None:
    return Response.objects.filter(exercise=exercise, token=token_for(user, exercise)).first()


@transaction.atomic
def save_answers(user, exercise: Exercise, answers: dict, consent_wording: str = CONSENT_WORDING):
    """Record or replace the person's answers, with their consent as worded and timed now."""
    fields = {q.field: answers[q.field] for q in QUESTIONS}
    response, _ = Response.objects.update_or_create(
        exercise=exercise,
        token=token_for(user, exercise),
        defaults={**fields, "consent_wording": consent_wording, "consented_at": timezone.now()},
    )
    return response


def delete_answers(user, exercise: Exercise) -> int:
    deleted, _ = Response.objects.filter(
        exercise=exercise, token=token_for(user, exercise)
    ).delete()
    return deleted


def own_answers(user) -> list[tuple[Exercise, Response]]:
    """Every exercise the person has answered, with their answers: one keyed lookup per
    exercise, since nothing stored says which ones are theirs."""
    if not user.is_authenticated:
        return []
    exercises = list(Exercise.objects.all())
    tokens = {token_for(user, e): e for e in exercises}
    responses = Response.objects.filter(token__in=tokens).select_related("exercise")
    return [(r.exercise, r) for r in responses.order_by("-exercise__year", "exercise__title")]


def readable_answers(response: Response) -> list[tuple[str, str]]:
    """(question, the answer's label) for showing a person their own answers."""
    return [(q.text, getattr(response, f"get_{q.field}_display")()) for q in QUESTIONS]
