"""The dictionary section of topic pages: terms tagged with that part of the system."""

from glossary.services.dictionary import terms_for_part
from taxonomy.models import Vocabulary
from taxonomy.sections import TopicSection, register


def dictionary_on_topic(request, term):
    # Dictionary terms are tagged with parts of the system only; other topics skip it.
    if term.vocabulary != Vocabulary.PART:
        return None
    return {"terms": list(terms_for_part(term))}


register(
    TopicSection(
        key="dictionary",
        title="Dictionary",
        template="glossary/dictionary_topic_section.html",
        context=dictionary_on_topic,
        order=60,
    )
)
