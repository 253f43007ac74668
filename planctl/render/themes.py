"""Renderers of a plan's themes: its share of every theme, its passages on one, and suggested terms."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..passage_themes import ThemedPassage
    from ..reports import PlanThemesReport, SuggestReport, ThemePassagesReport

BLANK = "—"


def matched(tp: ThemedPassage) -> list[str]:
    """The terms a passage matched in its own text (not in its headings), longest first."""
    return sorted({h.term for h in tp.evidence if h.where != "heading"}, key=lambda t: (-len(t), t))


def evidence_text(tp: ThemedPassage) -> str:
    parts = []
    for h in tp.evidence:
        if h.where == "heading":
            parts.append(f"heading: {h.term}")
        elif h.where == "topic":
            parts.append(f"topic: {h.term}")
        else:
            parts.append(f"{h.term}×{h.count}" if h.count > 1 else h.term)
    return "、".join(parts)


def _highlight(text: str, terms: list[str], before: str, after: str, escape: Callable[[str], str]) -> str:
    """The text with each occurrence of a term wrapped (longest first where they overlap)."""
    spans = [m.span() for m in re.finditer("|".join(re.escape(t) for t in terms), text, re.I)] if terms else []
    return md.wrap(text, spans, before, after, escape)


# -- one plan, every theme ------------------------------------------------------------------------------

SHARES_HEADER = ["parent", "theme", "passages", "share", "terms"]


def _share_rows(r: PlanThemesReport) -> list[list[str]]:
    return [[s.theme.parent, s.theme.name, str(s.passages), f"{s.share * 100:.1f}%" if s.passages else BLANK,
             "、".join(t for t, _ in s.terms)] for s in r.shares]


def plan_themes_markdown(r: PlanThemesReport) -> str:
    return (f"# {md.escape(r.plan.label)}: themes by share of the text\n\n"
            "Share of the plan's text in passages on each theme (a passage may be on several).\n\n"
            + md.table(SHARES_HEADER, _share_rows(r)) + "\n")


def plan_themes_json(r: PlanThemesReport) -> str:
    return json.dumps({"plan": r.plan.to_dict(), "themes": [s.to_dict() for s in r.shares]},
                      ensure_ascii=False, indent=2)


def plan_themes_csv(r: PlanThemesReport) -> str:
    rows = [[s.theme.parent, s.theme.name, str(s.passages), f"{s.share:.4f}", "、".join(t for t, _ in s.terms)]
            for s in r.shares]
    return to_csv([SHARES_HEADER, *rows])


def plan_themes_rich(r: PlanThemesReport) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{escape(r.plan.label)}: themes by share of the text", header_style="bold")
    for name in SHARES_HEADER:
        table.add_column(name, overflow="fold", no_wrap=name in ("parent", "theme", "passages", "share"),
                         justify="right" if name in ("passages", "share") else "left")
    for row in _share_rows(r):
        table.add_row(*[escape(x) for x in row])
    return table


# -- one plan, one theme --------------------------------------------------------------------------------

PASSAGES_HEADER = ["line", "path", "score", "evidence", "text"]


def _passage_rows(r: ThemePassagesReport) -> list[list[str]]:
    return [[tp.passage.where, tp.passage.path_text, f"{tp.score:.1f}", evidence_text(tp), tp.passage.text]
            for tp in r.passages]


def passages_markdown(r: ThemePassagesReport) -> str:
    out = [f"# {md.escape(r.theme.name)} in {md.escape(r.plan.label)}", ""]
    out.append(f"{len(r.passages)} passage{'s' if len(r.passages) != 1 else ''} on the theme, in document order; "
               "matched terms in bold.")
    out.append("")
    if not r.passages:
        out += [f"{BLANK} nothing on this theme", ""]
    for tp in r.passages:
        p = tp.passage
        out.append(f"## {md.escape(p.path_text or '(before the first heading)')} ({p.where}, score {tp.score:.1f})")
        out.append("")
        out.append(_highlight(p.text, matched(tp), "**", "**", md.escape))
        out.append("")
        out.append(f"*{md.escape(evidence_text(tp))}*")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def passages_json(r: ThemePassagesReport) -> str:
    info = r.plan.entry.info
    plan = {"id": r.plan.entry.id, "place": info.place.full(), "kind": info.kind, "year": info.year,
            "title": info.title}
    passages = [{"path": tp.passage.path_text, "line": tp.passage.line, "text": tp.passage.text,
                 "score": round(tp.score, 2), "evidence": [{"term": h.term, "where": h.where} for h in tp.evidence],
                 **({"page": tp.passage.page} if tp.passage.page is not None else {})} for tp in r.passages]
    return json.dumps({"theme": r.theme.name, "plan": plan, "passages": passages}, ensure_ascii=False, indent=2)


def passages_csv(r: ThemePassagesReport) -> str:
    rows = [[str(tp.passage.line), tp.passage.path_text, f"{tp.score:.2f}", evidence_text(tp), tp.passage.text]
            for tp in r.passages]
    return to_csv([PASSAGES_HEADER, *rows])


def passages_rich(r: ThemePassagesReport) -> list[RenderableType]:
    from rich.markup import escape
    from rich.text import Text

    parts: list[RenderableType] = [Text.from_markup(
        f"[bold]{escape(r.theme.name)}[/] [dim]({escape(r.theme.parent)})[/] in [bold]{escape(r.plan.label)}[/]: "
        f"{len(r.passages)} passage{'s' if len(r.passages) != 1 else ''}")]
    if not r.passages:
        parts.append(Text.from_markup(f"[red]{BLANK} nothing on this theme[/]"))
    for tp in r.passages:
        p = tp.passage
        where = escape(p.path_text or "(before the first heading)")
        head = f"[cyan]{where}[/] [dim]{p.where} · score {tp.score:.1f}[/]"
        body = _highlight(p.text, matched(tp), "[bold yellow]", "[/]", escape)
        parts.append(Text.from_markup(f"{head}\n{body}\n[dim]{escape(evidence_text(tp))}[/]"))
    return parts


# -- suggestions ---------------------------------------------------------------------------------------

SUGGEST_HEADER = ["word", "z", "passages on the theme", "other passages", "documents"]


def _suggest_rows(r: SuggestReport) -> list[list[str]]:
    return [[w.word, f"{w.z:.1f}", str(w.on), str(w.off), str(w.documents)] for w in r.suggestions.words]


def _suggest_title(r: SuggestReport) -> str:
    s = r.suggestions
    return (f"Words that mark {s.theme.name} and are not in the map: {s.passages} passages on it "
            f"in {s.documents} documents of {r.corpus}")


def suggest_markdown(r: SuggestReport) -> str:
    return (f"# {md.escape(_suggest_title(r))}\n\nz: log-odds z-score of the word in passages on the theme "
            "against the other passages. Add the ones that fit to the theme's keywords.\n\n"
            + md.table(SUGGEST_HEADER, _suggest_rows(r)) + "\n")


def suggest_json(r: SuggestReport) -> str:
    s = r.suggestions
    return json.dumps({"theme": s.theme.name, "corpus": r.corpus, "documents": s.documents,
                       "passages": s.passages, "words": [w.to_dict() for w in s.words]},
                      ensure_ascii=False, indent=2)


def suggest_csv(r: SuggestReport) -> str:
    return to_csv([SUGGEST_HEADER, *_suggest_rows(r)])


def suggest_rich(r: SuggestReport) -> RenderableType:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(_suggest_title(r)), header_style="bold")
    for name in SUGGEST_HEADER:
        table.add_column(name, justify="left" if name == "word" else "right")
    for row in _suggest_rows(r):
        table.add_row(*[escape(x) for x in row])
    return table
