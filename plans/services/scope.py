"""Which strategies, plans and surveys an office account may see and change: those of the
networks the staff member staffs (members.services.permissions.networks_run_by); admins
reach every network. Staff views look records up through these querysets, so a record of
another network is simply not found (404), as members' and awards' staff pages do."""

from members.services.permissions import networks_run_by
from plans.models import (
    ActionPlan,
    Activity,
    Aim,
    Indicator,
    IndicatorValue,
    Report,
    Strategy,
    Survey,
    SurveyResponse,
)


def networks(user):
    return networks_run_by(user)


def strategies(user):
    return Strategy.objects.filter(network__in=networks(user))


def aims(user):
    return Aim.objects.filter(strategy__network__in=networks(user))


def plans(user):
    return ActionPlan.objects.filter(network__in=networks(user))


def activities(user):
    return Activity.objects.filter(plan__network__in=networks(user))


def indicators(user):
    return Indicator.objects.filter(plan__network__in=networks(user))


def indicator_values(user):
    return IndicatorValue.objects.filter(indicator__plan__network__in=networks(user))


def reports(user):
    return Report.objects.filter(plan__network__in=networks(user))


def surveys(user):
    return Survey.objects.filter(network__in=networks(user))


def survey_responses(user):
    return SurveyResponse.objects.filter(survey__network__in=networks(user))
