"""Files attached to the demo library's resources, so extraction, search and downloads can be
seen working: reports, briefings and evidence reviews as PDF, the rest as Word documents.

Each file is made from the resource's own demo text (library/data/resources.json, written
for the demonstration), set out as a real publication would be, with a note saying it is a
demo document. Nothing here is taken from any organisation's own publications.
"""

from dataclasses import dataclass, field
from io import BytesIO

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.dateformat import format as format_date

from core.lib.extraction import extract_text
from core.lib.pdf import html_to_pdf
from core.lib.uploads import FileKind
from library.models import ExtractionStatus, Resource, ResourceKind

PDF_KINDS = {ResourceKind.REPORT, ResourceKind.BRIEFING, ResourceKind.EVIDENCE_REVIEW}
# Every fourth resource has no file, as in a real library: a web page or a news item.
WITHOUT_FILE_EVERY = 4


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)


@dataclass
class DemoFile:
    title: str
    kind: str
    authors: str
    published: str
    summary: str
    sections: list[Section]
    note: str


def _sections(body: str) -> list[Section]:
    """The resource's Markdown body as sections: "## " starts one, "- " is a point."""
    sections = [Section("Introduction")]
    for block in body.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            sections.append(Section(lines[0].lstrip("# ").strip()))
            lines = lines[1:]
        for line in lines:
            if line.startswith(("- ", "* ")):
                sections[-1].points.append(line[2:].strip())
            else:
                sections[-1].paragraphs.append(line)
    return [s for s in sections if s.paragraphs or s.points]


def demo_file(resource: Resource) -> DemoFile:
    authors = ", ".join(o.name for o in resource.author_organisations.all()) or "The alliance"
    kind = resource.get_kind_display()
    return DemoFile(
        title=resource.title,
        kind=kind,
        authors=authors,
        published=format_date(resource.published_on, "F Y") if resource.published_on else "",
        summary=resource.summary,
        sections=_sections(resource.body),
        note=(
            f"A demonstration document. The {kind.lower()} was written for the Groundswell "
            "demo; the organisations named are real members of the alliances, but these "
            "words are not theirs."
        ),
    )


def render_pdf(document: DemoFile) -> bytes:
    return html_to_pdf(render_to_string("library/demo/file_pdf.html", {"file": document}))


def render_docx(document: DemoFile) -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    word.core_properties.title = document.title
    word.core_properties.author = document.authors
    word.add_paragraph(f"{document.kind} · {document.authors} · {document.published}")
    word.add_heading(document.title, 0)
    word.add_paragraph(document.summary).runs[0].italic = True
    for section in document.sections:
        word.add_heading(section.heading, 1)
        for paragraph in section.paragraphs:
            word.add_paragraph(paragraph)
        for point in section.points:
            word.add_paragraph(point, style="List Bullet")
    word.add_paragraph(document.note)
    output = BytesIO()
    word.save(output)
    return output.getvalue()


def attach_demo_file(resource: Resource) -> None:
    """Attach a generated file and its extracted text, as a finished upload would leave it."""
    document = demo_file(resource)
    if resource.kind in PDF_KINDS:
        data, kind, extension = render_pdf(document), FileKind.PDF, "pdf"
    else:
        data, kind, extension = render_docx(document), FileKind.DOCX, "docx"
    name = f"{resource.slug[:80]}.{extension}"
    resource.file.save(name, ContentFile(data), save=False)
    resource.file_name = name
    resource.file_kind = kind
    resource.file_size = len(data)
    resource.extracted_text = extract_text(data, kind)
    resource.extraction_status = ExtractionStatus.DONE
    resource.extraction_progress = 100
    resource.save()


def attach_demo_files(resources: list[Resource]) -> int:
    with_files = [
        resource
        for number, resource in enumerate(resources, 1)
        if number % WITHOUT_FILE_EVERY and resource.kind != ResourceKind.NEWS
    ]
    for resource in with_files:
        attach_demo_file(resource)
    return len(with_files)
