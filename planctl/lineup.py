"""Targets of one or more plans, kept to one theme if asked, and lined up by indicator across plans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from .compare import Plan
from .indicators import IndicatorMap
from .targets import Target, extract, target_year
from .themes import Theme, ThemeMap


@dataclass
class PlanTargets:
    plan: Plan
    targets: list[Target]

    def to_dict(self) -> dict[str, object]:
        return {"plan": self.plan.to_dict(), "targets": [t.to_dict() for t in self.targets]}


def target_themes(target: Target, tmap: ThemeMap) -> set[str]:
    """The themes a target's indicator names.

    A short generic word that only closes the name says what is measured, not the domain: 旅游总收入
    is tourism, not income, while 农村居民人均可支配收入 is both 乡村振兴 and 就业与收入."""
    name = target.canonical
    terms = tmap.find_terms(name) or tmap.find_terms(name := target.indicator)
    if len(terms) > 1 and len(terms[-1]) <= 2 and name.endswith(terms[-1]):
        terms = terms[:-1]
    return {theme.name for term in terms for theme, _ in tmap.themes_of_term(term)}


def plan_targets(plan: Plan, imap: IndicatorMap, tmap: ThemeMap, theme: Theme | None = None) -> PlanTargets:
    """Every target of a plan, or only those of one theme: those whose indicator names it, and those whose
    indicator names no theme but that stand in a passage on it."""
    targets = extract(plan.entry.doc, imap)
    if theme is None:
        return PlanTargets(plan, targets)
    on_lines = {tp.passage.line for tp in plan.passages.on_theme(theme)}
    kept = []
    for t in targets:
        named = target_themes(t, tmap)
        if theme.name in named or (not named and t.line in on_lines):
            kept.append(t)
    return PlanTargets(plan, kept)


@dataclass
class TargetRow:
    """One indicator (and measure: level, growth …) across plans; a cell is None where a plan has none."""

    canonical: str
    measure: str
    cells: list[list[Target]]

    @property
    def plans_with(self) -> int:
        return sum(1 for c in self.cells if c)

    def to_dict(self) -> dict[str, object]:
        cells: list[dict[str, object] | None] = []
        for found in self.cells:
            if not found:
                cells.append(None)
                continue
            first = found[0].to_dict()
            first["also"] = [t.to_dict() for t in found[1:]]
            cells.append(first)
        return {"indicator": self.canonical, "measure": self.measure, "plans_with": self.plans_with, "cells": cells}


def _preference(t: Target, year: int | None) -> tuple[int, int, int]:
    """A plan's own indicator table first, then a figure for the document's own year (a report's year, a plan's
    last) before one for another (a report's goal for the next plan's end), then the first sentence that states it."""
    return (0 if t.source == "table" else 1, 0 if t.year == year else 1, t.line)


def line_up(per_plan: list[PlanTargets]) -> list[TargetRow]:
    """One row per (indicator, measure); indicators that more plans share come first."""
    rows: dict[tuple[str, str], TargetRow] = {}
    for i, pt in enumerate(per_plan):
        for t in pt.targets:
            key = (t.canonical, t.measure)
            row = rows.setdefault(key, TargetRow(t.canonical, t.measure, [[] for _ in per_plan]))
            row.cells[i].append(t)
    own_years = [target_year(pt.plan.entry.doc) for pt in per_plan]
    for row in rows.values():
        for found, year in zip(row.cells, own_years, strict=True):
            found.sort(key=partial(_preference, year=year))
    first_seen = {key: n for n, key in enumerate(rows)}
    return sorted(rows.values(), key=lambda r: (-r.plans_with, first_seen[(r.canonical, r.measure)]))
