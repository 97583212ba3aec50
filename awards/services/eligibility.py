"""A category's eligibility rules, checked when someone nominates and again when staff screen.

Each rule says which kinds of nominee a category takes (`KINDS_FOR`). Beyond that:

- member organisations only: the nominee is an active member of the scheme's network (of any
  network when the scheme has none);
- lived-experience-led groups: a directory organisation must be listed as lived-experience-led;
  an outside organisation cannot be checked in the directory, so the nominator says how people
  with lived experience lead it (a question the form adds), and staff read that when screening;
- student journalists: the nominator says where the journalist was studying (likewise).

`problems` are what the records contradict: the form refuses them, and staff can rule such a
nomination eligible only by giving the reason the records are wrong. `to_confirm` are what
only a person can check, shown to staff beside the nominator's answer.
"""

from awards.models import Category, Eligibility, Nomination, NomineeKind

# Which kinds of nominee each eligibility rule accepts.
KINDS_FOR = {
    Eligibility.ANY_ORGANISATION: (NomineeKind.MEMBER, NomineeKind.ORGANISATION),
    Eligibility.MEMBER_ORGANISATIONS: (NomineeKind.MEMBER,),
    Eligibility.LIVED_EXPERIENCE_LED: (NomineeKind.MEMBER, NomineeKind.ORGANISATION),
    Eligibility.INDIVIDUALS: (NomineeKind.PERSON,),
    Eligibility.JOURNALISTS: (NomineeKind.MEDIA,),
    Eligibility.STUDENT_JOURNALISTS: (NomineeKind.MEDIA,),
}

LIVED_EXPERIENCE_QUESTION = "How do people with lived experience of the justice system lead it?"
STUDENT_QUESTION = "Where was the journalist studying when the work was published?"


def kinds_for(category: Category) -> tuple[str, ...]:
    return KINDS_FOR[category.eligibility]


def member_organisations(category: Category):
    """The directory organisations a nominator may choose: active members of the scheme's
    network (of any network when the scheme has none)."""
    from members.models import MembershipStatus, Organisation

    # One filter() call, so the status and the network are about the same membership.
    same_membership = {"memberships__status": MembershipStatus.ACTIVE}
    if category.cycle.scheme.network_id:
        same_membership["memberships__network_id"] = category.cycle.scheme.network_id
    return Organisation.objects.filter(**same_membership).distinct()


def question_for(category: Category, kind: str) -> str | None:
    """The question the rules add to the form for this kind of nominee, if any."""
    if (
        category.eligibility == Eligibility.LIVED_EXPERIENCE_LED
        and kind == NomineeKind.ORGANISATION
    ):
        return LIVED_EXPERIENCE_QUESTION
    if category.eligibility == Eligibility.STUDENT_JOURNALISTS:
        return STUDENT_QUESTION
    return None


def problems(category: Category, kind: str, organisation) -> list[str]:
    """What the records say against this nominee in this category, in words."""
    found = []
    if kind not in kinds_for(category):
        accepted = ", ".join(NomineeKind(k).label.lower() for k in kinds_for(category))
        found.append(f"{category.name} is for {category.get_eligibility_display().lower()}: "
                     f"it takes {accepted}.")  # fmt: skip
        return found
    if kind == NomineeKind.MEMBER and organisation is None:
        found.append("No member organisation is chosen.")
        return found
    if kind == NomineeKind.MEMBER:
        members_only = category.eligibility == Eligibility.MEMBER_ORGANISATIONS
        if members_only and not member_organisations(category).filter(pk=organisation.pk).exists():
            network = category.cycle.scheme.network
            where = f"of {network.name}" if network else "of the alliance"
            found.append(f"{organisation.name} is not an active member {where}.")
        lived = category.eligibility == Eligibility.LIVED_EXPERIENCE_LED
        if lived and not organisation.lived_experience_led:
            found.append(
                f"The directory does not list {organisation.name} as lived-experience-led."
            )
    return found


def nomination_problems(nomination: Nomination) -> list[str]:
    return problems(nomination.category, nomination.nominee_kind, nomination.organisation)


def to_confirm(nomination: Nomination) -> list[str]:
    """What staff must check by reading the nomination, because no record can."""
    question = question_for(nomination.category, nomination.nominee_kind)
    if question is None:
        return []
    if nomination.category.eligibility == Eligibility.STUDENT_JOURNALISTS:
        return [f"Check the journalist was a student: see the answers to “{question}”."]
    return [f"Check the group is lived-experience-led: see the answers to “{question}”."]
