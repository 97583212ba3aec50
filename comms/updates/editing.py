"""Staff's changes to an issue still being written: its heading, and its items moved, cut,
edited and added. Each is one small transaction; a sent issue refuses every change."""

from django.db import transaction
from django.db.models import F, Max

from comms.updates.models import UpdateIssue, UpdateItem


class NotEditable(Exception):
    pass


def _check(issue: UpdateIssue) -> None:
    if not issue.editable:
        raise NotEditable("This issue has been sent: it is kept as it went out.")


def add_item(
    issue: UpdateIssue, item: UpdateItem, *, after: UpdateItem | None = None, topics=None
) -> None:
    """Add a staff-written item at the end, or straight after `after`, on `topics`."""
    _check(issue)
    with transaction.atomic():
        if after is None:
            last = issue.items.aggregate(last=Max("position"))["last"] or 0
            item.position = last + 1
        else:
            issue.items.filter(position__gt=after.position).update(position=F("position") + 1)
            item.position = after.position + 1
            item.section = item.section or after.section
        item.issue = issue
        item.save()
        if topics is not None:
            item.topics.set(topics)


def save_item(item: UpdateItem, topics=None) -> None:
    """Save an edited item; `topics`, when given, replace its topics."""
    _check(item.issue)
    with transaction.atomic():
        item.save()
        if topics is not None:
            item.topics.set(topics)


def cut_item(item: UpdateItem) -> None:
    _check(item.issue)
    item.delete()


def move_item(item: UpdateItem, direction: str) -> bool:
    """Swap the item with its neighbour above ("up") or below ("down"); False at an end.
    Positions are renumbered first, so gaps and ties left by cuts never stop a move."""
    issue = item.issue
    _check(issue)
    with transaction.atomic():
        ordered = list(issue.items.select_for_update().order_by("position", "pk"))
        index = next(i for i, each in enumerate(ordered) if each.pk == item.pk)
        other = index - 1 if direction == "up" else index + 1
        if direction not in ("up", "down") or not 0 <= other < len(ordered):
            return False
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, each in enumerate(ordered, start=1):
            each.position = position
        UpdateItem.objects.bulk_update(ordered, ["position"])
    return True


def save_heading(issue: UpdateIssue) -> None:
    _check(issue)
    issue.save(update_fields=["title", "introduction", "updated_at"])
