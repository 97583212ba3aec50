"""This app's parts of the pages that gather many apps' work: staff navigation, the staff
home's attention line for sends in progress, the personal-data registry (comms/
personal_data.py) and retention rules (comms/retention.py)."""

from comms.models import Mailing, MailingStatus
from core.registries import home, navigation
from core.roles import is_staff_member


def signed_in(user) -> bool:
    return user.is_authenticated


navigation.register(
    navigation.NavEntry(
        "comms.mailings", "Mail sent", "communications:mailings", navigation.STAFF_WORK,
        visible=is_staff_member, order=61,
    )
)  # fmt: skip
navigation.register(
    navigation.NavEntry(
        "comms.preferences", "Email preferences", "communications:preferences",
        navigation.TAKE_PART, visible=signed_in, order=61,
    )
)  # fmt: skip

home.register_attention(
    home.AttentionItem(
        key="comms.services.sending",
        label="emails being sent now",
        count=lambda user: Mailing.objects.filter(
            status__in=[MailingStatus.QUEUED, MailingStatus.RUNNING], mailing_list__isnull=False
        ).count(),
        url_name="communications:mailings",
        order=71,
    )
)

from comms import personal_data, retention  # noqa: E402, F401  registered on import
