"""Renderers of text reuse: one pair of documents, and a document's neighbours in a corpus."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..corpus import Entry
    from ..reports import RelatedReport, ReuseReport
    from ..reuse import Match, Related

MATCH_HEADER = ["kind", "similarity", "documents", "a line", "a section", "a text", "b line", "b section", "b text"]
RELATED_HEADER = ["direction", "id", "place", "kind", "year", "share", "passages"]


def _label(entry: Entry) -> str:
    """兴隆台区 2023 work report; the id stands for an unknown place, and an unknown year is left out."""
    info = entry.info
    return " ".join(str(part) for part in (info.place.name or entry.id, info.year, info.kind) if part)


def summary(r: ReuseReport) -> str:
    x = r.reuse
    return (f"{x.share * 100:.1f}% of {_label(x.a)} repeats {_label(x.b)} ({len(x.matches)} passages); "
            f"{x.formula_share * 100:.1f}% is common formula ({len(x.formulas)} passages); "
            f"{len(x.new)} passages are not in {_label(x.b)}.")


def _rows(matches: list[Match]) -> list[list[str]]:
    return [[m.kind, f"{m.similarity:.2f}", str(m.documents), m.a.where, m.a.path, m.a.text, m.b.where, m.b.path,
             m.b.text] for m in matches]


def reuse_json(r: ReuseReport) -> str:
    return json.dumps(r.reuse.to_dict(), ensure_ascii=False, indent=2)


def reuse_csv(r: ReuseReport) -> str:
    return to_csv([MATCH_HEADER, *_rows(r.reuse.matches + r.reuse.formulas)])


def reuse_markdown(r: ReuseReport) -> str:
    x = r.reuse
    out = [f"# Reuse: {md.escape(_label(x.a))} from {md.escape(_label(x.b))}", "", md.escape(summary(r)), ""]
    out += ["## Passages that repeat it", ""]
    if x.matches:
        out += ["~~struck~~: only in the source; **bold**: only in the borrowing text.", ""]
    for m in x.matches:
        text = md.diff(m.diff) if m.diff else md.escape(m.a.text)
        out.append(f"- {m.kind} {m.similarity:.2f} · {md.escape(m.a.where)} ← {md.escape(m.b.where)}"
                   f"{' · ' + md.escape(m.b.path) if m.b.path else ''}: {text}")
    if not x.matches:
        out.append("- none")
    out += ["", "## Common formula", ""]
    for m in x.formulas:
        out.append(f"- {md.escape(m.a.where)} (in up to {m.documents} documents): {md.escape(m.a.text)}")
    if not x.formulas:
        out.append("- none")
    if r.show_new:
        out += ["", f"## New in {md.escape(_label(x.a))}", ""]
        out += [f"- {md.escape(p.where)}: {md.escape(p.text)}" for p in x.new] or ["- none"]
    return "\n".join(out).rstrip() + "\n"


def reuse_rich(r: ReuseReport) -> list[RenderableType]:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    x = r.reuse
    parts: list[RenderableType] = [Text(summary(r))]
    table = Table(header_style="bold", show_lines=True)
    for name, ratio in (("kind", 1), ("sim", 1), (_label(x.a), 5), (_label(x.b), 2)):
        table.add_column(escape(name), overflow="fold", ratio=ratio)
    for m in x.matches + x.formulas:
        body = Text()
        for op in m.diff or []:
            body.append(op.text, style="" if op.op == "equal" else "strike red" if op.op == "delete" else "bold green")
        if not m.diff:
            body.append(m.a.text)
        body.append(f"\n{m.a.where}", style="dim")
        table.add_row(m.kind, f"{m.similarity:.2f}", body, Text(f"{m.b.where}\n{m.b.path}", style="dim"))
    parts.append(table if x.matches or x.formulas else Text(f"No passage of {_label(x.a)} repeats {_label(x.b)}."))
    if r.show_new:
        new = Table(title=f"New in {escape(_label(x.a))}", header_style="bold")
        new.add_column("line", no_wrap=True)
        new.add_column("passage", overflow="fold")
        for p in x.new:
            new.add_row(p.where, escape(p.text))
        parts.append(new)
    return parts


def _related_rows(r: RelatedReport) -> list[list[str]]:
    rows = []
    for direction, found in (("borrows from", r.borrows_from), ("borrowed by", r.borrowed_by)):
        for rel in found:
            i = rel.entry.info
            rows.append([direction, rel.entry.id, i.place.full(), i.kind, str(i.year or ""), f"{rel.share * 100:.1f}%",
                         str(rel.passages)])
    return rows


def related_text(r: RelatedReport, fmt: str) -> str:
    if fmt == "json":
        def one(found: list[Related]) -> list[dict[str, object]]:
            return [{"id": x.entry.id, "place": x.entry.info.place.full(), "kind": x.entry.info.kind,
                     "year": x.entry.info.year, "share": round(x.share, 4), "passages": x.passages} for x in found]

        return json.dumps({"document": r.entry.id, "borrows_from": one(r.borrows_from),
                           "borrowed_by": one(r.borrowed_by)}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv([RELATED_HEADER, *_related_rows(r)])
    out = [f"# Text reuse around {md.escape(_label(r.entry))} ({md.escape(r.entry.id)})", "",
           "share: of the borrowing document's text found in the other, formulas apart.", ""]
    rows = _related_rows(r)
    out.append(md.table(RELATED_HEADER, rows) if rows else "No other document of the corpus shares text with it.")
    return "\n".join(out) + "\n"


def related_rich(r: RelatedReport, width: int) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from ..corpus import WORD_OF_KIND
    from .cells import share_widths, widths

    title = f"Text reuse around {escape(_label(r.entry))}"
    rows = _related_rows(r)
    if not rows:
        return Text.from_markup(f"[bold]{title}[/]\nNo other document of the corpus shares text with it.")
    table = Table(title=title, header_style="bold")
    kind = RELATED_HEADER.index("kind")
    for row in rows:  # the kind by its word in a name (plan, report), as `list` shows it on a terminal
        row[kind] = WORD_OF_KIND.get(row[kind], row[kind])
    columns = [[name, *column] for name, column in zip(RELATED_HEADER, zip(*rows, strict=True), strict=True)]
    natural = [max(widths(column)) for column in columns]
    # On a narrow terminal a column narrows to its header, the place to three characters; an id never: it is
    # copied whole.
    least = [n if name == "id" else max(len(name), min(n, 6) if name == "place" else 0)
             for name, n in zip(RELATED_HEADER, natural, strict=True)]
    fitted = share_widths(natural, least, width - 3 * len(columns) - 1)  # a border and a space either side
    for name, w in zip(RELATED_HEADER, fitted, strict=True):
        table.add_column(name, width=w, overflow="fold",
                         justify="right" if name in ("year", "share", "passages") else "left")
    for row in rows:
        table.add_row(*[escape(c) for c in row])
    return table
