"""Terminal cell widths (a Chinese character takes two cells), fast for the text of plans.

rich measures any text exactly but character by character: some 20 microseconds a cell of a listing, or
seconds for a corpus of 20,000 documents. The text of plans (ASCII, CJK, full-width forms, the usual
punctuation) is measured here from its bytes instead: its width is its length plus its number of wide
characters, and every wide character is at U+3000 or above. Any other text goes to rich.
tests/test_render.py checks every character of both classes against rich.
"""

from __future__ import annotations

import re

# Two cells each in rich: CJK punctuation (less 〪-〯, marks of no width), kana, ideographs, full-width forms.
WIDE = ("\u3000-\u3029\u3030-\u303e\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        "\uff01-\uff60\uffe0-\uffe6")
# One cell each: printable ASCII and Latin-1, general punctuation, letter-like symbols, arrows, numbers in
# circles, box drawing and geometric shapes.
NARROW = "\x20-\x7e\u00a1-\u00ff\u2010-\u2027\u2030-\u205e\u2100-\u21ff\u2460-\u24ff\u2500-\u25fc"

_KNOWN = re.compile(f"[{NARROW}{WIDE}]*")
# Of the two classes, the wide characters are exactly those from U+3000 on: UTF-8 writes them with a lead
# byte E3-EF, UTF-16 with a high byte 30-FF. So text of the two classes is measured and cut by bytes.
_SEP = "\x01"  # joins the texts of a column measured together; in neither class
_OTHER = re.compile(f"[^{NARROW}{WIDE}{_SEP}]")
_NOT_WIDE_LEAD = bytes(b for b in range(256) if not 0xE3 <= b <= 0xEF and b != ord(_SEP))
_CELLS = bytes.maketrans(bytes(range(256)), b"n" * 0x30 + b"W" * 0xD0)  # UTF-16 high byte -> first cell


def cell_width(text: str) -> int:
    if text.isascii() and text.isprintable():
        return len(text)
    if _KNOWN.fullmatch(text):
        return len(text) + len(text.encode().translate(None, _NOT_WIDE_LEAD))
    from rich.cells import cell_len

    return cell_len(text)


def widths(texts: list[str]) -> list[int]:
    """cell_width of each text: a column of a listing is encoded once and every byte but the lead bytes of
    wide characters deleted, leaving each text's count of them between the separators."""
    joined = _SEP.join(texts)
    if not _OTHER.search(joined):
        wide = joined.encode().translate(None, _NOT_WIDE_LEAD).split(_SEP.encode())
        if len(wide) == len(texts):  # else a text held the separator itself
            return [len(text) + len(w) for text, w in zip(texts, wide, strict=True)]
    return list(map(cell_width, texts))


def fit(text: str, width: int) -> str:
    """The text padded with spaces, or cut, to exactly `width` cells (a wide character that would be cut in
    half is left out and replaced by a space)."""
    if not (text.isascii() and text.isprintable()) and not _KNOWN.fullmatch(text):
        from rich.cells import set_cell_size

        return set_cell_size(text, width)
    head = text[: width + 1]  # no more characters fit; the one after them tells whether the text is cut
    cells = head.encode("utf-16-le")[1::2].translate(_CELLS).replace(b"W", b"Wm")  # a byte a cell
    if len(cells) <= width:
        return head + " " * (width - len(cells))
    kept = width - cells.count(b"m", 0, width)  # characters starting in the first `width` cells
    if cells[width] == ord("m"):  # the last of them is wide and would show one of its two cells
        return head[: kept - 1] + " "
    return head[:kept]


def pad(texts: list[str], sizes: list[int], width: int) -> list[str]:
    """fit(text, width) of each text, given its width (from `widths`)."""
    return [text + " " * (width - n) if n <= width else fit(text, width)
            for text, n in zip(texts, sizes, strict=True)]


def pad_ends(texts: list[str], sizes: list[int], width: int) -> list[str]:
    """Each text padded to `width` cells, or cut to its last cells after a “…”, where a name is most
    particular (辽宁省盘锦市兴隆台区 → …盘锦市兴隆台区)."""
    out = []
    for text, n in zip(texts, sizes, strict=True):
        if n <= width:
            out.append(text + " " * (width - n))
        else:
            end = fit(text[::-1], width - 1)[::-1].lstrip(" ")  # a wide character cut in half leaves a space
            out.append("…" + end + " " * (width - 1 - cell_width(end)))
    return out


def share_widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Widths for columns that want `natural` cells in `room` cells in all: the widest narrowed first, each to
    no less than its `least` (rich narrows without regard to a column's least width, then overflows)."""
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        narrower = [i for i, w in enumerate(widths) if w > least[i]]
        if not narrower:
            break
        top = max(widths[i] for i in narrower)
        widest = [i for i in narrower if widths[i] == top]
        floor = max([widths[i] for i in narrower if widths[i] < top] + [least[i] for i in widest])
        step = min(top - floor, -(-excess // len(widest)))
        for i in widest:
            cut = min(step, widths[i] - least[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths
