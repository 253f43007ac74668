"""PDFs and Word files made in the test suite, laid out the way published plans are.

The PDF maker sets a plan's paragraphs on small pages as a word processor would: hard-wrapped lines,
first lines indented two characters, numbers never split over a line end (so a line may stop short
before one), a running header and a "- N -" footer on every page, a title centred over two lines,
and optionally justified lines whose characters are spread apart. reportlab's built-in Adobe font
STSong-Light needs no font file, and pdfium maps its characters back to Unicode.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_TOKENS = re.compile(r"[0-9A-Za-z.%]+|.")


@dataclass
class Page:
    width: float = 420
    height: float = 595
    left: float = 50
    right: float = 370
    top: float = 540
    bottom: float = 60
    size: float = 12
    leading: float = 18


def wrap(text: str, width: float, size: float, indent: float = 0) -> list[str]:
    """Break a paragraph into lines that fit, never inside a run of digits or Latin letters."""
    lines: list[str] = []
    line = ""
    room = width - indent
    for token in _TOKENS.findall(text):
        if pdfmetrics.stringWidth(line + token, FONT, size) > room and line:
            lines.append(line)
            line = ""
            room = width
        line += token
    if line:
        lines.append(line)
    if len(lines) > 1 and len(lines[-1]) == 1 and not lines[-1].isascii():
        # reportlab draws nothing for a string of one CJK character: carry one more down.
        lines[-2:] = [lines[-2][:-1], lines[-2][-1] + lines[-1]]
    return lines


def make_pdf(
    paragraphs: list[str],
    title: list[str] | None = None,
    header: str | None = "兴安区国民经济和社会发展规划纲要",
    footer: bool = True,
    justified: bool = False,
    page: Page | None = None,
    encrypt: str | None = None,
    scanned: bool = False,
) -> bytes:
    """A PDF of the paragraphs; headings (match `heading`) unindented, body paragraphs indented."""
    from planctl.headings import match_heading

    p = page or Page()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(p.width, p.height), encrypt=encrypt)
    number = 1
    y = p.top

    def furniture() -> None:
        if scanned:
            return
        if header:
            c.setFont(FONT, 9)
            c.drawCentredString(p.width / 2, p.height - 30, header)
        if footer:
            c.setFont(FONT, 9)
            c.drawCentredString(p.width / 2, 30, f"- {number} -")

    def new_page() -> None:
        nonlocal number, y
        c.showPage()
        number += 1
        y = p.top
        furniture()

    furniture()
    if scanned:  # an image of a page: shapes, no text layer
        for k in range(20):
            c.rect(p.left, p.top - k * p.leading, p.right - p.left, 8, fill=1)
        c.showPage()
        c.save()
        return out.getvalue()
    width = p.right - p.left
    for line in title or []:
        c.setFont(FONT, 16)
        c.drawCentredString((p.left + p.right) / 2, y, line)
        y -= 24
    if title:
        y -= 12
    for para in paragraphs:
        heading = match_heading(para.replace("（", "(").replace("）", ")")) is not None and len(para) <= 40
        indent = 0 if heading else 2 * p.size
        # A justified line is spread to the margin: set fewer characters, then space them apart.
        for k, line in enumerate(wrap(para, width * (0.7 if justified else 1), p.size, indent)):
            if y < p.bottom:
                new_page()
            x = p.left + (indent if k == 0 else 0)
            c.setFont(FONT, p.size)
            last = k == len(wrap(para, width * (0.7 if justified else 1), p.size, indent)) - 1
            if justified and not last and not heading and len(line) > 1:
                # Spread the characters over the whole line, as a justified line is set.
                slack = (p.right - x) - pdfmetrics.stringWidth(line, FONT, p.size)
                text = c.beginText(x, y)
                text.setFont(FONT, p.size)
                text.setCharSpace(max(slack, 0) / (len(line) - 1))
                # Some producers pad a justified line with real spaces, which land between CJK characters.
                mid = len(line) // 2
                text.textOut(line[:mid] + " " + line[mid:] if not line[mid - 1 : mid + 1].isascii() else line)
                c.drawText(text)
            else:
                c.drawString(x, y, line)
            y -= p.leading
    c.showPage()
    c.save()
    return out.getvalue()


# -- Word -------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LEVELS = (  # (numFmt, lvlText): the numbering habit of a Chinese plan
    ("chineseCounting", "第%1章"),
    ("chineseCounting", "%2、"),
    ("chineseCounting", "（%3）"),
    ("decimal", "%4."),
)


def _numbering_xml(abstract_id: int, num_id: int) -> tuple[object, object]:
    from docx.oxml import parse_xml

    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    num = parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    return abstract, num


def make_docx(blocks: list[tuple[str, object]]) -> bytes:
    """A .docx of blocks: ("p", text), ("num", (level, text)) numbered by Word, ("heading", (level, text))
    in a heading style, ("bold", (lead, rest)) a bold run-in lead, ("table", rows), ("merged", (rows, spans))
    a table whose cells ((row, column), (last row, last column)) are merged (the text of the first kept)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract, num = _numbering_xml(90, 90)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    for kind, value in blocks:
        if kind == "p":
            document.add_paragraph(str(value))
        elif kind == "num":
            level, text = value  # type: ignore[misc]
            para = document.add_paragraph(text)
            ppr = para._p.get_or_add_pPr()
            num_pr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(level))
            num_id = OxmlElement("w:numId")
            num_id.set(qn("w:val"), "90")
            num_pr.append(ilvl)
            num_pr.append(num_id)
            ppr.append(num_pr)
        elif kind == "heading":
            level, text = value  # type: ignore[misc]
            document.add_heading(text, level)
        elif kind == "bold":
            lead, rest = value  # type: ignore[misc]
            para = document.add_paragraph()
            para.add_run(lead).bold = True
            para.add_run(rest)
        elif kind in ("table", "merged"):
            rows, spans = (value, []) if kind == "table" else value  # type: ignore[misc]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            for r, row in enumerate(rows):  # type: ignore[arg-type]
                for k, cell in enumerate(row):
                    table.cell(r, k).text = cell
            for (r, k), (last_r, last_k) in spans:  # type: ignore[attr-defined]
                first = table.cell(r, k)
                text = first.text
                first.merge(table.cell(last_r, last_k)).text = text  # merging joins the cells' texts
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
