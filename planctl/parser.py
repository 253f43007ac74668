"""Text to outline: front matter, table of contents, numbered headings, paragraphs, tables, glossary.

Levels are not read off a fixed table: a numbering style gets the level at which it first appears
in this document, so a plan that starts at 第一篇 and one that starts at 一、 both outline right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import partial

from . import markup, plaintables
from .decoding import decode
from .furniture import furniture_kinds, second_copies
from .headings import (
    APPENDIX_TITLE,
    GLOSSARY_TITLE,
    MAX_TITLE,
    PART_TITLE,
    PREFACE_TITLE,
    SENTENCE_END,
    TOC_TITLE,
    HeadingMatch,
    match_heading,
    split_title,
)
from .normalize import normalize_lines, normalize_piece
from .numerals import NUMERAL_CHARS
from .outline import Document, GlossaryEntry, Paragraph, Section, Table
from .text import CJK, join_lines
from .wrapping import OVER, goes_on, margin

PARSER_VERSION = "1"

# A lead phrase is a sentence of its own, ended by 。; a clause ended by ; is the first item of a list.
_TOPIC = re.compile(rf"^(?:——|—|-)?\s*([^{SENTENCE_END}:,]{{2,24}}(?:,[^{SENTENCE_END}:,]{{2,16}})?)。")
# Not a lead phrase: a quotation, a number, an address to the audience (各位代表), a time or a reason.
_NOT_TOPIC = re.compile(
    r"^(“|\"|\d|各位|从|在|当前|今后|展望|面对|其中|同时|此外|目前|近年|过去|经过|根据|按照)"
    r"|是|我们"
)
# A contents line's leader and page number (… 12, ..... 3, a tab and 7; or 7 right after the title, where
# normalising took the tab between a Chinese character and a digit away)
_TOC_LEADER = re.compile(rf"(\.{{2,}}|…{{1,}}|·{{2,}}|-{{3,}})\s*\d*\s*$|\s+\d{{1,3}}$|(?<=[{CJK}”)》])\d{{1,3}}$")
_TOC_ENTRY = re.compile(r"(第[一二三四五六七八九十百〇零\d]+[篇章节]|第[一二三四五六七八九十\d]+部分)")
_COVER_HINT = re.compile(r"印发给你们|现印发|现将.{0,60}印发|请认真(组织)?(贯彻)?(执行|实施|落实)|请遵照执行")
_DATE_LINE = re.compile(
    r"^\d{4}年\d{1,2}月(\d{1,2}日)?$|^[二〇一二三四五六七八九十○]{4}年[一二三四五六七八九十]{1,2}月"
)
# A box's title: 专栏3 “1026”先进制造业集群体系, 专栏 2 服务业发展重点领域, 专栏十二 …
_BOX = re.compile(rf"^专栏\s*[\d{NUMERAL_CHARS}]")
_BOX_ITEMS = ("1.", "(1)", "①")  # the numberings of a box's items
# 注: / 注1. / 注① under a table, not a row's name that begins with 注 (注册护士数)
_NOTE_START = re.compile(r"^(注|说明|备注|资料来源|数据来源)\s*([:：]|\d|[\u2460-\u2473])")
_NOTE_CONT = re.compile(r"^([\u2460-\u2473]|\(\d{1,2}\)|\d{1,2}[.、])")
_RANKED = {"部分": 0, "篇": 1, "章": 2, "节": 3}


def topic_of(text: str) -> str | None:
    """The short lead phrase a paragraph opens with (构建办事方便的营商环境。…), if any."""
    m = _TOPIC.match(text)
    if not m:
        return None
    topic = m.group(1).strip()
    if len(topic) < 4 or _NOT_TOPIC.search(topic) or ("," in topic and len(topic) > 22):
        return None
    return topic


def _is_table_row(text: str) -> bool:
    return text.count("|") >= 2


def _titleish(text: str, damaged: bool = False) -> bool:
    return (
        len(text) <= 60
        and (damaged or not any(p in text for p in SENTENCE_END))
        and not text.endswith((":", "："))
        and not _is_table_row(text)
        and match_heading(text) is None
        and not text.replace(" ", "").startswith("目录")
        and not PREFACE_TITLE.match(text)
        and not GLOSSARY_TITLE.match(text)
        and not (APPENDIX_TITLE.match(text) and len(text) <= 12)
        and not PART_TITLE.match(text)  # 2024年工作回顾 right under the title opens the body
    )


@dataclass
class _Line:
    no: int
    text: str
    marked: str  # "heading" (Markdown #, a Word heading style), "bold", or ""


class _Builder:
    def __init__(self, doc: Document, lines: list[_Line]) -> None:
        self.doc = doc
        self.lines = lines
        self._written: Counter[str] | None = None
        self._listed: tuple[int, set[str]] = (0, set())  # (entries read, their texts) of the table of contents
        self.stack: list[Section] = []
        self.style_level: dict[str, int] = {}
        self.table: Table | None = None
        self.last_table: Table | None = None
        self.in_notes = False
        self.toc_mode = False
        self.pending_topic: Paragraph | None = None
        self.last_paragraph_line = 0
        self.box_line: int | None = None  # the last line read of a box (专栏) still open
        self.box_items = 0  # how many items it has had

    def written_twice(self, text: str) -> bool:
        """Whether the document has this line (spaces aside) more than once: a contents entry and its heading."""
        if self._written is None:
            self._written = Counter(ln.text.replace(" ", "") for ln in self.lines)
        return self._written[text.replace(" ", "")] > 1

    def listed(self, heading: str) -> bool:
        """Whether the table of contents has this heading (spaces and leaders aside)."""
        if self._listed[0] != len(self.doc.toc):  # a heading may come before the contents (a cover letter's)
            self._listed = (len(self.doc.toc), {_TOC_LEADER.sub("", e).replace(" ", "") for e in self.doc.toc})
        return heading.replace(" ", "") in self._listed[1]

    # -- placing things -------------------------------------------------------------------
    def _paragraphs(self) -> list[Paragraph]:
        return self.stack[-1].paragraphs if self.stack else self.doc.preamble

    def add_paragraph(self, text: str, no: int, lead: bool = True) -> None:
        """Add a paragraph; `lead`: it may open with a lead phrase (not a title's explanation after a colon)."""
        self.flush_table()
        if self.pending_topic is not None:
            pending = self.pending_topic
            self.pending_topic = None
            self._paragraphs().append(Paragraph(pending.text + text, pending.line, pending.topic))
            return
        topic = topic_of(text) if lead else None
        rest_after = text[len(topic) + 1 :].strip() if topic else ""
        para = Paragraph(text, no, topic)
        if topic and not rest_after and len(text) <= MAX_TITLE:
            # A topic sentence on a line of its own leads the paragraph that follows it.
            self.pending_topic = para
            return
        self._paragraphs().append(para)

    def flush_pending(self) -> None:
        if self.pending_topic is not None:
            self._paragraphs().append(self.pending_topic)
            self.pending_topic = None

    def flush_table(self) -> None:
        if self.table is not None:
            self.last_table = self.table
            self.table = None

    def add_table_row(self, text: str, no: int) -> None:
        self.flush_pending()
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if self.table is None:
            caption = None
            paras = self._paragraphs()
            if (
                paras
                and paras[-1].line == self.last_paragraph_line
                and len(paras[-1].text) <= 60
                and not any(p in paras[-1].text for p in SENTENCE_END)
            ):
                caption = paras.pop().text
            self.table = Table([], no, caption)
            (self.stack[-1].tables if self.stack else self.doc.tables).append(self.table)
        self.table.rows.append(cells)
        self.table.lines.append(no)

    @property
    def in_block(self) -> bool:
        """Whether the text is in an appendix or glossary, whose numbering is its own."""
        return bool(self.stack) and self.stack[0].kind in ("glossary", "appendix")

    def open_block(self, kind: str, title: str, no: int) -> None:
        self.flush_pending()
        self.flush_table()
        last = self.stack[0] if self.stack else None
        if kind == "glossary" and last and last.kind == "appendix" and not (last.own_text() or last.children):
            # 附件 / 《政府工作报告》有关内容名词注释: an appendix that is a glossary, its title over two lines
            self.doc.sections.remove(last)
            title, no = f"{last.title} {title}", last.line
        section = Section("", title, kind, 0, no, kind=kind, level=1)
        self.doc.sections.append(section)
        self.stack = [section]

    def open_heading(self, h: HeadingMatch, title: str, no: int) -> Section:
        self.flush_pending()
        self.flush_table()
        if self.stack and self.stack[0].kind == "preface":
            self.stack = []
        styles = [s.style for s in self.stack]
        if h.style in styles:
            del self.stack[styles.index(h.style) :]
        elif self.in_block and h.number == 1:
            pass  # numbering starts again in an appendix (附件1 / 一、提高低保…): under it, whatever the body used
        elif h.style in self.style_level and self.style_level[h.style] <= len(self.stack):
            del self.stack[self.style_level[h.style] - 1 :]
        if h.style in _RANKED:
            # 篇 is never under 章, whatever order they first appeared in.
            while self.stack and self.stack[-1].style in _RANKED and (
                _RANKED[self.stack[-1].style] >= _RANKED[h.style]
            ):
                self.stack.pop()
        level = len(self.stack) + 1
        if not self.in_block:
            self.style_level.setdefault(h.style, level)
        section = Section(h.label, title, h.style, h.number, no, level=level)
        if self.stack:
            self.stack[-1].children.append(section)
        else:
            self.doc.sections.append(section)
        self.stack.append(section)
        return section


def _front_matter(lines: list[_Line], doc: Document) -> int:
    """Move the cover letter and the title block into front matter; return where the body starts."""
    i = 0
    if lines and lines[0].text.endswith((":", "：")):
        window = " ".join(x.text for x in lines[:5])
        if _COVER_HINT.search(window):
            j = 0
            while j < len(lines) and j < 30:
                doc.front_matter.append(Paragraph(lines[j].text, lines[j].no))
                j += 1
                if _DATE_LINE.match(lines[j - 1].text):
                    break
            if j < len(lines) and re.match(r"^\(.{2,12}\)$", lines[j].text):
                doc.front_matter.append(Paragraph(lines[j].text, lines[j].no))
                j += 1
            i = j
    damaged = {w.line for w in doc.warnings}
    while (
        i < len(lines)
        and _titleish(lines[i].text, lines[i].no in damaged)
        and len(doc.front_matter) < 40
        and not (lines[i].marked == "heading" and doc.front_matter)  # a marked heading ends the title block
    ):
        doc.front_matter.append(Paragraph(lines[i].text, lines[i].no))
        i += 1
    return i


# An entry of a glossary numbered as a note: [1]“六稳”“六保”任务:…, 【3】…
_NOTE_ENTRY = re.compile(r"^([\[【]\s*\d{1,3}\s*[\]】])\s*(?=\S)")


def _numbered_entry(text: str, h: HeadingMatch | None) -> tuple[str, str] | None:
    """(number, rest) of a glossary line numbered as a note ([1]…) or as a heading (1.…); None if unnumbered."""
    if note := _NOTE_ENTRY.match(text):
        return note.group(1), text[note.end() :]
    return (h.label, h.rest) if h is not None else None


_BRACKETED_TERM = re.compile(r"^[\[【]([^\]】]{1,30})[\]】][:：]?")  # 1.[三个收官]即实现脱贫攻坚、…


def _glossary_entry(label: str, rest: str, no: int) -> GlossaryEntry:
    rest = rest.lstrip(":：")  # [24] :“四个不摘”:即…
    if bracketed := _BRACKETED_TERM.match(rest):
        return GlossaryEntry(label, bracketed.group(1), rest[bracketed.end() :].strip(), no)
    cut = next((i for i, c in enumerate(rest) if c in ":。"), -1)
    if 0 < cut <= 30:
        return GlossaryEntry(label, rest[:cut], rest[cut + 1 :].strip(), no)
    return GlossaryEntry(label, rest, "", no)


def _lines(text: str, source: str, encoding: str) -> tuple[Document, list[_Line], list[str]]:
    """The document's lines without markup and web furniture, normalised; the furniture set aside."""
    raw_lines, marks = markup.prepare(text)
    norm, warnings, traditional = normalize_lines(raw_lines)
    doc = Document(source=source, encoding=encoding, traditional=traditional, warnings=warnings)
    lines: list[_Line] = []
    for no, (line, marked, kind) in enumerate(zip(norm, marks, furniture_kinds(norm), strict=True), 1):
        if not line:
            continue
        if kind:
            doc.furniture.append((no, kind, line))
            continue
        lines.append(_Line(no, line, marked))
    copies = second_copies([ln.text for ln in lines])
    if copies:
        doc.furniture += [(ln.no, "repeated text", ln.text) for n, ln in enumerate(lines) if n in copies]
        doc.furniture.sort()
        lines = [ln for n, ln in enumerate(lines) if n not in copies]
    lines = _plain_tables(lines, raw_lines, traditional)
    return doc, _unwrapped(lines, raw_lines, norm), norm


def _plain_tables(lines: list[_Line], raw: list[str], traditional: bool) -> list[_Line]:
    """Tables written with spaces or line breaks between their cells (plaintables.py: indicator tables, and the
    tables of boxes), as rows of cells like the tables written with rules: each row a line, numbered as the
    line the row begins on."""
    texts, written = [ln.text for ln in lines], [raw[ln.no - 1] for ln in lines]
    cell = partial(normalize_piece, traditional=traditional)
    found = plaintables.read(texts, written, cell)
    taken = {n for table in found for n in range(table.first, table.last + 1)}
    found += [t for t in plaintables.read_box_tables(texts, written, [ln.no for ln in lines], cell, _opens_box,
                                                     lambda text: _ends_box(match_heading(text)))
              if not taken & set(range(t.first - 1, t.last + 1))]
    found.sort(key=lambda t: t.first)
    if not found:
        return lines
    out: list[_Line] = []
    done = 0
    for table in found:
        out += lines[done : table.first]
        out += [_Line(lines[row.first].no, markup.table_row(row.cells), "") for row in table.rows]
        done = table.last + 1
    return out + lines[done:]


def _title_only(text: str) -> bool:
    h = match_heading(text)
    return h is not None and not split_title(h.rest)[1]


def _unwrapped(lines: list[_Line], raw: list[str], norm: list[str]) -> list[_Line]:
    """Lines broken in the middle of a sentence joined back into paragraphs (wrapping.py): in any text where
    punctuation says so (二、“ / 十四五 / ”时期…, a copy that broke lines at a page's inline markup), and in a
    text wrapped at a fixed width where a line reaches the margin. A blank line between two lines ends a
    paragraph; furniture between them (a page number) does not. A joined line keeps its first line's number."""
    if not lines:
        return lines
    found = margin([raw[ln.no - 1].strip() for ln in lines])
    right, widths = found if found is not None else (None, [0] * len(lines))
    out = [lines[0]]
    last_no, last_width, last_text = lines[0].no, widths[0], lines[0].text
    for ln, w in zip(lines[1:], widths[1:], strict=True):
        prev = out[-1]
        if (  # cheapest test first: most lines end their sentence and the next begins one
            goes_on(last_text, last_width, right, ln.text)
            and not (ln.no - last_no > 1 and not any(norm[last_no : ln.no - 1]))  # a blank line between
            and not (prev.marked or ln.marked or _is_table_row(last_text) or _is_table_row(ln.text))
            and not _title_only(prev.text)  # the body starts below a heading, unless it began on its line
        ):
            out[-1] = _Line(prev.no, join_lines(prev.text, ln.text), "")
            # Pieces that fit in one line of the page were one line of it, cut where a copy out of a PDF
            # broke it (球唯一的“双奥之城” / ,首都现代化建设取得…): the line reaches as far as both.
            w = last_width + w if right is not None and last_width + w <= right + OVER else w
        else:
            out.append(ln)
        last_no, last_width, last_text = ln.no, w, ln.text
    return out


def _toc(b: _Builder, ln: _Line, h: HeadingMatch | None) -> bool:
    """A table of contents: its title, its entries one per line or all on one line. True if taken."""
    doc, text = b.doc, ln.text
    compact = text.replace(" ", "")
    if TOC_TITLE.match(compact):
        b.toc_mode = True
        doc.toc.append(text)
        return True
    if compact.startswith("目录") and len(_TOC_ENTRY.findall(compact)) >= 2:
        for entry in re.split(r"(?=第[一二三四五六七八九十百〇零\d]+[篇章节部])", text[2:]):
            eh = match_heading(entry.strip())
            if eh is not None:
                doc.toc.append(f"{eh.label} {eh.rest.strip()}")
        return True
    if not b.toc_mode:
        return False
    leader = _TOC_LEADER.search(text)
    first_toc = doc.toc[1] if len(doc.toc) > 1 else None
    here = text.replace(" ", "").replace(".", "")
    first = _TOC_LEADER.sub("", first_toc).replace(" ", "").replace(".", "") if first_toc else ""
    # The body begins again with the first entry, or with its first line (a title the body breaks in two)
    is_repeat = bool(first) and (first == here or (h is not None and first.startswith(here)))
    # An entry is numbered, or has a leader to its page, or is a short line the body has again (名词解释, 附件)
    listed = h is not None or leader or (len(text) <= MAX_TITLE and b.written_twice(text))
    bare = _TOC_LEADER.sub("", text)
    if listed and not is_repeat and len(bare) <= 80:  # a long leader is no text
        entry = bare.rstrip(" .")
        if h is not None:
            entry = f"{h.label} {_TOC_LEADER.sub('', h.rest).rstrip(' .')}"
        doc.toc.append(entry)
        return True
    b.toc_mode = False  # the first line that is no entry ends the table of contents
    return False


def _table(b: _Builder, ln: _Line) -> bool:
    """A table row, or a note under a table (注:, 资料来源:, ①…). True if taken."""
    if _is_table_row(ln.text):
        b.add_table_row(ln.text, ln.no)
        return True
    if b.table is not None or b.in_notes:
        table = b.table or b.last_table
        if table is not None and (_NOTE_START.match(ln.text) or (b.in_notes and _NOTE_CONT.match(ln.text))):
            b.flush_table()
            table.notes.append(ln.text)
            b.in_notes = True
            return True
        b.in_notes = False
    return False


def _opens_box(text: str) -> bool:
    return _BOX.match(text) is not None


def _ends_box(h: HeadingMatch | None) -> bool:
    """A heading of the text's own numbering (第三节, 一、), which ends a box; not a box's item (1. (1) ①)."""
    return h is not None and h.style not in _BOX_ITEMS


def _box(b: _Builder, ln: _Line, h: HeadingMatch | None, norm: list[str]) -> bool:
    """A box (专栏3 “1026”先进制造业集群体系) sets a list apart from the text: its numbered items (1. (1) ①),
    numbered from 1, are paragraphs of the section it stands in, not headings. It ends at a heading of another
    numbering (第三节, 一、, (二)), at a first item that is not 1 (the text's own 2. after a box written on one
    line), at the next box and at a blank line. True if the line is taken as a box's item. (Later items may
    number in any order: a table's two columns copied side by side read 1. 2. 3. 2. 5.)"""
    if _opens_box(ln.text):
        # a title on its line opens the box (a box written on one line is a paragraph, and over)
        b.box_line, b.box_items = (ln.no if len(ln.text) <= MAX_TITLE else None), 0
        b.flush_pending()  # a lead sentence on its line leads the text after it, not the box
        return False  # the box's title is a paragraph, or the caption of a table that follows
    if b.box_line is None:
        return False
    if "" in norm[b.box_line : ln.no - 1] or _ends_box(h) or (h is not None and not b.box_items and h.number != 1):
        b.box_line = None
        return False
    b.box_line = ln.no
    if h is None:
        return False
    b.box_items += 1
    b.add_paragraph(ln.text, ln.no)
    b.last_paragraph_line = ln.no
    return True


def _part_title(b: _Builder, text: str) -> bool:
    """A part of a work report titled without numbering (2024年工作回顾), outside an appendix or glossary, where
    such a line is the title of a list (附件1 / 2026年省十件民生实事)."""
    return PART_TITLE.match(text) is not None and not b.in_block


def _block(b: _Builder, ln: _Line, h: HeadingMatch | None) -> bool:
    """A block outside the body's numbering (glossary, appendix, preface), or an entry of the glossary."""
    compact = ln.text.replace(" ", "")
    if len(compact) <= 40 and GLOSSARY_TITLE.match(compact):
        b.open_block("glossary", ln.text, ln.no)
    elif len(compact) <= 40 and APPENDIX_TITLE.match(compact) and h is None:
        b.open_block("appendix", ln.text, ln.no)
    elif PREFACE_TITLE.match(compact):
        b.open_block("preface", ln.text, ln.no)
    elif b.stack and b.stack[0].kind == "glossary" and (entry := _numbered_entry(ln.text, h)):
        b.flush_pending()
        b.stack[0].glossary.append(_glossary_entry(*entry, ln.no))
    elif (waiting := _awaiting_definition(b, h)) is not None:
        waiting.definition = ln.text
    else:
        return False
    return True


def _awaiting_definition(b: _Builder, h: HeadingMatch | None) -> GlossaryEntry | None:
    """The glossary's last entry, if it has no definition yet and nothing has come after it: its definition is
    on the next line (1.“四上”企业: / 现阶段统计工作实践中…)."""
    if h is not None or not b.stack or b.stack[0].kind != "glossary" or not b.stack[0].glossary:
        return None
    entry = b.stack[0].glossary[-1]
    return entry if not entry.definition and b.last_paragraph_line < entry.line else None


# A title cannot end on a list comma or a comma: its list or clause goes on on the next line
# (一、回顾“十三五”,我们以脱贫攻坚为统揽,坚定前行、 / 砥砺奋进,全面建成小康社会取得决定性成就)
_OPEN = ("、", ",", "，")  # not 和, 与, 及: they end words too (碳中和, 广泛参与, 可感可及)


def _heading(b: _Builder, ln: _Line, h: HeadingMatch, lines: list[_Line], i: int) -> int:
    """Open a section for a heading (joining a title broken over two lines, keeping a body that runs on on the
    same line); return the index of the next line to read."""
    title, body = split_title(h.rest)
    # A heading broken over two lines: 第一节 充分 / 释放市场采购贸易方式试点红利, or any title whose two
    # lines the table of contents has as one entry (第一篇 立足…新起点,建设 / 世界一流的…国际大都市)
    if (
        not body
        and i < len(lines)
        and len(lines[i].text) <= 30
        and match_heading(lines[i].text) is None
        and not _is_table_row(lines[i].text)
        and not any(p in lines[i].text for p in SENTENCE_END + ":")
        and "\ufffd" not in lines[i].text  # text lost in decoding, not the rest of a title
        and not (i + 1 < len(lines) and _is_table_row(lines[i + 1].text))  # a table's caption
        and not plaintables.is_header(lines[i].text)  # a header whose rows were not read: 序号指标2030年属性
        and not _opens_box(lines[i].text)  # a box's title: 第一章 总则 / 专栏1 重点项目
        and (len(title) <= 4 or title.endswith(_OPEN) or b.listed(f"{h.label}{title}{lines[i].text}"))
    ):
        title += lines[i].text
        i += 1
    b.open_heading(h, title, ln.no)
    if body:
        explained = h.rest.strip()[len(title) : len(title) + 1] == ":"  # 双招双引:招商引资、招才引智
        b.add_paragraph(body, ln.no, lead=not explained)
        b.flush_pending()  # what follows a title on its line is not a lead phrase on a line of its own
        b.last_paragraph_line = ln.no
    return i


def parse_text(text: str, source: str = "<text>", encoding: str = "utf-8") -> Document:
    doc, lines, norm = _lines(text, source, encoding)
    b = _Builder(doc, lines)
    i = _front_matter(lines, doc)
    while i < len(lines):
        ln = lines[i]
        i += 1
        h = match_heading(ln.text)
        if _toc(b, ln, h) or _table(b, ln) or _block(b, ln, h) or _box(b, ln, h, norm):
            continue
        if h is None and ((ln.marked and len(ln.text) <= MAX_TITLE) or _part_title(b, ln.text)):
            h = HeadingMatch("marked", "", 0, ln.text)  # a title set off by its mark, or a report's part
        if h is not None:
            i = _heading(b, ln, h, lines, i)
            continue
        b.add_paragraph(ln.text, ln.no)
        b.last_paragraph_line = ln.no
    b.flush_pending()

    from .metadata import describe

    describe(doc, norm)
    return doc


def parse_bytes(data: bytes, source: str = "<bytes>") -> Document:
    decoded = decode(data)
    doc = parse_text(decoded.text, source, decoded.encoding)
    from .normalize import LineWarning

    if decoded.other_lines:
        lines = ", ".join(str(n) for n in decoded.other_lines[:10])
        more = f" and {len(decoded.other_lines) - 10} more" if len(decoded.other_lines) > 10 else ""
        doc.warnings.insert(0, LineWarning(
            decoded.other_lines[0],
            f"mixed encodings: line(s) {lines}{more} are {decoded.other_encoding}, the rest UTF-8; "
            "decoded each part with its own encoding",
        ))
    if decoded.replaced:
        doc.warnings.insert(
            0,
            LineWarning(
                0,
                f"{decoded.replaced} byte sequence(s) are not valid {decoded.encoding} and were "
                "replaced with �",
            ),
        )
    return doc
