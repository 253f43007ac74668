"""Renderers of comparisons: Markdown, JSON, CSV and rich tables."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..compare import CoverageMatrix, ThemeComparison, ThemeSection, passage_title, path_text
from ..passage_themes import ThemedPassage
from ..terms import Term
from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

BLANK = "—"
NOTHING_ALIGNED = "Nothing to align: no plan has a sub-heading, topic phrase or passage on this theme."


def _sim(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _terms(terms: list[Term]) -> str:
    return "、".join(t.term for t in terms) or BLANK


def section_note(s: ThemeSection) -> str:
    """Why a section is on the theme: how much of it is, in how many passages, and the terms they use."""
    count = f"{len(s.passages)} passage{'s' if len(s.passages) != 1 else ''}"
    terms = "、".join(t for t, _ in s.evidence(4))
    return f"{s.share:.0%} of its text on the theme, {count}" + (f": {terms}" if terms else "")


def passage_line(tp: ThemedPassage) -> str:
    """A passage on the theme outside the sections wholly on it: where it is and what it opens with."""
    p = tp.passage
    terms = "、".join(dict.fromkeys(h.term for h in tp.evidence))
    head = f"{p.path_text} ¶ " if p.path else "¶ "
    return f"{head}“{passage_title(tp)}” ({p.where}; {terms})"


# -- one theme ------------------------------------------------------------------------------------


def theme_json(c: ThemeComparison) -> str:
    return json.dumps(c.to_dict(), ensure_ascii=False, indent=2)


def theme_markdown(c: ThemeComparison) -> str:
    labels = [p.label for p in c.plans]
    out = [f"# {md.escape(c.theme.name)}: {md.escape(' · '.join(labels))}", ""]
    out += ["## Plans", ""]
    out.append(md.table(
        ["plan", "id", "place", "kind", "year", "title"],
        [[p.label, p.entry.id, p.entry.info.place.full(), p.entry.info.kind, str(p.entry.info.year or ""),
          p.entry.info.title] for p in c.plans],
    ))
    out += ["", f"## Where each plan speaks of {md.escape(c.theme.name)}", ""]
    out += ["Sections wholly on the theme, then single passages on it elsewhere (¶).", ""]
    for index, (plan, sections) in enumerate(zip(c.plans, c.sections, strict=True)):
        out.append(f"**{md.escape(plan.label)}**")
        out.append("")
        if not sections and not c.passages[index]:
            out.append(f"- {BLANK} nothing on this theme")
        for s in sections:
            out.append(f"- {md.escape(path_text(s.path))} ({s.path[-1].where}; {md.escape(section_note(s))})")
        for tp in c.loose(index):
            out.append(f"- {md.escape(passage_line(tp))}")
        out.append("")
    out += ["## Aligned items", ""]
    header = [*labels, "similarity"]
    rows = [[cell.display if cell else BLANK for cell in r.cells] + [_sim(r.similarity)] for r in c.rows]
    out += [md.table(header, rows) if rows else NOTHING_ALIGNED, ""]
    out += ["## Terms", ""]
    out.append(f"- Shared by all: {md.escape(_terms(c.shared))}")
    for label, terms in zip(labels, c.distinctive, strict=True):
        out.append(f"- Only in {md.escape(label)}: {md.escape(_terms(terms))}")
    if c.diffs:
        out += ["", "## Word diffs", ""]
        out += ["~~struck~~: only in the first plan of the row; **bold**: only in the other.", ""]
        for row, diffs in zip(c.rows, c.diffs, strict=True):
            filled = [(i, cell) for i, cell in enumerate(row.cells) if cell is not None]
            if len(filled) < 2:
                continue
            first_i, first = filled[0]
            out.append(f"### {md.escape(first.display)}")
            out.append("")
            for i, cell in filled[1:]:
                ops = diffs[i] or []
                pair = f"{md.escape(labels[first_i])} → {md.escape(labels[i])} ({md.escape(cell.display)})"
                out.append(f"- {pair}: {md.diff(ops)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def theme_csv(c: ThemeComparison) -> str:
    header = ["row", "similarity"]
    for p in c.plans:
        header += [f"{p.label} title", f"{p.label} path"]
    rows = [header]
    for n, r in enumerate(c.rows, 1):
        line = [str(n), _sim(r.similarity)]
        for cell in r.cells:
            line += [cell.display, cell.path] if cell else ["", ""]
        rows.append(line)
    return to_csv(rows)


def theme_rich(c: ThemeComparison, console: Console) -> list[RenderableType]:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    labels = [p.label for p in c.plans]
    parts: list[RenderableType] = [Text.from_markup(
        f"[bold]{escape(c.theme.name)}[/] [dim]({escape(c.theme.parent)})[/] · "
        + " · ".join(escape(x) for x in labels)
    )]
    sections = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
    sections.add_column("plan", no_wrap=True)
    sections.add_column("where it speaks of the theme", overflow="fold")
    for index, (plan, secs) in enumerate(zip(c.plans, c.sections, strict=True)):
        lines = [f"{escape(path_text(s.path))} [dim]({s.path[-1].where}; {escape(section_note(s))})[/]"
                 for s in secs]
        # ¶ held to the quote after it, so that a terminal line never ends on it alone
        lines += [escape(passage_line(tp)).replace("¶ “", "¶“") for tp in c.loose(index)]
        sections.add_row(escape(plan.label), "\n".join(lines) or f"[red]{BLANK} nothing on this theme[/]")
    parts.append(sections)
    min_col = 16
    if not c.rows:
        parts.append(Text(NOTHING_ALIGNED, style="dim"))
    elif console.width >= len(labels) * min_col + 8:
        table = Table(show_header=True, header_style="bold", show_lines=True, expand=False)
        for label in labels:
            table.add_column(escape(label), overflow="fold", ratio=1)
        table.add_column("sim", justify="right", no_wrap=True)
        for r in c.rows:
            cells = [escape(cell.display) if cell else f"[dim]{BLANK}[/]" for cell in r.cells]
            table.add_row(*cells, _sim(r.similarity))
        parts.append(table)
    else:
        # Too narrow for side-by-side columns: one block per row, plans stacked.
        for n, r in enumerate(c.rows, 1):
            lines = [f"[bold]{n}.[/] [dim]sim {_sim(r.similarity) or '—'}[/]"]
            for label, cell in zip(labels, r.cells, strict=True):
                lines.append(f"  {escape(label)}: {escape(cell.display) if cell else BLANK}")
            parts.append(Text.from_markup("\n".join(lines)))
    terms = _grid()
    terms.add_row("[bold]shared by all[/]", escape(_terms(c.shared)))
    for label, own in zip(labels, c.distinctive, strict=True):
        terms.add_row(f"[bold]only {escape(label)}[/]", escape(_terms(own)))
    parts.append(terms)
    if c.diffs:
        for row, diffs in zip(c.rows, c.diffs, strict=True):
            filled = [(i, cell) for i, cell in enumerate(row.cells) if cell is not None]
            if len(filled) < 2:
                continue
            for i, cell in filled[1:]:
                line = Text(f"{filled[0][1].display} → {cell.display}: ", style="bold")
                for op in diffs[i] or []:
                    style = "" if op.op == "equal" else "red strike" if op.op == "delete" else "green"
                    line.append(op.text, style=style)
                parts.append(line)
    return parts


# -- coverage matrix ------------------------------------------------------------------------------


def _cell(passages: int, share: float) -> str:
    return BLANK if passages == 0 else f"{share * 100:.1f}% ({passages})"


def matrix_json(m: CoverageMatrix) -> str:
    return json.dumps(m.to_dict(), ensure_ascii=False, indent=2)


def matrix_markdown(m: CoverageMatrix) -> str:
    labels = [p.label for p in m.plans]
    out = [f"# Theme coverage: {md.escape(' · '.join(labels))}", ""]
    out += ["Share of each plan's text in passages on the theme (passages); — marks a gap: no passage on it.", ""]
    rows = [[t.parent, t.name] + [_cell(c.passages, c.share) for c in row]
            for t, row in zip(m.themes, m.cells, strict=True)]
    out += [md.table(["parent", "theme", *labels], rows), ""]
    out += ["## Most distinctive themes", ""]
    for label, dist in zip(labels, m.distinctive, strict=True):
        text = "、".join(f"{name} ({share * 100:.1f}%)" for name, share in dist) or BLANK
        out.append(f"- {md.escape(label)}: {md.escape(text)}")
    out += ["", "## Gaps", ""]
    for i, label in enumerate(labels):
        out.append(f"- {md.escape(label)}: {md.escape('、'.join(m.gaps(i)) or BLANK)}")
    return "\n".join(out).rstrip() + "\n"


def matrix_csv(m: CoverageMatrix) -> str:
    header = ["parent", "theme"]
    for p in m.plans:
        header += [f"{p.label} passages", f"{p.label} sections", f"{p.label} share"]
    rows = [header]
    for t, row in zip(m.themes, m.cells, strict=True):
        line = [t.parent, t.name]
        for c in row:
            line += [str(c.passages), str(c.sections), f"{c.share:.4f}"]
        rows.append(line)
    return to_csv(rows)


def matrix_rich(m: CoverageMatrix, console: Console) -> list[RenderableType]:
    from rich.markup import escape
    from rich.table import Table

    labels = [p.label for p in m.plans]
    table = Table(title="Theme coverage (share of text in passages on the theme, passages)", header_style="bold")
    table.add_column("theme", no_wrap=True)
    for label in labels:
        table.add_column(escape(label), justify="right", overflow="fold")
    parent = None
    for t, row in zip(m.themes, m.cells, strict=True):
        if t.parent != parent:
            table.add_section()
            parent = t.parent
        table.add_row(
            f"{escape(t.name)} [dim]{escape(t.parent)}[/]",
            *[_cell(c.passages, c.share) if c.passages else f"[red]{BLANK}[/]" for c in row],
        )
    notes = _grid()
    for i, (label, dist) in enumerate(zip(labels, m.distinctive, strict=True)):
        text = "、".join(f"{name} {share * 100:.1f}%" for name, share in dist) or BLANK
        notes.add_row(f"[bold]{escape(label)}[/]", f"distinctive: {escape(text)}")
        notes.add_row("", f"[red]gaps[/]: {escape('、'.join(m.gaps(i)) or BLANK)}")
    return [table, notes]


def _grid() -> Table:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid
