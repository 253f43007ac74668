"""Loading one document from disk, with a clear error for anything that is not a readable plan."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PlanctlError

if TYPE_CHECKING:
    from .outline import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")


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
    from .decoding import NotTextError  # the parser's modules load only when something is parsed
    from .parser import parse_bytes

    path = Path(path)
    data = read_bytes(path)
    if not data.strip():
        raise PlanctlError(f"{path}: the file is empty; nothing to outline")
    try:
        doc = parse_bytes(data, os.fspath(path))
    except NotTextError as exc:
        raise PlanctlError(f"{path}: not a text document: {exc}") from None
    if not doc.sections and not doc.preamble and not doc.front_matter and not doc.tables:
        raise PlanctlError(f"{path}: no text left after removing web-page furniture; is this the right file?")
    return doc
