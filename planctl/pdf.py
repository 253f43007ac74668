"""PDF to paragraphs: the text layer read with pdfium, paragraphs rebuilt from the page layout.

A PDF has no paragraphs, only lines placed on pages. Punctuation is a poor guide to where a
paragraph ends (a line may end on 。 mid-paragraph), the layout is a good one: a line that runs to
the right margin goes on in the next line, unless the next is indented, is a heading, or stands
further down than the line spacing. Running headers and footers and page numbers are dropped;
a paragraph broken by a page goes on across it; a title centred over two lines is one line.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .extracted import Extracted
from .headings import match_heading
from .normalize import normalize_chars
from .text import join_lines

# Under this many characters per page on average, a PDF is a scan without a text layer.
MIN_CHARS_PER_PAGE = 20

_PAGE_NUMBER = re.compile(
    r"^[-—–－~\s]*\d{1,4}[-—–－~\s]*$"
    r"|^第\s*\d{1,4}\s*页(\s*[,/，]?\s*共\s*\d{1,4}\s*页)?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$"
    r"|^(page|p\.)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_LATIN_START = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%‰:/-]*")
_NO_JOIN_END = ("。", "！", "？", "：", ":", "；")
_SUBTITLE_START = ("(", "（", "—", "-", "－", "《")


_DAMAGED = "the PDF is damaged and cannot be read; export or download it again"


class PdfError(ValueError):
    """The PDF cannot be read as text: encrypted, damaged, or a scan without a text layer."""


@dataclass
class _Line:
    page: int  # 1-based
    x0: float
    x1: float
    y: float  # the bottom of the line, from the bottom of the page
    size: float  # height of its first character's box (ascent to descent): the type size, in effect
    text: str


def _page_lines(textpage: object, page: int) -> list[_Line]:
    """The lines of one page as pdfium finds them, each with its extent and baseline."""
    text: str = textpage.get_text_range()  # type: ignore[attr-defined]
    lines: list[_Line] = []
    start = 0
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = start + len(raw) - len(raw.lstrip())
            last = start + len(raw.rstrip()) - 1
            # Loose boxes span the font's ascent and descent: the same height for every glyph of a line,
            # where the tight box of 一 or “ is a sliver above the baseline.
            x0, y0, _, top = textpage.get_charbox(first, loose=True)  # type: ignore[attr-defined]
            _, _, x1, _ = textpage.get_charbox(last, loose=True)  # type: ignore[attr-defined]
            lines.append(_Line(page, x0, x1, y0, top - y0, stripped))
        start += len(raw) + 2
    # pdfium gives lines in content order; a header drawn last still belongs on top.
    lines.sort(key=lambda ln: -ln.y)
    return lines


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.replace(" ", ""))


def _edges(lines: list[_Line], edge: int = 2) -> list[_Line]:
    """The lines where running headers, footers and page numbers stand: the top and bottom ones."""
    return lines if len(lines) <= 2 * edge else lines[:edge] + lines[-edge:]


def _drop_furniture(pages: list[list[_Line]], spacing: float) -> list[_Line]:
    """Body lines of all pages in order: page numbers and lines recurring at the top or bottom of most
    pages removed. The first page keeps a line at another height than the running one (its title)."""
    edge_keys = [{id(ln): _furniture_key(ln.text) for ln in _edges(lines)} for lines in pages]
    seen: Counter[str] = Counter()
    heights: dict[str, list[float]] = {}
    for lines, keys in zip(pages, edge_keys, strict=True):
        seen.update(set(keys.values()))
        for ln in lines:
            if id(ln) in keys:
                heights.setdefault(keys[id(ln)], []).append(ln.y)
    usual = {k: statistics.median(heights[k]) for k, n in seen.items() if n >= max(2, len(pages) / 2)}
    body: list[_Line] = []
    for lines, keys in zip(pages, edge_keys, strict=True):
        for ln in lines:
            key = keys.get(id(ln))
            if key is not None:
                if _PAGE_NUMBER.match(ln.text):
                    continue
                if key in usual and (ln.page > 1 or abs(ln.y - usual[key]) < spacing * ln.size / 2):
                    continue
            body.append(ln)
    return body


def _ems(text: str) -> float:
    """Width of a line in full-width characters: ASCII letters and digits are about half as wide.

    Counted from the UTF-8 length (1 byte for ASCII, 3 for CJK) rather than character by character."""
    wide = (len(text.encode("utf-8")) - len(text)) / 2
    return (wide + (len(text) - wide) / 2) or 1.0


def _layout(lines: list[_Line]) -> tuple[float, float, float, float]:
    """Left margin, right margin, character width and line spacing (at the body's font size)."""
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    long_ends = sorted(ln.x1 for ln in lines if len(ln.text) >= 10) or sorted(ln.x1 for ln in lines)
    right = long_ends[int(len(long_ends) * 0.9)] if len(long_ends) > 1 else long_ends[0]
    widths = [(ln.x1 - ln.x0) / _ems(ln.text) for ln in lines if len(ln.text) >= 10]
    char = statistics.median(widths) if widths else 10.0
    gaps = [a.y - b.y for a, b in itertools.pairwise(lines)
            if a.page == b.page and 0 < a.y - b.y < 4 * char]
    spacing = statistics.median(gaps) if gaps else 1.5 * char
    body_size = statistics.median(ln.size for ln in lines) or 1.0
    return left, right, char, spacing / body_size


def _reaches_right(line: _Line, nxt: _Line, right: float, char: float) -> bool:
    """The line runs to the right margin, or stops short only because the next word would not fit."""
    if line.x1 >= right - 2 * char:  # ragged by a character or two: line-breaking rules, narrow Latin
        return True
    word = _LATIN_START.match(nxt.text)
    return word is not None and right - line.x1 < (len(word.group(0)) * 0.6 + 1) * char


def _centred(line: _Line, left: float, right: float, char: float) -> bool:
    middle = (left + right) / 2
    return line.x0 > left + 2 * char and abs((line.x0 + line.x1) / 2 - middle) < 2 * char


def paragraphs(lines: list[_Line]) -> list[tuple[int, str]]:
    """(page, text) of each paragraph rebuilt from the body lines."""
    if not lines:
        return []
    left, right, char, spacing = _layout(lines)
    out: list[tuple[int, str]] = []
    prev: _Line | None = None
    for ln in lines:
        text = normalize_chars(ln.text)
        if prev is not None and out:
            same_page = prev.page == ln.page
            # Larger type stands further apart: the gap is measured against the spacing at its size.
            gap_ok = not same_page or prev.y - ln.y <= 1.3 * spacing * max(prev.size, ln.size)
            heading = match_heading(text) is not None
            if _centred(prev, left, right, char) and _centred(ln, left, right, char):
                # A title centred over two lines; not a subtitle or date line under it.
                joined = gap_ok and not out[-1][1].endswith(_NO_JOIN_END) and not text.startswith(_SUBTITLE_START)
            else:
                joined = (
                    _reaches_right(prev, ln, right, char)
                    and ln.x0 < left + 1.2 * char
                    and not heading
                    and gap_ok
                )
            if joined:
                out[-1] = (out[-1][0], join_lines(out[-1][1], text))
                prev = ln
                continue
        out.append((ln.page, text))
        prev = ln
    return out


def read_pdf(data: bytes) -> Extracted:
    """The paragraphs of a PDF's text layer, one per line, with the page each starts on."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise PdfError("the PDF is encrypted; open it with its password and save an unprotected copy") from None
        raise PdfError(_DAMAGED) from None
    try:
        pages: list[list[_Line]] = []
        chars = 0
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            chars += textpage.count_chars()
            pages.append(_page_lines(textpage, number + 1))
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise PdfError(_DAMAGED) from None
    finally:
        pdf.close()
    if not pages or chars < MIN_CHARS_PER_PAGE * len(pages):
        raise PdfError("the PDF has no text layer (a scan); run OCR on it first, e.g. `ocrmypdf in.pdf out.pdf`")
    every = [ln for lines in pages for ln in lines]
    _, _, _, spacing = _layout(every)
    found = paragraphs(_drop_furniture(pages, spacing))
    return Extracted("\n".join(text for _, text in found), [page for page, _ in found], "pdf")
