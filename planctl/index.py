"""The local index: every document of a corpus parsed once into SQLite, with a full-text index.

One database file (in the user's cache folder; $PLANCTL_INDEX or $PLANCTL_CACHE_DIR move it) holds

- `files`: each file of each corpus folder with its size, mtime and the content key of its text, so
  that an unchanged corpus is checked with one stat per file and nothing is re-read;
- `docs`: per content key (SHA-256 of the bytes + a digest of planctl's code), the metadata that
  `list` and name lookup need, and (in `outlines`) the pickled outline, loaded only for the plans a
  command uses;
- `text_fts`: an FTS5 index of the character bigrams (营商环境 → 营商 商环 环境) of each chunk of text
  (a section's heading and some of its text: fulltext.py), so a search of two or more characters
  uses the index. It records which chunks hold a term, not where (detail=none): a third of the size
  of a positional index, which was as large as the corpus; nor each row's size (columnsize=0: only
  ranking reads it, and search does not rank). A chunk holding every bigram of a word
  may still not hold the word, so callers check the chunk's text (`chunks()` of the outline gives it:
  no text is stored twice). A document's chunks have consecutive row ids from `docs.first_row`;
- `blobs`: other derived data (theme classifications, segmented words) keyed by content key;
- `listings`: per corpus folder, what its last scan found and the documents it lists, so a command on
  an unchanged folder of 20,000 files reads one row instead of building 20,000 from the tables; after
  a change, the listing before it (`earlier`), whose rows the files that did not change keep;
- `folders`: per corpus folder, the time, subfolders and plans of each folder under it, so a folder
  whose time has not changed is not listed again (its plans are still stat'ed one by one).

Parsing runs in worker processes; this process only hashes, stores and indexes.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sqlite3
import time
import zlib
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .documents import is_plan_name, load_document, read_bytes
from .errors import PlanctlError
from .fulltext import Chunk, chunks, rows
from .outline import Document, Place
from .parallel import PARALLEL_FROM, spread

CACHE_ENV = "PLANCTL_CACHE_DIR"
INDEX_ENV = "PLANCTL_INDEX"
SCHEMA = 5
BATCH_SECONDS = 10.0  # commit at least this often, so an interrupted run keeps what it indexed
FTS_MEMORY = 64 << 20  # bytes of new full-text terms FTS5 holds before writing them out (see update)
LOCATE_ONE_BY_ONE = 200  # full-text rows located by a query each before all documents' rows are read (see _locate)
SETTLED_NS = 5_000_000_000  # a folder time this old is trusted: twice FAT's 2 s clock, and a margin

T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total) of the documents being parsed


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("planctl"))


def index_path() -> Path:
    env = os.environ.get(INDEX_ENV)
    return Path(env) if env else cache_dir() / "index.sqlite"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of planctl's own code, so that a changed parser never serves outlines made by the old one."""
    digest = hashlib.sha256(f"{SCHEMA}:{__version__}".encode())  # parser.py's PARSER_VERSION is in its source
    for source in sorted(Path(__file__).parent.glob("*.py")):
        with suppress(OSError):
            digest.update(source.read_bytes())
    # The gazetteer is data the parser reads: a new table must describe every document again too.
    with suppress(OSError):
        digest.update(resources.files("planctl.config").joinpath("divisions.tsv").read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes) -> str:
    return f"{code_fingerprint()}:{hashlib.sha256(data).hexdigest()}"


# -- what is stored per document -------------------------------------------------------------------


@dataclass(slots=True)
class DocInfo:
    """What listing and name lookup need, without loading the outline."""

    key: str
    title: str
    place: Place
    kind: str
    year: int | None
    period: str | None
    chars: int
    warnings: int

    @classmethod
    def of(cls, doc: Document, key: str) -> DocInfo:
        return cls(key, doc.title, doc.place, doc.kind, doc.year, doc.period, doc.size(), len(doc.warnings))

    def row(self) -> tuple[object, ...]:
        """As stored: the columns of `docs` from key to warnings, in order (see from_row)."""
        p = self.place
        return (self.key, self.title, p.province, p.city, p.county, p.level, p.code, self.kind, self.year,
                self.period, self.chars, self.warnings)

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> DocInfo:
        return cls(r[0], r[1], Place(*r[2:7]), *r[7:12])


@dataclass
class Parsed:
    """A worker's result for one file: the document's row, or the one-line reason it was refused."""

    path: str
    key: str
    error: str | None = None
    info: DocInfo | None = None
    outline: bytes = b""
    terms: list[str] = field(default_factory=list)  # of each chunk, in order


def parse_job(job: tuple[str, str], vectorise: bool = False) -> Parsed:
    """Parse one file (in a worker process): its outline, metadata and full-text rows (see fulltext.rows)."""
    path, key = job
    try:
        doc = load_document(Path(path))
    except PlanctlError as exc:
        return Parsed(path, key, error=str(exc).removeprefix(f"{path}: "))
    except Exception as exc:  # a parser bug must not stop a run over thousands of files
        return Parsed(path, key, error=f"internal error ({type(exc).__name__}: {exc}); please report it")
    info = DocInfo.of(doc, key)
    # Compressed here, in the worker: half the bytes for the single writer to store (zlib level 1 is cheap).
    outline = zlib.compress(pickle.dumps(doc, protocol=5), 1)
    return Parsed(path, key, None, info, outline, rows(chunks(doc), vectorise))


def outline_of(stored: bytes) -> Document | None:
    """An outline as the index stores it (compressed by parse_job), or None if it is damaged."""
    try:
        doc = pickle.loads(zlib.decompress(stored))
    except Exception:
        return None
    return doc if isinstance(doc, Document) else None


# -- scanning a folder -----------------------------------------------------------------------------


# folder -> (its modification time, its subfolders, the names of its plans), as a scan listed it
Folders = dict[str, tuple[int, list[str], list[str]]]


def scan(root: Path, known: Folders | None = None) -> tuple[list[tuple[str, int, int]], Folders]:
    """(path, size, mtime_ns) of every plan under a folder, subfolders included, in the order the file system
    lists them (the same for an unchanged folder: an unchanged scan is how a listing is known still true),
    and what to pass as `known` next time.

    Every plan is stat'ed, so a file changed in place is seen. A folder is listed again only if its
    modification time is not the one `known` holds: adding, removing or renaming an entry sets it (POSIX
    asks it of every file system). Only times older than SETTLED_NS are remembered, since on a coarse clock
    (FAT's two seconds, a kernel tick) a change just after the listing leaves the folder's time as it was."""
    known = known or {}
    settled = time.time_ns() - SETTLED_NS
    found: list[tuple[str, int, int]] = []
    folders: Folders = {}
    stack = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            mtime = os.stat(folder).st_mtime_ns  # before the listing: a change during it makes the time differ
            was = known.get(folder)
            subfolders, names = (was[1], was[2]) if was and was[0] == mtime else _listed(folder)
        except OSError:
            continue
        if mtime < settled:
            folders[folder] = (mtime, subfolders, names)
        stack.extend(subfolders)
        prefix = folder if folder.endswith(os.sep) else folder + os.sep  # as os.scandir joins them
        for name in names:
            path = prefix + name
            try:
                st = os.stat(path)
            except OSError:
                continue
            found.append((path, st.st_size, st.st_mtime_ns))
    return found, folders


def _listed(folder: str) -> tuple[list[str], list[str]]:
    """The subfolders (as paths) and plan file names of one folder; hidden entries skipped."""
    subfolders: list[str] = []
    names: list[str] = []
    with os.scandir(folder) as listed:
        for entry in listed:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                elif is_plan_name(name):
                    names.append(name)
            except OSError:
                continue
    return subfolders, names


@dataclass
class FileRow:
    path: str
    doc: str | None
    error: str | None


@dataclass
class UpdateReport:
    files: int = 0
    parsed: int = 0  # documents parsed this time
    reused: int = 0  # changed files whose content was already indexed (moved, copied, touched)
    removed: int = 0
    failed: list[str] = field(default_factory=list)  # files found unreadable by this run
    bytes_parsed: int = 0
    seconds: float = 0.0


# -- the database ----------------------------------------------------------------------------------

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (root TEXT, path TEXT, size INT, mtime_ns INT, doc TEXT, error TEXT,
                                  PRIMARY KEY (root, path));
CREATE INDEX IF NOT EXISTS files_doc ON files(doc);
CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, key TEXT UNIQUE, title TEXT, province TEXT, city TEXT,
                                 county TEXT, level TEXT, code TEXT, kind TEXT, year INT, period TEXT, chars INT,
                                 warnings INT, first_row INT, rows INT);
CREATE INDEX IF NOT EXISTS docs_rows ON docs(first_row, rows, key);
CREATE TABLE IF NOT EXISTS outlines (id INTEGER PRIMARY KEY, outline BLOB);
CREATE VIRTUAL TABLE IF NOT EXISTS text_fts USING fts5(terms, content='', tokenize='ascii', detail=none,
                                                        columnsize=0);
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS listings (root TEXT PRIMARY KEY, scanned BLOB, entries BLOB, earlier BLOB);
CREATE TABLE IF NOT EXISTS folders (root TEXT PRIMARY KEY, state BLOB);
"""
_DROP = ["meta", "files", "docs", "outlines", "sections", "sections_fts", "text_fts", "blobs", "listings", "folders"]


class Index:
    """The SQLite index. If the cache folder cannot be written, an in-memory one keeps commands working."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        self.notice: str | None = None  # what the user should know about the index itself
        self.db = self._connect()
        self._next_row: int | None = None  # the next free full-text row id, in a write transaction
        # (first row, end row, content key) of each document, in row order; read once many rows are looked up
        self._owners: list[tuple[int, int, str]] | None = None
        self._firsts: list[int] = []
        self._located = 0  # rows looked up one by one

    def _open_file(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            self._prepare(db)
        except BaseException:
            db.close()
            raise
        return db

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open_file()
        except sqlite3.DatabaseError as exc:
            if "not a database" not in str(exc) and "malformed" not in str(exc):
                return self._in_memory(exc)
        except OSError as exc:
            return self._in_memory(exc)
        # A damaged index is only a cache: keep it aside for inspection and build a new one.
        aside = self.path.with_name(f"{self.path.name}.damaged")
        try:
            os.replace(self.path, aside)
            for extra in ("-wal", "-shm"):
                with suppress(OSError):
                    os.remove(f"{self.path}{extra}")
            db = self._open_file()
        except (OSError, sqlite3.Error) as exc:
            return self._in_memory(exc)
        self.notice = f"{self.path}: the index was damaged; moved it to {aside.name} and started a new one"
        return db

    def _in_memory(self, exc: BaseException) -> sqlite3.Connection:
        """Caching is an optimisation, never fatal: without a usable file, work in memory and say so."""
        self.notice = f"{self.path}: cannot use the index ({exc}); working without it, so every run parses again"
        db = sqlite3.connect(":memory:", isolation_level=None)
        self._prepare(db)
        return db

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> None:
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")  # 64 MB: full-text inserts merge less often
        db.executescript(_TABLES)
        row = db.execute("SELECT value FROM meta WHERE name = 'code'").fetchone()
        if row is None or row[0] != code_fingerprint():
            # planctl changed: every outline must be made again; start from an empty index.
            drops = "".join(f"DROP TABLE IF EXISTS {table};" for table in _DROP)
            db.executescript(f"BEGIN IMMEDIATE;{drops}{_TABLES}"
                             f"INSERT INTO meta VALUES ('code', '{code_fingerprint()}');COMMIT;")

    def close(self) -> None:
        self.db.close()

    # -- derived data -----------------------------------------------------------------------------

    def get(self, key: str) -> object | None:
        row = self.db.execute("SELECT value FROM blobs WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # a corrupt entry is a miss
            return None

    def put(self, key: str, value: object) -> None:
        self.put_pickled(key, pickle.dumps(value, protocol=5))

    def put_pickled(self, key: str, value: bytes) -> None:
        """put of a value pickled already (by a worker process: it is not unpickled and pickled again here)."""
        with suppress(sqlite3.Error):
            self.db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (key, value))

    # -- documents ----------------------------------------------------------------------------------

    def files(self, root: str) -> list[FileRow]:
        rows = self.db.execute("SELECT path, doc, error FROM files WHERE root = ? ORDER BY path", (root,))
        return [FileRow(*r) for r in rows]

    def info_rows(self, root: str, keys: Collection[str] | None = None) -> dict[str, tuple[Any, ...]]:
        """The stored metadata of a folder's documents (or of these) by content key, as DocInfo.row() gives it."""
        columns = "key, title, province, city, county, level, code, kind, year, period, chars, warnings"
        if keys is None:
            rows = self.db.execute(f"SELECT {columns} FROM docs WHERE key IN (SELECT doc FROM files WHERE root = ?)",
                                   (root,))
            return {r[0]: r for r in rows}
        wanted = list(keys)
        found: dict[str, tuple[Any, ...]] = {}
        for start in range(0, len(wanted), 500):  # SQLite takes at most 999 parameters before 3.32
            batch = wanted[start:start + 500]
            sql = f"SELECT {columns} FROM docs WHERE key IN ({', '.join('?' * len(batch))})"
            found.update((r[0], r) for r in self.db.execute(sql, batch))
        return found

    def outline(self, key: str) -> Document | None:
        stored = self.stored_outline(key)
        return None if stored is None else outline_of(stored)

    def stored_outline(self, key: str) -> bytes | None:
        """A document's outline as stored (outline_of reads it): for a worker process to read."""
        row = self.db.execute("SELECT outline FROM outlines JOIN docs USING (id) WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def document(self, path: Path) -> tuple[Document, str]:
        """One file's outline, from the index if its content was seen before, else parsed and stored."""
        data = read_bytes(path)
        key = content_key(data)
        doc = self.outline(key)
        if doc is None:
            parsed = parse_job((os.fspath(path), key))
            if parsed.error:
                raise PlanctlError(f"{path}: {parsed.error}")
            with suppress(PlanctlError, sqlite3.Error):  # storing it is only a cache
                self._begin()
                try:
                    self._store(parsed)
                    self.db.execute("COMMIT")
                except sqlite3.Error:
                    self.db.execute("ROLLBACK")
            doc = pickle.loads(zlib.decompress(parsed.outline))
        doc.source = os.fspath(path)
        return doc, key

    # -- updating -------------------------------------------------------------------------------------

    def _begin(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")  # one writer at a time; readers go on in WAL mode
            self._next_row = None
        except sqlite3.OperationalError as exc:
            raise PlanctlError(
                f"{self.path}: the index is busy ({exc}); another planctl may be indexing, try again when it ends"
            ) from None

    def _store(self, p: Parsed) -> None:
        if p.info is None or self.db.execute("SELECT 1 FROM docs WHERE key = ?", (p.key,)).fetchone():
            return
        # A document's chunks take the next row ids in a run, so a row's document is found by its number.
        if self._next_row is None:  # read once per write transaction (a MAX over 20,000 rows per document is not)
            self._next_row = self.db.execute("SELECT COALESCE(MAX(first_row + rows), 1) FROM docs").fetchone()[0]
        first = self._next_row
        self._next_row += len(p.terms)
        # Metadata apart from the outlines: listing thousands of documents reads a small table.
        cursor = self.db.execute(
            "INSERT INTO docs VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*p.info.row(), first, len(p.terms)),
        )
        self.db.execute("INSERT INTO outlines VALUES (?, ?)", (cursor.lastrowid, p.outline))
        self.db.executemany("INSERT INTO text_fts(rowid, terms) VALUES (?, ?)", enumerate(p.terms, first))
        self._owners = None

    def _collect_garbage(self) -> None:
        """Drop documents no file refers to any more, with their outlines and full-text rows."""
        gone = self.db.execute(
            "SELECT id, key, first_row FROM docs WHERE key NOT IN (SELECT doc FROM files WHERE doc IS NOT NULL)"
        ).fetchall()
        for ident, key, first in gone:
            doc = self.outline(key)
            if doc is not None:  # a contentless index forgets a row given the terms it was stored with
                self.db.executemany("INSERT INTO text_fts(text_fts, rowid, terms) VALUES ('delete', ?, ?)",
                                    enumerate(rows(chunks(doc), len(gone) >= PARALLEL_FROM), first))
            self.db.execute("DELETE FROM docs WHERE id = ?", (ident,))
            self.db.execute("DELETE FROM outlines WHERE id = ?", (ident,))
        if gone:
            self._owners = None

    def update(self, root: Path, workers: int | None = None, progress: Progress | None = None) -> UpdateReport:
        """Bring the index of one folder up to date; parse only files whose content is new."""
        started = time.perf_counter()
        root_key = os.fspath(root.resolve())
        report = UpdateReport()
        on_disk = self._scan(root, root_key)
        report.files = len(on_disk)
        scanned = marshal.dumps(on_disk, 2)  # version 2 writes no back-references: equal scans, equal bytes
        if self.db.execute("SELECT 1 FROM listings WHERE root = ? AND scanned = ?", (root_key, scanned)).fetchone():
            report.seconds = time.perf_counter() - started  # every file as the last scan found it
            return report
        known = {
            r[0]: (r[1], r[2])
            for r in self.db.execute("SELECT path, size, mtime_ns FROM files WHERE root = ?", (root_key,))
        }
        changed = [(path, size, mtime) for path, size, mtime in on_disk if known.get(path) != (size, mtime)]
        removed = set(known) - {path for path, _, _ in on_disk}
        if not changed and not removed:
            self._list(root_key, scanned)
            report.seconds = time.perf_counter() - started
            return report
        # Hash what changed; content seen before (a copy, a move, a touch) needs no parsing.
        jobs: list[tuple[str, str]] = []
        rows: dict[str, tuple[int, int, str | None, str | None]] = {}
        for path, size, mtime in changed:
            try:
                key = content_key(read_bytes(Path(path)))
            except PlanctlError as exc:
                rows[path] = (size, mtime, None, str(exc).removeprefix(f"{path}: "))
                continue
            rows[path] = (size, mtime, key, None)
            if self.db.execute("SELECT 1 FROM docs WHERE key = ?", (key,)).fetchone():
                report.reused += 1
            else:
                jobs.append((path, key))
        written: set[str] = set()

        def write_files(paths: list[str]) -> None:
            todo = [p for p in paths if p not in written]
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                                [(root_key, p, *rows[p]) for p in todo])
            written.update(todo)

        self._begin()
        try:
            if len(jobs) >= PARALLEL_FROM:
                # FTS5 keeps new terms in memory up to this many bytes before it writes them out as a segment
                # (1 MB by default): fewer, larger segments to merge later. Only a speed-up; older SQLite lacks it.
                with suppress(sqlite3.Error):
                    self.db.execute("INSERT INTO text_fts(text_fts, rank) VALUES ('hashsize', ?)", (FTS_MEMORY,))
            self.db.executemany("DELETE FROM files WHERE root = ? AND path = ?", [(root_key, p) for p in removed])
            report.removed = len(removed)
            last_commit = time.perf_counter()
            # Many documents: their full-text rows are made with numpy, whose import is then paid once.
            parse = partial(parse_job, vectorise=len(jobs) >= PARALLEL_FROM)
            for done, parsed in enumerate(spread(parse, jobs, workers), 1):
                size, mtime, _, _ = rows[parsed.path]
                if parsed.error:
                    rows[parsed.path] = (size, mtime, None, parsed.error)
                else:
                    self._store(parsed)
                    report.parsed += 1
                    report.bytes_parsed += size
                if progress:
                    progress(done, len(jobs))
                if time.perf_counter() - last_commit > BATCH_SECONDS:
                    write_files([p for p, _ in jobs[:done]])  # only what is stored: a rerun redoes the rest
                    self.db.execute("COMMIT")
                    self._begin()
                    last_commit = time.perf_counter()
            write_files(list(rows))
            self._collect_garbage()
            # The listing no longer holds: kept as the base of the next one, made by the next `listing`.
            self.db.execute("UPDATE listings SET earlier = COALESCE(entries, earlier), entries = NULL WHERE root = ?",
                            (root_key,))
            self.db.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        report.failed = [path for path, r in rows.items() if r[3]]
        self._list(root_key, scanned)
        report.seconds = time.perf_counter() - started
        return report

    # -- listings -----------------------------------------------------------------------------------

    def _scan(self, root: Path, root_key: str) -> list[tuple[str, int, int]]:
        """`scan` of a folder, given what the last scan of it found of its subfolders, and kept for the next."""
        row = self.db.execute("SELECT state FROM folders WHERE root = ?", (root_key,)).fetchone()
        known = None
        if row:
            with suppress(Exception):  # a damaged state: every folder is listed
                known = marshal.loads(row[0])
        if not isinstance(known, dict):
            known = None
        on_disk, folders = scan(root, known)
        if folders != known:
            with suppress(sqlite3.Error):  # only a cache
                self.db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?)", (root_key, marshal.dumps(folders)))
        return on_disk

    def _list(self, root: str, scanned: bytes) -> None:
        """Remember the scan that found the folder as indexed (its files as `files` holds them)."""
        with suppress(sqlite3.Error):  # only a cache: without it the next command compares file by file
            self.db.execute("INSERT INTO listings (root, scanned) VALUES (?, ?) "
                            "ON CONFLICT (root) DO UPDATE SET scanned = excluded.scanned", (root, scanned))

    def listing(self, root: str, make: Callable[[bytes | None], bytes], read: Callable[[bytes], T]) -> T:
        """What a command lists of a folder, kept until a file of the folder changes: as bytes that `read`
        turns back into it, made by `make` from `files` and `docs` and the folder's listing before the
        change (None if there is none)."""
        row = self.db.execute("SELECT scanned, entries, earlier FROM listings WHERE root = ?", (root,)).fetchone()
        if row and row[1] is not None:
            with suppress(Exception):  # a damaged listing is made again
                return read(row[1])
        made = make(row[2] if row else None)
        if row:
            with suppress(sqlite3.Error):
                self.db.execute("UPDATE listings SET entries = ?, earlier = NULL WHERE root = ? AND scanned = ?",
                                (made, root, row[0]))
        return read(made)

    # -- search ----------------------------------------------------------------------------------------

    def _locate(self, row: int) -> tuple[str, int] | None:
        """The content key of the document a full-text row belongs to, and the row's place among its chunks.
        A few rows (a search's) are looked up in the index of docs; past LOCATE_ONE_BY_ONE (reuse's probes), the
        rows of every document are read once and searched in memory."""
        if self._owners is None and self._located < LOCATE_ONE_BY_ONE:
            self._located += 1
            found = self.db.execute("SELECT first_row, rows, key FROM docs WHERE first_row <= ? AND rows > 0 "
                                    "ORDER BY first_row DESC LIMIT 1", (row,)).fetchone()
            return (found[2], row - found[0]) if found and row < found[0] + found[1] else None
        if self._owners is None:
            # a document without text has no rows, and the next document's first row as its own
            found = self.db.execute(
                "SELECT first_row, rows, key FROM docs WHERE rows > 0 ORDER BY first_row").fetchall()
            self._owners = [(first, first + rows, key) for first, rows, key in found]
            self._firsts = [first for first, _, _ in self._owners]
        i = bisect_right(self._firsts, row) - 1
        if i < 0:
            return None
        first, end, key = self._owners[i]
        return (key, row - first) if row < end else None

    def _matching(self, fts_query: str, docs: set[str]) -> Iterator[tuple[int, str, int]]:
        """(row, content key, the row's place among its document's chunks) of the rows of `docs` matching an
        FTS5 query, in index order; read as they are asked for."""
        for (row,) in self.db.execute("SELECT rowid FROM text_fts WHERE text_fts MATCH ?", (fts_query,)):
            owner = self._locate(row)
            if owner is not None and owner[0] in docs:
                yield row, *owner

    def documents_matching(self, fts_query: str, docs: set[str], at_most: int | None = None) -> set[str]:
        """The documents among `docs` with a chunk holding every term of an FTS5 query (unconfirmed: a term of
        a word may stand apart from the others); reading stops once `at_most` are found."""
        found: set[str] = set()
        for _, key, _ in self._matching(fts_query, docs):
            found.add(key)
            if at_most is not None and len(found) >= at_most:
                break
        return found

    def match(self, fts_queries: list[str], docs: set[str]) -> Iterator[tuple[str, Chunk, int]]:
        """(doc key, chunk, tier) of the chunks of `docs` matching the first FTS5 query (tier 0), then those
        matching the next and not yet given, and so on; in index order within a tier. Outlines are read only
        for the rows taken, so a caller that stops early reads few."""
        outlines: dict[str, list[Chunk] | None] = {}
        given: set[int] = set()
        for tier, query in enumerate(fts_queries):
            for row, key, i in self._matching(query, docs):
                if row in given:
                    continue
                given.add(row)
                if key not in outlines:  # the outline gives back the chunks the rows were made from
                    doc = self.outline(key)
                    outlines[key] = chunks(doc) if doc else None
                found = outlines[key]
                if found is not None and i < len(found):
                    yield key, found[i], tier
