"""Renderers of one document's outline: a rich tree, Markdown and JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..outline import Document, Section
from . import md

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.tree import Tree


UNTITLED = "(no title in the text)"


def describe_line(doc: Document) -> str:
    parts = [doc.place.full() or "place unknown", doc.kind]
    if doc.year:
        parts.append(str(doc.year))
    if doc.period:
        parts.append(f"plan period {doc.period}")
    return " · ".join(parts)


def _trimmed(section: Section, depth: int | None, level: int = 1) -> dict[str, object]:
    data = section.to_dict()
    if depth is not None and level >= depth:
        data["children"] = []
    else:
        data["children"] = [_trimmed(c, depth, level + 1) for c in section.children]
    return data


def outline_json(doc: Document, depth: int | None = None) -> str:
    data = doc.to_dict()
    data["sections"] = [_trimmed(s, depth) for s in doc.sections]
    return json.dumps(data, ensure_ascii=False, indent=2)


def _no_headings(doc: Document) -> str:
    return f"{len(doc.preamble)} paragraph(s), {len(doc.tables)} table(s)"


def outline_markdown(doc: Document, depth: int | None = None, topics: bool = False) -> str:
    out = [f"# {md.escape(doc.title or UNTITLED)}", "", f"*{md.escape(describe_line(doc))}*", ""]
    if doc.warnings:
        out += [f"> {len(doc.warnings)} warning(s): see `planctl outline --format json`", ""]

    def emit(section: Section, level: int) -> None:
        hashes = "#" * min(level + 1, 6)
        extra = f" ({section.size():,} chars)"
        out.append(f"{hashes} {md.escape(section.heading)}{extra}")
        out.append("")
        if topics and section.topics:
            out.extend(f"- {md.escape(t)}" for t in section.topics)
            out.append("")
        for table in section.tables:
            if table.caption:
                out.extend([f"**{md.escape(table.caption)}**", ""])
            if table.rows:
                out.extend([md.table(table.rows[0], table.rows[1:]), ""])
            for note in table.notes:  # what the table's marks mean: 注:【 】内为五年累计数
                out.extend([md.escape(note), ""])
        for entry in section.glossary:
            out.append(f"- **{md.escape(entry.term)}**: {md.escape(entry.definition)}")
        if section.glossary:
            out.append("")
        if depth is None or level < depth:
            for child in section.children:
                emit(child, level + 1)

    for s in doc.sections:
        emit(s, 1)
    if not doc.sections:
        out.append(f"No headings found: {_no_headings(doc)}.")
    return "\n".join(out).rstrip() + "\n"


def outline_tree(doc: Document, depth: int | None = None, topics: bool = False, width: int = 80) -> Tree:
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(doc.title or UNTITLED)}[/]  [dim]{escape(describe_line(doc))}[/]")

    def add(parent: Tree, section: Section, level: int) -> None:
        sep = " " if section.style in ("部分", "篇", "章", "节") else ""
        label = f"[cyan]{escape(section.label)}[/]{sep}" if section.label else ""
        page = f", p. {section.page}" if section.page is not None else ""
        size = f"{section.size():,} chars{page}"
        title = f"{label}{escape(section.title)}"
        node = parent.add(_heading_line(title, size, width - TREE_INDENT * level))
        if topics:
            for t in section.topics:
                node.add(f"[green]·[/] {escape(t)}")
        for table in section.tables:
            node.add(f"[magenta]▦ table[/] {escape(table.caption or '')} [dim]{len(table.rows)} rows[/]")
        if section.glossary:
            entries = len(section.glossary)
            node.add(f"[magenta]glossary[/] [dim]{entries} {'entry' if entries == 1 else 'entries'}[/]")
        if depth is None or level < depth:
            for child in section.children:
                add(node, child, level + 1)

    for s in doc.sections:
        add(root, s, 1)
    if not doc.sections:
        root.add(f"[yellow]no headings found[/] [dim]{_no_headings(doc)}[/]")
    return root


TREE_INDENT = 4  # cells of rich's tree guides a level takes
TITLE_LEAST = 12  # cells of a heading's lines however narrow the terminal


def _heading_line(title: str, size: str, room: int) -> RenderableType:
    """A heading and its size on one line; a title too long for the line is cut into lines (anywhere, as
    Chinese text breaks) in a column of its own, the size beside its first line, not split as "557 / chars"."""
    from itertools import accumulate

    from rich.cells import chop_cells
    from rich.table import Table
    from rich.text import Text

    line = Text.from_markup(f"{title}  [dim]{size}[/]")
    if line.cell_len <= room:
        return line
    text = Text.from_markup(title)
    pieces = chop_cells(text.plain, max(room - len(size) - 2, TITLE_LEAST))
    grid = Table.grid(padding=(0, 0, 0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_row(Text("\n").join(text.divide(list(accumulate(map(len, pieces)))[:-1])), size)
    return grid


def outline_csv(doc: Document, depth: int | None = None) -> str:
    from .tabular import to_csv

    rows = [["path", "label", "title", "level", "line", "size", "topics"]]
    for path, section in doc.walk():
        if depth is not None and len(path) > depth:
            continue
        rows.append([
            " > ".join(s.heading for s in path), section.label, section.title, str(section.level),
            str(section.line), str(section.size()), "; ".join(section.topics),
        ])
    return to_csv(rows)
