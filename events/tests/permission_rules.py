"""Who gets what from each events page: merged into groundswell/tests/permission_rules.py.

Every named URL in events/urls.py needs a rule here.
"""

from groundswell.tests.permission_rules import (
    API,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    SIGNED_IN_POST_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "event": "slug of a published public event",
    "members_event": "slug of a published event for members of network N",
    "draft_event": "slug of a draft event",
    "unknown_event": "a slug no event has",
    "cancel_token": "a signed cancel token for a registration to the public event",
    "verify_token": "a signed verify token for an unverified registration to the public event",
    "accept_token": "a signed accept token for a registration offered a place",
    "ticket_token": "a signed ticket token for a confirmed registration",
    "forged_token": "a token with a bad signature",
    "feed_key": "the member's private calendar feed key",
    "unknown_feed_key": "a key no feed has",
    "registration": "pk of a confirmed registration to the public event",
    "group": "slug of a group the member is in",
    "other_group": "slug of a group the member is not in",
    "action": "pk of an action agreed at the public event",
}
GROUP_MEMBERS_SEE = Expect(anonymous=LOGIN, member=OK, judge=NOT_FOUND, staff=OK, admin=OK)
STAFF_SEE_SIGNED_IN = Expect(anonymous=LOGIN, member=NOT_FOUND, judge=NOT_FOUND, staff=OK, admin=OK)
SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)
# Members' events: network N's member contact and staff see them; nobody else knows they exist.
MEMBERS_SEE = Expect(anonymous=NOT_FOUND, member=OK, judge=NOT_FOUND, staff=OK, admin=OK)
STAFF_SEE = Expect(anonymous=NOT_FOUND, member=NOT_FOUND, judge=NOT_FOUND, staff=OK, admin=OK)
MEMBERS_REGISTER = Expect(
    anonymous=NOT_FOUND, member=OK, judge=NOT_FOUND, staff=FORBIDDEN, admin=FORBIDDEN
)
COLLEAGUES = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=FORBIDDEN, admin=FORBIDDEN)
STAFF_ANY = "event"


def _event_page():
    return rule(
        get(PUBLIC, label="public event", slug="event"),
        get(MEMBERS_SEE, label="members' event", slug="members_event"),
        get(STAFF_SEE, label="draft", slug="draft_event"),
        get(everyone(NOT_FOUND), label="unknown", slug="unknown_event"),
    )


def _signed(token_sample):
    return rule(
        get(PUBLIC, label="signed link", slug="event", token=token_sample),
        get(everyone(NOT_FOUND), label="forged link", slug="event", token="forged_token"),
        why="Links from emails: no sign-in; GET shows a button, only POST acts.",
    )


RULES = {
    "events:index": public(why="Upcoming and past events; each person sees what they may."),
    "events:month": public(),
    "events:my_events": rule(get(SIGNED_IN), why="A person's own registrations and feed."),
    "events:feed_renew": rule(get(SIGNED_IN_POST_ONLY), why="POST only."),
    "events:feed_all": public(why="Public events only."),
    "events:feed_network": public(slug="network"),
    "events:feed_topic": public(slug="term"),
    "events:feed_personal": rule(
        get(PUBLIC, label="the secret key", key="feed_key"),
        get(everyone(NOT_FOUND), label="unknown key", key="unknown_feed_key"),
        why="Calendar apps fetch it without a session: the secret address is the key.",
    ),
    "events:staff_index": staff_only(),
    "events:staff_create": staff_only(),
    "events:staff_venue_create": staff_only(),
    "events:staff_edit": staff_only(slug=STAFF_ANY),
    "events:staff_duplicate": staff_only(slug=STAFF_ANY),
    "events:staff_questions": staff_only(slug=STAFF_ANY),
    "events:staff_speakers": staff_only(slug=STAFF_ANY),
    "events:staff_notes": staff_only(slug=STAFF_ANY),
    "events:staff_message": staff_only(slug=STAFF_ANY),
    "events:staff_invitations": staff_only(slug=STAFF_ANY),
    "events:staff_registrations": staff_only(
        slug=STAFF_ANY, why="Sensitive answers only for the event's organisers (tested)."
    ),
    "events:staff_export": staff_only(
        slug=STAFF_ANY, why="?sensitive=1 only for organisers: test_sensitive_answers.py."
    ),
    "events:staff_check_in": staff_only(slug=STAFF_ANY),
    "events:staff_check_in_person": rule(
        get(STAFF_POST_ONLY, slug=STAFF_ANY, pk="registration"), why="POST only."
    ),
    "events:staff_no_shows": rule(get(STAFF_POST_ONLY, slug=STAFF_ANY), why="POST only."),
    "events:staff_report": staff_only(slug=STAFF_ANY),
    "events:groups": rule(get(SIGNED_IN), why="Staff see every group, members their own."),
    "events:group": rule(
        get(GROUP_MEMBERS_SEE, label="the member's group", slug="group"),
        get(STAFF_SEE_SIGNED_IN, label="another group", slug="other_group"),
        why="Only the group's members and staff know a group exists.",
    ),
    "events:staff_group_create": staff_only(),
    "events:staff_group_members": staff_only(slug="group"),
    "events:staff_group_documents": staff_only(slug="group"),
    "events:staff_actions": staff_only(slug=STAFF_ANY),
    "events:staff_series": staff_only(slug=STAFF_ANY),
    "events:staff_action_to_influence": rule(
        get(STAFF_POST_ONLY, slug=STAFF_ANY, pk="action"), why="POST only."
    ),
    f"{API}:events_list": public(why="Each person gets the events they may see."),
    f"{API}:events_get": rule(
        get(PUBLIC, label="public event", slug="event"),
        get(MEMBERS_SEE, label="members' event", slug="members_event"),
        get(STAFF_SEE, label="draft", slug="draft_event"),
    ),
    "events:event": _event_page(),
    "events:event_ics": _event_page(),
    "events:register": rule(
        get(PUBLIC, label="public event", slug="event"),
        get(MEMBERS_REGISTER, label="members' event", slug="members_event"),
        get(STAFF_SEE, label="draft", slug="draft_event"),
    ),
    "events:register_colleague": rule(
        get(COLLEAGUES, slug="event"),
        why="Member contacts register colleagues from their own organisation.",
    ),
    "events:verify": _signed("verify_token"),
    "events:cancel": _signed("cancel_token"),
    "events:accept": _signed("accept_token"),
    "events:ticket": _signed("ticket_token"),
}


def build_samples(context) -> dict[str, str]:
    import datetime

    from django.utils import timezone

    from events.models import CalendarFeed, EventStatus, Registration, Visibility
    from events.services import links
    from events.tests.factories import EventFactory

    event = EventFactory(title="Open member forum")
    members_event = EventFactory(visibility=Visibility.MEMBERS, networks=[context["network_n"]])
    draft = EventFactory(status=EventStatus.DRAFT)

    def registration(email, status, **extra):
        return Registration.objects.create(
            event=event, name="Sample", email=email, status=status, **extra
        )

    confirmed = registration("confirmed@example.org", "confirmed")
    unverified = registration("unverified@example.org", "unverified")
    offered = registration(
        "offered@example.org",
        "offered",
        offer_expires_at=timezone.now() + datetime.timedelta(hours=48),
    )
    feed = CalendarFeed.objects.create(user=context["users"]["member"])
    from events.models import Action, Group, GroupMember

    group = Group.objects.create(
        network=context["network_n"], name="Research advisory group", slug="research", purpose="."
    )
    GroupMember.objects.create(group=group, person=context["users"]["member"].person)
    other = Group.objects.create(
        network=context["network_n"], name="Comms network", slug="comms", purpose="."
    )
    action = Action.objects.create(event=event, text="Write to the minister")
    return {
        "event": event.slug,
        "members_event": members_event.slug,
        "draft_event": draft.slug,
        "unknown_event": "no-such-event",
        "cancel_token": links.make_token(links.CANCEL, confirmed.pk, confirmed.email),
        "verify_token": links.make_token(links.VERIFY, unverified.pk, unverified.email),
        "accept_token": links.make_token(links.ACCEPT, offered.pk, offered.email),
        "ticket_token": links.make_token(links.TICKET, confirmed.pk, confirmed.email),
        "forged_token": "eyJmb3JnZWQiOnRydWV9:forged:signature",
        "feed_key": feed.key,
        "unknown_feed_key": "no-such-key",
        "registration": str(confirmed.pk),
        "group": group.slug,
        "other_group": other.slug,
        "action": str(action.pk),
    }
