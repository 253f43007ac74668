"""Full-text search across a corpus: which plans say something, where, in what words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Corpus, Entry
from .errors import PlanctlUsageError
from .index import fts_phrases
from .themes import Theme, ThemeMap

SNIPPET_CONTEXT = 40  # characters either side of the match


@dataclass
class Hit:
    entry: Entry
    line: int
    path: str
    snippet: str
    spans: list[tuple[int, int]]  # where the query's words are, in the snippet
    rank: float

    def to_dict(self) -> dict[str, object]:
        i = self.entry.info
        return {"id": self.entry.id, "place": i.place.to_dict(), "kind": i.kind, "year": i.year, "title": i.title,
                "path": self.path, "line": self.line, "snippet": self.snippet,
                "matches": [list(span) for span in self.spans]}


def query_words(query: str) -> list[str]:
    from .normalize import normalize_chars, to_simplified
    from .text import is_cjk

    words = to_simplified(normalize_chars(query)).split()
    if not words:
        raise PlanctlUsageError("search needs a word to look for, e.g. planctl search 营商环境")
    for word in words:
        if not fts_phrases(word):
            raise PlanctlUsageError(f"“{word}” has no letters, digits or Chinese characters to look for")
        if len(word) == 1 and is_cjk(word):
            raise PlanctlUsageError(f"“{word}”: search for two characters or more (a single one matches too much)")
    return words


def fts_query(words: list[str]) -> str:
    """Each word as phrases of its index terms; all words must occur in the section."""
    return " AND ".join(part for w in words for part in fts_phrases(w))


def _snippet(text: str, words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Where the words are in the section's own text (else in its heading, the first line)."""
    body = text.partition("\n")[2]
    if any(w.lower() in body.lower() for w in words):
        text = body
    flat = re.sub(r"\s+", " ", text).strip()
    lowered = flat.lower()
    first = min((pos for w in words if (pos := lowered.find(w.lower())) >= 0), default=0)
    start = max(0, first - SNIPPET_CONTEXT)
    end = min(len(flat), first + SNIPPET_CONTEXT * 2)
    piece = ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")
    spans = []
    low_piece = piece.lower()
    for w in words:
        for m in re.finditer(re.escape(w.lower()), low_piece):
            spans.append((m.start(), m.end()))
    return piece, sorted(spans)


def _theme_lines(corpus: Corpus, entry: Entry, tmap: ThemeMap, theme: Theme) -> set[int]:
    """Lines of the sections that hold a passage on a theme, and of every section inside one wholly on it."""
    from .compare import prepare_plans, theme_sections

    (plan,) = prepare_plans([entry], tmap, corpus)
    sections, found = theme_sections(plan, theme)
    lines = {tp.passage.path[-1].line for tp in found if tp.passage.path}
    return lines | {s.line for ts in sections for _, s in ts.path[-1].walk()}


def search(corpus: Corpus, words: list[str], limit: int = 20, theme: Theme | None = None,
           tmap: ThemeMap | None = None) -> list[Hit]:
    """The sections that contain every word (from query_words), best match first."""
    by_key = {e.key: e for e in corpus}
    rows = corpus.index.match(fts_query(words), set(by_key), limit)
    hits: list[Hit] = []
    on_theme: dict[str, set[int]] = {}
    for key, line, path, text, rank in rows:
        entry = by_key.get(key)
        lowered = text.lower()
        if entry is None or not all(w.lower() in lowered for w in words):
            continue  # bigrams of neighbouring runs (营商,商环,环境) can fake a phrase; the text decides
        if theme is not None and tmap is not None:
            if key not in on_theme:
                on_theme[key] = _theme_lines(corpus, entry, tmap, theme)
            if line not in on_theme[key]:
                continue
        snippet, spans = _snippet(text, words)
        hits.append(Hit(entry, line, path, snippet, spans, rank))
        if len(hits) >= limit:
            break
    return hits
