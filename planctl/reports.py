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
    from .passage_themes import ThemedPassage, ThemeShare
    from .reuse import Related, Reuse
    from .search import Hit
    from .suggest import Suggestions
    from .themes import Theme, ThemeMap


@dataclass
class OutlineReport:
    doc: Document
    depth: int | None = None
    topics: bool = False


@dataclass
class ListReport:
    """The corpus's documents; those of `chosen` (places in its listing) alone if the user named some."""

    corpus: Corpus
    words: tuple[str, ...] = ()  # what the user named them by
    chosen: list[int] | None = None


@dataclass
class SearchReport:
    query: str
    hits: list[Hit]


@dataclass
class ThemeMapReport:
    tmap: ThemeMap


@dataclass
class PlanThemesReport:
    """Every theme of the map in one plan: how many passages, what share of the text."""

    plan: Plan
    shares: list[ThemeShare]


@dataclass
class ThemePassagesReport:
    """One plan's passages on one theme, in document order."""

    plan: Plan
    theme: Theme
    passages: list[ThemedPassage]


@dataclass
class SuggestReport:
    suggestions: Suggestions
    corpus: str


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
