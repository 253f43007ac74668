"""Renderers of search results: rich, Markdown, JSON, CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..search import Hit
from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import RenderableType

HEADER = ["place", "kind", "year", "section", "line", "snippet", "id"]


def _row(hit: Hit) -> list[str]:
    i = hit.entry.info
    return [i.place.name, i.kind, str(i.year or ""), hit.path, str(hit.line), hit.snippet, hit.entry.id]


def _found(query: str, hits: list[Hit]) -> str:
    """“飞地”: 7 sections; “A股”: 1 section; “数字经济 人才”: no section holds every word."""
    if not hits:
        return f"“{query}”: no section holds {'every word' if ' ' in query.strip() else 'it'}"
    return f"“{query}”: {len(hits)} section{'s' if len(hits) > 1 else ''}"


def search_text(query: str, hits: list[Hit], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"query": query, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv([HEADER, *(_row(h) for h in hits)])
    lines = [f"# {md.escape(_found(query, hits))}", ""]
    if hits:
        lines.append("| " + " | ".join(HEADER) + " |")
        lines.append("|" + "---|" * len(HEADER))
        for h in hits:
            cells = [md.escape(c) for c in _row(h)]
            cells[5] = md.wrap(h.snippet, h.spans, "**", "**", md.escape)
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def search_rich(query: str, hits: list[Hit]) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table

    if not hits:  # a sentence, not the title of an empty table
        from rich.text import Text

        return Text(_found(query, hits))
    table = Table(title=escape(_found(query, hits)), header_style="bold", show_lines=True)
    for name in ("place", "year", "section", "snippet"):
        table.add_column(name, overflow="fold", ratio={"snippet": 3, "section": 2}.get(name, 1),
                         no_wrap=name == "year")
    for h in hits:
        i = h.entry.info
        kind = {"five-year plan": "规划", "work report": "报告"}.get(i.kind, "")
        snippet = md.wrap(h.snippet, h.spans, "[bold yellow]", "[/]", escape)
        table.add_row(f"{escape(i.place.name)}\n[dim]{kind}[/]", str(i.year or ""),
                      f"{escape(h.path)} [dim](line {h.line})[/]", snippet)
    return table
