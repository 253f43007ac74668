"""Word documents to paragraphs: .docx with python-docx, legacy .doc with antiword where installed.

Word's automatic numbering (第一章, 一、, (一), 1.) lives in numbering.xml, not in the paragraph's
text, so a heading numbered by Word would lose its number and with it its place in the outline; the
numbers are rendered here the way Word draws them. Heading styles and wholly bold short lines are
passed on as Markdown marks, which the parser reads as hints for unnumbered headings.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Any

from .extracted import Extracted
from .headings import MAX_TITLE, SENTENCE_END, match_heading
from .markup import table_row
from .numerals import int_to_cn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.I)
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


class WordError(ValueError):
    """The Word file cannot be read."""


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter drawn in one of Word's number formats (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "taiwaneseCountingThousand"):
        return int_to_cn(n)
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL[int(d)] for d in str(n)) if n >= 10 else _LEGAL[n]
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _HEAVENLY[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # restart after this (0-based) level; None: after any higher level


@dataclass
class Numbering:
    """numbering.xml: which abstract list each w:num uses, the levels of each, and running counters."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: Any) -> Numbering:
        numbering = cls()
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                level = _Level()
                for child, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    node = lvl.find(f"{_W}{child}")
                    if node is not None:
                        setattr(level, attr, node.get(f"{_W}val", ""))
                start = lvl.find(f"{_W}start")
                if start is not None:
                    level.start = int(start.get(f"{_W}val", "1"))
                restart = lvl.find(f"{_W}lvlRestart")
                if restart is not None:
                    level.restart = int(restart.get(f"{_W}val", "0")) - 1
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = level
            numbering.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                numbering.abstract_of[num_id] = ref.get(f"{_W}val", "")
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    ilvl = int(override.get(f"{_W}ilvl", "0"))
                    numbering.overrides[(num_id, ilvl)] = int(start.get(f"{_W}val", "1"))
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one more item at this level and draw its number (第三章, (二), 1.)."""
        abstract = self.abstract_of.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if (num_id, ilvl) in self.overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = self.overrides[(num_id, ilvl)] - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, lv in levels.items():
            if deeper > ilvl and (lv.restart is None or lv.restart >= ilvl) and lv.restart != -1:
                counters.pop(deeper, None)
        if level.fmt == "bullet":
            return ""

        def draw(m: re.Match[str]) -> str:
            which = int(m.group(1)) - 1
            lv = levels.get(which, _Level())
            return format_number(counters.get(which, lv.start), lv.fmt)

        return re.sub(r"%(\d)", draw, level.text)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The list a paragraph belongs to: its own w:numPr, else its style's."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is not None:
            return num_id.get(f"{_W}val", "0"), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    return None


def _heading_level(paragraph: Any) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    m = _HEADING_STYLE.match(name or "")
    if m:
        return int(m.group(2))
    ppr = paragraph._p.pPr
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if outline is not None:
        level = int(outline.get(f"{_W}val", "9"))
        return level + 1 if level < 9 else None
    return None


def _all_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(
        r.bold or (r.bold is None and (style_bold or (r.style is not None and r.style.font.bold))) for r in runs
    )


def _paragraph_line(paragraph: Any, numbering: Numbering | None) -> str:
    text = re.sub(r"\s*\n\s*", "", paragraph.text).replace("\t", " ").strip()
    num = _num_pr(paragraph) if numbering is not None else None
    label = numbering.label(*num) if numbering is not None and num is not None and text else ""
    if label:
        text = f"{label} {text}"  # Word draws a tab after the number by default
    if not text:
        return ""
    short = len(text) <= MAX_TITLE and not any(p in text for p in SENTENCE_END)
    if match_heading(text) is None and short:
        level = _heading_level(paragraph)
        if level is not None:
            return f"{'#' * min(level, 6)} {text}"
        if _all_bold(paragraph) and not text.endswith((":", "：")):
            return f"**{text}**"
    return text


def _table_lines(table: Any) -> list[str]:
    """Each row with a cell per column of the table's grid. python-docx gives a merged cell once for each
    column and row it covers; it is written once, where it begins, and the columns and rows it covers are
    left empty, as a web page's colspan and rowspan are (markup.py)."""
    lines = []
    above: list[Any] = []  # the row above's cells, by column
    for row in table.rows:
        cells: list[str] = []
        here: list[Any] = []
        for column, cell in enumerate(row.cells):
            tc = cell._tc  # kept in `here`, so that the same cell is the same object (lxml reuses a live proxy)
            covered = (here and here[-1] is tc) or (column < len(above) and above[column] is tc)
            here.append(tc)
            cells.append("" if covered else re.sub(r"\s+", " ", cell.text).strip())
        above = here
        if any(cells):
            lines.append(table_row(cells))
    return lines


def read_docx(data: bytes) -> Extracted:
    """Paragraphs and tables of a .docx in document order, Word's numbering drawn into the text."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx, zipfile and lxml each raise their own types for a broken file
        raise WordError("the .docx is damaged or incomplete; open it in Word or WPS and save it again") from None
    numbering = None
    with contextlib.suppress(KeyError, NotImplementedError):  # no numbering part: nothing is numbered by Word
        numbering = Numbering.from_xml(document.part.numbering_part.element)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block))
        else:
            line = _paragraph_line(block, numbering)
            if line:
                lines.append(line)
    return Extracted("\n".join(lines), [], "docx")


def read_doc(data: bytes) -> Extracted:
    """A legacy .doc through antiword, which is not a Python package: a clear message where it is missing."""
    antiword = shutil.which("antiword")
    if antiword is None:
        raise WordError("a legacy Word .doc file; install antiword (e.g. `apt-get install antiword`) "
                        "or save it as .docx")
    with tempfile.NamedTemporaryFile(suffix=".doc", delete=False) as tmp:
        tmp.write(data)
    try:
        result = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", tmp.name],
                                capture_output=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        raise WordError("antiword took over 2 minutes on this .doc; save it as .docx instead") from None
    finally:
        os.unlink(tmp.name)
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise WordError(f"antiword cannot read this .doc ({reason[-1] if reason else 'no reason given'}); "
                        "save it as .docx")
    text = result.stdout.decode("utf-8", "replace")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Extracted("\n".join(paragraphs), [], "doc")
