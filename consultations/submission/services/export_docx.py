"""The submission as a Word document, from submission.services.document (publishable content
only).

Headings use Word's own heading styles and quotes its Quote style, so the navigation pane,
screen readers and the table of contents all work. The document opens with a cover (the
alliance's name and logo, the asking body, the date, the contact), a running header and a
"Page n of m" footer after the cover, and its properties (title, author, created) set.

The contents list is a Word TOC field whose result is already written: every heading is
listed when the file is opened, without asking the reader to update anything; Word adds the
page numbers if the reader chooses "Update field".
"""

from datetime import UTC, date, datetime
from io import BytesIO

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from consultations.submission.services.document import Document, DocumentSection
from core.lib import branding

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _field_char(paragraph, kind: str) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _field_start(paragraph, instruction: str) -> None:
    """The first half of a complex field: begin, instruction, separate; the runs that follow
    are its current result, until _field_char(paragraph, "end")."""
    _field_char(paragraph, "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    _field_char(paragraph, "separate")


def _field(paragraph, instruction: str, result: str = "") -> None:
    """A complex field with its current result (a page number), which Word keeps up to date."""
    _field_start(paragraph, instruction)
    paragraph.add_run(result)
    _field_char(paragraph, "end")


def _header_and_footer(word, document: Document) -> None:
    """A running header (title, alliance) and "Page n of m" on every page after the cover."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.add_run(f"{document.title}\t\t{document.author}").font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "2")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "2")


def _properties(word, document: Document) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.author = document.author
    properties.last_modified_by = document.author
    properties.subject = f"Submission to {document.asking_body}: {document.consultation}"
    properties.keywords = "consultation response"
    properties.comments = f"In response to “{document.consultation}”."
    created = date.fromisoformat(document.date) if document.date else date.today()
    properties.created = properties.modified = datetime(
        created.year, created.month, created.day, tzinfo=UTC
    )


def _cover(word, document: Document) -> None:
    logo = branding.site_logo()
    brand = word.add_paragraph()
    if logo:
        brand.add_run().add_picture(BytesIO(logo.data), width=Cm(2.2))
        brand.add_run("  ")
    name = brand.add_run(document.author)
    name.bold = True
    name.font.size = Pt(15)
    kicker = word.add_paragraph()
    kicker.paragraph_format.space_before = Pt(120)
    kicker.add_run(f"Submission to {document.asking_body}".upper()).font.size = Pt(11)
    _heading(word, document.title, 0)
    word.add_paragraph(f"In response to “{document.consultation}”.")
    if document.date:
        word.add_paragraph(document.date_in_words)
    if document.contact_details:
        contact = word.add_paragraph()
        contact.paragraph_format.space_before = Pt(150)
        contact.add_run("Contact").bold = True
        for line in document.contact_details:
            contact.add_run().add_break()
            contact.add_run(line)
    word.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _contents_entries(document: Document) -> list[tuple[str, int]]:
    """Every heading the contents list names, in order, with its level."""
    entries = []
    if document.introduction:
        entries.append(("Introduction", 1))
    if document.recommendations:
        entries.append(("Summary of recommendations", 1))

    def walk(section: DocumentSection, level: int) -> None:
        entries.append((section.heading, level))
        for child in section.sections:
            if level < 3:
                walk(child, level + 1)

    for part in document.parts:
        walk(part, 1)
    if document.acknowledgements:
        entries.append(("Acknowledgements", 1))
    if document.contact_details:
        entries.append(("Contact", 1))
    return entries


def _contents(word, document: Document) -> None:
    """The contents list, already filled in: one paragraph per heading inside a TOC field."""
    _heading(word, "Contents", 1)
    entries = _contents_entries(document) or [("(This submission has no sections yet.)", 1)]
    paragraphs = []
    for text, level in entries:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.8 * (level - 1))
        paragraph.paragraph_format.space_after = Pt(2)
        paragraphs.append((paragraph, text))
    _field_start(paragraphs[0][0], 'TOC \\o "1-3" \\h \\z \\u')
    for paragraph, text in paragraphs:
        paragraph.add_run(text)
    _field_char(paragraphs[-1][0], "end")
    paragraphs[-1][0].add_run().add_break(WD_BREAK.PAGE)


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
    _properties(word, document)
    _cover(word, document)
    _contents(word, document)
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
    _header_and_footer(word, document)
    output = BytesIO()
    word.save(output)
    return output.getvalue()
