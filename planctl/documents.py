"""Loading one document from disk, with a clear error for anything that is not a readable plan."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlanctlError

if TYPE_CHECKING:
    from .outline import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text", ".pdf", ".docx", ".doc")


def is_plan_name(name: str) -> bool:
    """Whether a corpus folder's file of this name is read as a plan (a folder's README is not)."""
    lower = name.lower()
    return lower.endswith(SUFFIXES) and lower != "readme.md"


def binary_format(data: bytes) -> str | None:
    """pdf, docx or doc when the bytes are one of the published formats planctl reads, else None."""
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        # An Office Open XML package; a truncated one may show only its content-types entry.
        if b"word/" in head or (b"[Content_Types].xml" in head and b"xl/" not in head and b"ppt/" not in head):
            return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0") and b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data:
        return "doc"
    return None


# What a name ending in a binary format's suffix promised, for a file whose bytes are not that format.
_CLAIMED = {
    ".pdf": ".pdf but not a PDF (a PDF begins with %PDF)",
    ".docx": ".docx but not a Word document (a .docx is a zip package holding word/)",
    ".doc": ".doc but not a Word document (a .doc is an Office file holding a WordDocument stream)",
}


def parse_data(data: bytes, source: str) -> Document:
    """Bytes of any format planctl reads to an outline; PlanctlError for anything unreadable."""
    from .decoding import NotTextError  # the parser's modules load only when something is parsed
    from .parser import parse_bytes, parse_text

    fmt = binary_format(data)
    if fmt is None:
        try:
            return parse_bytes(data, source)
        except NotTextError as exc:
            claimed = _CLAIMED.get(os.path.splitext(source)[1].lower())
            if claimed:  # its name promised a format its bytes do not have: say so first
                raise PlanctlError(f"{source}: named {claimed}, and not text either: {exc.what}; "
                                   "download or export it again") from None
            raise PlanctlError(f"{source}: not a text document: {exc}") from None
    from .pdf import PdfError, read_pdf
    from .word import WordError, read_doc, read_docx

    reader = {"pdf": read_pdf, "docx": read_docx, "doc": read_doc}[fmt]
    try:
        extracted = reader(data)
    except (PdfError, WordError) as exc:
        raise PlanctlError(f"{source}: {exc}") from None
    doc = parse_text(extracted.text, source, fmt)
    if extracted.pages:
        doc.set_pages(extracted.pages)
    return doc


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise PlanctlError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise PlanctlError(f"{path}: is a folder; give a plan's text file, or use --corpus {path}")
    try:
        return path.read_bytes()
    except PermissionError:
        raise PlanctlError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise PlanctlError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def load_document(path: Path | str) -> Document:
    path = Path(path)
    data = read_bytes(path)
    from .decoding import without_bom

    if not without_bom(data).strip():
        raise PlanctlError(f"{path}: the file is empty; nothing to outline")
    doc = parse_data(data, os.fspath(path))
    if not doc.sections and not doc.preamble and not doc.front_matter and not doc.tables:
        raise PlanctlError(f"{path}: no text left after removing web-page furniture; is this the right file?")
    return doc
