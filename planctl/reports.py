"""What each command produces: one result object per command, handed whole to the renderers.

Results that are already one object of the core (ThemeComparison, CoverageMatrix) go as they are;
these wrap the others with what the command was asked (a depth, a theme), so that a renderer needs
nothing but its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .compare import Plan
    from .corpus import Corpus, Entry
    from .lineup import PlanTargets, TargetRow
    from .outline import Document
    from .reuse import Related, Reuse
    from .search import Hit
    from .themes import ThemeMap


@dataclass
class OutlineReport:
    doc: Document
    depth: int | None = None
    topics: bool = False


@dataclass
class ListReport:
    corpus: Corpus


@dataclass
class SearchReport:
    query: str
    hits: list[Hit]


@dataclass
class ThemeMapReport:
    tmap: ThemeMap


@dataclass
class ClassifiedReport:
    plan: Plan


@dataclass
class TargetsReport:
    targets: PlanTargets
    theme: str | None = None


@dataclass
class LineupReport:
    plans: list[Plan]
    rows: list[TargetRow]
    theme: str | None = None


@dataclass
class ReuseReport:
    reuse: Reuse
    show_new: bool = False  # list A's passages found nowhere in B (what this year's report adds)


@dataclass
class RelatedReport:
    entry: Entry
    borrows_from: list[Related]
    borrowed_by: list[Related]
