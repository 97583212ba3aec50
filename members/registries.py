"""The members app's parts of the shared pages: navigation, site-wide search over the
directory, the member contact's "Your organisation" panel and staff's attention lines."""

from django.urls import reverse

from core.accounts import email_changed
from core.registries import home, navigation, search
from core.roles import is_staff_member
from members.models import ImportJob, MembershipApplication, Organisation
from members.services.directory import DirectoryQuery, filtered_organisations
from members.services.permissions import can_edit_organisation


def _visitor(user) -> bool:
    return not user.is_authenticated


for entry in (
    navigation.NavEntry("members", "Members", "members:directory", navigation.EXPLORE, order=10),
    navigation.NavEntry(
        "members.coverage", "Coverage map", "members:coverage", navigation.TOOLS, order=15
    ),
    navigation.NavEntry(
        "members.apply",
        "Join the network",
        "members:apply",
        navigation.TAKE_PART,
        visible=_visitor,
        order=1,
    ),
    navigation.NavEntry(
        "members.applications",
        "Membership applications",
        "members:applications",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=10,
    ),
    navigation.NavEntry(
        "members.import",
        "Import members",
        "members:import",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=80,
    ),
):
    navigation.register(entry)


# --- Site-wide search: the directory's active members ---------------------------------------


def search_organisations(query: str, user, limit: int) -> search.KindResults:
    found = filtered_organisations(DirectoryQuery(text=query)).order_by("name")
    hits = [
        search.SearchHit(
            title=organisation.name,
            url=organisation.get_absolute_url(),
            summary=organisation.description,
            meta=organisation.get_org_type_display(),
        )
        for organisation in found[:limit]
    ]
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="organisations",
        label="Member organisations",
        search=search_organisations,
        more_url=lambda query: reverse("members:directory") + "?" + _q(query),
        order=10,
    )
)


def _q(query: str) -> str:
    from django.utils.http import urlencode

    return urlencode({"q": query})


# --- Home: the member contact's organisations ------------------------------------------------


def your_organisations(request) -> dict | None:
    organisations = list(
        Organisation.objects.filter(people__user=request.user).order_by("name").distinct()
    )
    if not organisations:
        return None
    return {
        "rows": [
            {
                "organisation": organisation,
                "can_edit": can_edit_organisation(request.user, organisation),
            }
            for organisation in organisations
        ]
    }


home.register(
    home.HomePanel(
        key="members.your_organisations",
        title="Your organisation",
        template="members/panels/your_organisations.html",
        context=your_organisations,
        audiences=frozenset({home.MEMBER}),
        order=10,
    )
)


# --- Staff: what needs attention -------------------------------------------------------------

home.register_attention(
    home.AttentionItem(
        key="members.applications",
        label="membership applications to decide",
        count=lambda user: MembershipApplication.objects.filter(
            status=MembershipApplication.Status.PENDING
        ).count(),
        url_name="members:applications",
        order=10,
    )
)
home.register_attention(
    home.AttentionItem(
        key="members.imports",
        label="member imports under way or failed",
        count=lambda user: ImportJob.objects.filter(
            status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING, ImportJob.Status.FAILED],
            created_by=user,
        ).count(),
        url_name="members:import",
        order=80,
    )
)


# --- A contact's Person record follows their account's email address ------------------------


def _follow_email_change(sender, user, old_email, new_email, **kwargs):
    from core.audit import record_change, snapshot
    from members.models import Person

    for person in Person.objects.filter(user=user).exclude(email=new_email):
        if Person.objects.filter(email=new_email).exclude(pk=person.pk).exists():
            continue  # another record already holds it; staff can merge them
        before = snapshot(person)
        person.email = new_email
        person.save(update_fields=["email"])
        record_change(user, person, before)


email_changed.connect(_follow_email_change, dispatch_uid="members-person-follows-email")
