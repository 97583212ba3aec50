"""What an open consultation's page tells each person about taking part.

A visitor learns who is invited (the member organisations of which networks) and how to
take part: sign in, or ask their organisation's contact, or apply to join. A member contact
whose organisation is invited is sent straight to their draft, with where it stands.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from consultations.evidence.services.contributions import contributing_organisations
from consultations.models import Consultation, Contribution
from core.roles import is_staff_member
from members.models import Organisation


@dataclass
class Draft:
    organisation: Organisation
    status: str  # "not started", "draft" or "submitted"
    url: str

    @property
    def action(self) -> str:
        return {
            "not started": "Start your evidence",
            "draft": "Continue your draft",
            "submitted": "See or change your evidence",
        }[self.status]


@dataclass
class TakingPart:
    open: bool
    networks: list[str]
    kind: str  # "closed", "visitor", "invited", "not invited", "staff"
    drafts: list[Draft] = field(default_factory=list)
    sign_in_url: str = ""
    apply_url: str = ""


def _drafts(user, consultation: Consultation) -> list[Draft]:
    organisations = list(contributing_organisations(user, consultation))
    statuses = dict(
        Contribution.objects.filter(
            consultation=consultation, organisation__in=organisations
        ).values_list("organisation_id", "status")
    )
    return [
        Draft(
            organisation=organisation,
            status=statuses.get(organisation.pk, "not started"),
            url=reverse(
                "consultations:contribute_org", args=[consultation.slug, organisation.slug]
            ),
        )
        for organisation in organisations
    ]


def taking_part(user, consultation: Consultation) -> TakingPart:
    networks = sorted(network.name for network in consultation.networks.all())
    result = TakingPart(open=consultation.accepts_contributions, networks=networks, kind="closed")
    if not result.open:
        return result
    if not user.is_authenticated:
        contribute = reverse("consultations:contribute", args=[consultation.slug])
        result.kind = "visitor"
        result.sign_in_url = f"{reverse('login')}?next={contribute}"
        result.apply_url = reverse("members:apply")
    elif is_staff_member(user):
        result.kind = "staff"
    else:
        result.drafts = _drafts(user, consultation)
        result.kind = "invited" if result.drafts else "not invited"
    return result
