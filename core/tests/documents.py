"""Documents for tests: a PDF with text, a Word document and an encrypted PDF, each built in
memory for tests of uploads and text extraction; a Markdown body that tries every trick."""

import io
import zlib

HOSTILE_MARKDOWN = (
    "# Heading\n\nSome **bold** text and [a link](https://example.org).\n\n"
    "<script>alert('x')</script>\n\n"
    '<p onclick="steal()" onmouseover="steal()">Hover</p>\n\n'
    "[click me](javascript:alert(1))\n\n"
    '<a href="javascript:alert(2)">raw link</a>\n\n'
    '<img src=x onerror="alert(3)">\n\n'
    '<iframe src="https://evil.example"></iframe>'
)


def pdf_with_text(lines: list[str], compress: bool = False) -> bytes:
    """A minimal, valid one-page PDF whose page shows `lines` in Helvetica.

    Written by hand (with a correct cross-reference table) because pypdf writes pages but
    not text, and a real PDF is the honest test of extraction."""
    commands = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"({escaped}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    stream_dict = f"<< /Length {len(stream)} >>"
    if compress:
        stream = zlib.compress(stream)
        stream_dict = f"<< /Length {len(stream)} /Filter /FlateDecode >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream_dict.encode() + b"\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def docx_with_text(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    """A one-page PDF encrypted with RC4 (an empty `user_password` only restricts printing)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
