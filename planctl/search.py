"""Full-text search across a corpus: which plans say something, where, in what words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .corpus import Corpus, Entry
from .errors import PlanctlUsageError
from .fulltext import Chunk
from .fulltext import fts_query as word_query
from .themes import Theme, ThemeMap

SNIPPET_CONTEXT = 40  # characters either side of the match
PER_DOCUMENT = 3  # hits of one document shown before those of the others


@dataclass
class Hit:
    entry: Entry
    line: int
    path: str
    snippet: str
    spans: list[tuple[int, int]]  # where the query's words are, in the snippet
    tier: int  # 0: the first word is in the section's heading; 1: in its text

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
        if not word_query(word):
            raise PlanctlUsageError(f"“{word}” has no letters, digits or Chinese characters to look for")
        if len(word) == 1 and is_cjk(word):
            raise PlanctlUsageError(f"“{word}”: search for two characters or more (a single one matches too much)")
    return words


def fts_queries(words: list[str]) -> list[str]:
    """The chunks that may hold every word, those with the first word in their heading first."""
    anywhere = " AND ".join(word_query(w) for w in words)
    return [f"{word_query(words[0], in_heading=True)} AND {anywhere}", anywhere]


def _snippet(chunk: Chunk, words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Where the words are in the section's own text (else in its heading)."""
    text = chunk.text if any(w.lower() in chunk.text.lower() for w in words) else chunk.heading
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
    """The sections that contain every word (from query_words): those named for the first word first, then
    the others, at most PER_DOCUMENT of a document before the rest of the corpus has had its turn."""
    keys = set(corpus.keys())
    hits: list[Hit] = []
    later: list[Hit] = []
    per_document: Counter[str] = Counter()
    on_theme: dict[str, set[int]] = {}
    seen: set[tuple[str, int]] = set()  # a section's chunks after its first
    for key, chunk, tier in corpus.index.match(fts_queries(words), keys):
        entry = corpus.with_key(key)
        lowered = f"{chunk.heading}\n{chunk.text}".lower()
        if (key, chunk.line) in seen or not all(w.lower() in lowered for w in words):
            continue  # the index knows a chunk holds 营商, 商环 and 环境, not that they stand together
        if theme is not None and tmap is not None:
            if key not in on_theme:
                on_theme[key] = _theme_lines(corpus, entry, tmap, theme)
            if chunk.line not in on_theme[key]:
                continue
        seen.add((key, chunk.line))
        hit = Hit(entry, chunk.line, chunk.path, *_snippet(chunk, words), tier)
        if per_document[key] >= PER_DOCUMENT:
            later.append(hit)
            continue
        per_document[key] += 1
        hits.append(hit)
        if len(hits) >= limit:
            return hits
    return hits + later[: limit - len(hits)]
