"""Promises and delivery: a place's five-year plan against its yearly work reports.

`track`: each target of the plan with the values the reports state for the same indicator, year by
year, and where the latest stands — met; on track or behind a straight path from the plan's base to
its target (where the plan gives a base), or, without one, against the yearly growth it still needs;
a growth target (年均增长6%) against each year's reported growth.

`trend`: a theme's share of each year's report, or an indicator's goal for each year beside the value
reported for that year (in the next year's report).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import PlanctlError
from .figures import GOAL, REACHED, Figure, report_figures
from .indicators import IndicatorMap
from .numerals import figure
from .targets import Target, extract

if TYPE_CHECKING:
    from .corpus import Corpus, Entry
    from .themes import Theme, ThemeMap

MET, ON_TRACK, BEHIND, UNKNOWN = "met", "on track", "behind", "not judged"
# Levels judged against a path: money, rates and per-head figures. A count over a plan's five years (引进各类人才
# 3500人, 新增企业20家) is usually a total of the years, which no one year's figure can be set against.
JUDGED_UNITS = {"亿元", "万元", "元", "亿美元", "万美元", "%", "‰", "个百分点", "岁", "万吨", "吨标准煤"}
ABOUT = 0.97  # a target written 左右 (about) is met from this share of it


@dataclass
class Reading:
    """A figure of one report."""

    figure: Figure
    entry: Entry

    @property
    def year(self) -> int | None:
        return self.figure.year

    def to_dict(self) -> dict[str, object]:
        return {**self.figure.to_dict(), "document": self.entry.id, "file": self.entry.file}


def _key(f: Figure) -> tuple[object, ...]:
    t = f.target
    return (f.kind, f.year, t.canonical, t.measure, t.value, t.unit, t.growth)


def place_reports(corpus: Corpus, entry: Entry) -> list[Entry]:
    """The work reports of a document's place, oldest first."""
    code, name = entry.info.place.code, entry.info.place.full()
    if not code and not name:
        # Documents whose place is unknown are not one place's: they are not put together.
        raise PlanctlError(f"{entry.id}: no place could be read from it, so its place's other documents cannot be "
                           "found; track and trend follow one place's plan and reports through a corpus")
    # From the stored rows (code and place in full): an entry is made only for the place's reports.
    same = [corpus.entry(i) for i, r in enumerate(corpus.listed()) if r.kind == "work report"
            and ((code and r.code == code) or (not code and r.place == name))]
    return sorted(same, key=lambda e: (e.info.year or 0, e.id))


def all_figures(reports: list[Entry], imap: IndicatorMap) -> list[Reading]:
    """Every figure of the reports, once each (a report pasted twice into one file states them twice)."""
    out: list[Reading] = []
    for entry in reports:
        seen: set[tuple[object, ...]] = set()
        for f in report_figures(entry.doc, imap):
            if _key(f) not in seen:
                seen.add(_key(f))
                out.append(Reading(f, entry))
    return out


def _higher_is_better(t: Target) -> bool:
    return t.comparator != "at most" and t.measure != "reduction"


def _meets(value: float, goal: float, t: Target) -> bool:
    if not _higher_is_better(t):
        return value <= goal
    return value >= goal * (ABOUT if t.comparator == "about" else 1.0)


@dataclass
class Tracked:
    target: Target
    readings: list[Reading]  # reached values for the indicator, by year
    goals: list[Reading]  # the yearly goals the reports set for it
    status: str
    note: str

    def to_dict(self) -> dict[str, object]:
        return {"target": self.target.to_dict(), "status": self.status, "note": self.note,
                "reached": [r.to_dict() for r in self.readings], "goals": [r.to_dict() for r in self.goals]}


def _growth_of(r: Reading) -> float | None:
    t = r.figure.target
    if t.measure == "growth" and t.unit == "%":
        return t.value
    return t.growth if t.measure == "level" else None


def _judge_growth(target: Target, readings: list[Reading]) -> tuple[str, str]:
    wanted = target.value if target.measure == "growth" else target.growth
    if wanted is None or not readings:
        return UNKNOWN, ""
    latest = readings[-1]
    growth = _growth_of(latest)
    assert growth is not None
    status = ON_TRACK if growth >= wanted * (ABOUT if target.comparator == "about" else 1.0) else BEHIND
    years = "、".join(f"{r.year}: {figure(_growth_of(r) or 0)}%" for r in readings)
    range_top = f"–{figure(target.upper)}" if target.measure == "growth" and target.upper is not None else ""
    return status, f"growth {years} against {figure(wanted)}{range_top}% a year"


def _judge_level(target: Target, readings: list[Reading]) -> tuple[str, str]:
    assert target.value is not None
    latest = readings[-1]
    value = latest.figure.target.value
    year = latest.year
    assert value is not None and year is not None
    unit = target.unit or ""
    said = f"{year}: {figure(value)}{unit}{' (estimated)' if latest.figure.estimated else ''}"
    top = f"–{figure(target.upper)}" if target.upper is not None else ""  # a range is met at its low end
    goal = f"{figure(target.value)}{top}{unit}" + (f" by {target.year}" if target.year else "")
    if _meets(value, target.value, target):
        return MET, f"{said}, target {goal}"
    if target.year is None or year >= target.year:
        return BEHIND, f"{said}, target {goal}"
    if target.base_value is not None and target.base_year is not None and target.base_year < target.year:
        share = (year - target.base_year) / (target.year - target.base_year)
        expected = target.base_value + (target.value - target.base_value) * share
        status = ON_TRACK if _meets(value, expected, target) else BEHIND
        start = f"{figure(target.base_value)}{unit} in {target.base_year}"
        passes = figure(float(f"{expected:.4g}"))  # four figures, written out
        return status, f"{said}; a straight path from {start} to {goal} passes {passes}{unit} in {year}"
    if value > 0 and target.value > 0 and _higher_is_better(target):
        needed = ((target.value / value) ** (1 / (target.year - year)) - 1) * 100
        growth = _growth_of(latest)
        if growth is None:
            return UNKNOWN, f"{said}; {goal} needs {needed:.1f}% a year from here"
        status = ON_TRACK if growth >= needed else BEHIND
        return status, f"{said}, growth {figure(growth)}%; {goal} needs {needed:.1f}% a year from here"
    return UNKNOWN, f"{said}, target {goal}"


def _matching(target: Target, readings: list[Reading], kind: str) -> list[Reading]:
    """The figures of a kind that state the same indicator as a target, in its unit, one per year (the latest
    report's word for a year wins: a final figure over an estimate)."""
    growth_target = target.measure == "growth"
    by_year: dict[int, Reading] = {}
    for r in readings:
        t = r.figure.target
        if (r.figure.kind != kind or r.year is None or not r.figure.exact or t.canonical != target.canonical
                or t.value is None):
            continue
        if growth_target:
            if _growth_of(r) is None:
                continue
        elif t.measure != target.measure or t.unit != target.unit:
            continue
        by_year[r.year] = r  # reports come oldest first
    return [by_year[y] for y in sorted(by_year)]


def _cumulative(t: Target) -> bool:
    """A five-year total: 〔15〕 in a table, or 累计 / 五年 before the figure in a sentence."""
    if t.growth_kind == "cumulative":
        return True
    at = t.text.find(t.indicator)
    return at >= 0 and bool(re.search(r"累计|五年|总计|合计", t.text[max(0, at - 6) : at + len(t.indicator) + 8]))


def track_target(target: Target, readings: list[Reading], start: int | None = None) -> Tracked:
    """A target against the reports' values for it; only values for the plan's own years (from `start` on) are
    held against it: a year before them is its base (a 2026 report's word on 2025, for a plan of 2026-2030)."""
    stated = _matching(target, readings, REACHED)
    goals = _matching(target, readings, GOAL)
    reached = [r for r in stated if start is None or (r.year or 0) >= start]
    if not stated:
        status, note = UNKNOWN, "no report states a value for it"
    elif not reached:
        before = "、".join(f"{r.year}: {_stated(r)}" for r in stated)
        status, note = UNKNOWN, f"the reports state only years before the plan's ({before}): its base, not progress"
    elif target.measure == "growth" or (target.value is None and target.growth is not None):
        status, note = _judge_growth(target, reached)
    elif target.value is None:
        status, note = UNKNOWN, "the target is not a number"
    elif _cumulative(target):
        status, note = UNKNOWN, "a total over the plan's years; the reports state one year's value"
    elif target.unit not in JUDGED_UNITS:
        status, note = UNKNOWN, "a count; over a plan's five years usually a total of the years"
    else:
        status, note = _judge_level(target, reached)
    return Tracked(target, stated, goals, status, note)


def _stated(r: Reading) -> str:
    t = r.figure.target
    if t.measure == "growth":
        return f"{figure(t.value or 0)}% growth"
    growth = f" (+{figure(t.growth)}%)" if t.growth is not None else ""
    return f"{figure(t.value or 0)}{t.unit or ''}{growth}"


@dataclass
class Track:
    plan: Entry
    reports: list[Entry]
    rows: list[Tracked]  # targets that some report states a value or a goal for
    untracked: int  # the plan's other targets
    figures: int  # figures read from the reports

    def to_dict(self) -> dict[str, object]:
        info = self.plan.info
        return {"plan": {"id": self.plan.id, "place": info.place.full(), "kind": info.kind, "year": info.year,
                         "period": info.period, "title": info.title},
                "reports": [{"id": e.id, "year": e.info.year} for e in self.reports],
                "figures": self.figures, "untracked": self.untracked, "targets": [r.to_dict() for r in self.rows]}


def track(corpus: Corpus, entry: Entry, imap: IndicatorMap) -> Track:
    """The plan's targets against the place's work reports."""
    if entry.info.kind != "five-year plan":
        raise PlanctlError(f"{entry.id} is not a five-year plan (kind: {entry.info.kind}); track follows a plan's "
                           f"targets through the reports (`planctl trend` reads reports alone)")
    start = int(entry.info.period.split("-")[0]) if entry.info.period else None
    reports = [e for e in place_reports(corpus, entry) if start is None or (e.info.year or 0) >= start]
    if not reports:
        since = f" from {start} on" if start else ""
        raise PlanctlError(f"no work report of {entry.info.place.full() or entry.id}{since} in the corpus; track sets "
                           "a plan against its place's yearly reports (add them, or give --corpus)")
    readings = all_figures(reports, imap)
    rows: list[Tracked] = []
    untracked = 0
    seen: set[tuple[str, str, str | None]] = set()
    for target in extract(entry.doc, imap):
        if (target.canonical, target.measure, target.unit) in seen:
            continue
        seen.add((target.canonical, target.measure, target.unit))
        row = track_target(target, readings, start)
        if row.readings or row.goals:
            rows.append(row)
        else:
            untracked += 1
    return Track(entry, reports, rows, untracked, len(readings))


# -- trend ---------------------------------------------------------------------------------------------


@dataclass
class TrendPoint:
    year: int | None
    entry: Entry
    share: float | None = None  # of the report's text on the theme
    passages: int | None = None
    goal: Reading | None = None  # the goal the report of this year set for it
    reached: Reading | None = None  # the value a report gives for this year
    met: bool | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"year": self.year, "document": self.entry.id}
        if self.share is not None:
            data |= {"share": round(self.share, 4), "passages": self.passages}
        else:
            data |= {"goal": self.goal.to_dict() if self.goal else None,
                     "reached": self.reached.to_dict() if self.reached else None, "met": self.met}
        return data


@dataclass
class Trend:
    place: str
    what: str  # the theme's or the indicator's name
    kind: str  # theme | indicator
    points: list[TrendPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"place": self.place, self.kind: self.what, "points": [p.to_dict() for p in self.points]}


def _reports_or_say(corpus: Corpus, entry: Entry) -> list[Entry]:
    reports = place_reports(corpus, entry)
    if not reports:
        raise PlanctlError(f"no work report of {entry.info.place.full() or entry.id} in the corpus; trend reads a "
                           "place's yearly reports (add them, or give --corpus)")
    return reports


def theme_trend(corpus: Corpus, entry: Entry, theme: Theme, tmap: ThemeMap) -> Trend:
    from .passage_themes import corpus_weights, plan_passages

    reports = _reports_or_say(corpus, entry)
    weights = corpus_weights(tmap, corpus, reports)
    points = []
    for report in reports:
        plan = plan_passages(tmap, report, corpus, weights)
        found = plan.on_theme(theme)
        points.append(TrendPoint(report.info.year, report, plan.share(found), len(found)))
    return Trend(entry.info.place.full(), theme.name, "theme", points)


def indicator_trend(corpus: Corpus, entry: Entry, name: str, imap: IndicatorMap) -> Trend:
    canonical = imap.canonical(name)
    reports = _reports_or_say(corpus, entry)
    everything = all_figures(reports, imap)
    readings = [r for r in everything if r.figure.canonical == canonical and r.figure.exact]
    if not readings:
        stated = Counter(r.figure.canonical for r in everything if r.figure.exact)
        common = "、".join(n for n, _ in sorted(stated.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
        raise PlanctlError(f"no report of {entry.info.place.full()} states {name}" +
                           (f"; they state e.g. {common}" if common else ""))
    points = []
    for report in reports:
        year = report.info.year
        goals = [r for r in readings if r.entry is report and r.figure.kind == GOAL and r.year == year]
        goal = next(iter(goals), None)
        said = [r for r in readings if r.figure.kind == REACHED and r.year == year]
        # what can be held against the goal, else what was said (122.4亿元 when the goal was a growth: shown,
        # not judged)
        comparable = [r for r in said if goal is None or _comparable(goal, r)] or said
        reached = None
        for r in comparable:  # the latest report's word for the year
            if not (reached and _says_more(reached, r)):
                reached = r
        points.append(TrendPoint(year, report, goal=goal, reached=reached, met=_goal_met(goal, reached)))
    return Trend(entry.info.place.full(), canonical, "indicator", points)


def _says_more(kept: Reading, other: Reading) -> bool:
    """Whether a reading already kept says all another does and more: 287.9亿元 with its growth of 8.9% in the
    same sentence as the growth on its own."""
    k, o = kept.figure.target, other.figure.target
    return (kept.entry is other.entry and k.line == o.line and k.measure == "level" and o.measure == "growth"
            and _growth_of(kept) == _growth_of(other))


def _comparable(goal: Reading, reached: Reading) -> bool:
    g, r = goal.figure.target, reached.figure.target
    if g.measure == "growth":
        return _growth_of(reached) is not None
    return g.measure == r.measure and g.unit == r.unit


def _goal_met(goal: Reading | None, reached: Reading | None) -> bool | None:
    if goal is None or reached is None or goal.figure.target.value is None:
        return None
    g = goal.figure.target
    value = _growth_of(reached) if g.measure == "growth" else reached.figure.target.value
    if value is None:
        return None
    return _meets(value, g.value, g)  # type: ignore[arg-type]
