"""Which programmes and young advocates groups a staff member runs: those of the networks
they staff, as members' `networks_run_by` says (admins run all). Every staff page and action
asks here, so a staff member of one network cannot read or change another network's
applicants, participants or young people. The safeguarding log keeps its own, stricter rules
(services/safeguarding.py)."""

from django.core.exceptions import PermissionDenied

from core.roles import is_admin
from members.services.permissions import networks_run_by
from programmes.models import Cohort, Mentor, Programme, YouthGroup

REFUSED = (
    "This is run by the staff of another network. Ask that network's staff, or an admin, "
    "if you need something from it."
)


def runs(user, network_id: int) -> bool:
    return networks_run_by(user).filter(pk=network_id).exists()


def check(user, network_id: int) -> None:
    """Raise PermissionDenied (a 403 with the reason) unless the user runs that network."""
    if not runs(user, network_id):
        raise PermissionDenied(REFUSED)


def networks(user):
    return networks_run_by(user)


def programmes(user):
    return Programme.objects.filter(network__in=networks_run_by(user))


def groups(user):
    return YouthGroup.objects.filter(network__in=networks_run_by(user))


def cohorts(user):
    return Cohort.objects.filter(programme__network__in=networks_run_by(user))


def mentors(user):
    """Each mentor is one network's: its staff match them and set them up. A mentor no
    network was recorded for (made before networks were) is for admins to place."""
    if is_admin(user):
        return Mentor.objects.all()
    return Mentor.objects.filter(network__in=networks_run_by(user))


def check_mentor(user, mentor) -> None:
    if not mentors(user).filter(pk=mentor.pk).exists():
        raise PermissionDenied(REFUSED)
