"""Markup to plain lines: HTML pages, Markdown conversions, YAML front matter."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

_HTML_HINT = re.compile(r"<\s*(!doctype|html|body|div|p|br|table|span|head)\b", re.I)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "header", "footer", "ul", "ol", "title", "blockquote", "pre", "hr",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}
# Elements whose text flows as one paragraph: a line break in their source is a space. A large text outside
# them (a plan pasted whole into a <div>) keeps its line breaks, the only structure it has; so does a <pre>.
_FLOW_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption", "title", "a"}
_CELL_TEXT = 120  # characters: a table cell holding more is a page's layout around paragraphs, not a value


def _is_text_block(data: str) -> bool:
    """A text node that is a document's text with its own line breaks (several lines, some of them long),
    not markup's indentation or a menu's words."""
    lines = [line for line in data.split("\n") if line.strip()]
    return len(lines) >= 3 and any(len(line.strip()) >= 30 for line in lines)


def table_row(cells: Sequence[str]) -> str:
    """A table's row as a line the parser reads as one (| a | b |), from a web page, a Word file or a table
    written without rules; a | inside a cell is written / so that it does not cut the cell in two."""
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


@dataclass
class _Table:
    row: list[str] | None = None  # the cells of the open row
    cell_from: int | None = None  # where the open cell's text begins in the extractor's parts
    cell_span: tuple[int, int] = (1, 1)  # the open cell's rows and columns (rowspan, colspan)
    below: dict[int, int] = field(default_factory=dict)  # column → rows still covered by a cell above

    def add(self, text: str) -> None:
        """The open cell's text to its row (opened with the cell), after empty cells where a cell of a row
        above reaches down (rowspan), and before those it covers itself (colspan): every row keeps its columns."""
        assert self.row is not None
        while self.below.get(len(self.row)):
            self.below[len(self.row)] -= 1
            self.row.append("")
        rows, columns = self.cell_span
        for n in range(columns):
            if rows > 1:
                self.below[len(self.row)] = rows - 1
            self.row.append("" if n else text)


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or ""
    return min(int(value), 100) if value.strip().isdigit() and int(value) > 0 else 1


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.flow = 0
        self.pre = 0
        self.tables: list[_Table] = []

    # A row of short cells is one line, "| a | b |", which the parser reads as a table row; a cell holding
    # paragraphs (a table used for layout) keeps their lines, and so does a row of one cell.
    def _end_cell(self, table: _Table) -> None:
        if table.cell_from is not None:
            text = "".join(self.parts[table.cell_from :])
            del self.parts[table.cell_from :]
            table.add(text)
            table.cell_from = None

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.row and any(table.below.values()):  # covered columns after the row's last cell
            for column in sorted(c for c, n in table.below.items() if n and c >= len(table.row)):
                table.row += [""] * (column - len(table.row) + 1)
                table.below[column] -= 1
        cells, table.row = table.row, None
        if not cells:
            return
        flat = [" ".join(c.split()) for c in cells]
        # A row of one cell, or of one cell across the table (a title, a group), is a line of text.
        if sum(1 for f in flat if f) > 1 and all(len(f) <= _CELL_TEXT for f in flat):
            self.parts.append(f"\n{table_row(flat)}\n")
        else:
            self.parts.append("\n" + "\n".join(c for c in cells if c.strip()) + "\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS and tag != "head":
            self.skip += 1
        elif tag == "table":
            self.parts.append("\n")
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._end_row(self.tables[-1])
            self.tables[-1].row = []
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            self._end_cell(table)
            if table.row is None:
                table.row = []
            table.cell_span = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
            table.cell_from = len(self.parts)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        self._depth(tag, 1)

    def handle_endtag(self, tag: str) -> None:
        self._depth(tag, -1)
        if tag in _SKIP_TAGS and tag != "head":
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            self._end_row(self.tables.pop())
            self.parts.append("\n")
        elif tag == "tr" and self.tables:
            self._end_row(self.tables[-1])
        elif tag in ("td", "th") and self.tables:
            self._end_cell(self.tables[-1])
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def _depth(self, tag: str, step: int) -> None:
        if tag in _FLOW_TAGS:
            self.flow = max(0, self.flow + step)
        if tag == "pre":
            self.pre = max(0, self.pre + step)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            keep = self.pre or (not self.flow and _is_text_block(data))
            self.parts.append(data if keep else data.replace("\n", " "))


def looks_like_html(text: str) -> bool:
    head = text[:3000]
    return bool(_HTML_HINT.search(head)) and head.count("<") >= 3


def html_to_text(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return re.sub(r"\n\s*\n+", "\n", "".join(parser.parts)).strip("\n")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n)*?---[ \t]*\n")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(?=\S)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_CHARS = re.compile(r"[#*_>\[!<+|=-]")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def strip_markdown_line(line: str) -> tuple[str, str]:
    """Remove Markdown marks from one line; say how it was marked: "heading" (#), "bold" (**…**) or ""."""
    if not _MD_CHARS.search(line):
        return line, ""
    marked = ""
    if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
        return "", ""
    if _MD_HEADING.match(line):
        line = _MD_HEADING.sub("", line)
        marked = "heading"
    line = _MD_QUOTE.sub("", line)
    line = _MD_BULLET.sub("", line)
    stripped = line.strip()
    if stripped.startswith(("**", "__")) and _MD_EMPH.match(stripped):
        marked = marked or "bold"
    line = _MD_EMPH.sub(r"\2", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    return line, marked


_LITERAL_BREAK = re.compile(r"\\r\\n|\\n|\\r")


def literal_breaks(text: str) -> str:
    """Line breaks written out as the characters \\r\\n (a scrape stored through an escaping step) made real.

    Only where they outnumber the real line breaks: a plan does not otherwise contain backslashes."""
    escaped = text.count("\\n") + text.count("\\r")
    if escaped >= 3 and escaped > text.count("\n"):
        return _LITERAL_BREAK.sub("\n", text)
    return text


# A character reference left in text copied from a web page: &nbsp; &amp; &#12288; &#x3000;
_CHARREF = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _charref(m: re.Match[str]) -> str:
    """The character a reference stands for (a line break as a space: lines keep their numbers); an unknown
    name is kept as written."""
    return html.unescape(m.group(0)).replace("\r", " ").replace("\n", " ")


def prepare(text: str) -> tuple[list[str], list[str]]:
    """Plain lines of a document and, per line, how markup marked it ("heading", "bold" or "")."""
    text = literal_breaks(text)
    if looks_like_html(text):
        text = html_to_text(text)
    else:
        front = _FRONT_MATTER.match(text)
        if front:
            # Keep line numbers: blank out the front matter instead of deleting it.
            text = "\n" * front.group(0).count("\n") + text[front.end() :]
        text = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        if "&" in text:
            text = _CHARREF.sub(_charref, text)
    lines: list[str] = []
    marks: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, marked = strip_markdown_line(raw)
        lines.append(line)
        marks.append(marked)
    return lines, marks
