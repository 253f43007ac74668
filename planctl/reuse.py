"""Text reuse between plans: the passages of one document that repeat another, verbatim or nearly.

Two steps, as passim and the Legislative Influence Detector do for English laws, on Chinese text:
character shingles (runs of SHINGLE characters, punctuation and spaces left out) find the candidate
pairs of passages quickly; a local alignment of each candidate (difflib's matching blocks) measures how
much of the passage it covers and where the two differ. A passage is a paragraph, or a heading's
title where the heading carries no paragraph.

Formulas every plan uses (习近平新时代中国特色社会主义思想…) are not borrowing: a matched stretch of text
that many documents of the corpus contain is reported apart, as common formula. Across a corpus,
probes of each passage are looked up in the full-text index, so only the documents that share text
with it are aligned.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .outline import Document, location
from .passages import passages as document_passages
from .terms import DiffOp, word_diff
from .text import WORD_CHARS

if TYPE_CHECKING:
    from .corpus import Corpus, Entry

SHINGLE = 6  # characters; long enough to be rare by chance in Chinese, short enough to survive light edits
MIN_CHARS = 12  # a passage shorter than this (after punctuation is taken out) is not looked at
MIN_BLOCK = 6  # matching stretches shorter than this do not count towards a match
REUSED = 0.5  # share of a passage covered by another for it to count as reused
SHORT = 30  # a passage shorter than this repeats another only if nearly whole and the other is not much longer
VERBATIM = 0.95
CANDIDATES = 3  # passages of B aligned with each passage of A
FORMULA_DOCS = 0.1  # a stretch found in this share of the corpus's documents (and in 3 at least) is formula,
FORMULA_WINDOW = 8  # characters: formulas differ from place to place by a name (我代表X人民政府向大会报告工作)
PROBE = 12  # characters of a probe looked up in the full-text index
LEAD_MAX = 30  # and so is one found in this many, whatever the corpus's size: it says nothing of who borrows
# from whom; and counting stops there, which keeps the look-ups of 20,000 documents short (2,000 at 10%)

# A bare document title (a web page's list of links to other reports, a cover line) is not a passage.
_TITLE_ONLY = re.compile(r"^[^。；;!?！？]{0,40}(政府工作报告|规划纲要|五年规划|工作报告)[^。；;]{0,6}$")


def normalized(text: str) -> tuple[str, list[int]]:
    """What reuse compares: CJK characters, letters and digits, punctuation and spaces left out; and where
    each of its characters stands in the text."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in WORD_CHARS.finditer(text):
        chars.append(m.group(0))
        offsets.extend(range(m.start(), m.end()))
    return "".join(chars).lower(), offsets


@dataclass
class Passage:
    text: str
    line: int
    path: str
    page: int | None = None
    norm: str = ""
    offsets: list[int] = field(default_factory=list, repr=False)
    matcher: difflib.SequenceMatcher[str] | None = field(default=None, repr=False, compare=False)
    _shingles: set[str] | None = field(default=None, repr=False, compare=False)

    @property
    def shingles(self) -> set[str]:
        if self._shingles is None:
            self._shingles = shingles(self.norm)
        return self._shingles

    def aligner(self) -> difflib.SequenceMatcher[str]:
        """A matcher with this passage as its second sequence, indexed once for every passage aligned with it
        (building that index is most of difflib's cost)."""
        if self.matcher is None:
            self.matcher = difflib.SequenceMatcher(None, "", self.norm, autojunk=False)
        return self.matcher

    @property
    def where(self) -> str:
        return location(self.line, self.page)

    def original(self, start: int, size: int) -> str:
        """The text, punctuation included, behind a stretch of the normalized text."""
        return self.text[self.offsets[start] : self.offsets[start + size - 1] + 1]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"line": self.line, "path": self.path, "text": self.text}
        if self.page is not None:
            data["page"] = self.page
        return data


def passages(doc: Document) -> list[Passage]:
    """The passages of a document in order: its paragraphs, its glossary's entries, and the titles of headings
    without one."""
    out = [Passage(p.text, p.line, p.path_text, p.page) for p in document_passages(doc)
           if p.kind in ("paragraph", "heading", "glossary")]
    for passage in out:
        passage.norm, passage.offsets = normalized(passage.text)
    return [passage for passage in out if len(passage.norm) >= MIN_CHARS and not _TITLE_ONLY.match(passage.text)]


def shingles(norm: str) -> set[str]:
    return {norm[i : i + SHINGLE] for i in range(max(1, len(norm) - SHINGLE + 1))}


@dataclass
class Match:
    a: Passage
    b: Passage
    similarity: float  # share of A's passage covered by stretches it shares with B's
    blocks: list[tuple[int, int]] = field(default_factory=list)  # (start, size) in A's normalized text
    formula: float = 0.0  # share of the matched text that is common formula
    documents: int = 0  # the most documents of the corpus that contain a stretch of it
    diff: list[DiffOp] = field(default_factory=list)

    @property
    def specific(self) -> float:
        """Share of A's passage covered by text it shares with B and few other documents."""
        return self.similarity * (1 - self.formula)

    @property
    def kind(self) -> str:
        """formula where, common formulas set aside, what is left no longer repeats B."""
        if self.formula and self.specific < REUSED:
            return "formula"
        return "verbatim" if self.similarity >= VERBATIM else "near"

    @property
    def matched(self) -> int:
        return sum(size for _, size in self.blocks)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "similarity": round(self.similarity, 3), "documents": self.documents,
                "a": self.a.to_dict(),
                "b": self.b.to_dict(), "diff": [op.to_dict() for op in self.diff]}


@dataclass
class Reuse:
    """What A repeats of B: matches (borrowing), formulas (common to many documents), and what is new in A."""

    a: Entry
    b: Entry
    matches: list[Match]
    formulas: list[Match]
    new: list[Passage]
    chars: int  # A's characters compared (normalized)

    @property
    def share(self) -> float:
        """Share of A's text reused from B, formulas apart."""
        return sum(m.matched for m in self.matches) / self.chars if self.chars else 0.0

    @property
    def formula_share(self) -> float:
        return sum(m.matched for m in self.formulas) / self.chars if self.chars else 0.0

    def to_dict(self) -> dict[str, object]:
        def doc(e: Entry) -> dict[str, object]:
            i = e.info
            return {"id": e.id, "place": i.place.full(), "kind": i.kind, "year": i.year, "title": i.title}

        return {"a": doc(self.a), "b": doc(self.b), "share": round(self.share, 4),
                "formula_share": round(self.formula_share, 4), "matches": [m.to_dict() for m in self.matches],
                "formulas": [m.to_dict() for m in self.formulas], "new": [p.to_dict() for p in self.new]}


def _align(a: Passage, b: Passage) -> Match:
    other = b.norm
    n = len(a.norm)
    matcher = None
    if len(other) > 3 * n + 100:
        # A passage of B far longer than A's (a page run into one paragraph): align A with the stretch of it
        # where A's shingles are, not with all of it (difflib's cost grows with the text it indexes).
        found = sorted(pos for i in range(0, n - SHINGLE + 1, SHINGLE)
                       if (pos := other.find(a.norm[i : i + SHINGLE])) >= 0)
        if found:
            middle = found[len(found) // 2]
            other = other[max(0, middle - 2 * n) : middle + 2 * n]
            matcher = difflib.SequenceMatcher(None, a.norm, other, autojunk=False)
    if matcher is None:
        matcher = b.aligner()
        matcher.set_seq1(a.norm)
    blocks = [(m.a, m.size) for m in matcher.get_matching_blocks() if m.size >= MIN_BLOCK]
    return Match(a, b, sum(s for _, s in blocks) / len(a.norm), blocks)


Postings = tuple[dict[str, list[int]], dict[str, int]]


def _postings(b: list[Passage]) -> Postings:
    """Which passages of B hold each shingle, and where each passage's exact text is."""
    postings: dict[str, list[int]] = {}
    for j, p in enumerate(b):
        for s in p.shingles:
            postings.setdefault(s, []).append(j)
    same: dict[str, int] = {}
    for j, q in enumerate(b):
        same.setdefault(q.norm, j)
    return postings, same


def _shared_from_b(a: list[Passage], postings: dict[str, list[int]]) -> list[Counter[int]]:
    """For each passage of A, how many shingles it shares with each passage of B, from B's postings."""
    out = []
    for p in a:
        counts: Counter[int] = Counter()
        for s in p.shingles:
            for j in postings.get(s, ()):
                counts[j] += 1
        out.append(counts)
    return out


def _shared_from_a(a: list[Passage], b: list[Passage], postings: dict[str, list[int]]) -> list[Counter[int]]:
    """The same counts from A's postings, walking B's shingles: when A is compared with many documents, its
    postings are built once and no document's own need be."""
    out: list[Counter[int]] = [Counter() for _ in a]
    for j, q in enumerate(b):
        for s in q.shingles:
            for i in postings.get(s, ()):
                out[i][j] += 1
    return out


def _transposed(shared: list[Counter[int]], size: int) -> list[Counter[int]]:
    """Shingles shared between passages of A and of B, counted for B's passages instead."""
    out: list[Counter[int]] = [Counter() for _ in range(size)]
    for i, row in enumerate(shared):
        for j, n in row.items():
            out[j][i] = n
    return out


def match_passages(a: list[Passage], b: list[Passage], index: Postings | None = None,
                   a_index: Postings | None = None,
                   counted: list[Counter[int]] | None = None) -> list[tuple[Passage, Match | None]]:
    """Each passage of A with its best counterpart in B (None where no passage of B shares a shingle).

    The shingles each pair of passages shares: counted already, else from B's postings (index), else from
    A's (a_index, see _shared_from_a), else from B's built here."""
    if counted is not None or (index is None and a_index is not None):
        same: dict[str, int] = {}
        for j, q in enumerate(b):
            same.setdefault(q.norm, j)
        shared = counted if counted is not None else _shared_from_a(a, b, a_index[0])  # type: ignore[index]
    else:
        postings, same = index or _postings(b)
        shared = _shared_from_b(a, postings)
    out: list[tuple[Passage, Match | None]] = []
    for p, counts in zip(a, shared, strict=True):
        if p.norm in same:  # word for word: no alignment needed
            out.append((p, Match(p, b[same[p.norm]], 1.0, [(0, len(p.norm))])))
            continue
        # Ties go to the earlier passage of B, so that a run does not depend on the order of a set.
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
        aligned = [_align(p, b[j]) for j, n in ranked if n / len(p.shingles) >= REUSED / 4]
        best: Match | None = max(aligned, key=lambda m: m.similarity, default=None)
        if best is not None and len(aligned) > 1:
            # A paragraph split or merged between the two documents: its parts together cover it.
            covered = sorted({i for m in aligned for start, size in m.blocks for i in range(start, start + size)})
            if len(covered) > best.matched:
                best.blocks = _runs(covered)
                best.similarity = len(covered) / len(p.norm)
        out.append((p, best))
    return out


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Sorted positions as (start, size) runs."""
    runs: list[tuple[int, int]] = []
    for i in positions:
        if runs and runs[-1][0] + runs[-1][1] == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def repeats(m: Match) -> bool:
    """Whether A's passage repeats B's: most of it in long stretches; a short one (a heading, a table row)
    nearly whole, in a passage of about its length, not as a phrase quoted inside a long paragraph."""
    if len(m.a.norm) < SHORT:
        # Footnote numbers and a particle (即) break a short text into stretches too short to count: compare
        # it whole.
        if len(m.b.norm) > 2.5 * len(m.a.norm):
            return False
        matcher = m.b.aligner()
        matcher.set_seq1(m.a.norm)
        return matcher.ratio() >= 0.8
    return m.similarity >= REUSED


FormulaCount = Callable[[str], int]  # documents of the corpus that contain a stretch of text


def _formula_share(m: Match, documents_with: FormulaCount, threshold: int) -> float:
    """Share of the matched text in windows of FORMULA_WINDOW characters that many documents contain: formulas
    differ from place to place in a name or two (我代表X人民政府), so whole stretches are rarely common."""
    common = 0
    for start, size in m.blocks:
        # A document holding the whole stretch holds each window of it: a stretch that common needs no
        # look-up window by window (on a corpus of near-copies, nine look-ups in ten).
        whole = documents_with(m.a.original(start, size)) if size > FORMULA_WINDOW else 0
        for offset in range(0, size, FORMULA_WINDOW):
            width = min(FORMULA_WINDOW, size - offset)
            if width < MIN_BLOCK:
                break
            found = whole if whole >= threshold else documents_with(m.a.original(start + offset, width))
            m.documents = max(m.documents, found)
            if found >= threshold:
                common += width
    return common / m.matched if m.matched else 0.0


_PASSAGES: dict[str, list[Passage]] = {}
_POSTINGS: dict[str, Postings] = {}
REMEMBERED = 24  # documents whose passages and postings are kept, for a corpus query's many comparisons


def _remember(cache: dict, key: str, value: object) -> None:
    if len(cache) >= REMEMBERED:
        cache.pop(next(iter(cache)))
    cache[key] = value


def _passages_of(entry: Entry) -> list[Passage]:
    if entry.key not in _PASSAGES:
        _remember(_PASSAGES, entry.key, passages(entry.doc))
    return _PASSAGES[entry.key]


def _cached_postings(entry: Entry, left_out: set[int], found: list[Passage]) -> Postings:
    key = f"{entry.key}:{sorted(left_out)}"
    index = _POSTINGS.get(key)
    if index is None:
        index = _postings(found)
        _remember(_POSTINGS, key, index)
    return index


def compare_reuse(a: Entry, b: Entry, documents_with: FormulaCount | None = None, corpus_size: int = 0,
                  with_diff: bool = True, formula_lines: tuple[set[int], set[int]] = (set(), set()),
                  index_a: bool = False, counted: list[Counter[int]] | None = None) -> Reuse:
    """The passages of A that repeat B, the formulas among them, and A's passages found nowhere in B.

    formula_lines: passages of A and of B already known to be formula, left out of the comparison.
    index_a: find candidates from A's shingle postings rather than B's (A is compared with many documents);
    counted: the shingles each pair of passages shares, counted already (see related)."""
    pa = [p for p in _passages_of(a) if p.line not in formula_lines[0]]
    pb = [p for p in _passages_of(b) if p.line not in formula_lines[1]]
    matches: list[Match] = []
    formulas: list[Match] = []
    new: list[Passage] = []
    threshold = formula_threshold(corpus_size)
    if counted is not None:
        found = match_passages(pa, pb, counted=counted)
    elif index_a:
        found = match_passages(pa, pb, a_index=_cached_postings(a, formula_lines[0], pa))
    else:
        found = match_passages(pa, pb, _cached_postings(b, formula_lines[1], pb))
    for p, m in found:
        if m is None or not repeats(m):
            new.append(p)
            continue
        if documents_with is not None and corpus_size >= 3:
            m.formula = _formula_share(m, documents_with, threshold)
        (formulas if m.kind == "formula" else matches).append(m)
    if with_diff:
        _word_diffs(a, b, [m for m in (*matches, *formulas) if m.kind != "verbatim"])
    return Reuse(a, b, matches, formulas, new, sum(len(p.norm) for p in pa))


def _word_diffs(a: Entry, b: Entry, found: list[Match]) -> None:
    """Each match's word diff, kept in the index for the pair: segmenting needs jieba's dictionary, which
    takes longer to load than the rest of a comparison."""
    key = f"reuse-diffs:{a.key}:{b.key}"
    cached = a.index.get(key) if a.index else None
    diffs = cached if isinstance(cached, dict) else {}
    missing = [m for m in found if (m.a.text, m.b.text) not in diffs]
    for m in missing:
        diffs[m.a.text, m.b.text] = word_diff(m.b.text, m.a.text)
    for m in found:
        m.diff = diffs[m.a.text, m.b.text]
    if missing and a.index:
        a.index.put(key, diffs)


# -- a corpus ------------------------------------------------------------------------------------------


def _probes(p: Passage) -> list[str]:
    """A stretch from the middle of a passage (its own text) to look up in the index; two for a long one."""
    n = len(p.norm)
    where = (1 / 3, 2 / 3) if n >= 4 * PROBE else (1 / 2,)
    starts = {max(0, min(n - PROBE, int(n * f) - PROBE // 2)) for f in where}
    return [p.original(start, PROBE) for start in sorted(starts)]


COUNTS_KEPT = 200_000  # stretches whose counts the index keeps for a corpus


class CorpusCounts:
    """How many documents of the corpus contain a stretch of text (counted up to the formula threshold, which
    is all that is asked), from the full-text index. Kept in the index for the corpus as it is (the content
    of its documents) by `save`: the formula stretches that many pairs of plans share are counted once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.keys = set(corpus.keys())
        self.enough = formula_threshold(len(self.keys))
        self.digest = corpus.digest
        stored = corpus.recalled("stretch-counts", self.digest)
        self.counts: dict[str, int] = stored if isinstance(stored, dict) else {}
        self.added = 0

    def __call__(self, stretch: str) -> int:
        if stretch not in self.counts:
            from .fulltext import fts_query

            query = fts_query(stretch, fragment=True)
            found = self.corpus.index.documents_matching(query, self.keys, self.enough) if query else set()
            self.counts[stretch] = len(found)
            self.added += 1
        return self.counts[stretch]

    def save(self) -> None:
        if not self.added:
            return
        if len(self.counts) > COUNTS_KEPT:  # the latest counted are kept
            self.counts = dict(list(self.counts.items())[-COUNTS_KEPT // 2:])
        self.corpus.remember("stretch-counts", self.digest, self.counts)
        self.added = 0


def reuse_in_corpus(corpus: Corpus, a: Entry, b: Entry, with_diff: bool = True) -> Reuse:
    """compare_reuse of two documents of a corpus, formulas told by the corpus's counts (kept for next time)."""
    counts = CorpusCounts(corpus)
    result = compare_reuse(a, b, counts, len(counts.keys), with_diff=with_diff)  # the counts' own threshold
    counts.save()
    return result


def formula_threshold(documents: int) -> int:
    return max(3, min(int(FORMULA_DOCS * documents + 0.999), LEAD_MAX))


@dataclass
class Related:
    entry: Entry
    passages: int  # passages of A whose probes the document contains
    share: float  # for the best-ranked: share of text reused (A from it, or it from A), formulas apart


def related(corpus: Corpus, a: Entry, limit: int = 10) -> tuple[list[Related], list[Related]]:
    """The documents A borrows most from and those that borrow most from A, each aligned exactly; kept in the
    index for the corpus as it is (the content of its documents)."""
    name = f"related:{corpus.digest}:{a.key}:{limit}"
    stored = corpus.index.get(name)
    if isinstance(stored, tuple):
        first, second = ([Related(corpus.with_key(k), n, share) for k, n, share in found] for found in stored)
        return first, second
    result = _related(corpus, a, limit)
    corpus.index.put(name, tuple([(r.entry.key, r.passages, r.share) for r in found] for found in result))
    return result


def _related(corpus: Corpus, a: Entry, limit: int) -> tuple[list[Related], list[Related]]:
    others = set(corpus.keys()) - {a.key}
    if not others:
        return [], []
    entry = corpus.with_key
    pa = _passages_of(a)
    hits: Counter[str] = Counter()
    too_common = formula_threshold(len(others))
    from .fulltext import fts_query

    formula: set[int] = set()  # A's passages whose every probe is in many documents: formula
    for p in pa:
        found: set[str] = set()
        common = 0
        probes = _probes(p)
        for probe in probes:
            query = fts_query(probe, fragment=True)
            docs = corpus.index.documents_matching(query, others, too_common) if query else set()
            if len(docs) < too_common:  # a probe found in many documents is formula, not a lead
                found |= docs
            else:
                common += 1
        if probes and common == len(probes):
            formula.add(p.line)
        hits.update(found)
    # Ranked by the probes first (A's passages found in X, against A's size or X's), then aligned exactly.
    by_a = sorted(hits, key=lambda k: (-hits[k], k))[:limit]
    by_x = sorted(hits, key=lambda k: (-hits[k] / max(1, entry(k).info.chars), k))[:limit]
    # Formulas are left out passage by passage (A's, found above), not counted stretch by stretch: a ranking
    # needs the share of text specific to the two documents, and this is far quicker on a large corpus.
    # Both ways compare the same passages (A's, formula apart, and all of X's), so the shingles each pair shares
    # are counted once, from A's postings, for a document in both lists.
    kept = [p for p in pa if p.line not in formula]
    postings = _cached_postings(a, formula, kept)[0]
    counted: dict[str, list[Counter[int]]] = {}

    def shared(k: str) -> list[Counter[int]]:
        if k not in counted:
            counted[k] = _shared_from_a(kept, _passages_of(entry(k)), postings)
        return counted[k]

    borrows_from = [Related(entry(k), hits[k], compare_reuse(a, entry(k), with_diff=False, counted=shared(k),
                                                            formula_lines=(formula, set())).share) for k in by_a]
    borrowed_by = [Related(entry(k), hits[k], compare_reuse(
        entry(k), a, with_diff=False, formula_lines=(set(), formula),
        counted=_transposed(shared(k), len(_passages_of(entry(k)))),
    ).share) for k in by_x]

    def best(found: list[Related]) -> list[Related]:
        return sorted((r for r in found if r.share > 0), key=lambda r: (-r.share, r.entry.id))

    return best(borrows_from), best(borrowed_by)
