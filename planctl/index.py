"""The local index: every document of a corpus parsed once into SQLite, with a full-text index.

One database file (in the user's cache folder; $PLANCTL_INDEX or $PLANCTL_CACHE_DIR move it) holds

- `files`: each file of each corpus folder with its size, mtime and the content key of its text, so
  that an unchanged corpus is checked with one stat per file and nothing is re-read;
- `docs`: per content key (SHA-256 of the bytes + a digest of planctl's code), the metadata that
  `list` and name lookup need, and the pickled outline, loaded only for the plans a command uses;
- `sections` and `sections_fts`: each section's text, and an FTS5 index of its overlapping character
  bigrams (营商环境 → 营商 商环 环境), so a search of any two or more characters uses the index;
- `blobs`: other derived data (theme classifications, segmented words) keyed by content key.

Parsing runs in worker processes; this process only hashes, stores and indexes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .documents import SUFFIXES, load_document, read_bytes
from .errors import PlanctlError
from .outline import Document, Place
from .text import terms

CACHE_ENV = "PLANCTL_CACHE_DIR"
INDEX_ENV = "PLANCTL_INDEX"
SCHEMA = 3
BATCH_SECONDS = 10.0  # commit at least this often, so an interrupted run keeps what it indexed
PARALLEL_FROM = 8  # parse in worker processes from this many new documents on

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


# -- full-text terms -------------------------------------------------------------------------------

def fts_terms(text: str) -> str:
    """Text as index terms: the overlapping bigrams of each run of Chinese characters (营商环境 → 营商 商环
    环境) and the words of Latin letters and digits, in text order."""
    return " ".join(terms(text))


def fts_phrases(word: str) -> list[str]:
    """The FTS5 query that finds a word: the phrase of its terms."""
    terms = fts_terms(word)
    return [f'"{terms}"'] if terms else []


# -- what is stored per document -------------------------------------------------------------------


@dataclass(frozen=True)
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


@dataclass
class Parsed:
    """A worker's result for one file: the document's row, or the one-line reason it was refused."""

    path: str
    key: str
    error: str | None = None
    info: DocInfo | None = None
    outline: bytes = b""
    sections: list[tuple[int, str, bytes, str]] = field(default_factory=list)  # (line, path, zlib text, terms)


def _section_rows(doc: Document) -> list[tuple[int, str, str, str]]:
    rows = []
    front = "\n".join(p.text for p in doc.preamble)
    if front:
        rows.append((doc.preamble[0].line, "", front, fts_terms(front)))
    for path, section in doc.walk():
        text = f"{section.heading}\n{section.own_text()}"
        rows.append((section.line, " > ".join(s.heading for s in path), text, fts_terms(text)))
    return rows


def parse_job(job: tuple[str, str]) -> Parsed:
    """Parse one file (in a worker process): its outline, metadata and full-text rows."""
    path, key = job
    try:
        doc = load_document(Path(path))
    except PlanctlError as exc:
        return Parsed(path, key, error=str(exc).removeprefix(f"{path}: "))
    except Exception as exc:  # a parser bug must not stop a run over thousands of files
        return Parsed(path, key, error=f"internal error ({type(exc).__name__}: {exc}); please report it")
    info = DocInfo(key, doc.title, doc.place, doc.kind, doc.year, doc.period, doc.size(), len(doc.warnings))
    # Compressed here, in the worker: half the bytes for the single writer to store (zlib level 1 is cheap).
    outline = zlib.compress(pickle.dumps(doc, protocol=5), 1)
    sections = [(line, where, zlib.compress(text.encode("utf-8"), 1), terms) for line, where, text, terms in
                _section_rows(doc)]
    return Parsed(path, key, None, info, outline, sections)


def _text(stored: bytes) -> str:
    return zlib.decompress(stored).decode("utf-8")


# -- scanning a folder -----------------------------------------------------------------------------


def scan(root: Path) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every plan under a folder, subfolders included, in path order."""
    found: list[tuple[str, int, int]] = []
    stack = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(entry.path)
                elif entry.name.lower().endswith(SUFFIXES) and entry.name.lower() != "readme.md":
                    st = entry.stat()
                    found.append((entry.path, st.st_size, st.st_mtime_ns))
            except OSError:
                continue
    found.sort()
    return found


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
    failed: int = 0
    bytes_parsed: int = 0
    seconds: float = 0.0


# -- the database ----------------------------------------------------------------------------------

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (root TEXT, path TEXT, size INT, mtime_ns INT, doc TEXT, error TEXT,
                                  PRIMARY KEY (root, path));
CREATE INDEX IF NOT EXISTS files_doc ON files(doc);
CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, title TEXT, province TEXT, city TEXT, county TEXT,
                                 level TEXT, code TEXT, kind TEXT, year INT, period TEXT, chars INT, warnings INT);
CREATE TABLE IF NOT EXISTS outlines (key TEXT PRIMARY KEY, outline BLOB);
CREATE TABLE IF NOT EXISTS sections (id INTEGER PRIMARY KEY, doc TEXT, line INT, path TEXT, text BLOB);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc);
CREATE VIRTUAL TABLE IF NOT EXISTS sections_fts USING fts5(terms, content='', tokenize='ascii');
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB);
"""
_DROP = ["meta", "files", "docs", "outlines", "sections", "sections_fts", "blobs"]


class Index:
    """The SQLite index. If the cache folder cannot be written, an in-memory one keeps commands working."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        self.notice: str | None = None  # what the user should know about the index itself
        self.db = self._connect()

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
        with suppress(sqlite3.Error):
            self.db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (key, pickle.dumps(value, protocol=5)))

    # -- documents ----------------------------------------------------------------------------------

    def files(self, root: str) -> list[FileRow]:
        rows = self.db.execute("SELECT path, doc, error FROM files WHERE root = ? ORDER BY path", (root,))
        return [FileRow(*r) for r in rows]

    def infos(self, root: str) -> dict[str, DocInfo]:
        rows = self.db.execute(
            "SELECT key, title, province, city, county, level, code, kind, year, period, chars, warnings FROM docs "
            "WHERE key IN (SELECT doc FROM files WHERE root = ?)", (root,))
        return {r[0]: DocInfo(r[0], r[1], Place(*r[2:7]), r[7], r[8], r[9], r[10], r[11]) for r in rows}

    def outline(self, key: str) -> Document | None:
        row = self.db.execute("SELECT outline FROM outlines WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            doc = pickle.loads(zlib.decompress(row[0]))
        except Exception:
            return None
        return doc if isinstance(doc, Document) else None

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
        except sqlite3.OperationalError as exc:
            raise PlanctlError(
                f"{self.path}: the index is busy ({exc}); another planctl may be indexing, try again when it ends"
            ) from None

    def _store(self, p: Parsed) -> None:
        if p.info is None or self.db.execute("SELECT 1 FROM docs WHERE key = ?", (p.key,)).fetchone():
            return
        i = p.info
        # Metadata apart from the outlines: listing thousands of documents reads a small table.
        self.db.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.key, i.title, i.place.province, i.place.city, i.place.county, i.place.level, i.place.code, i.kind,
             i.year, i.period, i.chars, i.warnings),
        )
        self.db.execute("INSERT OR REPLACE INTO outlines VALUES (?, ?)", (p.key, p.outline))
        start = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM sections").fetchone()[0] + 1
        ids = range(start, start + len(p.sections))
        numbered = list(zip(ids, p.sections, strict=True))
        self.db.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?)",
                            [(n, p.key, line, path, text) for n, (line, path, text, _) in numbered])
        self.db.executemany("INSERT INTO sections_fts(rowid, terms) VALUES (?, ?)",
                            [(n, terms) for n, (*_, terms) in numbered])

    def _collect_garbage(self) -> None:
        """Drop documents no file refers to any more, with their sections and full-text rows."""
        gone = [r[0] for r in self.db.execute(
            "SELECT key FROM docs WHERE key NOT IN (SELECT doc FROM files WHERE doc IS NOT NULL)")]
        for key in gone:
            rows = self.db.execute("SELECT id, text FROM sections WHERE doc = ?", (key,)).fetchall()
            self.db.executemany("INSERT INTO sections_fts(sections_fts, rowid, terms) VALUES ('delete', ?, ?)",
                                [(n, fts_terms(_text(text))) for n, text in rows])
            self.db.execute("DELETE FROM sections WHERE doc = ?", (key,))
            self.db.execute("DELETE FROM docs WHERE key = ?", (key,))
            self.db.execute("DELETE FROM outlines WHERE key = ?", (key,))

    def update(self, root: Path, workers: int | None = None, progress: Progress | None = None) -> UpdateReport:
        """Bring the index of one folder up to date; parse only files whose content is new."""
        started = time.perf_counter()
        root_key = os.fspath(root.resolve())
        report = UpdateReport()
        on_disk = scan(root)
        report.files = len(on_disk)
        known = {
            r[0]: (r[1], r[2])
            for r in self.db.execute("SELECT path, size, mtime_ns FROM files WHERE root = ?", (root_key,))
        }
        changed = [(path, size, mtime) for path, size, mtime in on_disk if known.get(path) != (size, mtime)]
        removed = set(known) - {path for path, _, _ in on_disk}
        if not changed and not removed:
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
            self.db.executemany("DELETE FROM files WHERE root = ? AND path = ?", [(root_key, p) for p in removed])
            report.removed = len(removed)
            last_commit = time.perf_counter()
            for done, parsed in enumerate(self._parse_all(jobs, workers), 1):
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
            self.db.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        report.failed = sum(1 for r in rows.values() if r[3])
        report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _parse_all(jobs: list[tuple[str, str]], workers: int | None) -> Iterator[Parsed]:
        workers = workers or os.cpu_count() or 1
        if workers <= 1 or len(jobs) < PARALLEL_FROM:
            yield from map(parse_job, jobs)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            yield from pool.map(parse_job, jobs, chunksize=4)

    # -- search ----------------------------------------------------------------------------------------

    def documents_matching(self, fts_query: str, docs: set[str], at_most: int | None = None) -> set[str]:
        """The documents among `docs` with a section that matches an FTS5 query; reading stops once `at_most`
        are found (enough to know a stretch of text is common)."""
        found: set[str] = set()
        # A join streams its rows (an IN subquery is evaluated whole first), so reading can stop early.
        rows = self.db.execute(
            "SELECT s.doc FROM sections_fts f JOIN sections s ON s.id = f.rowid WHERE sections_fts MATCH ?",
            (fts_query,))
        for (doc,) in rows:
            if doc in docs:
                found.add(doc)
                if at_most is not None and len(found) >= at_most:
                    break
        return found

    def match(self, fts_query: str, docs: set[str], limit: int) -> Iterator[tuple[str, int, str, str, float]]:
        """(doc key, line, path, text, rank) of the sections of `docs` matching an FTS5 query, best first.

        Ranks are read first and texts only for the best rows; the index may hold other folders'
        documents too, so the window of best rows widens until enough belong to `docs`."""
        window, seen = max(limit * 4, 50), 0
        while True:
            ranked = self.db.execute(
                "SELECT rowid, bm25(sections_fts) AS r FROM sections_fts WHERE sections_fts MATCH ? "
                "ORDER BY r LIMIT ? OFFSET ?", (fts_query, window, seen)).fetchall()
            if not ranked:
                return
            rank = dict(ranked)
            marks = ",".join("?" * len(ranked))
            rows = self.db.execute(f"SELECT id, doc, line, path, text FROM sections WHERE id IN ({marks})",
                                   list(rank)).fetchall()
            for n, doc, line, path, text in sorted(rows, key=lambda r: rank[r[0]]):
                if doc in docs:
                    yield doc, line, path, _text(text), rank[n]
            seen += len(ranked)
            window *= 4
