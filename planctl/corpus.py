"""A folder of plans: finding the documents, caching their outlines, and finding a plan by place name."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import cast

from .documents import SUFFIXES, load_document
from .errors import PlanctlError, PlanctlUsageError
from .index import DocInfo, Index, Progress, UpdateReport
from .metadata import short_name
from .outline import Document

CORPUS_ENV = "PLANCTL_CORPUS"
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


@dataclass
class Corpus:
    root: Path
    index: Index
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    report: UpdateReport = field(default_factory=UpdateReport)
    progress: Progress | None = None  # told (done, total) of long work on the corpus after indexing

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

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


Listed = tuple[list[tuple], list[tuple[str, str]]]  # (id, path, *DocInfo.row()) of each document; skipped


def _listed(index: Index, root_key: str) -> Listed:
    """The documents of a folder as plain tuples (quick to store and to read back), and the files skipped."""
    rows = index.files(root_key)
    infos = index.info_rows(root_key)
    stem_of = {r.path: _stem(r.path) for r in rows}
    stems = Counter(stem_of[r.path] for r in rows if r.doc)
    entries, skipped = [], []
    for row in rows:
        info = infos.get(row.doc) if row.doc else None
        if info is None:
            skipped.append((row.path, row.error or "not indexed"))
            continue
        stem = stem_of[row.path]
        ident = stem if stems[stem] == 1 else os.path.relpath(row.path, root_key)
        entries.append((ident, row.path, *info))
    return entries, skipped


def open_corpus(root: Path | str | None = None, index: Index | None = None, workers: int | None = None,
                progress: Progress | None = None) -> Corpus:
    """All documents under a folder, the index brought up to date first (only changed files are parsed)."""
    folder = corpus_folder(root)
    index = index or Index()
    report = index.update(folder, workers, progress)
    corpus = Corpus(folder, index, report=report)
    root_key = os.fspath(folder.resolve())
    # Kept in the index until a file changes: 20,000 entries are read back in a few hundredths of a second.
    rows, skipped = cast(Listed, index.listing(root_key, lambda: _listed(index, root_key)))
    corpus.entries = [Entry(r[0], r[1], r[2], DocInfo.from_row(r[2:]), index) for r in rows]
    corpus.skipped = [(Path(path), why) for path, why in skipped]
    if not corpus.entries and not corpus.skipped:
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
    return short_name(name)


def _named(name: str | None, stem: str) -> bool:
    """The division's name is the stem, in full or short (兴隆台区 or 兴隆台). A short name is the name's start,
    so most documents are passed over without shortening their name (20,000 a lookup)."""
    return name is not None and name.startswith(stem) and stem in (name, _short(name))


def _matches(entry: Entry, stem: str) -> int:
    """How well a place name (short_name of it) matches a document: 3 county; 2 a city's or a province's own
    document (河北省 is the province's reports, not every county's in it); 1 title; 0 none."""
    place = entry.info.place
    if _named(place.county, stem):
        return 3
    if not place.county and (_named(place.city, stem) or (not place.city and _named(place.province, stem))):
        return 2
    if len(stem) >= 2 and (stem in entry.info.title or (stem[:2] in f"{place.province}{place.city}{place.county}"
                                                        and stem in place.full())):
        return 1  # (full() only where the name can be in it)
    return 0


def resolve(corpus: Corpus, query: str) -> Resolved:
    """One document for a name such as 兴隆台, 興隆臺區, 兴隆台:2023, an id, or a file path."""
    raw = query.strip()
    as_path = Path(raw)
    if as_path.suffix.lower() in SUFFIXES:
        if as_path.is_file():
            return Resolved(corpus.load_file(as_path))
        if os.sep in raw or not any(raw == os.path.basename(e.file) for e in corpus):
            raise PlanctlError(f"{raw}: no such file; check the path, or name the plan by place or id")
    for entry in corpus:
        if raw == entry.id or (raw == os.path.basename(entry.file) if "." in raw else False):
            return Resolved(entry)
    prefixed = [e for e in corpus if e.id.startswith(raw)] if len(raw) >= 3 and raw[0].isdigit() else []
    if len(prefixed) == 1:
        return Resolved(prefixed[0])
    name, _, year_text = _plain(raw).partition(":")
    scored = [(score, e) for e in corpus if (score := _matches(e, _short(name)))]
    if not scored:  # 興隆臺 finds 兴隆台: convert only when the name as typed finds nothing
        name, _, year_text = _simplify(raw).partition(":")
        scored = [(score, e) for e in corpus if (score := _matches(e, _short(name)))]
    year = int(year_text) if re.fullmatch(r"\d{4}", year_text.strip()) else None
    if year_text and year is None:
        raise PlanctlUsageError(f"“{raw}”: the part after ':' must be a year, e.g. {name}:2023")
    if not scored:
        raise PlanctlUsageError(f"no document for “{raw}”; {_did_you_mean(corpus, name)}`planctl list` shows them all")
    best = max(s for s, _ in scored)
    found = sorted((e for s, e in scored if s == best), key=_rank)
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
        hint = f"{name}:{other.info.year}" if other.info.year and other.info.year != chosen.info.year else other.id
        note = (
            f"“{raw}” matches {len(found)} documents; using {chosen.describe()}. "
            f"Others: {others}. Pick one with e.g. {hint} or its id."
        )
    return Resolved(chosen, note)


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

    names = sorted({short_name(e.info.place.name) for e in corpus if e.info.place.name})
    found = process.extract(name, names, scorer=fuzz.ratio, limit=3, score_cutoff=40)
    return f"did you mean {', '.join(m for m, _, _ in found)}? " if found else ""

