"""Terminal cell widths (a Chinese character takes two cells), fast for the text of plans.

rich measures any text exactly but character by character: some 20 microseconds a cell of a listing, or
seconds for a corpus of 20,000 documents. The text of plans (ASCII, CJK, full-width forms, the usual
punctuation) is measured here with two patterns instead: its width is its length plus the length of its
runs of wide characters. Any other text goes to rich. tests/test_render.py checks every character of both
classes against rich.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Two cells each in rich: CJK punctuation (less 〪-〯, marks of no width), kana, ideographs, full-width forms.
WIDE = ("\u3000-\u3029\u3030-\u303e\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        "\uff01-\uff60\uffe0-\uffe6")
# One cell each: printable ASCII and Latin-1, general punctuation, letter-like symbols, arrows, numbers in
# circles, box drawing and geometric shapes.
NARROW = "\x20-\x7e\u00a1-\u00ff\u2010-\u2027\u2030-\u205e\u2100-\u21ff\u2460-\u24ff\u2500-\u25fc"

_KNOWN = re.compile(f"[{NARROW}{WIDE}]*")
_WIDE_RUNS = re.compile(f"[{WIDE}]+")


def cell_width(text: str) -> int:
    if text.isascii():
        return len(text)
    if _KNOWN.fullmatch(text):
        return len(text) + sum(map(len, _WIDE_RUNS.findall(text)))
    from rich.cells import cell_len

    return cell_len(text)


def fit(text: str, width: int) -> str:
    """The text padded with spaces, or cut, to exactly `width` cells (a wide character that would be cut in
    half is left out and replaced by a space)."""
    if not text.isascii() and not _KNOWN.fullmatch(text):
        from rich.cells import set_cell_size

        return set_cell_size(text, width)
    marked = text.translate(_marked())  # each wide character followed by a mark: one character a cell
    if len(marked) <= width:
        return text + " " * (width - len(marked))
    cut = marked[:width]
    if marked[width] == _MARK:  # the last character kept is wide and would show one of its two cells
        cut = cut[:-1] + " "
    return cut.replace(_MARK, "")


_MARK = "\x00"  # not in either class, so never in a text measured here


@lru_cache(maxsize=1)
def _marked() -> list[int | str]:
    """A str.translate table that puts a mark after each wide character (15 ms to build)."""
    spans = [(ord(a), ord(b)) for a, b in re.findall(r"(.)-(.)", WIDE, flags=re.S)]
    table: list[int | str] = list(range(max(b for _, b in spans) + 1))
    for a, b in spans:
        for code in range(a, b + 1):
            table[code] = chr(code) + _MARK
    return table
