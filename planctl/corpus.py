"""A folder of plans: finding the documents, caching their outlines, and finding a plan by place name."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .documents import SUFFIXES, load_document
from .errors import PlanctlError, PlanctlUsageError
from .metadata import short_name
from .outline import Document
from .parser import PARSER_VERSION

CORPUS_ENV = "PLANCTL_CORPUS"
CACHE_ENV = "PLANCTL_CACHE_DIR"
KIND_ORDER = {"five-year plan": 0, "work report": 1, "other": 2}


def default_corpus() -> Path:
    return Path(str(resources.files("planctl.samples")))


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("planctl"))


class OutlineCache:
    """Parsed outlines (and other derived data) in SQLite, keyed by content hash and parser version."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or cache_dir()) / "outlines.sqlite"
        self._db: sqlite3.Connection | None = None
        self._failed = False

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None and not self._failed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=5)
                self._db.execute("CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB)")
            except (OSError, sqlite3.Error):
                self._failed = True  # caching is an optimisation: never fail a command over it
                self._db = None
        return self._db

    def get(self, key: str) -> object | None:
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM blobs WHERE key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None
        except Exception:  # a corrupt or foreign cache entry is a miss
            return None

    def put(self, key: str, value: object) -> None:
        db = self._conn()
        if db is None:
            return
        with suppress(sqlite3.Error):
            db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (key, pickle.dumps(value, protocol=5)))
            db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of planctl's own code, so that a changed parser never serves outlines cached by the old one."""
    digest = hashlib.sha256(f"{PARSER_VERSION}:{__version__}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        with suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes, kind: str) -> str:
    return f"{kind}:{code_fingerprint()}:{hashlib.sha256(data).hexdigest()}"


@dataclass
class Entry:
    id: str
    path: Path
    doc: Document
    key: str  # content key, for caching what is derived from this document

    def describe(self) -> str:
        year = f" {self.doc.year}" if self.doc.year else ""
        return f"{self.id} ({self.doc.place.name or '?'} {self.doc.kind}{year})"


def _load(path: Path, cache: OutlineCache) -> tuple[Document, str]:
    from .documents import read_bytes

    data = read_bytes(path)
    key = content_key(data, "outline")
    cached = cache.get(key)
    if isinstance(cached, Document):
        cached.source = os.fspath(path)
        return cached, key
    doc = load_document(path)
    cache.put(key, doc)
    return doc, key


@dataclass
class Corpus:
    root: Path
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    cache: OutlineCache = field(default_factory=OutlineCache)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def load_file(self, path: Path) -> Entry:
        doc, key = _load(path, self.cache)
        return Entry(path.stem, path, doc, key)


def files_in(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
        and p.name.lower() != "readme.md"
    )


def open_corpus(root: Path | str | None = None, cache: OutlineCache | None = None) -> Corpus:
    """All documents under a folder (default: $PLANCTL_CORPUS, else the bundled samples)."""
    chosen = Path(root) if root else Path(os.environ[CORPUS_ENV]) if os.environ.get(CORPUS_ENV) else None
    folder = chosen or default_corpus()
    if not folder.exists():
        raise PlanctlError(f"{folder}: corpus folder not found; check --corpus or ${CORPUS_ENV}")
    if not folder.is_dir():
        raise PlanctlError(f"{folder}: is a file, not a folder; --corpus takes a folder of plans")
    corpus = Corpus(folder, cache=cache or OutlineCache())
    paths = files_in(folder)
    if not paths:
        raise PlanctlError(f"{folder}: no .txt, .md or .html plans in this folder")
    stems = [p.stem for p in paths]
    for path in paths:
        try:
            doc, key = _load(path, corpus.cache)
        except PlanctlError as exc:
            corpus.skipped.append((path, str(exc)))
            continue
        ident = path.stem if stems.count(path.stem) == 1 else os.fspath(path.relative_to(folder))
        corpus.entries.append(Entry(ident, path, doc, key))
    return corpus


# -- finding a plan by name ------------------------------------------------------------------------


@dataclass
class Resolved:
    entry: Entry
    note: str | None = None  # says which other documents the name matched, and how to pick one


def _simplify(name: str) -> str:
    from .normalize import normalize_chars, to_simplified

    return to_simplified(normalize_chars(name)).strip()


def _rank(entry: Entry) -> tuple[int, int]:
    return (KIND_ORDER.get(entry.doc.kind, 3), -(entry.doc.year or 0))


def _matches(entry: Entry, name: str) -> int:
    """How well a place name matches a document: 3 county, 2 city-level plan, 1 title; 0 none."""
    place = entry.doc.place
    stem = short_name(name)
    if place.county and stem in (short_name(place.county), place.county):
        return 3
    if place.city and not place.county and stem in (short_name(place.city), place.city):
        return 2
    if len(stem) >= 2 and (stem in entry.doc.title or stem in place.full()):
        return 1
    return 0


def resolve(corpus: Corpus, query: str) -> Resolved:
    """One document for a name such as 兴隆台, 興隆臺區, 兴隆台:2023, an id, or a file path."""
    raw = query.strip()
    as_path = Path(raw)
    if as_path.suffix.lower() in SUFFIXES and as_path.is_file():
        return Resolved(corpus.load_file(as_path))
    for entry in corpus:
        if raw in (entry.id, entry.path.name):
            return Resolved(entry)
    prefixed = [e for e in corpus if e.id.startswith(raw)] if len(raw) >= 3 and raw[0].isdigit() else []
    if len(prefixed) == 1:
        return Resolved(prefixed[0])
    name, _, year_text = _simplify(raw).partition(":")
    year = int(year_text) if re.fullmatch(r"\d{4}", year_text.strip()) else None
    if year_text and year is None:
        raise PlanctlUsageError(f"“{raw}”: the part after ':' must be a year, e.g. {name}:2023")
    scored = [(score, e) for e in corpus if (score := _matches(e, name))]
    if not scored:
        raise PlanctlUsageError(f"no document for “{raw}”; {_did_you_mean(corpus, name)}`planctl list` shows them all")
    best = max(s for s, _ in scored)
    found = sorted((e for s, e in scored if s == best), key=_rank)
    if year is not None:
        dated = [e for e in found if e.doc.year == year]
        if not dated:
            years = ", ".join(sorted({str(e.doc.year) for e in found if e.doc.year})) or "none"
            raise PlanctlUsageError(f"no document of {year} for “{name}”; years found: {years}")
        found = dated
    chosen = found[0]
    note = None
    if len(found) > 1:
        others = "; ".join(e.describe() for e in found[1:])
        other = found[1]
        hint = f"{name}:{other.doc.year}" if other.doc.year and other.doc.year != chosen.doc.year else other.id
        note = (
            f"“{raw}” matches {len(found)} documents; using {chosen.describe()}. "
            f"Others: {others}. Pick one with e.g. {hint} or its id."
        )
    return Resolved(chosen, note)


def _did_you_mean(corpus: Corpus, name: str) -> str:
    from rapidfuzz import fuzz, process

    names = sorted({short_name(e.doc.place.name) for e in corpus if e.doc.place.name})
    found = process.extract(name, names, scorer=fuzz.ratio, limit=3, score_cutoff=40)
    return f"did you mean {', '.join(m for m, _, _ in found)}? " if found else ""

