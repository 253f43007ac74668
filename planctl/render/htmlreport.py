"""HTML reports: one self-contained file per result, from Jinja2 templates with autoescaping.

Everything a reader needs is in the file: the CSS is inline, there are no scripts, fonts or images
to fetch, and it prints on A4. Text from a plan is escaped by the templates; the only markup made
here is the highlighting (theme terms, search words, word-level differences), built from escaped
pieces with markupsafe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..compare import CoverageMatrix, Plan, ThemeComparison
    from ..corpus import Entry
    from ..terms import DiffOp
    from . import Context

BLANK = "—"


@lru_cache(maxsize=1)
def _env() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("planctl", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked"] = marked
    env.filters["diff"] = diff_html
    return env


def marked(text: str, terms: list[str] | tuple[str, ...]) -> Markup:
    """The text escaped, each occurrence of a term wrapped in <mark>; longer terms win where they overlap."""
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted or not text:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in wanted))
    out: list[Markup] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(Markup("<mark>{}</mark>").format(m.group(0)))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def diff_html(ops: list[DiffOp] | None) -> Markup:
    """Word-level differences: <del> only in the row's first plan, <ins> only in this one."""
    if not ops:
        return Markup("")
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return Markup("").join(Markup(tags[op.op]).format(op.text) for op in ops)


def _heat(share: float, top: float) -> str:
    """A cell's background on a white-to-blue scale of its share against the largest share shown."""
    level = 0.0 if top <= 0 else min(1.0, share / top)
    lightness = 97 - level * 55
    ink = "#fff" if lightness < 60 else "#1a1a1a"
    return f"background:hsl(212,62%,{lightness:.0f}%);color:{ink}"


def _source(entry: Entry, label: str) -> dict[str, Any]:
    """A row of the header's table of sources."""
    info = entry.info
    return {"label": label, "id": entry.id, "file": entry.file, "title": info.title, "place": info.place.full(),
            "kind": info.kind, "year": info.year or ""}


def _plan_source(p: Plan) -> dict[str, Any]:
    return _source(p.entry, p.label)


def _page(template: str, context: Context, title: str, sources: list[dict[str, Any]], **data: Any) -> str:
    return _env().get_template(template).render(title=title, ctx=context, sources=sources, blank=BLANK, **data)


# -- one renderer per result --------------------------------------------------------------------------


def _theme_comparison(c: ThemeComparison, context: Context) -> str:
    from ..compare import path_text
    from .compare import NOTHING_ALIGNED, passage_line, section_note

    terms = [*c.theme.names, *c.theme.keywords]
    sections = []
    for index, (plan, found) in enumerate(zip(c.plans, c.sections, strict=True)):
        items = [{"path": path_text(s.path), "where": s.path[-1].where, "why": section_note(s)} for s in found]
        items += [{"path": passage_line(tp), "where": "", "why": ""} for tp in c.loose(index)]
        sections.append({"label": plan.label, "items": items})
    rows = []
    for n, row in enumerate(c.rows):
        diffs = c.diffs[n] if c.diffs else [None] * len(row.cells)
        cells = [None if item is None else {"title": item.display, "path": item.path, "diff": diffs[i]}
                 for i, item in enumerate(row.cells)]
        rows.append({"cells": cells, "similarity": "" if row.similarity is None else f"{row.similarity:.2f}"})
    return _page(
        "compare_theme.html", context, f"{c.theme.name}: {' · '.join(p.label for p in c.plans)}",
        [_plan_source(p) for p in c.plans], theme=c.theme, terms=terms, sections=sections, rows=rows,
        labels=[p.label for p in c.plans], shared="、".join(t.term for t in c.shared) or BLANK,
        distinctive=["、".join(t.term for t in ts) or BLANK for ts in c.distinctive], has_diffs=bool(c.diffs),
        nothing_aligned=NOTHING_ALIGNED,
    )


def _coverage(m: CoverageMatrix, context: Context) -> str:
    top = max((cell.share for row in m.cells for cell in row), default=0.0)
    rows = []
    for theme, cells in zip(m.themes, m.cells, strict=True):
        rows.append({"parent": theme.parent, "theme": theme.name, "cells": [
            {"text": BLANK if cell.passages == 0 else f"{cell.share * 100:.1f}%", "passages": cell.passages,
             "style": _heat(cell.share, top), "gap": cell.passages == 0} for cell in cells]})
    labels = [p.label for p in m.plans]
    return _page(
        "coverage.html", context, f"Theme coverage: {' · '.join(labels)}", [_plan_source(p) for p in m.plans],
        labels=labels, rows=rows,
        distinctive=["、".join(f"{n} ({s * 100:.1f}%)" for n, s in d) or BLANK for d in m.distinctive],
        gaps=["、".join(m.gaps(i)) or BLANK for i in range(len(labels))],
    )


def _lineup(r: Any, context: Context) -> str:
    from .targets import _cell, _indicator

    labels = [p.label for p in r.plans]
    rows = [{"indicator": _indicator(row), "cells": [_cell(c) for c in row.cells]} for row in r.rows]
    sources = [
        {"indicator": _indicator(row), "plan": label, "value": t.display(),
         "where": f"{t.source}, line {t.line}" + (f", {t.path}" if t.path else ""), "written": t.indicator}
        for row in r.rows for label, found in zip(labels, row.cells, strict=True) for t in found
    ]
    title = "Targets" + (f" on {r.theme}" if r.theme else "") + ": " + " · ".join(labels)
    return _page("lineup.html", context, title, [_plan_source(p) for p in r.plans], labels=labels, rows=rows,
                 figures=sources)


def _targets(r: Any, context: Context) -> str:
    from .targets import PLAN_HEADER, _plan_rows, none_found

    plan = r.targets.plan
    title = f"Targets of {plan.label}" + (f" on {r.theme}" if r.theme else "")
    found = len(r.targets.targets)
    return _page("table.html", context, title, [_plan_source(plan)], header=PLAN_HEADER,
                 rows=_plan_rows(r.targets), numeric={"target", "year", "base", "growth", "line"},
                 note=f"{found} targets." if found else none_found(plan, r.theme))


def _outline(r: Any, context: Context) -> str:
    from .outline import UNTITLED, describe_line

    doc = r.doc

    def node(section: Any, level: int) -> dict[str, Any]:
        children = [] if r.depth is not None and level >= r.depth else [node(c, level + 1) for c in section.children]
        return {"heading": section.heading, "size": f"{section.size():,}", "where": section.where,
                "topics": section.topics if r.topics else [], "tables": len(section.tables), "children": children}

    source = {"label": doc.place.name or "", "id": "", "file": doc.source, "title": doc.title, "place":
              doc.place.full(), "kind": doc.kind, "year": doc.year or ""}
    return _page("outline.html", context, doc.title or UNTITLED, [source], describe=describe_line(doc),
                 sections=[node(s, 1) for s in doc.sections], warnings=[w.message for w in doc.warnings])


def _plan_themes(r: Any, context: Context) -> str:
    from .themes import SHARES_HEADER, _share_rows

    return _page("table.html", context, f"{r.plan.label}: themes by share of the text", [_plan_source(r.plan)],
                 header=SHARES_HEADER, rows=_share_rows(r), numeric={"passages", "share"},
                 note="Share of the plan's text in passages on each theme (a passage may be on several).")


def _theme_passages(r: Any, context: Context) -> str:
    from .themes import PASSAGES_HEADER, _passage_rows, matched

    terms = sorted({t for tp in r.passages for t in matched(tp)}, key=len, reverse=True)
    return _page("table.html", context, f"{r.theme.name} in {r.plan.label}", [_plan_source(r.plan)],
                 header=PASSAGES_HEADER, rows=_passage_rows(r), numeric={"score"}, terms=terms,
                 note=f"{len(r.passages)} passages on the theme, in document order; matched terms marked.")


def _suggest(r: Any, context: Context) -> str:
    from .themes import SUGGEST_HEADER, _suggest_rows, _suggest_title

    return _page("table.html", context, _suggest_title(r), [], header=SUGGEST_HEADER, rows=_suggest_rows(r),
                 numeric=set(SUGGEST_HEADER) - {"word"},
                 note="z: log-odds z-score of the word in passages on the theme against the other passages.")


def _listing(r: Any, context: Context) -> str:
    from .listing import LIST_HEADER, _list_rows, list_title

    return _page("table.html", context, list_title(r), [],
                 header=LIST_HEADER, rows=_list_rows(r), numeric={"year", "chars"}, note="")


def _search(r: Any, context: Context) -> str:
    from .search import HEADER, _row

    return _page("table.html", context, f"“{r.query}”: {len(r.hits)} sections", [], header=HEADER,
                 rows=[_row(h) for h in r.hits], numeric={"year", "line"}, note="", terms=r.query.split())


def _theme_map(r: Any, context: Context) -> str:
    from .listing import THEMES_HEADER, _theme_rows

    return _page("table.html", context, f"Theme map ({r.tmap.source})", [], header=THEMES_HEADER,
                 rows=_theme_rows(r.tmap), numeric=set(), note="")


def _reuse(r: Any, context: Context) -> str:
    from .reuse import _label, summary

    x = r.reuse
    sources = [_source(entry, _label(entry)) for entry in (x.a, x.b)]
    return _page("reuse.html", context, f"Reuse: {_label(x.a)} from {_label(x.b)}", sources, summary=summary(r),
                 matches=x.matches, formulas=x.formulas, new=x.new if r.show_new else None,
                 a=_label(x.a), b=_label(x.b))


def _related(r: Any, context: Context) -> str:
    from .reuse import RELATED_HEADER, _label, _related_rows

    return _page("table.html", context, f"Text reuse around {_label(r.entry)}", [], header=RELATED_HEADER,
                 rows=_related_rows(r), numeric={"year", "share", "passages"},
                 note="share: of the borrowing document's text found in the other, formulas apart.")


def _track(x: Any, context: Context) -> str:
    from .track import _LEGEND, TRACK_HEADER, _track_rows, _track_title

    sources = [_source(x.plan, "plan")] + [_source(e, f"report {e.info.year or ''}") for e in x.reports]
    return _page("table.html", context, f"Track: {_track_title(x)}", sources, header=TRACK_HEADER,
                 rows=_track_rows(x), numeric=set(), note=_LEGEND)


def _trend(x: Any, context: Context) -> str:
    from .track import _trend_header, _trend_rows, _trend_title, chart

    bars = chart(x)
    step = 64
    note = ("Share of each report's text in passages on the theme." if x.kind == "theme" else
            "The bars: the value each year reached (its growth rate where the goal was one); the table: the goal "
            "each report set for its year beside it (* estimated).")
    return _page("trend.html", context, _trend_title(x), [_source(p.entry, str(p.year or "")) for p in x.points],
                 note=note, bars=bars, step=step, width=max(step * len(bars), step),
                 header=_trend_header(x)[:-1], rows=[r[:-1] for r in _trend_rows(x)])


_RENDERERS: dict[str, Callable[[Any, Context], str]] = {
    "Track": _track,
    "Trend": _trend,
    "ThemeComparison": _theme_comparison,
    "CoverageMatrix": _coverage,
    "LineupReport": _lineup,
    "TargetsReport": _targets,
    "OutlineReport": _outline,
    "PlanThemesReport": _plan_themes,
    "ThemePassagesReport": _theme_passages,
    "SuggestReport": _suggest,
    "ListReport": _listing,
    "SearchReport": _search,
    "ThemeMapReport": _theme_map,
    "ReuseReport": _reuse,
    "RelatedReport": _related,
}


def render_html(result: Any, context: Context) -> str:
    return _RENDERERS[type(result).__name__](result, context)
