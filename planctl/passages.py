"""Passages: the units a plan is read in below its headings.

A passage is a paragraph (its topic phrase with its body), a row of a table, an entry of a glossary, or
the title of a heading that carries no text of its own (a plan's list of 1. 2. 3. items written as
headings). Themes are found passage by passage, and reuse compares passages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .outline import Document, Section, Table, indicator_column, location


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


def _rows(table: Table) -> Iterator[tuple[int, str]]:
    """(line, text) of each row of a table that has text; a row of an indicator table from the indicator's
    cell on (its number and group say nothing of it: 地区生产总值年均增长(%) | 5左右 | 预期性), unless the row
    has fewer cells than the header, whose columns it may not keep."""
    header = table.rows[0] if table.rows else []
    start = indicator_column(header) or 0
    for i, row in enumerate(table.rows):
        if text := _row_text(row[start:] if i and len(row) >= len(header) else row):
            yield table.lines[i], text


def section_passages(path: tuple[Section, ...]) -> list[Passage]:
    """The passages of one section's own text, in order (its children's are their own)."""
    section = path[-1]
    out = [Passage(p.text, p.line, path, "paragraph", p.topic, p.page) for p in section.paragraphs]
    for table in section.tables:
        out += [Passage(text, line, path, "row", None, section.page) for line, text in _rows(table)]
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
        out += [Passage(text, line, (), "row") for line, text in _rows(table)]
    for path, _ in doc.walk():
        out.extend(section_passages(path))
    return out
