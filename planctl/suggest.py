"""Words that mark a theme's passages across a corpus and are not in the theme map yet.

Each word is scored by its log-odds of appearing in passages on the theme rather than in the other
passages, with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"): the
z-score of the difference, so a word seen a handful of times does not outrank one seen in hundreds
of passages. Words that a term of the theme already matches (a part or a whole of it) are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .compare import passage_words
from .passage_themes import corpus_weights, plan_passages, sample_entries
from .themes import Theme, ThemeMap

if TYPE_CHECKING:
    from .corpus import Corpus

PRIOR = 500.0  # total weight of the prior, spread over words by their frequency in the whole corpus
MIN_PASSAGES = 3  # a word must be in this many passages on the theme …
MIN_DOCUMENTS = 2  # … of this many documents


@dataclass(frozen=True)
class Suggestion:
    word: str
    z: float  # log-odds z-score: how much more the theme's passages use the word
    on: int  # passages on the theme that use it
    off: int  # other passages that use it
    documents: int  # documents whose passages on the theme use it

    def to_dict(self) -> dict[str, object]:
        return {"word": self.word, "z": round(self.z, 2), "on_theme": self.on, "elsewhere": self.off,
                "documents": self.documents}


@dataclass
class Suggestions:
    theme: Theme
    documents: int
    passages: int  # passages on the theme they were learned from
    words: list[Suggestion]


def suggest(tmap: ThemeMap, theme: Theme, corpus: Corpus, limit: int = 30) -> Suggestions:
    """The words that most mark the theme's passages in the corpus (a sample of a large one)."""
    entries = sample_entries(corpus)
    weights = corpus_weights(tmap, corpus)
    on: Counter[str] = Counter()
    off: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    n_on = 0
    for entry in entries:
        plan = plan_passages(tmap, entry, corpus, weights)
        chosen = {id(tp.passage) for tp in plan.on_theme(theme)}
        for p, listed in zip(plan.passages, passage_words(corpus, entry, plan.passages), strict=True):
            words = set(listed)
            if id(p) in chosen:
                on.update(words)
                n_on += 1
                for w in words:
                    docs.setdefault(w, set()).add(entry.key)
            else:
                off.update(words)
    known = [t.lower() for t in theme.terms]
    total_on, total_off = sum(on.values()), sum(off.values())
    total = total_on + total_off or 1
    found = []
    for word, y_on in on.items():
        if y_on < MIN_PASSAGES or len(docs[word]) < MIN_DOCUMENTS:
            continue
        lowered = word.lower()
        if any(lowered in k or k in lowered for k in known):
            continue
        y_off = off[word]
        alpha = PRIOR * (y_on + y_off) / total
        delta = (math.log((y_on + alpha) / (total_on + PRIOR - y_on - alpha))
                 - math.log((y_off + alpha) / (total_off + PRIOR - y_off - alpha)))
        z = delta / math.sqrt(1 / (y_on + alpha) + 1 / (y_off + alpha))
        if z > 0:
            found.append(Suggestion(word, z, y_on, y_off, len(docs[word])))
    found.sort(key=lambda s: (-s.z, s.word))
    return Suggestions(theme, len(entries), n_on, found[:limit])
