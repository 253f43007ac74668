"""Comparisons of plans: one theme side by side, or the theme × plan coverage matrix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .align import Item, Row, Similarity, align
from .corpus import Corpus, Entry
from .outline import Section
from .terms import DiffOp, Term, content_words, shared_and_distinctive, tokenize, word_diff
from .themes import Evidence, SectionThemes, Theme, ThemeMap, classify


@dataclass
class Plan:
    entry: Entry
    classified: list[SectionThemes]

    def to_dict(self) -> dict[str, object]:
        d = self.entry.info
        return {"id": self.entry.id, "place": d.place.to_dict(), "kind": d.kind, "year": d.year, "title": d.title}

    @property
    def label(self) -> str:
        d = self.entry.info
        name = d.place.name or self.entry.id
        short = {"five-year plan": "规划", "work report": "报告"}.get(d.kind, "")
        return f"{name} {d.year or ''}{short}".strip()


def path_text(path: tuple[Section, ...]) -> str:
    return " > ".join(s.heading for s in path)


@dataclass
class ThemeSection:
    path: tuple[Section, ...]
    score: float
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, object]:
        return {
            "path": path_text(self.path),
            "line": self.path[-1].line,
            "score": round(self.score, 2),
            "evidence": [{"where": e.where, "term": e.term, "count": e.count} for e in self.evidence],
        }


@dataclass
class ThemeComparison:
    theme: Theme
    plans: list[Plan]
    sections: list[list[ThemeSection]]
    rows: list[Row]
    shared: list[Term]
    distinctive: list[list[Term]]
    diffs: list[list[list[DiffOp] | None]] = field(default_factory=list)  # per row, per plan vs first cell

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "theme": self.theme.name,
            "parent": self.theme.parent,
            "plans": [p.to_dict() for p in self.plans],
            "sections": [[s.to_dict() for s in secs] for secs in self.sections],
            "rows": [r.to_dict() for r in self.rows],
            "shared_terms": [t.to_dict() for t in self.shared],
            "distinctive_terms": [[t.to_dict() for t in ts] for ts in self.distinctive],
        }
        if self.diffs:
            for row, diff in zip(data["rows"], self.diffs, strict=True):  # type: ignore[call-overload]
                row["diff"] = [[op.to_dict() for op in d] if d is not None else None for d in diff]
        return data


def prepare_plans(entries: list[Entry], tmap: ThemeMap, corpus: Corpus | None = None) -> list[Plan]:
    """Classify each plan's sections; with a corpus, the result is cached per document and theme map."""
    plans = []
    for entry in entries:
        key = f"themes:{tmap.digest}:{entry.key}"
        cached = corpus.index.get(key) if corpus else None
        paths = [path for path, _ in entry.doc.walk()]
        if isinstance(cached, list) and len(cached) == len(paths):
            classified = [
                SectionThemes(path, scores, evidence, heading)
                for path, (scores, evidence, heading) in zip(paths, cached, strict=True)
            ]
        else:
            classified = classify(tmap, entry.doc)
            if corpus:
                corpus.index.put(key, [(st.scores, st.evidence, st.heading_themes) for st in classified])
        plans.append(Plan(entry, classified))
    return plans


def theme_sections(plan: Plan, theme: Theme) -> list[ThemeSection]:
    """The sections of a plan that belong to a theme, outermost first, none inside another."""
    chosen: list[ThemeSection] = []
    chosen_ids: set[int] = set()
    for st in plan.classified:
        if any(id(s) in chosen_ids for s in st.path[:-1]):
            continue
        named = theme.name in st.heading_themes
        leaf_primary = not st.section.children and st.primary == theme.name
        if named or leaf_primary:
            chosen.append(ThemeSection(st.path, st.scores.get(theme.name, 0.0), st.evidence.get(theme.name, [])))
            chosen_ids.add(id(st.section))
    return chosen


def _full_text(section: Section) -> str:
    parts = [section.own_text()] + [f"{c.heading}\n{_full_text(c)}" for c in section.children]
    return "\n".join(p for p in parts if p)


def theme_items(plan_index: int, sections: list[ThemeSection]) -> list[Item]:
    """What is aligned: the sub-headings of a theme's sections and the topic phrases in them."""
    items: list[Item] = []
    for ts in sections:
        top = ts.path[-1]
        for inner, section in top.walk(ts.path[:-1]):
            base = path_text(inner)
            if section is not top or not (section.children or section.topics):
                items.append(
                    Item(plan_index, section.title, base, _full_text(section), "heading", len(items), section.label)
                )
            for para in section.paragraphs:
                if para.topic:
                    items.append(Item(plan_index, para.topic, base, para.text, "topic", len(items)))
    return items


def compare_theme(corpus: Corpus, plans: list[Plan], theme: Theme, with_diff: bool = False) -> ThemeComparison:
    sections = [theme_sections(p, theme) for p in plans]
    items = [theme_items(i, secs) for i, secs in enumerate(sections)]
    titles = [s.title for p in plans for _, s in p.entry.doc.walk()] + [
        t for p in plans for _, s in p.entry.doc.walk() for t in s.topics
    ]
    rows = align(items, Similarity(titles))
    words, df, n = _theme_words(corpus, plans, sections)
    shared, distinctive = shared_and_distinctive(words, df, n)
    comparison = ThemeComparison(theme, plans, sections, rows, shared, distinctive)
    if with_diff:
        for row in rows:
            filled = [c for c in row.cells if c is not None]
            ref = filled[0] if filled else None
            comparison.diffs.append([
                word_diff(ref.text, c.text) if c is not None and ref is not None and c is not ref else None
                for c in row.cells
            ])
    return comparison


def section_words(corpus: Corpus, entry: Entry) -> dict[int, list[str]]:
    """Content words of every section's own text, keyed by its line; cached with the outline."""
    key = f"words:{entry.key}"
    cached = corpus.index.get(key)
    if isinstance(cached, dict):
        return cached
    words = {s.line: content_words(tokenize(f"{s.title}\n{s.own_text()}")) for _, s in entry.doc.walk()}
    corpus.index.put(key, words)
    return words


def _theme_words(
    corpus: Corpus, plans: list[Plan], sections: list[list[ThemeSection]]
) -> tuple[list[list[str]], Counter[str], int]:
    per_plan: list[list[str]] = []
    df: Counter[str] = Counter()
    n = 0
    for plan, secs in zip(plans, sections, strict=True):
        table = section_words(corpus, plan.entry)
        for words in table.values():
            df.update(set(words))
            n += 1
        chosen: list[str] = []
        for ts in secs:
            for _, s in ts.path[-1].walk():
                chosen.extend(table.get(s.line, []))
        per_plan.append(chosen)
    return per_plan, df, n


# -- coverage matrix -------------------------------------------------------------------------------


@dataclass
class Cell:
    sections: int
    share: float  # of the plan's text

    def to_dict(self) -> dict[str, object]:
        return {"sections": self.sections, "share": round(self.share, 4)}


@dataclass
class CoverageMatrix:
    plans: list[Plan]
    themes: list[Theme]
    cells: list[list[Cell]]  # [theme][plan]
    distinctive: list[list[tuple[str, float]]]  # per plan: (theme, share) most above the others

    def gaps(self, plan_index: int) -> list[str]:
        return [t.name for t, row in zip(self.themes, self.cells, strict=True) if row[plan_index].sections == 0]

    def to_dict(self) -> dict[str, object]:
        return {
            "plans": [p.to_dict() for p in self.plans],
            "matrix": [
                {"theme": t.name, "parent": t.parent, "cells": [c.to_dict() for c in row]}
                for t, row in zip(self.themes, self.cells, strict=True)
            ],
            "distinctive_themes": [
                [{"theme": name, "share": round(share, 4)} for name, share in d] for d in self.distinctive
            ],
            "gaps": [self.gaps(i) for i in range(len(self.plans))],
        }


def coverage(plans: list[Plan], tmap: ThemeMap) -> CoverageMatrix:
    cells: list[list[Cell]] = []
    sizes: list[Counter[str]] = []
    counts: list[Counter[str]] = []
    totals: list[int] = []
    for plan in plans:
        size: Counter[str] = Counter()
        count: Counter[str] = Counter()
        total = 0
        for st in plan.classified:
            own = len(st.section.own_text()) + len(st.section.title)
            total += own
            if st.primary:
                size[st.primary] += own
                count[st.primary] += 1
        sizes.append(size)
        counts.append(count)
        totals.append(max(total, 1))
    for theme in tmap.themes:
        cells.append([Cell(counts[i][theme.name], sizes[i][theme.name] / totals[i]) for i in range(len(plans))])
    distinctive: list[list[tuple[str, float]]] = []
    for i in range(len(plans)):
        lifts = []
        for theme, row in zip(tmap.themes, cells, strict=True):
            share = row[i].share
            others = [row[j].share for j in range(len(plans)) if j != i]
            mean_others = sum(others) / len(others) if others else 0.0
            if share >= 0.02:
                lifts.append((share / (mean_others + 0.01), theme.name, share))
        lifts.sort(key=lambda x: (-x[0], x[1]))
        distinctive.append([(name, share) for _, name, share in lifts[:3]])
    return CoverageMatrix(plans, tmap.themes, cells, distinctive)
