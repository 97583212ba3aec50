"""The recommendations section of every topic page: published recommendations on the topic,
each with its furthest status so far."""

from influence.models import Recommendation
from influence.services import timeline, visibility
from taxonomy.models import Vocabulary
from taxonomy.sections import TopicSection, register

SECTION_SIZE = 10
_FIELD_FOR = {
    Vocabulary.PART: "parts",
    Vocabulary.THEME: "themes",
    Vocabulary.POPULATION: "populations",
    Vocabulary.PLACE: "places",
}
# Only parts and themes are tracker filters; other topics link to the tracker unfiltered.
_TRACKER_PARAM_FOR = {Vocabulary.PART: "part", Vocabulary.THEME: "theme"}


def recommendations_on_topic(request, term):
    through = getattr(Recommendation, _FIELD_FOR[term.vocabulary]).through
    tagged = visibility.published().filter(
        pk__in=through.objects.filter(term_id=term.pk).values("recommendation_id")
    )
    listed = list(tagged.order_by("-first_made_on", "title")[:SECTION_SIZE])
    current = timeline.current_status_rows(listed)
    return {
        "rows": [
            {"recommendation": r, "headline": timeline.most_advanced(current[r.pk])} for r in listed
        ],
        "total": tagged.count(),
        "tracker_param": _TRACKER_PARAM_FOR.get(term.vocabulary),
    }


register(
    TopicSection(
        key="recommendations",
        title="Recommendations",
        template="influence/topic_recommendations.html",
        context=recommendations_on_topic,
        order=30,
    )
)
