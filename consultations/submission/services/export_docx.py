"""The submission as a Word document, from submission.services.document (publishable content
only).

Headings use Word's own heading styles and quotes its Quote style, so the navigation pane,
screen readers and the table of contents all work. The table of contents and the page
numbers are Word fields: Word fills them in when the document is opened (it asks to update
the fields), which keeps this fast for a long submission.
"""

from io import BytesIO

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from consultations.submission.services.document import Document, DocumentSection

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (begin, instruction, separate, placeholder, end), which Word updates."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _ask_word_to_update_fields(word) -> None:
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _footer_page_numbers(word) -> None:
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _styled(word, text: str, style_id: str):
    """A paragraph in one of the template's built-in styles, named by its id.

    python-docx looks a style up by name with a scan of every style on each call, which made
    a forty-page export take seconds; the ids of the built-in styles never change."""
    paragraph = word.add_paragraph(text)
    paragraph._p.style = style_id
    return paragraph


def _heading(word, text: str, level: int):
    return _styled(word, text, "Title" if level == 0 else f"Heading{min(level, 9)}")


def _section(word, section: DocumentSection, level: int) -> None:
    _heading(word, section.heading, level)
    for block in section.blocks:
        if block.kind == "text":
            for paragraph in block.paragraphs:
                word.add_paragraph(paragraph)
        elif block.kind == "quote":
            _styled(word, f"“{block.quote.text}”", "Quote")
            _styled(word, f"— {block.quote.attribution}", "Quote")
        else:
            item = block.recommendation
            paragraph = word.add_paragraph()
            paragraph.add_run(f"Recommendation {item.number}: {item.title}").bold = True
            word.add_paragraph(item.text)
            if item.targets:
                word.add_paragraph("For: " + ", ".join(item.targets))
    for child in section.sections:
        _section(word, child, level + 1)


def render_docx(document: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = document.title
    _heading(word, document.title, 0)
    word.add_paragraph(f"In response to “{document.consultation}”, from {document.asking_body}.")
    _heading(word, "Contents", 1)
    _field(word.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "Right-click to update the contents.")
    if document.introduction:
        _heading(word, "Introduction", 1)
        for paragraph in document.introduction:
            word.add_paragraph(paragraph)
    if document.recommendations:
        _heading(word, "Summary of recommendations", 1)
        for item in document.recommendations:
            word.add_paragraph(f"{item.number}. {item.title}: {item.text}")
    for part in document.parts:
        _section(word, part, 1)
    if document.acknowledgements:
        _heading(word, "Acknowledgements", 1)
        word.add_paragraph("We thank the member organisations who contributed evidence, including:")
        for name in document.acknowledgements:
            _styled(word, name, "ListBullet")
    if document.contact_details:
        _heading(word, "Contact", 1)
        for line in document.contact_details:
            word.add_paragraph(line)
    _footer_page_numbers(word)
    _ask_word_to_update_fields(word)
    output = BytesIO()
    word.save(output)
    return output.getvalue()
