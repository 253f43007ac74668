"""Markdown helpers shared by every Markdown renderer."""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*\[\]<|])")


def escape(text: str) -> str:
    """Escape text for use inline, in a paragraph or a table cell (pipes included)."""
    return _INLINE.sub(r"\\\1", text).replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> str:
    width = len(header)
    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "|" + "---|" * width]
    for row in rows:
        cells = [escape(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells[:width]) + " |")
    return "\n".join(lines)
