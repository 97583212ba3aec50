"""Decompression bombs for tests: small files that expand enormously when opened, each built
in memory a chunk at a time so building them costs little."""

import io
import zipfile
import zlib

from core.tests.documents import docx_with_text

MB = 1024 * 1024


def docx_bomb(expanded_bytes: int) -> bytes:
    """A real Word document whose document.xml is padded to `expanded_bytes` of whitespace
    inside a comment: about a thousandth of that on disk."""
    base = zipfile.ZipFile(io.BytesIO(docx_with_text(["A short document."])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in base.infolist():
            data = base.read(member)
            if member.filename != "word/document.xml":
                bomb.writestr(member, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with bomb.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head + b"<w:body><!--")
                padding = b" " * MB
                for _ in range(expanded_bytes // MB):
                    part.write(padding)
                part.write(b"-->" + tail)
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
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


def pdf_bomb(expanded_bytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to `expanded_bytes` of spaces."""
    compressor = zlib.compressobj(9)
    spaces = b" " * MB
    stream = b"".join(compressor.compress(spaces) for _ in range(expanded_bytes // MB))
    stream += compressor.flush()
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            f"<< /Length {len(stream)} /Filter /FlateDecode >>".encode()
            + b"\nstream\n"
            + stream
            + b"\nendstream",
        ]
    )


def pdf_with_pages(count: int) -> bytes:
    """A PDF of `count` blank pages."""
    kids = " ".join(f"{3 + page} 0 R" for page in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
            *pages,
        ]
    )


def html_bomb(size_bytes: int) -> bytes:
    """A web page of nothing but empty elements: cheap to send, costly to parse."""
    return b"<!doctype html><html><body>" + b"<i>" * (size_bytes // 3) + b"</body></html>"
