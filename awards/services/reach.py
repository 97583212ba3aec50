"""Which awards a staff member runs: the schemes of the networks they staff, and schemes tied
to no network (the whole installation's); admins run every scheme. Staff pages answer 404 for
anything else, as for a record that does not exist."""

from django.db.models import Q

from awards.models import Category, Conflict, Cycle, Nomination, PanelMember, Scheme
from members.services.permissions import networks_run_by


def schemes_run_by(user):
    return Scheme.objects.filter(Q(network__isnull=True) | Q(network__in=networks_run_by(user)))


def cycles_run_by(user):
    return Cycle.objects.filter(scheme__in=schemes_run_by(user))


def categories_run_by(user):
    return Category.objects.filter(cycle__scheme__in=schemes_run_by(user))


def nominations_run_by(user):
    return Nomination.objects.filter(category__cycle__scheme__in=schemes_run_by(user))


def panel_members_run_by(user):
    return PanelMember.objects.filter(category__cycle__scheme__in=schemes_run_by(user))


def conflicts_run_by(user):
    return Conflict.objects.filter(panel_member__category__cycle__scheme__in=schemes_run_by(user))
