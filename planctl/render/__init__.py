"""Renderers: one function for each (result, format), found here and nowhere else.

A command builds one result object (planctl.reports, or a ThemeComparison / CoverageMatrix) and the
CLI hands it to `render` with the format asked for. "text" gives rich renderables for the terminal
(or, for a listing of thousands, plain aligned text); markdown, json, csv and html give a string.
Renderer modules are imported only when used, so JSON output never loads rich or Jinja2.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

FORMATS = ("text", "markdown", "json", "csv", "html")


@dataclass
class Context:
    """How a result was asked for: what an HTML report states in its header, and the terminal's width."""

    command: str = ""
    version: str = ""
    date: str = ""
    width: int = 100
    sources: list[str] = field(default_factory=list)


Renderer = Callable[[Any, Context], Any]


def _outline(fmt: str) -> Renderer:
    from . import outline as r

    return {
        "text": lambda x, c: r.outline_tree(x.doc, x.depth, x.topics, c.width),
        "markdown": lambda x, c: r.outline_markdown(x.doc, x.depth, x.topics),
        "json": lambda x, c: r.outline_json(x.doc, x.depth),
        "csv": lambda x, c: r.outline_csv(x.doc, x.depth),
    }[fmt]


def _list(fmt: str) -> Renderer:
    from . import listing as r

    if fmt == "text":
        return lambda x, c: r.list_terminal(x, c.width)
    return lambda x, c: r.list_text(x, fmt)


def _search(fmt: str) -> Renderer:
    from . import search as r

    if fmt == "text":
        return lambda x, c: r.search_rich(x.query, x.hits)
    return lambda x, c: r.search_text(x.query, x.hits, fmt)


def _theme_map(fmt: str) -> Renderer:
    from . import listing as r

    if fmt == "text":
        return lambda x, c: r.themes_rich(x.tmap)
    return lambda x, c: r.themes_text(x.tmap, fmt)


def _targets(fmt: str) -> Renderer:
    from . import targets as r

    if fmt == "text":
        return lambda x, c: r.plan_rich(x.targets, x.theme, c.width)
    return lambda x, c: r.plan_text(x.targets, x.theme, fmt)


def _lineup(fmt: str) -> Renderer:
    from . import targets as r

    return {
        "text": lambda x, c: r.lineup_rich(x.plans, x.rows, x.theme, c.width),
        "markdown": lambda x, c: r.lineup_markdown(x.plans, x.rows, x.theme),
        "json": lambda x, c: r.lineup_json(x.plans, x.rows, x.theme),
        "csv": lambda x, c: r.lineup_csv(x.plans, x.rows),
    }[fmt]


def _module(name: str) -> Any:
    from importlib import import_module

    return import_module(f"{__name__}.{name}")


def _by_name(module: str, prefix: str, text: Renderer) -> Callable[[str], Renderer]:
    """Renderers named PREFIX_markdown, PREFIX_json and PREFIX_csv in a module, each taking the result alone."""

    def pick(fmt: str) -> Renderer:
        if fmt == "text":
            return text
        found = getattr(_module(module), f"{prefix}_{fmt}")
        return lambda x, c: found(x)

    return pick


def _related(fmt: str) -> Renderer:
    from . import reuse as r

    if fmt == "text":
        return lambda x, c: r.related_rich(x, c.width)
    return lambda x, c: r.related_text(x, fmt)


def _console(c: Context) -> Any:
    from rich.console import Console

    return Console(width=c.width) if c.width else Console()


# result class name → the renderers of each format
_TABLE: dict[str, Callable[[str], Renderer]] = {
    "OutlineReport": _outline,
    "ListReport": _list,
    "SearchReport": _search,
    "ThemeMapReport": _theme_map,
    "PlanThemesReport": _by_name("themes", "plan_themes", lambda x, c: _module("themes").plan_themes_rich(x)),
    "ThemePassagesReport": _by_name("themes", "passages", lambda x, c: _module("themes").passages_rich(x)),
    "SuggestReport": _by_name("themes", "suggest", lambda x, c: _module("themes").suggest_rich(x)),
    "TargetsReport": _targets,
    "LineupReport": _lineup,
    "ThemeComparison": _by_name("compare", "theme", lambda x, c: _module("compare").theme_rich(x, _console(c))),
    "CoverageMatrix": _by_name("compare", "matrix", lambda x, c: _module("compare").matrix_rich(x, _console(c))),
    "ReuseReport": _by_name("reuse", "reuse", lambda x, c: _module("reuse").reuse_rich(x)),
    "RelatedReport": _related,
    "Track": _by_name("track", "track", lambda x, c: _module("track").track_rich(x)),
    "Trend": _by_name("track", "trend", lambda x, c: _module("track").trend_rich(x)),
}


def render(result: Any, fmt: str, context: Context | None = None) -> Any:
    """The result in the format asked: a string, or (for text on a terminal) rich renderables."""
    context = context or Context()
    kind = type(result).__name__
    if fmt == "html":
        from . import htmlreport

        return htmlreport.render_html(result, context)
    return _TABLE[kind](fmt)(result, context)
