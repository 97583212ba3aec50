"""Privacy's entries in the site's navigation."""

from core.registries import navigation
from core.roles import is_staff_member


def _signed_in(user) -> bool:
    return user.is_authenticated


navigation.register(
    navigation.NavEntry(
        "privacy.account_data",
        "Your data",
        "account_data",
        navigation.TAKE_PART,
        visible=_signed_in,
        order=90,
    )
)
navigation.register(
    navigation.NavEntry(
        "privacy.data_requests",
        "Data requests",
        "data_requests",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=90,
    )
)
