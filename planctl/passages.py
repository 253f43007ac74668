"""Passages: the units a plan is read in below its headings.

A passage is a paragraph (its topic phrase with its body), a row of a table, an entry of a glossary, or
the title of a heading that carries no text of its own (a plan's list of 1. 2. 3. items written as
headings). Themes are found passage by passage, and reuse compares passages.
"""

from __future__ import annotations

from dataclasses import dataclass

from .outline import Document, Section, location


@dataclass
class Passage:
    text: str
    line: int  # of the passage's first line in the source
    path: tuple[Section, ...]  # the sections it stands in, outermost first; empty before the first heading
    kind: str = "paragraph"  # paragraph | row | glossary | heading
    topic: str | None = None
    page: int | None = None

    @property
    def where(self) -> str:
        return location(self.line, self.page)

    @property
    def path_text(self) -> str:
        return " > ".join(s.heading for s in self.path)

    @property
    def headings(self) -> list[str]:
        """The titles it stands under, nearest last (for a heading passage, the heading itself is left out)."""
        titles = [s.title for s in self.path]
        return titles[:-1] if self.kind == "heading" else titles


def _row_text(row: list[str]) -> str:
    """A row's cells joined; empty for a Markdown rule row (|---|:--:|)."""
    if all(set(cell) <= set("-:= ") for cell in row):
        return ""
    return " | ".join(cell for cell in row if cell)


def section_passages(path: tuple[Section, ...]) -> list[Passage]:
    """The passages of one section's own text, in order (its children's are their own)."""
    section = path[-1]
    out = [Passage(p.text, p.line, path, "paragraph", p.topic, p.page) for p in section.paragraphs]
    for table in section.tables:
        for offset, row in enumerate(table.rows):
            if text := _row_text(row):
                out.append(Passage(text, table.line_of(offset), path, "row", None, section.page))
    for g in section.glossary:
        out.append(Passage(f"{g.term}：{g.definition}", g.line, path, "glossary", g.term, section.page))
    if not out and not section.children and section.title:
        out.append(Passage(section.title, section.line, path, "heading", None, section.page))
    out.sort(key=lambda p: p.line)
    return out


def passages(doc: Document) -> list[Passage]:
    """Every passage of a document in reading order."""
    out = [Passage(p.text, p.line, (), "paragraph", p.topic, p.page) for p in doc.preamble]
    for table in doc.tables:
        for offset, row in enumerate(table.rows):
            if text := _row_text(row):
                out.append(Passage(text, table.line_of(offset), (), "row"))
    for path, _ in doc.walk():
        out.extend(section_passages(path))
    return out
