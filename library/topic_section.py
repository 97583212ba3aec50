"""The library's section of every topic page: the latest resources tagged with the topic."""

from library import services
from taxonomy.sections import TopicSection, register

SECTION_SIZE = 8


def resources_on_topic(request, term):
    return {"resources": list(services.latest_on_topic(term, limit=SECTION_SIZE))}


register(
    TopicSection(
        key="resources",
        title="Latest resources",
        template="library/_topic_resources.html",
        context=resources_on_topic,
        order=20,
    )
)
