"""Themes found passage by passage, wherever a plan speaks of them.

Every passage (a paragraph, a table row, …) is scored for every theme of the map at once, from three
kinds of evidence:

- the theme's terms in the passage's text, each weighed by how specific it is across the corpus (a
  term found in many passages, whatever they are about, counts for less) and by how often it recurs;
- the same terms in the passage's topic phrase (the lead sentence that says what it is about);
- the headings it stands under, where a heading is mainly about the theme (its own section's heading
  counts more than an enclosing one).

Long paragraphs of work reports touch on everything, so text evidence is scaled down by the
passage's length. A passage is on a theme when its score reaches ON_THEME. What a passage matched is
kept as evidence, so a reader can see why it was chosen.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
import pickle
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING

from .index import outline_of
from .outline import Document, Section
from .parallel import spread
from .passages import Passage, passages
from .themes import Theme, ThemeMap

if TYPE_CHECKING:
    from .corpus import Corpus, Entry

ON_THEME = 2.0  # score from which a passage is on a theme
W_NAME = 1.5  # the theme's name or an alias counts this much more than a keyword
W_TOPIC = 1.0  # a term in the topic phrase counts again, this much
W_REPEAT = 0.3  # each further mention of a term (up to MAX_REPEAT)
MAX_REPEAT = 3
W_OWN_HEADING = 2.0  # the heading of the passage's own section is mainly about the theme
W_ENCLOSING = (2.0, 1.5)  # an enclosing heading is: naming the theme (its name or an alias), or by a keyword
LENGTH_UNIT = 200  # characters; text evidence is scaled by sqrt(LENGTH_UNIT / length) …
MAX_SHORT_BOOST = 1.5  # … up to this much for a short passage (a table row, a one-line item)
SPREAD_BASE, MAX_SPREAD = 0.6, 1.2  # text evidence × (SPREAD_BASE + share of sentences that mention the theme)
P_FULL = 0.02  # a term in at most this share of passages weighs 1; more common terms weigh less …
MIN_WEIGHT = 0.3  # … but never less than this
WEIGHT_SAMPLE = 200  # documents of the corpus that term weights are counted on
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")
WHOLLY = 0.6  # share of a section's text in passages on a theme for the section to be on it
TOPIC_MAX = 40  # characters: a lead clause this short is read as the topic phrase when the parser found none


@dataclass(frozen=True)
class Hit:
    term: str
    where: str  # heading | topic | text
    count: int = 1

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "where": self.where, "count": self.count}


@dataclass
class PassageFeatures:
    """What one passage says of one theme, before any weighing: cached per document and theme map."""

    text: dict[str, int] = field(default_factory=dict)  # term → mentions
    topic: tuple[str, ...] = ()
    sentences: int = 0  # sentences of the passage that mention the theme …
    of: int = 1  # … of its sentences
    heading: tuple[float, str] = (0.0, "")  # heading evidence and the term that gave it
    shared: bool = False  # that heading is also about other themes (抓改革激活力,持续优化营商环境)


@dataclass
class ThemedPassage:
    passage: Passage
    score: float
    evidence: list[Hit]

    def to_dict(self) -> dict[str, object]:
        p = self.passage
        data: dict[str, object] = {"path": p.path_text, "line": p.line, "kind": p.kind}
        if p.page is not None:
            data["page"] = p.page
        data |= {"text": p.text, "score": round(self.score, 2), "evidence": [h.to_dict() for h in self.evidence]}
        return data


def topic_phrase(passage: Passage) -> str:
    """The phrase a passage opens with to say what it is about."""
    if passage.topic:
        return passage.topic
    if passage.kind == "row":
        return passage.text.split(" | ", 1)[0]  # the indicator a row is about
    for i, ch in enumerate(passage.text[: TOPIC_MAX + 1]):
        if ch in "。；;：:！？":
            return passage.text[:i]
    return ""


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _heading_strength(tmap: ThemeMap, title: str) -> dict[str, tuple[bool, str, bool]]:
    """The themes a heading is mainly about: those with the most weight of terms in it (a name counts more),
    each with whether a name or alias of it is there, the term, and whether other themes are named too."""
    found: dict[str, tuple[float, bool, str]] = {}
    for theme in tmap.themes:
        terms = tmap.theme_terms(theme, title)
        if not terms:
            continue
        named = [t for t in terms if tmap.term_is_name(theme, t)]
        weight = W_NAME * len(named) + len(terms) - len(named)
        found[theme.name] = (weight, bool(named), (named or terms)[0])
    if not found:
        return {}
    best = max(w for w, _, _ in found.values())
    shared = len(found) > 1
    return {name: (named, term, shared) for name, (w, named, term) in found.items() if w >= best}


def document_features(tmap: ThemeMap, doc: Document,
                      found: list[Passage] | None = None) -> tuple[list[Passage], list[dict[str, PassageFeatures]]]:
    """Every passage of a document (`found`, if already listed) with, for each theme it mentions or stands under,
    what it says of it.

    Each theme's terms are found in one pass over the whole text, then shared out to passages and sentences."""
    found = passages(doc) if found is None else found
    starts: list[int] = []
    sentence_ends: list[int] = []
    topic_ends: list[int] = []
    offset = 0
    for p in found:
        starts.append(offset)
        topic = topic_phrase(p)
        topic_ends.append(offset + len(topic) if topic and p.text.startswith(topic) else offset)
        for m in _SENTENCE_END.finditer(p.text):
            sentence_ends.append(offset + m.end())
        offset += len(p.text) + 1
        sentence_ends.append(offset - 1)
    text = "\n".join(p.text for p in found)
    counts: list[dict[str, Counter[str]]] = [{} for _ in found]
    topics: list[dict[str, dict[str, None]]] = [{} for _ in found]
    said: list[dict[str, set[int]]] = [{} for _ in found]
    for theme in tmap.themes:
        for start, term in tmap.theme_matches(theme, text):
            i = bisect.bisect_right(starts, start) - 1
            counts[i].setdefault(theme.name, Counter())[term] += 1
            if start < topic_ends[i]:
                topics[i].setdefault(theme.name, {})[term] = None
            said[i].setdefault(theme.name, set()).add(bisect.bisect_right(sentence_ends, start))
    headings = {id(section): _heading_strength(tmap, section.title) for _, section in doc.walk()}
    out: list[dict[str, PassageFeatures]] = []
    for i, p in enumerate(found):
        total = len(sentences(p.text)) if counts[i] else 1
        feats = {name: PassageFeatures(dict(c), tuple(topics[i].get(name, ())), len(said[i][name]), total)
                 for name, c in counts[i].items()}
        chain = p.path[:-1] if p.kind == "heading" else p.path
        for depth, section in enumerate(reversed(chain)):
            for name, (named, term, shared) in headings[id(section)].items():
                strength = W_OWN_HEADING if depth == 0 else W_ENCLOSING[0] if named else W_ENCLOSING[1]
                current = feats.setdefault(name, PassageFeatures())
                if strength > current.heading[0]:
                    current.heading, current.shared = (strength, term), shared
        out.append(feats)
    return found, out


def score(theme: Theme, tmap: ThemeMap, passage: Passage, feats: PassageFeatures,
          weights: dict[str, float]) -> tuple[float, list[Hit]]:
    """A passage's score for a theme and the evidence it rests on."""
    evidence: list[Hit] = []
    text_score = 0.0
    for term, n in sorted(feats.text.items(), key=lambda kv: (-kv[1], kv[0])):
        w = weights.get(term, 1.0) * (W_NAME if tmap.term_is_name(theme, term) else 1.0)
        text_score += w * (1 + W_REPEAT * (min(n, MAX_REPEAT + 1) - 1))
        evidence.append(Hit(term, "text", n))
    for term in feats.topic:
        text_score += W_TOPIC * weights.get(term, 1.0) * (W_NAME if tmap.term_is_name(theme, term) else 1.0)
        evidence.append(Hit(term, "topic"))
    text_score *= min(MAX_SHORT_BOOST, math.sqrt(LENGTH_UNIT / max(len(passage.text), 1)))
    # A theme that only one sentence of a long paragraph touches on is not what the paragraph is about.
    if feats.sentences:
        text_score *= min(MAX_SPREAD, SPREAD_BASE + feats.sentences / feats.of)
    heading, term = feats.heading
    if heading and feats.shared and not text_score:
        heading = 0.0  # under a heading on this and other themes, a passage must itself speak of this one
    if heading:
        evidence.insert(0, Hit(term, "heading"))
    return text_score + heading, evidence


def term_counts(features: list[dict[str, PassageFeatures]]) -> tuple[int, Counter[str]]:
    """A document's part in the term weights: its number of passages, and of those holding each term."""
    df: Counter[str] = Counter()
    for feats in features:
        df.update({term for f in feats.values() for term in f.text})
    return len(features), df


def term_weights(counts: Iterable[tuple[int, Counter[str]]]) -> dict[str, float]:
    """How specific each term is: 1 for a term found in at most P_FULL of the passages, less for common ones."""
    df: Counter[str] = Counter()
    n = 0
    for passages_in_doc, doc_df in counts:
        n += passages_in_doc
        df.update(doc_df)
    full = math.log(1 / P_FULL)
    return {term: max(MIN_WEIGHT, min(1.0, math.log((n + 1) / (k + 1)) / full)) for term, k in df.items()}


@dataclass
class PlanPassages:
    """The passages of one plan and, for every theme, those on it."""

    entry_id: str
    passages: list[Passage]
    features: list[dict[str, PassageFeatures]]
    weights: dict[str, float]
    tmap: ThemeMap

    @cached_property
    def chars(self) -> int:
        """Characters of text in all the plan's passages (at least 1)."""
        return sum(len(p.text) for p in self.passages) or 1

    def share(self, found: list[ThemedPassage]) -> float:
        """The share of the plan's text in some of its passages."""
        return sum(len(t.passage.text) for t in found) / self.chars

    def on_theme(self, theme: Theme) -> list[ThemedPassage]:
        out = []
        for p, feats in zip(self.passages, self.features, strict=True):
            f = feats.get(theme.name)
            if f is None:
                continue
            value, evidence = score(theme, self.tmap, p, f, self.weights)
            if value >= ON_THEME:
                out.append(ThemedPassage(p, value, evidence))
        return out


def features_for(tmap: ThemeMap, doc: Document, key: str | None,
                 corpus: Corpus | None) -> tuple[list[Passage], list[dict[str, PassageFeatures]]]:
    """A document's passage features, from the index's cache when there is one."""
    cache_key = _features_key(tmap, key) if corpus and key else None
    found = passages(doc)
    if cache_key and corpus:
        cached = corpus.index.get(cache_key)
        if isinstance(cached, list) and len(cached) == len(found):
            return found, cached
    found, feats = document_features(tmap, doc, found)
    if cache_key and corpus:
        corpus.index.put(cache_key, feats)
    return found, feats


def _features_key(tmap: ThemeMap, key: str) -> str:
    return f"passage-themes:{tmap.digest}:{key}"


def _sample(corpus: Corpus | None) -> list[int]:
    """The documents of a corpus (their places in it), or a sample of WEIGHT_SAMPLE of a large one: those of
    the lowest content keys. The keys are digests, so that is a random sample, and one that a file added or
    removed changes by one document at most (a sample by place in the listing moved whole, and counting its
    documents' features again took 8 s on 20,000)."""
    if corpus is None:
        return []
    keys = corpus.keys()
    if len(keys) <= WEIGHT_SAMPLE:
        return list(range(len(keys)))
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)  # a text in two files counts once
    return sorted(first[key] for key in heapq.nsmallest(WEIGHT_SAMPLE, first))


def sample_entries(corpus: Corpus | None) -> list[Entry]:
    return [corpus.entry(i) for i in _sample(corpus)] if corpus else []


def corpus_weights(tmap: ThemeMap, corpus: Corpus | None, extra: Sequence[Entry] = ()) -> dict[str, float]:
    """Term weights counted on the corpus and the plans at hand, or on a sample of WEIGHT_SAMPLE documents
    of a large corpus alone (two plans more would change them by a hundredth and cost seconds for each new
    pair to count again); cached in the index."""
    sample = _sample(corpus)
    keys = corpus.keys() if corpus else []
    named = {keys[i]: i for i in sample}  # a text in two files counts once
    plus = {e.key: e for e in extra if e.key not in named} if len(sample) < WEIGHT_SAMPLE else {}
    signature = hashlib.sha256("\n".join(sorted([*named, *plus])).encode()).hexdigest()[:16]
    cache_key = f"term-weights:{tmap.digest}:{signature}"
    if corpus:
        cached = corpus.index.get(cache_key)
        if isinstance(cached, dict):
            return cached
    report = corpus.progress if corpus else None

    def counted() -> Iterable[tuple[int, Counter[str]]]:
        todo = [corpus.entry(i) for i in named.values()] if corpus else []  # made only when counting
        todo += plus.values()
        for n, counts in enumerate(_all_term_counts(tmap, todo, corpus), 1):
            yield counts
            if report:
                report(n, len(todo))

    weights = term_weights(counted())
    if corpus:
        corpus.index.put(cache_key, weights)
    return weights


def _all_term_counts(tmap: ThemeMap, entries: list[Entry], corpus: Corpus | None) -> Iterator[tuple[int, Counter[str]]]:
    """term_counts of each document (in no set order), kept in the index: a sample that changes by a document
    (a file added to the corpus) counts the others again from these, not from their outlines and features
    (1.6 s for 200). Those not counted before are counted in worker processes when there are enough of them:
    finding every theme's terms in each passage is most of a first comparison on a large corpus."""
    index = corpus.index if corpus else None  # a document outside the index is counted each time
    counts_of = f"passage-term-counts:{tmap.digest}:"

    def kept(entry: Entry, counts: tuple[int, Counter[str]]) -> tuple[int, Counter[str]]:
        if index and entry.key:
            index.put(counts_of + entry.key, counts)
        return counts

    def counted_here(entry: Entry) -> tuple[int, Counter[str]]:
        return kept(entry, term_counts(features_for(tmap, entry.doc, entry.key, corpus)[1]))

    apart: list[tuple[Entry, bytes]] = []
    for e in entries:
        cached = index.get(counts_of + e.key) if index and e.key else None
        if isinstance(cached, tuple):
            yield cached
            continue
        stored = index.stored_outline(e.key) if index and e.key else None
        if stored is None:
            yield counted_here(e)
        else:
            apart.append((e, stored))
    for (e, _), done in zip(apart, spread(partial(_counted_apart, tmap), [s for _, s in apart]), strict=True):
        if done is None:  # an outline the index cannot read back: the document is read as usual
            yield counted_here(e)
            continue
        features, counts = done
        if index:  # kept as features_for keeps them
            index.put_pickled(_features_key(tmap, e.key), features)
        yield kept(e, counts)


def _counted_apart(tmap: ThemeMap, stored: bytes) -> tuple[bytes, tuple[int, Counter[str]]] | None:
    """document_features of a stored outline (in a worker process), pickled as the index keeps them, and their
    term_counts; None if the outline cannot be read."""
    doc = outline_of(stored)
    if doc is None:
        return None
    features = document_features(tmap, doc)[1]
    return pickle.dumps(features, protocol=5), term_counts(features)


def plan_passages(tmap: ThemeMap, entry: Entry, corpus: Corpus | None, weights: dict[str, float]) -> PlanPassages:
    found, feats = features_for(tmap, entry.doc, entry.key, corpus)
    return PlanPassages(entry.id, found, feats, weights, tmap)


def sections_on(plan: PlanPassages, theme: Theme, found: list[ThemedPassage],
                share: float = WHOLLY) -> list[tuple[tuple[Section, ...], float]]:
    """The largest sections wholly on a theme, each with the share of its text on it: at least `share` of their
    text in the passages found on it, and each of their sub-sections on it too. A chapter with one section
    on the theme is not on it; that section is."""
    on = {id(t.passage) for t in found}
    by_section: dict[int, list[Passage]] = {}
    for p in plan.passages:
        if p.path:
            by_section.setdefault(id(p.path[-1]), []).append(p)
    memo: dict[int, tuple[int, int]] = {}

    def sizes(section: Section) -> tuple[int, int]:
        """(characters on the theme, characters) of a section and its children."""
        if id(section) in memo:
            return memo[id(section)]
        own = by_section.get(id(section), [])
        on_chars = sum(len(p.text) for p in own if id(p) in on)
        total = sum(len(p.text) for p in own)
        for child in section.children:
            a, b = sizes(child)
            on_chars, total = on_chars + a, total + b
        memo[id(section)] = (on_chars, total)
        return on_chars, total

    def wholly(section: Section) -> bool:
        on_chars, total = sizes(section)
        return total > 0 and on_chars / total >= share and all(
            wholly(c) for c in section.children if sizes(c)[1] > 0)

    chosen: list[tuple[tuple[Section, ...], float]] = []
    skip: set[int] = set()
    for section_path in _section_paths(plan):
        section = section_path[-1]
        if any(id(s) in skip for s in section_path[:-1]):
            continue
        if wholly(section):
            on_chars, total = sizes(section)
            chosen.append((section_path, on_chars / total))
            skip.add(id(section))
    return chosen


def _section_paths(plan: PlanPassages) -> list[tuple[Section, ...]]:
    seen: dict[int, tuple[Section, ...]] = {}
    for p in plan.passages:
        for depth in range(1, len(p.path) + 1):
            seen.setdefault(id(p.path[depth - 1]), p.path[:depth])
    return list(seen.values())


@dataclass
class ThemeShare:
    """How much of a plan one theme takes: its passages, their share of the text, the terms they use most."""

    theme: Theme
    passages: int
    share: float
    terms: list[tuple[str, int]]  # (term, passages using it)

    def to_dict(self) -> dict[str, object]:
        return {"theme": self.theme.name, "parent": self.theme.parent, "passages": self.passages,
                "share": round(self.share, 4), "terms": [{"term": t, "passages": n} for t, n in self.terms]}


def theme_shares(plan: PlanPassages, limit: int = 5) -> list[ThemeShare]:
    """Every theme of the map with its passages in the plan, largest share first."""
    out = []
    for theme in plan.tmap.themes:
        found = plan.on_theme(theme)
        terms: Counter[str] = Counter()
        for tp in found:
            terms.update({h.term for h in tp.evidence if h.where != "heading"})
        out.append(ThemeShare(theme, len(found), plan.share(found),
                              sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]))
    out.sort(key=lambda s: (-s.share, s.theme.name))
    return out
