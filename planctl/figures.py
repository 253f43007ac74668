"""Figures of a work report, each told apart: reached, a goal for the coming year, or a plan's goal restated.

A work report looks back on the last year (2022年地区生产总值预计实现424亿元, 增速-2.6%) and sets the
goals of this one (2023年主要预期目标: 地区生产总值增长5%). Which a figure is follows from where it
stands and what its sentence says:

- a sentence that names a year to reach (到2025年, “十四五”末) restates a longer goal: `plan goal`, for
  that year;
- in a section that looks back (工作回顾, 过去一年, a heading on the last year, or a part of the report
  whose title line says so — 过去五年回顾和2002年工作情况 — until this year's part begins), or in a
  paragraph that opens on the past (刚刚过去的2002年): `reached`, for the year
  the sentence names, else the year before the report's; figures over several years (五年来, 累计,
  “十三五”) are left out, they are no one year's;
- in a section on this year's work, or in a sentence of 预期目标: `goal`, for the report's year (or the
  year its heading names).

Figures themselves are read by the same clause patterns as a plan's targets (planctl.targets). A
value said to be 预计 (estimated: reports are written before the year's statistics are final) is
marked so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .indicators import IndicatorMap, load_indicator_map
from .outline import Document, Paragraph, Section
from .targets import PLAN_PERIOD, RETROSPECTIVE, Target, sentence_targets

REACHED, GOAL, PLAN_GOAL = "reached", "goal", "plan goal"

_LOOKING_BACK = re.compile(rf"{RETROSPECTIVE.pattern}|工作回顾|过去一年|过去的一年|去年|上年")
# A paragraph that opens on the past looks back whatever its heading: 刚刚过去的2002年…, 过去一年….
_OPENS_ON_THE_PAST = re.compile(r"^(?:各位代表[!！,，]?)?(?:刚刚)?(?:过去的|过去一年|去年|一年来)")
# A part of the report that looks ahead, and a paragraph that opens on this year.
_FORWARD = re.compile(r"今年|明年|工作安排|主要任务|目标任务|预期目标|工作建议|总体要求")
_OPENS_ON_THIS_YEAR = re.compile(r"^(?:各位代表[!！,，]?)?(?:今年|明年)")
PART_TITLE = 24  # characters: a line this short with no punctuation, among paragraphs, is a part's title
_GOAL_CUE = re.compile(r"预期目标|主要目标|目标任务|力争|确保|目标是")
_LONGER_GOAL = re.compile(rf"(?:到|至)\s*((?:19|20)\d\d)\s*年|{PLAN_PERIOD}\s*(?:期末|末)")
# Figures of several years: totals (no one year's value, looking back or ahead) and averages looking back.
_PERIOD = r"“?(?:[一二三四五六七八九]|十[一二三四五六])五”?"
_TOTALS = re.compile(rf"五年来|五年间|累计|累积|{_PERIOD}(?:期间|时期)|比{_PERIOD}|以来|近[三五十]年")
_AVERAGE = re.compile(r"年均|年平均")
# Who the figure is of, when it is the whole place: 全区地区生产总值 is 地区生产总值; 区本级 or 工业 are not.
_WHOLE_PLACE = re.compile(r"^(?:全[区县市省旗州盟国]|我[区县市省旗州]|全年|地方)+")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_HEADING_YEAR = re.compile(r"^((?:19|20)\d\d)年")
_SENTENCE = re.compile(r"(?<=[。!?！？])")


@dataclass
class Figure:
    kind: str  # reached | goal | plan goal
    year: int | None  # the year the figure is for
    estimated: bool  # 预计: the year's statistics were not final when the report was written
    target: Target  # what was read: indicator, canonical name, measure, value, unit, growth, line, text
    exact: bool = True  # the indicator is one of the map's names, not a part of one (工业固定资产投资)

    @property
    def canonical(self) -> str:
        return self.target.canonical

    def to_dict(self) -> dict[str, object]:
        t = self.target
        return {"kind": self.kind, "year": self.year, "estimated": self.estimated, "exact": self.exact,
                "indicator": t.indicator,
                "canonical": t.canonical, "measure": t.measure, "value": t.value, "unit": t.unit,
                "comparator": t.comparator, "growth": t.growth, "line": t.line, "text": t.text}


def _heading_year(path: tuple[Section, ...]) -> int | None:
    for s in reversed(path):
        if m := _HEADING_YEAR.match(s.title):
            return int(m.group(1))
    return None


def _estimated(t: Target, sentence: str) -> bool:
    """预计 between the indicator and its figure (地区生产总值预计实现424亿元)."""
    at = sentence.find(t.indicator)
    if at < 0:
        return "预计" in sentence
    return "预计" in sentence[max(0, at - 4) : at + len(t.indicator) + 6]


def _classify(sentence: str, looking_back: bool, year: int, heading_year: int | None) -> tuple[str, int] | None:
    """What the figures of one sentence are, and for which year; None for figures of several years."""
    if _TOTALS.search(sentence):
        return None
    if m := _LONGER_GOAL.search(sentence):
        if m.group(1):
            return PLAN_GOAL, int(m.group(1))
        return None  # “十四五”末: the period's end, resolved by the plan, not here
    opening = _YEAR.match(sentence.strip())
    if looking_back or (opening and int(opening.group(1)) < year):  # 2002年全省国内生产总值达到6076亿元: reached
        if _AVERAGE.search(sentence):
            return None
        past = [int(y) for y in _YEAR.findall(sentence) if int(y) < year]
        return REACHED, max(past) if past else (heading_year if heading_year and heading_year < year else year - 1)
    if heading_year is not None and heading_year < year:
        return REACHED, heading_year
    return GOAL, heading_year or year


def _paragraphs(doc: Document) -> list[tuple[tuple[Section, ...], Paragraph]]:
    out: list[tuple[tuple[Section, ...], Paragraph]] = [((), p) for p in doc.preamble]
    for path, section in doc.walk():
        if section.kind == "glossary":
            continue
        out.extend((path, p) for p in section.paragraphs)
    return out


def report_figures(doc: Document, imap: IndicatorMap | None = None) -> list[Figure]:
    """Every figure of a work report with what it is and the year it is for, in document order."""
    if doc.year is None:
        return []
    imap = imap or load_indicator_map()
    out: list[Figure] = []
    part_looks_back = False  # a part title read as a paragraph (过去五年回顾和2002年工作情况) until the next one
    for path, para in _paragraphs(doc):
        text = para.text.strip()
        if len(text) <= PART_TITLE and not re.search(r"[。；;，,：:]", text):
            if _LOOKING_BACK.search(text):
                part_looks_back = True
            elif _FORWARD.search(text):
                part_looks_back = False
            continue
        heading_year = _heading_year(path)
        if _OPENS_ON_THIS_YEAR.match(text) or heading_year == doc.year or any(_FORWARD.search(s.title) for s in path):
            part_looks_back = False  # this year's part has begun
        looking_back = (any(_LOOKING_BACK.search(s.title) for s in path) or bool(_OPENS_ON_THE_PAST.match(text))
                        or part_looks_back)
        if not path and not (looking_back or _GOAL_CUE.search(para.text)):
            continue  # before the first heading: a greeting, a summary of what is to come
        for sentence in _SENTENCE.split(para.text):
            if not re.search(r"\d", sentence):
                continue
            stated_goal = part_looks_back and bool(_GOAL_CUE.search(sentence))  # 今年…主要预期目标是: a goal still
            what = _classify(sentence, looking_back and not stated_goal, doc.year, heading_year)
            if what is None:
                continue
            kind, year = what
            for t in sentence_targets(sentence, " > ".join(s.heading for s in path), para.line, year, None,
                                      None, imap):
                exact = _WHOLE_PLACE.sub("", t.indicator.replace(" ", "")) in imap.names
                out.append(Figure(kind, year, _estimated(t, sentence), t, exact))
    return out
