"""Text taken out of a binary document (PDF, Word): one paragraph per line, and where each line was."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    text: str  # paragraphs, one per line
    pages: list[int] = field(default_factory=list)  # for a PDF: the page of each line (1-based), else empty
    format: str = "text"  # pdf | docx | doc
