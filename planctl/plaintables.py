"""Indicator tables written without rules: columns apart only by spaces or line breaks.

A plan's table of main indicators copied out of a PDF, or a web page that lost its table, comes as lines like

    序号 指 标 2030 年目标 属性
    1 地区生产总值年均增长（%） 5 左右 预期性
    8 规上数字经济核心产业营业收入占规上企业营业
    收入比重（%） 32.5 预期性

or with each cell on a line of its own. Nothing marks a column, but such a table has a shape: a header of known
words (类别, 序号, 指标, years, 属性) ending with 属性, and rows that each end with their attribute (预期性 or 约束性);
or a header on one line whose figures come after 属性 (分类 序号 指标 属性 2030年目标值), each row's attribute then
before its figures.
A row is read from its words: what comes before its number is its group (创新发展(5项), 一、经济强(12项)), then
the indicator's name up to its unit in brackets, then one value per value column of the header, the last
taking what is left (达到国家 / 要求). A table ends where the next row is not found within a few lines, or a
sentence ends. Tables of other shapes are left as lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from .headings import match_heading
from .outline import indicator_column
from .text import is_cjk, join_lines

ATTRIBUTE = re.compile(r"(预期性|约束性)$")
_ATTRIBUTE_IN = re.compile(r"(预期性|约束性)")
_HEADER_WORD = re.compile(
    r"类别|分类|领域|维度|序号|编号|指标名称|指标|计量单位|单位|属性|备注|(?:19|20)\d\d年?(?:预计|预期|目标|基期|现状|实际)?值?"
    r"|预计值?|目标值?|基期值?|年均(?:/|或)?累计|年均增长率?(?:\(%\))?|年均增速|累计|增速"
)
_HEADER = re.compile(rf"(?:{_HEADER_WORD.pattern})+")
_GROUP = ("类别", "分类", "领域", "维度")
_NUMBER_COLUMN = ("序号", "编号")
_UNIT_COLUMN = ("单位", "计量单位")
MAX_HEADER_LINES = 12  # a header with each word on a line of its own
MAX_HEADER_LINE = 40
MAX_ROW_LINES = 10  # a row with its group, number, name and values each on lines of their own
MAX_LINE = 60  # a longer line is text, not a piece of a row
_ROW_NUMBER = re.compile(r"\d{1,3}")
# Belongs to the value before it: 5 左右, 21.5 (2024年)
_QUALIFIER = re.compile(r"^(?:左右|以上|以下|以内|上下|\(.*\))$")
_UNIT = re.compile(r"^\([^\d]+\)$")  # a name's unit on a line of its own: (人/百亿元)
_VALUE_START = re.compile(r"^[\d.\-—–<>≤≥＜＞【\[(﹝〔+±约]")


@dataclass(frozen=True)
class Row:
    first: int  # index of the row's first line among the lines given
    cells: list[str]


@dataclass(frozen=True)
class PlainTable:
    first: int  # index of the table's first line (its header) among the lines given
    last: int  # and of its last: every line between is the table's, a header repeated on a new page too
    rows: list[Row]


def _compact(text: str) -> str:
    return text.replace(" ", "")


def is_header(text: str) -> bool:
    """A line that is a whole header of such a table (序号指标2030年目标属性), whether or not rows follow."""
    return _header([text], 0) is not None


def _header(texts: list[str], start: int) -> tuple[int, list[str]] | None:
    """The index of the last line of a header starting at `start`, and its columns; None if none starts there.
    The header may be broken anywhere over lines (年均/ / 累计), each short."""
    if not _HEADER_WORD.match(texts[start]):
        return None
    joined = ""
    for end in range(start, min(start + MAX_HEADER_LINES, len(texts))):
        if len(texts[end]) > MAX_HEADER_LINE:
            return None
        joined += _compact(texts[end])
        # A header ends with 属性, or has it among columns after which the rows begin (属性 2030年目标值)
        ends = joined.endswith("属性") or ("属性" in joined and _HEADER.fullmatch(joined) is not None and not (
            end + 1 < len(texts) and _HEADER.fullmatch(_compact(texts[end + 1]))))
        if ends:
            columns = _HEADER_WORD.findall(joined)
            named = indicator_column(columns) is not None
            return (end, columns) if _HEADER.fullmatch(joined) and named and len(columns) >= 3 else None
    return None


def _values_follow(columns: list[str]) -> bool:
    """Whether a row's figures come after its attribute (属性 2030年目标值), not before it."""
    return any(c != "备注" for c in columns[columns.index("属性") + 1 :])


def _join(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        out = join_lines(out, piece)
    return out


def _values(tokens: list[str], count: int) -> list[str]:
    """`count` cells from the words after a row's name: qualifiers kept with their value; while there are
    too many, two pieces of Chinese joined (稳步 / 提高, 达到国家 / 要求), then the last cell takes what is
    left (4.5-5, / 努力争取更好结果); missing cells are empty."""
    merged: list[str] = []
    for token in tokens:
        if merged and _QUALIFIER.match(token):
            merged[-1] += token
        else:
            merged.append(token)
    if count <= 0:
        return []
    while len(merged) > count:
        joins = (i for i, (a, b) in enumerate(pairwise(merged)) if is_cjk(a[-1]) and is_cjk(b[0]))
        pair = next(joins, None)
        if pair is None:
            merged = [*merged[: count - 1], _join(merged[count - 1 :])]
        else:
            merged[pair : pair + 2] = [merged[pair] + merged[pair + 1]]
    return merged + [""] * (count - len(merged))


def _named(word: str) -> bool:
    """An indicator's name with its unit: 注册护士数(人), a row of a group of rows with no number of its own."""
    return is_cjk(word[0]) and word.endswith(")") and "(" in word


def _parts(rest: list[str]) -> list[tuple[int, int]]:
    """Where each indicator's words are among a row's words after its number (start, end): most rows hold
    one; a row may hold several under one name, each with its figures (食品药品安全 / 食品安全抽检合格率(%)
    >98.5 >98.7 / 药品抽检合格率(%) >99 >99): after the first name with its unit, another after a figure
    starts the next."""
    named = next((i for i, w in enumerate(rest) if _named(w)), len(rest))
    starts = [i for i in range(named + 1, len(rest)) if _named(rest[i]) and _VALUE_START.match(rest[i - 1])]
    parts = list(pairwise([0, *starts, len(rest)]))
    if starts and starts[0] > 1 and not _named(rest[0]) and _named(rest[1]):
        parts[:1] = [(0, 1), (1, starts[0])]  # the name over them on a line of its own
    return parts


def _cells(columns: list[str], group: str, number: str, words: list[str], attribute: str,
           before: int | None = None) -> list[str] | None:
    """One indicator's cells in the header's order, from its words: its name up to its unit (and within the
    first `before` words, those before the attribute where the figures follow it), then its values."""
    by_unit = any(c in _UNIT_COLUMN for c in columns)
    name_end = 1
    while (not by_unit and name_end < min(len(words), before or len(words)) and not words[name_end - 1].endswith(")")
           and (not _VALUE_START.match(words[name_end]) or _UNIT.match(words[name_end]))):
        name_end += 1
    name = _join(words[:name_end])
    if sum(map(is_cjk, name)) < 2:
        return None
    unit = words[name_end] if by_unit and name_end < len(words) else ""
    values = words[name_end + (1 if unit else 0) :]
    indicator = indicator_column(columns)
    kinds = [c for i, c in enumerate(columns)
             if c not in _GROUP + _NUMBER_COLUMN + _UNIT_COLUMN + ("属性", "备注") and i != indicator]
    filled = iter(_values(values, len(kinds)))
    by_column = {"属性": attribute if values else "", "备注": ""}
    cells = []
    for i, c in enumerate(columns):
        if c in _GROUP:
            cells.append(group)
        elif c in _NUMBER_COLUMN:
            cells.append(number)
        elif i == indicator:
            cells.append(name)
        elif c in _UNIT_COLUMN:
            cells.append(unit)
        else:
            cells.append(by_column[c] if c in by_column else next(filled))
    return cells


def _row(tokens: list[tuple[str, int]], columns: list[str]) -> tuple[str, list[tuple[int, list[str]]]] | None:
    """A row's group (or "") and its rows of cells in the header's order, one per indicator it holds, each
    with the line its words begin on; from its words with their lines, the attribute one of them."""
    marked = next((k for k, (w, _) in enumerate(tokens) if _ATTRIBUTE_IN.fullmatch(w)), None)
    if marked is None:
        return None
    attribute = tokens[marked][0]
    follow = _values_follow(columns)
    words = [w for k, (w, _) in enumerate(tokens) if k != marked]
    where = [line for k, (_, line) in enumerate(tokens) if k != marked]
    start = 0
    if any(c in _NUMBER_COLUMN for c in columns):
        at = next((i for i, w in enumerate(words) if _ROW_NUMBER.fullmatch(w)), None)
        if at is None and not (words and _named(words[0])):
            return None
        start = 0 if at is None else at + 1
    group, number = (_join(words[: start - 1]), words[start - 1]) if start else ("", "")
    rest = words[start:]
    if not rest:
        return None
    in_column = any(c in _GROUP for c in columns)
    rows = []
    for n, (a, b) in enumerate(_parts(rest)):
        # where the figures follow the attribute, the name ends before it
        before = marked - start - a if follow and a < marked - start <= b else None
        cells = _cells(columns, group if in_column and not n else "", "" if n else number, rest[a:b], attribute,
                       before)
        if cells is None:
            return None
        rows.append((where[start + a - (1 if number and not n else 0)], cells))
    return ("" if in_column else group), rows


def _tokens(raw: list[str], cell: Callable[[str], str]) -> list[tuple[str, int]]:
    """The words of some lines as written (spaces kept), each normalised, with the line (0 the first) each
    stands on; the attribute a word of its own (率(%)预期性5 → 率(%), 预期性, 5)."""
    words = [(w, n) for n, line in enumerate(raw) for w in (cell(t) for t in line.split()) if w]
    for k, (word, n) in enumerate(words):
        if (m := _ATTRIBUTE_IN.search(word)) and word != m.group(1):
            words[k : k + 1] = [(piece, n) for piece in (word[: m.start()], m.group(1), word[m.end() :]) if piece]
            break
    return words


def _goes_on(texts: list[str], last: int) -> bool:
    """Whether the line after a row's last goes on with its last figure, written in words (与经济增长 / 保持同步):
    a short line of Chinese alone after a row that ends in Chinese."""
    if last + 1 >= len(texts) or not is_cjk(texts[last][-1]):
        return False
    after = texts[last + 1]
    return len(after) <= 12 and all(is_cjk(c) for c in after) and not _ATTRIBUTE_IN.search(after)


def read(texts: list[str], raw: list[str], cell: Callable[[str], str]) -> list[PlainTable]:
    """The rows of the tables among some lines: `texts` normalised (to find them), `raw` as written (spaces
    between the columns kept), `cell` normalising one word. A row with one cell is a group (二、百姓富(7项))."""
    tables: list[PlainTable] = []
    i = 0
    while i < len(texts):
        found = _header(texts, i)
        if found is None:
            i += 1
            continue
        end, columns = found
        start, table = i, [Row(i, columns)]
        follow = _values_follow(columns)
        attribute = _ATTRIBUTE_IN if follow else ATTRIBUTE  # the line a row's words end on holds it
        i = end + 1
        while i < len(texts):
            again = _header(texts, i)
            if again is not None and again[1] == columns:  # the header repeated on the next page
                i = again[0] + 1
                continue
            last = next((j for j in range(i, min(i + MAX_ROW_LINES, len(texts))) if attribute.search(texts[j])),
                        None)
            if last is None or any(len(t) > MAX_LINE or "。" in t for t in texts[i : last + 1]):
                break
            if follow and _goes_on(texts, last):
                last += 1  # a figure in words broken over two lines: 与经济增长 / 保持同步
            read_row = _row(_tokens(raw[i : last + 1], cell), columns)
            if read_row is None:
                break
            group, indicators = read_row
            if group:
                table.append(Row(i, [group]))
            table += [Row(i + line, cells) for line, cells in indicators]
            i = last + 1
        if len(table) > 1:
            tables.append(PlainTable(start, i - 1, table))
    return tables


# -- a box's table, its cells apart by runs of spaces ------------------------------------------------------

_GAP = re.compile(r"[ \t\u3000]{2,}|\t")
_SENTENCE = re.compile(r"[。;；,，:：]")
MAX_BOX_HEADER_CELL = 12


def _spaced(raw: str) -> list[str]:
    """A line's cells where runs of spaces set them apart; an indented line begins with an empty cell."""
    return _GAP.split(raw.rstrip())


def read_box_tables(texts: list[str], raw: list[str], nos: list[int], cell: Callable[[str], str],
                    opens: Callable[[str], bool], ends: Callable[[str], bool]) -> list[PlainTable]:
    """The tables right under a box's title (`opens`: 专栏5 “十五五”各板块重点产业布局) whose columns a copy out of
    a PDF set apart with runs of spaces: a header of short cells (板块    基础产业    新兴产业), then a row a
    line, an indented line leaving its first cells empty, and a first cell broken over two lines (江北新区 /
    （浦口区）    绿色石化…) joined. A table ends at a blank line (`nos`: the lines' numbers), at a line of one
    cell, at the next box or where `ends` says a heading of the text begins."""
    tables: list[PlainTable] = []
    for i in range(len(texts) - 2):
        if not opens(texts[i]) or nos[i + 1] != nos[i] + 1:
            continue
        if match_heading(texts[i + 1]) is not None:
            continue  # numbered: an item or a heading (1．信息服务  重点聚焦…), not the names of columns
        header = [cell(c) for c in _spaced(raw[i + 1])]
        # a header names its columns in words: not a list of boxes with their pages (专栏32 旅游国际化工程    92);
        # an indicator table's (属性) is read by `read` or, when its shape is not the usual one, left as lines
        if len(header) < 2 or "属性" in header or any(
                not c or len(c) > MAX_BOX_HEADER_CELL or _SENTENCE.search(c) or opens(c) or not any(map(is_cjk, c))
                for c in header):
            continue
        rows = [Row(i + 1, header)]
        j, carried = i + 2, ""
        while j < len(texts) and nos[j] == nos[j - 1] + 1 and not ends(texts[j]) and not opens(texts[j]):
            cells = _spaced(raw[j])
            if len(cells) == 1 and not carried and j + 1 < len(texts) and nos[j + 1] == nos[j] + 1 \
                    and len(cells[0]) <= MAX_BOX_HEADER_CELL and len(_spaced(raw[j + 1])) >= 2:
                carried, j = cells[0], j + 1  # the first cell goes on in the next line
                continue
            if len(cells) < 2 or len(cells) > len(header):
                break
            cells[0] = carried + cells[0]
            first = j - 1 if carried else j
            rows.append(Row(first, [cell(c) for c in cells] + [""] * (len(header) - len(cells))))
            j, carried = j + 1, ""
        if len(rows) >= 3:
            tables.append(PlainTable(i + 1, j - 1 - (1 if carried else 0), rows))
    return tables
