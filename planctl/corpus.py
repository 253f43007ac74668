"""A folder of plans: finding the documents, caching their outlines, and finding a plan by place name."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from .collector import paused
from .documents import SUFFIXES, load_document
from .errors import PlanctlError, PlanctlUsageError
from .index import DocInfo, Index, Progress, UpdateReport
from .outline import Document
from .text import is_cjk

CORPUS_ENV = "PLANCTL_CORPUS"
T = TypeVar("T")
KIND_ORDER = {"five-year plan": 0, "work report": 1, "other": 2}


def default_corpus() -> Path:
    return Path(str(resources.files("planctl.samples")))


@dataclass(slots=True)
class Entry:
    """One document of a corpus: what the index knows of it; the outline is loaded on first use."""

    id: str
    file: str  # the path as a string: a corpus of thousands lists faster without Path objects
    key: str  # content key, for caching what is derived from this document
    info: DocInfo
    index: Index | None = field(default=None, repr=False)
    _doc: Document | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def doc(self) -> Document:
        if self._doc is None:
            doc = self.index.outline(self.key) if self.index else None
            if doc is None:  # the index was cleared under us: parse again
                doc = load_document(self.path)
            doc.source = os.fspath(self.path)
            self._doc = doc
        return self._doc

    def describe(self) -> str:
        year = f" {self.info.year}" if self.info.year else ""
        return f"{self.id} ({self.info.place.name or '?'} {self.info.kind}{year})"


def _entry_for(doc: Document, path: Path, key: str) -> Entry:
    return Entry(path.stem, os.fspath(path), key, DocInfo.of(doc, key), None, doc)


class Listed(NamedTuple):
    """A document as its folder's listing stores it: enough for `list` without making an Entry."""

    id: str
    path: str
    key: str
    title: str
    province: str | None
    city: str | None
    county: str | None
    level: str | None
    code: str | None
    kind: str
    year: int | None
    period: str | None
    chars: int
    warnings: int
    place: str  # in full: 辽宁省盘锦市兴隆台区


def _haystack(fields: tuple[Any, ...]) -> str:
    row = Listed._make(fields)
    return f"{row.title}\x1f{row.place}"


class Listing:
    """The documents of a folder, stored as one blob of separately compressed parts: the columns a command
    scans whole (id, path, content key, and the text a place name can match in), and the full rows
    (Listed: id, path, *DocInfo.row(), the place in full) in blocks of about BLOCK rows. A command reads only
    what it asks for: a name looked up among 20,000 documents reads two columns and makes a dozen entries,
    not 20,000. After a change, the blocks whose rows are all unchanged are kept as they were stored."""

    ID, PATH, KEY, HAYSTACK = range(4)
    BLOCK = 256  # rows per stored block, about: one made again holds BLOCK / 2 to 3 * BLOCK / 2, the last fewer

    def __init__(self, parts: list[bytes], starts: list[int], skipped: list[tuple[str, str]], digest: str = "") -> None:
        self._parts = parts
        self._starts = starts  # the first row of each block, then the number of rows
        self._read: dict[int, list[Any]] = {}
        self.size = starts[-1]
        self.skipped = skipped
        self.digest = digest  # of the stored bytes: equal digests, the same listing

    @classmethod
    def of(cls, rows: Sequence[int | tuple[Any, ...]], skipped: list[tuple[str, str]],
           earlier: Listing | None = None) -> Listing:
        """From the fields of each document (as in Listed), or, for a document whose fields are unchanged
        since an `earlier` listing, its row number there: a block of it whose rows all come back together
        is kept without being read."""
        def fields(r: int | tuple[Any, ...]) -> tuple[Any, ...]:
            return earlier.row(r) if isinstance(r, int) and earlier else cast(tuple[Any, ...], r)

        def column(i: int, value: Callable[[tuple[Any, ...]], Any]) -> list[Any]:
            was = earlier.column(i) if earlier else []
            return [was[r] if isinstance(r, int) else value(r) for r in rows]

        parts = [zlib.compress(marshal.dumps(column(i, itemgetter(i))), 1) for i in (cls.ID, cls.PATH, cls.KEY)]
        # A place name matches only in the title or the place in full (see _matches): its haystack is those two.
        parts.append(zlib.compress(marshal.dumps(column(cls.HAYSTACK, _haystack)), 1))
        starts = [0]
        pending: list[tuple[Any, ...]] = []

        def flush() -> None:  # the pending rows in blocks of about BLOCK rows each
            count = max(1, round(len(pending) / cls.BLOCK))
            for n in range(count):
                block = pending[len(pending) * n // count : len(pending) * (n + 1) // count]
                if block:
                    parts.append(zlib.compress(marshal.dumps(block), 1))
                    starts.append(starts[-1] + len(block))
            pending.clear()

        old_starts = earlier._starts if earlier else [0]
        first_of = {first: b for b, first in enumerate(old_starts[:-1])}
        at = 0
        while at < len(rows):
            r = rows[at]
            if isinstance(r, int) and r in first_of and (not pending or len(pending) >= cls.BLOCK // 2):
                b = first_of[r]
                end = old_starts[b + 1]
                if rows[at : at + end - r] == list(range(r, end)):
                    flush()
                    parts.append(earlier._parts[cls.HAYSTACK + 1 + b])  # type: ignore[union-attr]
                    starts.append(starts[-1] + end - r)
                    at += end - r
                    continue
            pending.append(fields(r))
            at += 1
        flush()
        return cls(parts, starts, skipped)

    def to_bytes(self) -> bytes:
        return marshal.dumps((self._starts, self._parts, self.skipped))

    @classmethod
    def from_bytes(cls, data: bytes) -> Listing:
        starts, parts, skipped = marshal.loads(data)
        return cls(parts, starts, skipped, hashlib.blake2b(data, digest_size=16).hexdigest())

    def _part(self, i: int) -> list[Any]:
        if i not in self._read:
            self._read[i] = marshal.loads(zlib.decompress(self._parts[i]))
        return self._read[i]

    def column(self, i: int) -> list[Any]:
        return self._part(i)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        for block in range(self.HAYSTACK + 1, len(self._parts)):
            yield from self._part(block)

    def row(self, i: int) -> tuple[Any, ...]:
        """The i-th document's fields, as in Listed."""
        b = bisect_right(self._starts, i) - 1
        return self._part(self.HAYSTACK + 1 + b)[i - self._starts[b]]


@dataclass
class Corpus:
    root: Path
    index: Index
    listing: Listing = field(default_factory=lambda: Listing.of([], []))
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    report: UpdateReport = field(default_factory=UpdateReport)
    progress: Progress | None = None  # told (done, total) of long work on the corpus after indexing
    _made: dict[int, Entry] = field(default_factory=dict, repr=False)
    _by_key: dict[str, int] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return self.listing.size

    def entry(self, i: int) -> Entry:
        """The i-th document of the listing, made once (it keeps its outline once loaded)."""
        if i not in self._made:
            self._made[i] = self._entry_of(self.listing.row(i))
        return self._made[i]

    def _entry_of(self, r: tuple[Any, ...]) -> Entry:
        return Entry(r[0], r[1], r[2], DocInfo.from_row(r[2:]), self.index)

    def __iter__(self) -> Iterator[Entry]:
        if len(self._made) < len(self):  # every entry at once, block by block
            made = self._made
            with paused():  # 60,000 new objects and no garbage: the collector's passes over them halve the speed
                for i, r in enumerate(self.listing.rows()):
                    if i not in made:
                        made[i] = self._entry_of(r)
        return (self._made[i] for i in range(len(self)))

    @property
    def entries(self) -> list[Entry]:
        return list(self)

    def listed(self) -> Iterator[Listed]:
        """Every document as stored, in listing order: quicker than entries when only printed."""
        return map(Listed._make, self.listing.rows())

    def listed_row(self, i: int) -> Listed:
        """The i-th document as stored (only its block of the listing is read)."""
        return Listed._make(self.listing.row(i))

    def recalled(self, kind: str, stamp: object) -> Any:
        """The value `remember` kept of this kind for this folder, if it was kept with this stamp; else None."""
        stored = self.index.get(f"{kind}:{self.root.resolve()}")
        return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp else None

    def remember(self, kind: str, stamp: object, value: object) -> None:
        """Keep a value for this folder in the index, with what it holds for (`stamp`): one value of each kind
        per folder, the last replacing the one before, so nothing stale piles up."""
        self.index.put(f"{kind}:{self.root.resolve()}", (stamp, value))

    def kept(self, kind: str, version: str, make: Callable[[], T]) -> T:
        """make(), kept in the index until the listing changes (a file added, removed, renamed or edited) or
        `version` does."""
        if not self.listing.digest:  # a listing not read from the index
            return make()
        stamp = (version, self.listing.digest)
        value = self.recalled(kind, stamp)
        if value is None:
            value = make()
            self.remember(kind, stamp, value)
        return cast(T, value)

    def keys(self) -> list[str]:
        """The content key of each document, in listing order."""
        return self.listing.column(Listing.KEY)

    @cached_property
    def digest(self) -> str:
        """Of the content of the documents: what a result drawn from the whole corpus depends on."""
        return hashlib.sha256("\n".join(sorted(self.keys())).encode()).hexdigest()[:16]

    def with_key(self, key: str) -> Entry:
        """The document of a content key (of two files with the same content, the later listed)."""
        if self._by_key is None:
            self._by_key = {k: i for i, k in enumerate(self.keys())}
        return self.entry(self._by_key[key])

    def select(self, words: Sequence[str]) -> list[int]:
        """The places in the listing of the documents that every word matches (see _matcher). Traditional
        characters are read as simplified where the words as typed find nothing (廣東 finds 广东)."""
        typed = [w for w in map(_plain, words) if w]
        chosen = self._select(typed)
        if not chosen and (simple := [_simplify(w) for w in typed]) != typed:
            chosen = self._select(simple)
        return chosen

    def _select(self, words: list[str]) -> list[int]:
        tests = [_matcher(w) for w in words]
        candidates: Sequence[int] = range(len(self))
        haystack = self.listing.column(Listing.HAYSTACK)
        for word in words:  # a Chinese word's short form (its start) is in the title or the place in full
            if any(map(is_cjk, word)):
                stem = _short(word)
                candidates = [i for i in candidates if stem in haystack[i]]
        return [i for i in candidates if all(test(self.listed_row(i)) for test in tests)]

    def naming(self, text: str) -> list[Entry]:
        """The documents whose title or place holds the text: all that a place name can match."""
        return [self.entry(i) for i, h in enumerate(self.listing.column(Listing.HAYSTACK)) if text in h]

    def load_file(self, path: Path) -> Entry:
        doc, key = self.index.document(path)
        return _entry_for(doc, path, key)


def corpus_folder(root: Path | str | None = None) -> Path:
    """The folder asked for (argument, then $PLANCTL_CORPUS), else the bundled samples; checked to exist."""
    chosen = Path(root) if root else Path(os.environ[CORPUS_ENV]) if os.environ.get(CORPUS_ENV) else None
    folder = chosen or default_corpus()
    if not folder.exists():
        raise PlanctlError(f"{folder}: corpus folder not found; check --corpus or ${CORPUS_ENV}")
    if not folder.is_dir():
        raise PlanctlError(f"{folder}: is a file, not a folder; --corpus takes a folder of plans")
    return folder


def _stem(path: str) -> str:
    name = path.rpartition(os.sep)[2]
    return name.rpartition(".")[0] or name


def _listed(index: Index, root_key: str, earlier: bytes | None = None) -> bytes:
    """The documents of a folder (Listed) and the files skipped, as a stored Listing. Given the folder's
    listing before a change, a file that still holds the document it listed keeps its row (and a block of
    unchanged rows is kept as it was stored); only the other documents are read from `docs`."""
    if earlier is not None:
        with suppress(ValueError, TypeError, EOFError, IndexError, zlib.error):  # damaged: made afresh
            return _build_listing(index, root_key, Listing.from_bytes(earlier))
    return _build_listing(index, root_key, None)


def _build_listing(index: Index, root_key: str, before: Listing | None) -> bytes:
    rows = index.files(root_key)
    old_at: dict[str, int] = {}
    if before is not None:
        old_keys = before.column(Listing.KEY)
        at = {path: i for i, path in enumerate(before.column(Listing.PATH))}
        old_at = {r.path: i for r in rows if (i := at.get(r.path)) is not None and old_keys[i] == r.doc}
    infos = index.info_rows(root_key, {r.doc for r in rows if r.doc and r.path not in old_at} if before else None)
    stem_of = {r.path: _stem(r.path) for r in rows}
    stems = Counter(stem_of[r.path] for r in rows if r.doc)
    old_ids = before.column(Listing.ID) if before else []
    entries: list[int | tuple[Any, ...]] = []
    skipped = []
    for row in rows:
        stem = stem_of[row.path]
        ident = stem if stems[stem] == 1 else os.path.relpath(row.path, root_key)
        if (i := old_at.get(row.path)) is not None and before is not None:
            entries.append(i if old_ids[i] == ident else (ident, *before.row(i)[1:]))
        elif row.doc in infos:
            info = infos[row.doc]
            entries.append((ident, row.path, *info, DocInfo.from_row(info).place.full()))
        else:
            skipped.append((row.path, row.error or "not indexed"))
    return Listing.of(entries, skipped, before).to_bytes()


def open_corpus(root: Path | str | None = None, index: Index | None = None, workers: int | None = None,
                progress: Progress | None = None) -> Corpus:
    """All documents under a folder, the index brought up to date first (only changed files are parsed)."""
    folder = corpus_folder(root)
    index = index or Index()
    report = index.update(folder, workers, progress)
    root_key = os.fspath(folder.resolve())
    # Kept in the index until a file changes: read back in milliseconds, column by column as asked.
    listing = index.listing(root_key, lambda earlier: _listed(index, root_key, earlier), Listing.from_bytes)
    corpus = Corpus(folder, index, listing, [(Path(path), why) for path, why in listing.skipped], report)
    if not len(corpus) and not corpus.skipped:
        raise PlanctlError(f"{folder}: no plans in this folder (.txt, .md, .html, .pdf, .docx or .doc)")
    return corpus


# -- finding a plan by name ------------------------------------------------------------------------


@dataclass
class Resolved:
    entry: Entry
    note: str | None = None  # says which other documents the name matched, and how to pick one


def _simplify(name: str) -> str:
    from .normalize import normalize_chars, to_simplified

    return to_simplified(normalize_chars(name)).strip()


def _plain(name: str) -> str:
    """Full-width forms folded (兴隆台：2023); cheap, unlike the traditional-to-simplified conversion."""
    return name.replace("：", ":").strip()


def _rank(entry: Entry) -> tuple[int, int]:
    return (KIND_ORDER.get(entry.info.kind, 3), -(entry.info.year or 0))


@cache
def _short(name: str) -> str:
    """short_name, once per name: a lookup asks it of every document of the corpus."""
    from .gazetteer import short_name

    return short_name(name)


def _named(name: str | None, stem: str) -> bool:
    """The division's name is the stem, in full or short (兴隆台区 or 兴隆台). A short name is the name's start,
    so most documents are passed over without shortening their name (20,000 a lookup)."""
    return name is not None and name.startswith(stem) and stem in (name, _short(name))


def _matches(entry: Entry, stem: str) -> int:
    """How well a place name (short_name of it) matches a document: 3 county; 2 a city's or a province's own
    document (河北省 is the province's reports, not every county's in it); 1 title; 0 none. Asked only of the
    documents Corpus.naming found holding the name."""
    place = entry.info.place
    if _named(place.county, stem):
        return 3
    if not place.county and (_named(place.city, stem) or (not place.city and _named(place.province, stem))):
        return 2
    if len(stem) >= 2 and (stem in entry.info.title or stem in place.full()):
        return 1
    return 0


def _scored(corpus: Corpus, stem: str) -> list[tuple[int, Entry]]:
    return [(score, e) for e in corpus.naming(stem) if (score := _matches(e, stem))]


def resolve(corpus: Corpus, query: str) -> Resolved:
    """One document for a name such as 兴隆台, 興隆臺區, 兴隆台:2023, an id, or a file path."""
    raw = query.strip()
    as_path = Path(raw)
    if as_path.suffix.lower() in SUFFIXES:
        if as_path.is_file():
            return Resolved(corpus.load_file(as_path))
        if os.sep in raw or raw not in {os.path.basename(p) for p in corpus.listing.column(Listing.PATH)}:
            raise PlanctlError(f"{raw}: no such file; check the path, or name the plan by place or id")
    ids = corpus.listing.column(Listing.ID)
    if raw in ids:
        return Resolved(corpus.entry(ids.index(raw)))
    if "." in raw:
        for i, path in enumerate(corpus.listing.column(Listing.PATH)):
            if raw == os.path.basename(path):
                return Resolved(corpus.entry(i))
    prefixed = [i for i, x in enumerate(ids) if x.startswith(raw)] if len(raw) >= 3 and raw[0].isdigit() else []
    if len(prefixed) == 1:
        return Resolved(corpus.entry(prefixed[0]))
    name, *parts = _plain(raw).split(":")
    scored = _scored(corpus, _short(name))
    if not scored:  # 興隆臺 finds 兴隆台: convert only when the name as typed finds nothing
        name, *parts = _simplify(raw).split(":")
        scored = _scored(corpus, _short(name))
    year, kind = _year_and_kind(raw, name, parts)
    if not scored:
        where = "" if corpus.root == default_corpus() else f" in {corpus.root}"  # another corpus than the samples
        raise PlanctlUsageError(f"no document for “{raw}”{where}; {_did_you_mean(corpus, name)}`planctl list` shows "
                                "them all (a file outside the corpus is named by its path)")
    best = max(s for s, _ in scored)
    found = sorted((e for s, e in scored if s == best), key=_rank)
    if kind is not None:
        found = [e for e in found if e.info.kind == kind]
        if not found:
            raise PlanctlUsageError(f"no {kind} for “{name}”; `planctl list {name}` shows its documents")
    if year is not None:
        dated = [e for e in found if e.info.year == year]
        if not dated:
            years = ", ".join(sorted({str(e.info.year) for e in found if e.info.year})) or "none"
            raise PlanctlUsageError(f"no document of {year} for “{name}”; years found: {years}")
        found = dated
    chosen = found[0]
    note = None
    if len(found) > 1:
        others = _others(found[1:])
        other = found[1]
        if other.info.year and other.info.year != chosen.info.year:
            hint = f"{name}:{other.info.year}"
        elif other.info.kind != chosen.info.kind and other.info.kind in WORD_OF_KIND:
            hint = f"{name}:{other.info.year}:{WORD_OF_KIND[other.info.kind]}" if other.info.year else other.id
        else:
            hint = other.id
        note = (
            f"“{raw}” matches {len(found)} documents; using {chosen.describe()}. "
            f"Others: {others}. Pick one with e.g. {hint} or its id."
        )
    return Resolved(chosen, note)


# What may follow a name after ':' besides a year: the kind of document (兴隆台:2023:report, 杭州:规划).
_KIND_WORDS = {"plan": "five-year plan", "规划": "five-year plan", "纲要": "five-year plan",
               "report": "work report", "报告": "work report", "工作报告": "work report",
               "proposal": "plan proposal", "建议": "plan proposal"}
WORD_OF_KIND = {"five-year plan": "plan", "work report": "report", "plan proposal": "proposal"}


def _year_and_kind(raw: str, name: str, parts: list[str]) -> tuple[int | None, str | None]:
    """The year and kind asked for after a name: 兴隆台:2023, 兴隆台:report, 杭州:2026:规划."""
    year = kind = None
    for part in (p.strip() for p in parts):
        if re.fullmatch(r"\d{4}", part) and year is None:
            year = int(part)
        elif part.lower() in _KIND_WORDS and kind is None:
            kind = _KIND_WORDS[part.lower()]
        else:
            raise PlanctlUsageError(f"“{raw}”: after ':' give a year or a kind (plan, report, proposal), "
                                    f"e.g. {name}:2023 or {name}:2023:report")
    return year, kind


def _matcher(word: str) -> Callable[[Listed], bool]:
    """What a word of `list` asks of a document: a year (2023), its year; any other word, a province, city or
    county it belongs to, in full or short (辽宁省 or 辽宁, 皇姑), or else a word of its title or kind (规划,
    report)."""
    if re.fullmatch(r"\d{4}", word):
        year = int(word)
        return lambda r: r.year == year
    stem = _short(word)
    kind = word.lower()

    def matches(r: Listed) -> bool:
        return _named(r.province, stem) or _named(r.city, stem) or _named(r.county, stem) or (
            word in r.title or kind in r.kind)

    return matches


def _others(entries: list[Entry], listed: int = 4) -> str:
    """The other documents a name matched: each named if few, else counted by kind with their years."""
    if len(entries) <= listed:
        return "; ".join(e.describe() for e in entries)
    by_kind: dict[str, list[int]] = {}
    for e in entries:
        by_kind.setdefault(e.info.kind, []).append(e.info.year or 0)
    parts = []
    for kind, years in by_kind.items():
        dated = sorted(y for y in years if y)
        span = f" of {dated[0]}–{dated[-1]}" if len(dated) > 1 else f" of {dated[0]}" if dated else ""
        parts.append(f"{len(years)} {kind}{'s' if len(years) > 1 else ''}{span}")
    return ", ".join(parts)


def _did_you_mean(corpus: Corpus, name: str) -> str:
    from rapidfuzz import fuzz, process

    names = sorted({_short(e.info.place.name) for e in corpus if e.info.place.name})
    found = process.extract(name, names, scorer=fuzz.ratio, limit=3, score_cutoff=40)
    return f"did you mean {', '.join(m for m, _, _ in found)}? " if found else ""

