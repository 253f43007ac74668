"""Renderers of a plan tracked through its reports, and of a trend over the years of a place's reports."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..numerals import figure
from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..track import Reading, Track, Tracked, Trend, TrendPoint

BLANK = "—"
BAR = 24  # characters of the longest bar


def _value(r: Reading) -> str:
    t = r.figure.target
    text = t.display()
    if t.measure == "level" and t.growth is not None:
        text += f" ({t.growth:+g}%)"
    return text + ("*" if r.figure.estimated else "")


def _by_year(readings: list[Reading]) -> str:
    return "; ".join(f"{r.year}: {_value(r)}" for r in readings) or BLANK


def _sources(row: Tracked) -> str:
    lines = [f"{r.entry.id} line {r.figure.target.line}" for r in [*row.readings, *row.goals]]
    return "; ".join(dict.fromkeys(lines))


def _target(row: Tracked) -> str:
    t = row.target
    return f"{t.display()}" + (f" by {t.year}" if t.year else "")


TRACK_HEADER = ["indicator", "target", "status", "reached", "yearly goals", "how it stands", "sources"]


def _track_rows(x: Track) -> list[list[str]]:
    return [[row.target.canonical, _target(row), row.status, _by_year(row.readings), _by_year(row.goals), row.note,
             _sources(row)] for row in x.rows]


def _track_title(x: Track) -> str:
    info = x.plan.info
    years = [e.info.year for e in x.reports if e.info.year]
    span = "" if not years else str(years[0]) if min(years) == max(years) else f"{min(years)}–{max(years)}"
    count = f"{len(x.reports)} work report{'s' if len(x.reports) != 1 else ''}"
    return f"{info.place.full()} {info.period or info.year or ''} plan against {count} {span}".strip()


_LEGEND = ("reached: the values the reports give for each year (* estimated: the report was written before the "
           "year's statistics were final; a growth rate in brackets). yearly goals: what each report set for its "
           "year. met: the latest value for a year of the plan reaches the target; on track / behind: against a "
           "straight path from the plan's base, or against the growth the target still needs each year; a value "
           "for a year before the plan's is its base, not judged.")


def track_markdown(x: Track) -> str:
    out = [f"# Track: {md.escape(_track_title(x))}", "", md.escape(_LEGEND), ""]
    if x.rows:
        out += [md.table(TRACK_HEADER, _track_rows(x)), ""]
    else:
        out += [f"{BLANK} no report states a value for any of the plan's targets", ""]
    out.append(f"{x.untracked} other targets of the plan: no report states a value or a goal for them. "
               f"{x.figures} figures read from the reports.")
    return "\n".join(out) + "\n"


def track_json(x: Track) -> str:
    return json.dumps(x.to_dict(), ensure_ascii=False, indent=2)


def track_csv(x: Track) -> str:
    return to_csv([TRACK_HEADER, *_track_rows(x)])


def track_rich(x: Track) -> list[RenderableType]:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    style = {"met": "green", "on track": "green", "behind": "red"}
    table = Table(title=escape(_track_title(x)), header_style="bold", show_lines=True)
    for name in TRACK_HEADER[:-1]:
        table.add_column(name, overflow="fold", no_wrap=name in ("status",))
    for row, cells in zip(x.rows, _track_rows(x), strict=True):
        colour = style.get(row.status, "dim")
        table.add_row(*[escape(c) for c in cells[:2]], f"[{colour}]{escape(cells[2])}[/]",
                      *[escape(c) for c in cells[3:-1]])
    notes = Text(f"{_LEGEND}\n{x.untracked} other targets: no report states them. Sources: `--format markdown` or "
                 "`json` gives each figure's line.", style="dim")
    return [table if x.rows else Text("no report states a value for any of the plan's targets", style="red"), notes]


# -- trend --------------------------------------------------------------------------------------------


def _bar(value: float | None, top: float) -> str:
    if value is None or top <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(value / top * BAR))


def _rates(x: Trend) -> bool:
    """Whether an indicator's bars show growth rates: where any year's goal was one (the series is then read as
    rates throughout, so that the bars compare)."""
    return any(p.goal is not None and p.goal.figure.target.measure == "growth" for p in x.points)


def _measured(p: TrendPoint, rates: bool = False) -> float | None:
    """What a bar shows: the theme's share, or the value reached (its growth rate where the series is rates)."""
    if p.share is not None:
        return p.share * 100
    if p.reached is None:
        return None
    t = p.reached.figure.target
    if rates:
        return t.value if t.measure == "growth" else t.growth
    return t.value


def _trend_header(x: Trend) -> list[str]:
    if x.kind == "theme":
        return ["year", "document", "share", "passages", "bar"]
    return ["year", "document", "goal set for the year", "reached (next year's report)", "met", "bar"]


def _trend_rows(x: Trend) -> list[list[str]]:
    rates = _rates(x)
    top = max((v for p in x.points if (v := _measured(p, rates)) is not None), default=0.0)
    rows = []
    for p in x.points:
        year = str(p.year or "")
        if x.kind == "theme":
            rows.append([year, p.entry.id, f"{(p.share or 0) * 100:.1f}%", str(p.passages),
                         _bar(_measured(p), top)])
        else:
            met = BLANK if p.met is None else ("yes" if p.met else "no")
            rows.append([year, p.entry.id, _value(p.goal) if p.goal else BLANK,
                         _value(p.reached) if p.reached else BLANK, met, _bar(_measured(p, rates), top)])
    return rows


def _trend_title(x: Trend) -> str:
    what = f"the share of {x.what}" if x.kind == "theme" else x.what
    return f"{x.place}: {what} in each year's work report"


def _trend_note(x: Trend) -> str:
    if x.kind == "theme":
        return "Share of each report's text in passages on the theme."
    return ("The goal each report set for its year, and the value a later report gives for that year (* estimated; "
            "a value of another kind than the goal, a level against a growth rate, is shown but not judged). The "
            "bar is the value reached (its growth rate where the goal was one).")


def trend_markdown(x: Trend) -> str:
    return f"# {md.escape(_trend_title(x))}\n\n{_trend_note(x)}\n\n" + md.table(_trend_header(x), _trend_rows(x)) + "\n"


def trend_json(x: Trend) -> str:
    return json.dumps(x.to_dict(), ensure_ascii=False, indent=2)


def trend_csv(x: Trend) -> str:
    return to_csv([_trend_header(x)[:-1], *[r[:-1] for r in _trend_rows(x)]])


def trend_rich(x: Trend) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(_trend_title(x)), header_style="bold", caption=escape(_trend_note(x)),
                  caption_justify="left")
    for name in _trend_header(x):
        table.add_column(name, no_wrap=name in ("year", "met", "share", "passages", "bar"),
                         overflow="fold", style="cyan" if name == "bar" else "")
    for row in _trend_rows(x):
        table.add_row(*[escape(c) for c in row])
    return table


def chart(x: Trend) -> list[dict[str, object]]:
    """The bars of an HTML chart: a label, a height from 0 to 1, and the value shown."""
    rates = _rates(x)
    values = [(p, _measured(p, rates)) for p in x.points]
    top = max((v for _, v in values if v is not None and v > 0), default=0.0)
    out = []
    for p, v in values:
        shown = "" if v is None else (f"{v:.1f}%" if x.kind == "theme" or rates else figure(v))
        out.append({"label": str(p.year or p.entry.id), "height": (max(v, 0.0) / top) if v and top else 0.0,
                    "value": shown})
    return out
