"""Markdown helpers shared by every Markdown renderer, and the inline marks the rich renderers use too."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..terms import DiffOp

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


def diff(ops: list[DiffOp]) -> str:
    """A word diff inline: ~~struck~~ only in the first text, **bold** only in the second."""
    out = []
    for op in ops:
        text = escape(op.text)
        out.append(text if op.op == "equal" else f"~~{text}~~" if op.op == "delete" else f"**{text}**")
    return "".join(out)


def wrap(text: str, spans: list[tuple[int, int]], before: str, after: str,
         escape: Callable[[str], str] | None = None) -> str:
    """The text with each (start, end) span wrapped in before/after (a span inside an earlier one is skipped),
    every piece escaped with `escape` (Markdown's or rich's)."""
    esc = escape or (lambda s: s)
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        out += [esc(text[at:start]), before, esc(text[start:end]), after]
        at = end
    out.append(esc(text[at:]))
    return "".join(out)
