"""Recognising numbered headings in a line, and splitting a heading's title from its body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import NUMERAL_CHARS, circled_to_int, cn_to_int

_CN = f"[{NUMERAL_CHARS}]+"

# (style, pattern). The style names the numbering habit; levels are not fixed per style but come
# from the order in which styles nest in each document (see parser.py).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("部分", re.compile(rf"^(第({_CN}|\d+)部分)[\s.．、:：]*")),
    ("篇", re.compile(rf"^(第({_CN}|\d+)篇)[\s.．、:：]*")),
    ("章", re.compile(rf"^(第({_CN}|\d+)章)[\s.．、:：]*")),
    ("节", re.compile(rf"^(第({_CN}|\d+)节)[\s.．、:：]*")),
    ("一、", re.compile(rf"^(({_CN})\s*[、．.])\s*")),
    ("(一)", re.compile(rf"^(\(\s*({_CN})\s*\))\s*")),
    ("1.", re.compile(r"^((\d{1,3})\s*[.、．](?![\d.]))\s*")),
    ("(1)", re.compile(r"^(\(\s*(\d{1,3})\s*\))\s*")),
    ("①", re.compile(r"^(([\u2460-\u2473]))\s*")),
)

# Blocks that are not part of the body's numbering: their own numbering restarts inside them.
# (附:名词解释, ※注释※, [名词解释]: a title may be set off by marks or said to be attached)
GLOSSARY_TITLE = re.compile(
    r"^(?:附(?:件|录)?[\d一二三四五六七八九十]*[:：]?)?[※*★☆◆■●\[【]*(?:《[^》]{1,30}》)?"  # 《政府工作报告》名词解释
    r"(?:(?:有关|部分|相关)?(?:内容)?(?:(?:缩略语|名词|术语|词语|短语|用语|指标)(?:及|和|、)?)*(?:缩略语|名词|术语|词语|短语|用语)"
    r"(?:解释|说明|释义|注释)|注释)[:：]?[※*★☆◆■●\]】]*$"
)
APPENDIX_TITLE = re.compile(r"^(附件|附录|附表)\s*[\d一二三四五六七八九十]*[:：]?\s*(\S.{0,40})?$")
# A part of a work report titled without numbering (2024年工作回顾, 过去五年回顾和2002年工作情况, “十五五”时期的主要
# 目标任务, 对今后五年和2003年政府工作的建议, 今年政府工作重点, 加强政府自身建设): a line by itself, with no
# punctuation but quotes, ending on what such parts are called.
PART_TITLE = re.compile(
    r"^[^,，。;；:：!！?？、()()]{0,24}(?:回顾|工作情况|工作安排(?:建议)?|工作的建议|主要任务|目标任务|重点工作|工作重点"
    r"|工作任务|工作思路|政府自身建设|民生实事)$"
)
PREFACE_TITLE = re.compile(r"^(前言|序言|引言|导言|序|结束语|结语)$")
TOC_TITLE = re.compile(r"^目\s*录$")

# Where a sentence ends. Normalised text (normalize.py) has ！ and ； half-width, so both forms are listed; a
# half-width ? is not, since a damaged conversion leaves ? in place of a character (优化营?环境).
SENTENCE_END = "。！？；!;"
MAX_TITLE = 40


@dataclass(frozen=True)
class HeadingMatch:
    style: str
    label: str  # the numbering as written, normalised: 第三章, (六), 1.
    number: int
    rest: str  # what follows the numbering on the line


# What a heading's line can start with besides a digit (\d: any decimal digit), one of each pattern's first
# characters: most lines are no heading, and one look-up tells.
_FIRST = frozenset(f"第({NUMERAL_CHARS}" + "".join(map(chr, range(0x2460, 0x2474))))


def match_heading(line: str) -> HeadingMatch | None:
    first = line[:1]
    if first not in _FIRST and not first.isdecimal():
        return None
    for style, pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        raw = m.group(2)
        number = circled_to_int(raw) if style == "①" else cn_to_int(raw)
        if number is None:
            continue
        rest = line[m.end() :].lstrip(" .．…·")
        if style in ("1.", "一、") and (not rest or rest[0] in "%‰"):
            continue
        if style == "一、" and _lists_numerals(number, rest):
            continue
        label = m.group(1).replace(" ", "")
        return HeadingMatch(style, label, number, rest)
    return None


def _lists_numerals(number: int, rest: str) -> bool:
    """一、二季度 or 二、三产业 name numbers in a list; 一、一年接着一年干, 三、千方百计…, 一、二〇二五年工作回顾
    are headings: only the next numeral standing alone follows a list's first."""
    return (len(rest) > 1 and rest[0] in NUMERAL_CHARS and cn_to_int(rest[0]) == number + 1
            and rest[1] not in NUMERAL_CHARS)


def _runon_cut(rest: str) -> int | None:
    """Where a long heading without punctuation ends and its body begins.

    Titles of plans are usually two parallel clauses (优先发展农业农村,全面推进乡村振兴), and the
    body that runs on restates the title's last word (…乡村振兴全面实施乡村振兴战略). We look for a
    cut near twice the first clause's length where the title's last two characters recur.
    """
    comma = rest.find(",")
    if 2 <= comma <= 20:
        target = 2 * comma + 1
        window = sorted(range(target - 3, target + 4), key=lambda k: abs(k - target))
        for k in window:
            if 4 <= k < len(rest) - 2 and rest[k - 2 : k] in rest[k : k + 14]:
                return k
        return target if target < len(rest) else None
    for k in range(min(MAX_TITLE, len(rest) - 2), 5, -1):
        if rest[k - 2 : k] in rest[k : k + 14] and rest[k - 1] not in ",、":
            return k
    return None


def split_title(rest: str) -> tuple[str, str]:
    """Split the text after a heading's numbering into (title, body on the same line)."""
    rest = rest.strip()
    if not rest:
        return "", ""
    cuts = [i for i in (rest.find(p) for p in SENTENCE_END) if 0 < i <= MAX_TITLE]
    colon = rest.find(":")
    # (a title with Latin words is longer for what it says: “Discover Jiangxi”文旅推广计划:)
    if 0 < colon <= 20 or (0 < colon <= 30 and re.search(r"[A-Za-z]{4}", rest[:colon])):
        cuts.append(colon)
    if cuts:  # the title ends at the first sentence end, or at a colon that comes before it
        end = min(cuts)
        return rest[:end], rest[end + 1 :].strip()
    if len(rest) <= MAX_TITLE or not any(p in rest for p in SENTENCE_END):
        return rest, ""  # a long line with no sentence's end is all title: 三、接续奋斗2021年,主动融入…,美丽涞源
    cut = _runon_cut(rest)
    if cut:
        return rest[:cut], rest[cut:].strip()
    end = min(i for i in (rest.find(p) for p in SENTENCE_END) if i > 0)  # a long title, then its body
    return rest[:end], rest[end + 1 :].strip()
