"""The members section of every topic page: organisations tagged with the topic."""

from django.db.models import Q

from members.services.directory import active_members
from taxonomy.models import Vocabulary
from taxonomy.sections import TopicSection, register

SECTION_SIZE = 50
_FIELD_FOR = {
    Vocabulary.PART: "parts",
    Vocabulary.THEME: "themes",
    Vocabulary.POPULATION: "populations",
    Vocabulary.PLACE: "regions",
}
_PARAM_FOR = {
    Vocabulary.PART: "part",
    Vocabulary.THEME: "theme",
    Vocabulary.POPULATION: "population",
    Vocabulary.PLACE: "region",
}


def members_on_topic(request, term):
    tagged = active_members().filter(Q(**{_FIELD_FOR[term.vocabulary]: term}))
    return {
        "organisations": tagged.order_by("name")[:SECTION_SIZE],
        "total": tagged.count(),
        "directory_param": _PARAM_FOR[term.vocabulary],
    }


register(
    TopicSection(
        key="members",
        title="Member organisations",
        template="members/_topic_members.html",
        context=members_on_topic,
        order=10,
    )
)
