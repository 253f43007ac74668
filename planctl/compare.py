"""Comparisons of plans: one theme side by side, or the theme × plan coverage matrix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .align import Item, Row, Similarity, align
from .corpus import Corpus, Entry
from .outline import Section
from .passage_themes import (
    PlanPassages,
    ThemedPassage,
    corpus_weights,
    plan_passages,
    sections_on,
    topic_phrase,
)
from .passages import Passage
from .terms import DiffOp, Term, content_words, shared_and_distinctive, tokenize, word_diff
from .themes import Theme, ThemeMap


@dataclass
class Plan:
    entry: Entry
    passages: PlanPassages

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
    """A section wholly on a theme (most of its text in passages on it, every sub-section on it too)."""

    path: tuple[Section, ...]
    share: float  # of the section's text in passages on the theme
    passages: list[ThemedPassage]

    def evidence(self, limit: int = 6) -> list[tuple[str, int]]:
        """The terms its passages matched, most passages first."""
        counts: Counter[str] = Counter()
        for tp in self.passages:
            counts.update({h.term for h in tp.evidence if h.where != "heading"})
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def to_dict(self) -> dict[str, object]:
        return {
            "path": path_text(self.path),
            "line": self.path[-1].line,
            "share": round(self.share, 3),
            "passages": len(self.passages),
            "terms": [{"term": t, "passages": n} for t, n in self.evidence()],
        }


@dataclass
class ThemeComparison:
    theme: Theme
    plans: list[Plan]
    sections: list[list[ThemeSection]]
    passages: list[list[ThemedPassage]]  # per plan, every passage on the theme, in document order
    rows: list[Row]
    shared: list[Term]
    distinctive: list[list[Term]]
    diffs: list[list[list[DiffOp] | None]] = field(default_factory=list)  # per row, per plan vs first cell

    def loose(self, plan_index: int) -> list[ThemedPassage]:
        """A plan's passages on the theme that stand outside its sections wholly on it."""
        inside = {id(tp) for s in self.sections[plan_index] for tp in s.passages}
        return [tp for tp in self.passages[plan_index] if id(tp) not in inside]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "theme": self.theme.name,
            "parent": self.theme.parent,
            "plans": [p.to_dict() for p in self.plans],
            "sections": [[s.to_dict() for s in secs] for secs in self.sections],
            "passages": [[tp.to_dict() for tp in found] for found in self.passages],
            "rows": [r.to_dict() for r in self.rows],
            "shared_terms": [t.to_dict() for t in self.shared],
            "distinctive_terms": [[t.to_dict() for t in ts] for ts in self.distinctive],
        }
        if self.diffs:
            for row, diff in zip(data["rows"], self.diffs, strict=True):  # type: ignore[call-overload]
                row["diff"] = [[op.to_dict() for op in d] if d is not None else None for d in diff]
        return data


def prepare_plans(entries: list[Entry], tmap: ThemeMap, corpus: Corpus | None = None) -> list[Plan]:
    """Each plan's passages, scored for every theme; with a corpus, cached per document and theme map."""
    weights = corpus_weights(tmap, corpus, entries)
    return [Plan(entry, plan_passages(tmap, entry, corpus, weights)) for entry in entries]


def theme_sections(plan: Plan, theme: Theme) -> tuple[list[ThemeSection], list[ThemedPassage]]:
    """A plan's sections wholly on a theme, outermost first, none inside another; and all its passages on it."""
    found = plan.passages.on_theme(theme)
    chosen = []
    for path, share in sections_on(plan.passages, theme, found):
        depth = len(path) - 1
        inside = [tp for tp in found if len(tp.passage.path) > depth and tp.passage.path[depth] is path[-1]]
        chosen.append(ThemeSection(path, share, inside))
    return chosen, found


def _full_text(section: Section) -> str:
    parts = [section.own_text()] + [f"{c.heading}\n{_full_text(c)}" for c in section.children]
    return "\n".join(p for p in parts if p)


def passage_title(tp: ThemedPassage, limit: int = 30) -> str:
    """What a passage is called in a table: its topic phrase; the heading it alone stands under; or its opening
    words."""
    p = tp.passage
    title = topic_phrase(p)
    if not title and p.path:
        section = p.path[-1]
        if len(section.paragraphs) + sum(len(t.rows) for t in section.tables) <= 1 and not section.children:
            title = section.title
    title = title or p.text
    return title if len(title) <= limit else title[:limit] + "…"


def theme_items(plan_index: int, sections: list[ThemeSection], loose: list[ThemedPassage]) -> list[Item]:
    """What is aligned: the sub-headings and topic phrases of the sections wholly on a theme, and each passage
    on it elsewhere, in document order."""
    entries: list[tuple[int, Item]] = []
    for ts in sections:
        top = ts.path[-1]
        for inner, section in top.walk(ts.path[:-1]):
            base = path_text(inner)
            if section is not top or not section.children:
                entries.append((section.line, Item(plan_index, section.title, base, _full_text(section), "heading",
                                                   0, section.label)))
            for para in section.paragraphs:
                if para.topic:
                    entries.append((para.line, Item(plan_index, para.topic, base, para.text, "topic", 0)))
    for tp in loose:
        p = tp.passage
        entries.append((p.line, Item(plan_index, passage_title(tp), p.path_text, p.text, "passage", 0)))
    entries.sort(key=lambda e: e[0])
    return [Item(i.plan, i.title, i.path, i.text, i.kind, n, i.label) for n, (_, i) in enumerate(entries)]


def compare_theme(corpus: Corpus, plans: list[Plan], theme: Theme, with_diff: bool = False) -> ThemeComparison:
    chosen = [theme_sections(p, theme) for p in plans]
    sections = [secs for secs, _ in chosen]
    found = [passages for _, passages in chosen]
    comparison = ThemeComparison(theme, plans, sections, found, [], [], [])
    items = [theme_items(i, secs, comparison.loose(i)) for i, secs in enumerate(sections)]
    titles = [s.title for p in plans for _, s in p.entry.doc.walk()] + [
        topic_phrase(q) for p in plans for q in p.passages.passages
    ]
    rows = align(items, Similarity(titles))
    words, df, n = _theme_words(corpus, plans, found)
    shared, distinctive = shared_and_distinctive(words, df, n)
    comparison.rows, comparison.shared, comparison.distinctive = rows, shared, distinctive
    if with_diff:
        for row in rows:
            filled = [c for c in row.cells if c is not None]
            ref = filled[0] if filled else None
            comparison.diffs.append([
                word_diff(ref.text, c.text) if c is not None and ref is not None and c is not ref else None
                for c in row.cells
            ])
    return comparison


def passage_words(corpus: Corpus | None, entry: Entry, passages: list[Passage]) -> list[list[str]]:
    """The content words of each passage of a document; cached in the index with the outline."""
    key = f"passage-words:{entry.key}"
    cached = corpus.index.get(key) if corpus else None
    if isinstance(cached, list) and len(cached) == len(passages):
        return cached
    words = [content_words(tokenize(p.text)) for p in passages]
    if corpus:
        corpus.index.put(key, words)
    return words


def _theme_words(
    corpus: Corpus, plans: list[Plan], found: list[list[ThemedPassage]]
) -> tuple[list[list[str]], Counter[str], int]:
    """The content words of each plan's passages on the theme, and in how many passages of the plans each is."""
    per_plan: list[list[str]] = []
    df: Counter[str] = Counter()
    n = 0
    for plan, on_theme in zip(plans, found, strict=True):
        words = passage_words(corpus, plan.entry, plan.passages.passages)
        for w in words:
            df.update(set(w))
        n += len(words)
        index = {id(p): i for i, p in enumerate(plan.passages.passages)}
        per_plan.append([w for tp in on_theme for w in words[index[id(tp.passage)]]])
    return per_plan, df, n


# -- coverage matrix -------------------------------------------------------------------------------


@dataclass
class Cell:
    sections: int  # sections wholly on the theme
    passages: int  # passages on the theme
    share: float  # of the plan's text, in passages on the theme

    def to_dict(self) -> dict[str, object]:
        return {"passages": self.passages, "sections": self.sections, "share": round(self.share, 4)}


@dataclass
class CoverageMatrix:
    plans: list[Plan]
    themes: list[Theme]
    cells: list[list[Cell]]  # [theme][plan]
    distinctive: list[list[tuple[str, float]]]  # per plan: (theme, share) most above the others

    def gaps(self, plan_index: int) -> list[str]:
        """The themes on which no passage of the plan speaks."""
        return [t.name for t, row in zip(self.themes, self.cells, strict=True) if row[plan_index].passages == 0]

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
    """Theme × plan: the share of each plan's text in passages on each theme (a passage may be on several)."""
    cells: list[list[Cell]] = []
    for theme in tmap.themes:
        row = []
        for plan in plans:
            found = plan.passages.on_theme(theme)
            row.append(Cell(len(sections_on(plan.passages, theme, found)), len(found), plan.passages.share(found)))
        cells.append(row)
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
