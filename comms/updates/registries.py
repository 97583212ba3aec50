"""Member updates' parts of the pages that gather many apps' work: navigation, site-wide
search (sent issues a person may read) and staff's attention line for scheduled issues."""

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format

from comms.updates import access
from comms.updates.models import IssueStatus, UpdateIssue
from core.registries import home, navigation, search
from core.roles import is_staff_member

navigation.register(
    navigation.NavEntry("updates", "Member updates", "updates:archive", navigation.TAKE_PART,
                        order=60)
)  # fmt: skip
navigation.register(
    navigation.NavEntry("updates.staff", "Member updates (staff)", "updates:staff_index",
                        navigation.STAFF_WORK, visible=is_staff_member, order=60)
)  # fmt: skip


def search_issues(query: str, user, limit: int) -> search.KindResults:
    words = query.split()
    if not words:
        return search.KindResults(total=0)
    issues = UpdateIssue.objects.filter(status=IssueStatus.SENT)
    for word in words:
        issues = issues.filter(
            Q(title__icontains=word) | Q(introduction__icontains=word)
            | Q(items__title__icontains=word) | Q(items__body__icontains=word)
        )  # fmt: skip
    issues = issues.distinct().select_related("mailing_list").order_by("-sent_at")
    if not is_staff_member(user):
        lists = {i.mailing_list for i in issues[:500]}
        readable = {each.pk for each in access.readable_lists(user, lists)}
        issues = issues.filter(mailing_list__in=readable)
    hits = [
        search.SearchHit(
            title=issue.title,
            url=issue.get_absolute_url(),
            summary=issue.introduction[:300],
            meta=f"{issue.mailing_list.name} · {date_format(issue.sent_at, 'j F Y')}",
        )
        for issue in issues[:limit]
    ]
    return search.KindResults(total=issues.count(), hits=hits)


search.register(
    search.SearchKind(key="updates", label="Member updates", search=search_issues,
                      more_url=lambda query: reverse("updates:archive"), order=95)
)  # fmt: skip

home.register_attention(
    home.AttentionItem(
        key="updates.drafts",
        label="member updates in draft",
        count=lambda user: UpdateIssue.objects.filter(status=IssueStatus.DRAFT).count(),
        url_name="updates:staff_index",
        order=70,
    )
)
