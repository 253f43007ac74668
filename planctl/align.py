"""Aligning the same items (sub-headings, topic phrases) across any number of plans.

Similarity is the Dice overlap of character bigrams, each bigram weighted by its rarity among all
the headings being compared (发展 counts little, 营商 a lot), blended with rapidfuzz's edit-distance
ratio, which rewards the same words in the same order.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from .text import terms

THRESHOLD = 0.2  # below this two items are not counterparts (tuned on tests/alignment_pairs.py)
BLEND = 0.5  # weight of the rarity-weighted bigram Dice; the rest is rapidfuzz's ratio

# Bigrams so common in plan headings that they say nothing about what a heading is about.
_FILLER = {"加强", "推进", "坚持", "全面", "加快", "积极", "大力", "持续", "深入", "不断", "着力", "推动", "提升",
           "强化", "完善", "建设", "发展", "实施", "构建", "打造", "提高", "促进", "进一", "一步"}


@dataclass(frozen=True)
class Item:
    plan: int  # index of the plan in the comparison
    title: str  # the heading's title or the topic phrase
    path: str  # where it sits in its outline: 第二篇 > 第四章 > 第一节
    text: str  # the text it stands for
    kind: str  # heading | topic
    order: int  # position in its plan
    label: str = ""  # a heading's numbering as written

    @property
    def display(self) -> str:
        return f"{self.label}{self.title}" if self.label else self.title

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "label": self.label, "path": self.path, "kind": self.kind, "text": self.text}


def grams(text: str) -> set[str]:
    return set(terms(text))


class Similarity:
    """Rarity-weighted bigram Dice over a set of texts, blended with rapidfuzz's ratio."""

    def __init__(self, texts: list[str]) -> None:
        df: Counter[str] = Counter()
        for t in texts:
            df.update(grams(t))
        n = max(len(texts), 1)
        self.weight = {g: math.log(1 + n / c) * (0.3 if g in _FILLER else 1.0) for g, c in df.items()}
        self.default = math.log(1 + n)

    def dice(self, a: set[str], b: set[str]) -> float:
        if not a or not b:
            return 0.0
        w = self.weight
        shared = sum(w.get(g, self.default) for g in a & b)
        total = sum(w.get(g, self.default) for g in a) + sum(w.get(g, self.default) for g in b)
        return 2 * shared / total if total else 0.0

    def matrix(self, left: list[str], right: list[str]) -> list[list[float]]:
        """Similarity of every left text to every right text, 0–1."""
        # Plain calls rather than rapidfuzz.process.cdist: a theme has tens of items, and cdist
        # would need numpy, whose import alone (80 ms) costs more than the whole matrix.
        from rapidfuzz.fuzz import ratio

        lg = [grams(t) for t in left]
        rg = [grams(t) for t in right]
        return [
            [BLEND * self.dice(a, b) + (1 - BLEND) * ratio(x, y) / 100.0 for y, b in zip(right, rg, strict=True)]
            for x, a in zip(left, lg, strict=True)
        ]

    def __call__(self, a: str, b: str) -> float:
        return self.matrix([a], [b])[0][0]


@dataclass
class Row:
    cells: list[Item | None]
    similarity: float | None  # mean similarity of the filled cells' pairs; None for a lone item

    def to_dict(self) -> dict[str, object]:
        return {
            "cells": [c.to_dict() if c else None for c in self.cells],
            "similarity": None if self.similarity is None else round(self.similarity, 3),
        }


def align(plans: list[list[Item]], sim: Similarity, threshold: float = THRESHOLD) -> list[Row]:
    """One row per item and its best counterpart in each other plan.

    Every item appears at least once; an item that is the best counterpart of two items of another
    plan appears in both their rows. The result does not depend on the order of the plans (only the
    columns follow it).
    """
    n = len(plans)
    titles = [[it.title for it in items] for items in plans]
    scores: dict[tuple[int, int], list[list[float]]] = {}
    for p, q in combinations(range(n), 2):
        m = sim.matrix(titles[p], titles[q])
        scores[(p, q)] = m
        scores[(q, p)] = [list(col) for col in zip(*m, strict=True)] if m else [[] for _ in titles[q]]

    def best(p: int, i: int, q: int) -> int | None:
        row = scores[(p, q)][i]
        if not row:
            return None
        # Highest score; ties go to the earlier item, which keeps the choice independent of order.
        j = max(range(len(row)), key=lambda k: (row[k], -k))
        return j if row[j] >= threshold else None

    def pair_score(a: tuple[int, int], b: tuple[int, int]) -> float:
        return scores[(a[0], b[0])][a[1]][b[1]]

    candidates: list[tuple[tuple[int, int], ...]] = []
    for p in range(n):
        for i in range(len(plans[p])):
            found = [(p, i)]
            for q in range(n):
                if q != p and (j := best(p, i, q)) is not None:
                    found.append((q, j))
            candidates.append(tuple(sorted(found)))

    def mean_score(cells: tuple[tuple[int, int], ...]) -> float:
        pairs = list(combinations(cells, 2))
        return sum(pair_score(a, b) for a, b in pairs) / len(pairs) if pairs else 0.0

    def content_key(cells: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
        return tuple(sorted(plans[p][i].title for p, i in cells))

    ranked = sorted(set(candidates), key=lambda c: (-len(c), -mean_score(c), content_key(c)))
    covered: set[tuple[int, int]] = set()
    accepted: list[tuple[tuple[int, int], ...]] = []
    for cells in ranked:
        if any(c not in covered for c in cells):
            accepted.append(cells)
            covered.update(cells)

    def position(cells: tuple[tuple[int, int], ...]) -> tuple[float, ...]:
        return tuple(sorted(plans[p][i].order / max(len(plans[p]), 1) for p, i in cells))

    rows = []
    for cells in sorted(accepted, key=position):
        row: list[Item | None] = [None] * n
        for p, i in cells:
            row[p] = plans[p][i]
        rows.append(Row(row, mean_score(cells) if len(cells) > 1 else None))
    return rows
