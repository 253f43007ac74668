"""The normalised outline of a plan: what the parser builds and every other step reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


def location(line: int, page: int | None) -> str:
    """Where a reader finds something: its line, and its page for a PDF."""
    return f"p. {page}, line {line}" if page is not None else f"line {line}"


@dataclass(frozen=True)
class LineWarning:
    line: int
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "message": self.message}


@dataclass
class Paragraph:
    text: str
    line: int
    topic: str | None = None  # the short lead sentence the paragraph opens with
    page: int | None = None  # for a PDF, the page the paragraph starts on


def indicator_column(header: list[str]) -> int | None:
    """The column of an indicator table that names the indicator (指标, 指标名称, 名称, 项目), if any."""
    return next((i for i, cell in enumerate(header) if "指标" in cell or cell in ("名称", "项目")), None)


@dataclass
class Table:
    rows: list[list[str]]
    line: int
    caption: str | None = None
    notes: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # each row's line (a row without rules may span several)

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "caption": self.caption, "rows": self.rows, "lines": self.lines,
                "notes": self.notes}


@dataclass
class GlossaryEntry:
    label: str
    term: str
    definition: str
    line: int


@dataclass
class Section:
    label: str  # numbering as written: 第三章, (六), 1.; empty for unnumbered blocks
    title: str
    style: str  # numbering style (章, (一), 1., …) or the kind of unnumbered block
    number: int
    line: int
    kind: str = "section"  # section | preface | glossary | appendix
    level: int = 1
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    page: int | None = None  # for a PDF, the page the heading is on

    @property
    def heading(self) -> str:
        return f"{self.label}{' ' if self.label and self.style in '部分篇章节' else ''}{self.title}"

    @property
    def where(self) -> str:
        return location(self.line, self.page)

    @property
    def topics(self) -> list[str]:
        return [p.topic for p in self.paragraphs if p.topic]

    def walk(self, path: tuple[Section, ...] = ()) -> Iterator[tuple[tuple[Section, ...], Section]]:
        """This section and its descendants, each with its path of ancestors (itself included)."""
        here = (*path, self)
        yield here, self
        for child in self.children:
            yield from child.walk(here)

    def own_text(self) -> str:
        parts = [p.text for p in self.paragraphs]
        parts += [" ".join(" ".join(r) for r in t.rows) for t in self.tables]
        parts += [f"{g.term}:{g.definition}" for g in self.glossary]
        return "\n".join(parts)

    def size(self) -> int:
        """Characters of text in this section and below it."""
        return len(self.title) + len(self.own_text()) + sum(c.size() for c in self.children)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "label": self.label,
            "title": self.title,
            "kind": self.kind,
            "style": self.style,
            "level": self.level,
            "line": self.line,
            **({"page": self.page} if self.page is not None else {}),
            "size": self.size(),
            "topics": self.topics,
            "paragraphs": [p.text for p in self.paragraphs],
        }
        if self.tables:
            data["tables"] = [t.to_dict() for t in self.tables]
        if self.glossary:
            data["glossary"] = [
                {"label": g.label, "term": g.term, "definition": g.definition, "line": g.line}
                for g in self.glossary
            ]
        data["children"] = [c.to_dict() for c in self.children]
        return data


@dataclass(slots=True)
class Place:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None  # national | province | city | county
    code: str | None = None  # the 6-digit code of the division (GB/T 2260)

    @property
    def name(self) -> str:
        """The most specific name: the county (or district), else the city, else the province."""
        if self.level == "national":
            return "中华人民共和国"
        return self.county or self.city or self.province or ""

    def full(self) -> str:
        """辽宁省鞍山市海城市; a municipality is named once (北京市, not 北京市北京市)."""
        if self.level == "national":
            return "中华人民共和国"
        name, last = "", None
        for part in (self.province, self.city, self.county):  # a plain loop: `list` names 20,000 places
            if part and part != last:
                name += part
            last = part or last
        return name

    def to_dict(self) -> dict[str, str | None]:
        return {"province": self.province, "city": self.city, "county": self.county, "level": self.level,
                "code": self.code}


@dataclass
class Document:
    source: str
    title: str = ""
    place: Place = field(default_factory=Place)
    kind: str = "other"  # five-year plan | work report | other
    year: int | None = None
    period: str | None = None  # e.g. 2021-2025 for a five-year plan
    encoding: str = "utf-8"  # of a text file; pdf, docx or doc for those formats
    traditional: bool = False
    warnings: list[LineWarning] = field(default_factory=list)
    front_matter: list[Paragraph] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables before the first heading
    sections: list[Section] = field(default_factory=list)
    furniture: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)

    def set_pages(self, pages: list[int]) -> None:
        """Give every section and paragraph the page it starts on, from the page of each line of the text
        (a PDF's lines are not the reader's)."""

        def page_of(line: int) -> int | None:
            return pages[line - 1] if 0 < line <= len(pages) else None

        for p in self.preamble:
            p.page = page_of(p.line)
        for _, section in self.walk():
            section.page = page_of(section.line)
            for p in section.paragraphs:
                p.page = page_of(p.line)

    def walk(self) -> Iterator[tuple[tuple[Section, ...], Section]]:
        for s in self.sections:
            yield from s.walk()

    def size(self) -> int:
        tables = sum(len(c) for t in self.tables for r in t.rows for c in r)
        return sum(len(p.text) for p in self.preamble) + tables + sum(s.size() for s in self.sections)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "title": self.title,
            "place": self.place.to_dict(),
            "kind": self.kind,
            "year": self.year,
            "period": self.period,
            "encoding": self.encoding,
            "traditional": self.traditional,
            "size": self.size(),
            "warnings": [w.to_dict() for w in self.warnings],
            "front_matter": [p.text for p in self.front_matter],
            "toc": self.toc,
            "preamble": [p.text for p in self.preamble],
            "tables": [t.to_dict() for t in self.tables],
            "sections": [s.to_dict() for s in self.sections],
            "furniture": [{"line": n, "kind": k, "text": t} for n, k, t in self.furniture],
        }
