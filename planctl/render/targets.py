"""Renderers of targets: one plan's list, and targets lined up across plans."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..compare import Plan
from ..lineup import PlanTargets, TargetRow
from ..numerals import figure
from ..targets import Target
from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import RenderableType

BLANK = "—"
PLAN_HEADER = ["indicator", "matched as", "target", "year", "base", "growth", "binding", "source", "line", "section"]


def _number(value: float | None, unit: str | None) -> str:
    return "" if value is None else f"{figure(value)}{unit or ''}"


def _base(t: Target) -> str:
    text = _number(t.base_value, t.unit)
    return f"{text} ({t.base_year})" if text and t.base_year else text


def _growth(t: Target) -> str:
    if t.growth is None:
        return ""
    return f"{figure(t.growth)}%" + (" 5-year total" if t.growth_kind == "cumulative" else " a year")


def _plan_rows(pt: PlanTargets) -> list[list[str]]:
    return [
        [t.indicator, t.canonical if t.canonical != t.indicator else "", t.display(), str(t.year or ""), _base(t),
         _growth(t), t.binding or "", t.source, str(t.line), t.path]
        for t in pt.targets
    ]


def _title(plan: Plan, theme: str | None) -> str:
    return f"Targets of {plan.label}" + (f" on {theme}" if theme else "")


def none_found(plan: Plan, theme: str | None) -> str:
    if theme:
        return f"No targets on {theme} found in {plan.label}; without --theme, every target of the plan is listed."
    return (f"No targets found in {plan.label}: it has no indicator table and no sentence that sets a figure "
            "for an indicator.")


def plan_text(pt: PlanTargets, theme: str | None, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({**pt.to_dict(), "theme": theme}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv([PLAN_HEADER, *_plan_rows(pt)])
    out = [f"# {md.escape(_title(pt.plan, theme))}", ""]
    doc = pt.plan.entry.info
    out.append(f"{md.escape(doc.title)} ({md.escape(pt.plan.entry.id)}); {len(pt.targets)} targets.")
    out.append("")
    out += [md.table(PLAN_HEADER, _plan_rows(pt)) if pt.targets else md.escape(none_found(pt.plan, theme)), ""]
    return "\n".join(out).rstrip() + "\n"


SECTION_FROM = 110  # columns of a terminal wide enough for the section column beside the rest, whatever they hold
SECTION_LEAST = 16  # or cells of room the others leave it at their full width
UNBROKEN = 12  # cells of a figure kept on one line (108.11亿元, ≤30个工作日); a longer cell of words may wrap
INDICATOR_LEAST = 16  # cells of an indicator's name on a narrow terminal: eight characters a line


def plan_rich(pt: PlanTargets, theme: str | None, width: int) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from .cells import cell_width, share_widths, widths

    if not pt.targets:
        return Text(none_found(pt.plan, theme))
    table = Table(title=f"{escape(_title(pt.plan, theme))}: {len(pt.targets)}", header_style="bold",
                  show_lines=False)
    columns = {
        "indicator": lambda t: t.indicator + (f"\n= {t.canonical}" if t.canonical != t.indicator else ""),
        "target": lambda t: t.display(),
        "year": lambda t: str(t.year or ""),
        "base": _base,
        "growth": _growth,
        "binding": lambda t: t.binding or "",
        "line": lambda t: f"{t.line}{'ᵀ' if t.source == 'table' else ''}",
        "section": lambda t: t.path.split(" > ")[-1],
    }
    # Columns that no target fills (no base values in a work report) are left out, and on a narrow terminal
    # the section, unless the others leave it room (the line tells where the target is).
    cells = {name: [cell(t) for t in pt.targets] for name, cell in columns.items()}
    cells = {name: texts for name, texts in cells.items() if any(texts) or name == "indicator"}
    natural = [max(widths([name, *(line for text in texts for line in text.split("\n"))]))
               for name, texts in cells.items()]
    others = sum(natural[:-1]) + 3 * len(natural) + 1  # a border and a space either side of each column
    dropped = "section" in cells and width < SECTION_FROM and width - others < min(natural[-1], SECTION_LEAST)
    if dropped:
        del cells["section"], natural[-1]
    least = [max(widths([name, *_unbroken(texts)])) if name in ("target", "base", "growth") else cell_width(name)
             for name, texts in cells.items()]
    least[0] = min(natural[0], INDICATOR_LEAST)
    fitted = share_widths(natural, least, width - 3 * len(cells) - 1)  # a border and a space either side
    for name, w in zip(cells, fitted, strict=True):
        table.add_column(name, width=w, overflow="fold",
                         justify="right" if name in ("target", "base", "line") else "left")
    for row in zip(*cells.values(), strict=True):
        table.add_row(*(_styled(name, text) for name, text in zip(cells, row, strict=True)))
    notes = ["ᵀ from the plan's indicator table"] if any(t.source == "table" for t in pt.targets) else []
    if dropped:
        notes.append(f"sections at {SECTION_FROM} columns or in --format markdown")
    table.caption = "\n".join(notes) or None
    return table


def _unbroken(texts: list[str]) -> list[str]:
    """The words of a column's cells kept on one line: figures (108.11亿元, ≤30个工作日), not longer text."""
    from .cells import widths

    words = [word for text in texts for word in text.split()]
    return [word for word, n in zip(words, widths(words), strict=True) if n <= UNBROKEN]


def _styled(column: str, text: str) -> str:
    """A cell's text as rich markup: a section, and the canonical name under an indicator, dimmed."""
    from rich.markup import escape

    if column == "section":
        return f"[dim]{escape(text)}[/]"
    name, _, canonical = text.partition("\n")
    return escape(name) + (f"\n[dim]{escape(canonical)}[/]" if canonical else "")


# -- across plans ---------------------------------------------------------------------------------


def _cell(found: list[Target]) -> str:
    if not found:
        return BLANK
    t = found[0]
    more = f" (+{len(found) - 1})" if len(found) > 1 else ""
    return f"{t.display()}, {t.year}{more}" if t.year else f"{t.display()}{more}"


def _indicator(row: TargetRow) -> str:
    return row.canonical if row.measure == "level" else f"{row.canonical} ({row.measure})"


def lineup_json(plans: list[Plan], rows: list[TargetRow], theme: str | None) -> str:
    data = {"theme": theme, "plans": [p.to_dict() for p in plans], "rows": [r.to_dict() for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def lineup_csv(plans: list[Plan], rows: list[TargetRow]) -> str:
    header = ["indicator", "measure"]
    for p in plans:
        header += [f"{p.label} target", f"{p.label} year", f"{p.label} line"]
    out = [header]
    for r in rows:
        line = [r.canonical, r.measure]
        for found in r.cells:
            t = found[0] if found else None
            line += [t.display(), str(t.year or ""), str(t.line)] if t else ["", "", ""]
        out.append(line)
    return to_csv(out)


def lineup_markdown(plans: list[Plan], rows: list[TargetRow], theme: str | None) -> str:
    labels = [p.label for p in plans]
    title = "Targets" + (f" on {theme}" if theme else "") + ": " + " · ".join(labels)
    out = [f"# {md.escape(title)}", ""]
    shared = sum(1 for r in rows if r.plans_with > 1)
    out.append(f"{len(rows)} indicators, {shared} of them in more than one plan. "
               "A cell shows the target and its year; (+n): more figures for it in that plan.")
    out += ["", md.table(["indicator", *labels], [[_indicator(r), *(_cell(c) for c in r.cells)] for r in rows]), ""]
    out += ["## Sources", ""]
    for r in rows:
        for label, found in zip(labels, r.cells, strict=True):
            for t in found:
                where = f"{t.source}, line {t.line}" + (f", {t.path}" if t.path else "")
                out.append(f"- {md.escape(_indicator(r))} · {md.escape(label)}: {md.escape(t.display())} "
                           f"({md.escape(where)}): “{md.escape(t.indicator)}”")
    return "\n".join(out).rstrip() + "\n"


def lineup_rich(plans: list[Plan], rows: list[TargetRow], theme: str | None, width: int) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table

    labels = [p.label for p in plans]
    title = "Targets" + (f" on {theme}" if theme else "")
    table = Table(title=escape(title), header_style="bold", show_lines=True)
    table.add_column("indicator", overflow="fold", ratio=2)
    stacked = width < 20 + 14 * len(labels)
    if stacked:  # too narrow for a column per plan: one line per plan inside the row
        table.add_column("targets", overflow="fold", ratio=3)
    else:
        for label in labels:
            table.add_column(escape(label), overflow="fold", ratio=1, justify="right")
    for r in rows:
        cells = [_cell(c) for c in r.cells]
        if stacked:
            table.add_row(escape(_indicator(r)), "\n".join(f"{escape(lab)}: {escape(c)}"
                                                             for lab, c in zip(labels, cells, strict=True)))
        else:
            table.add_row(escape(_indicator(r)), *[escape(c) if c != BLANK else f"[dim]{BLANK}[/]" for c in cells])
    return table
