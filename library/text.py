"""A resource's text as the search index reads it: `resource_document` is the stable
interface between a resource and the index (Markdown and HTML to text is core.lib's)."""

from core.lib.extraction import markdown_to_text, tidy_text


def resource_document(resource) -> dict:
    """The plain text of each part of a resource, for the search index."""
    return {
        "title": tidy_text(resource.title),
        "summary": tidy_text(resource.summary),
        "body_text": markdown_to_text(resource.body),
        "extracted_text": resource.extracted_text or "",
    }
