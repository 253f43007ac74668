"""Renderers of the corpus listing and of the theme map."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from . import md
from .tabular import to_csv

if TYPE_CHECKING:
    from rich.table import Table

    from ..reports import ListReport
    from ..themes import ThemeMap

LIST_HEADER = ["id", "place", "level", "kind", "year", "title", "chars"]


def _list_rows(report: ListReport) -> list[list[str]]:
    corpus = report.corpus
    shown = corpus.listed() if report.chosen is None else map(corpus.listed_row, report.chosen)
    return [[r.id, r.place, r.level or "", r.kind, str(r.year or ""), r.title, str(r.chars)] for r in shown]


def shown_count(report: ListReport) -> int:
    return len(report.corpus) if report.chosen is None else len(report.chosen)


def list_title(report: ListReport) -> str:
    corpus, n = report.corpus, shown_count(report)
    if report.chosen is None:
        return f"{n} document{'' if n == 1 else 's'} in {corpus.root}"
    return f"{n} of {len(corpus)} documents in {corpus.root} match “{' '.join(report.words)}”"


def _kept(report: ListReport, kind: str, make: Callable[[], str], *version: object) -> str:
    """A listing as made by `make`, kept in the index: 20,000 rows take 0.1-0.3 s to write out. Made again
    when a file of the corpus changes, or the code that writes it (this module and those it uses) does. A
    listing of chosen documents is made each time: it is short, and the words that chose it vary."""
    if report.chosen is not None:
        return make()
    corpus = report.corpus
    return corpus.kept(kind, "\0".join(map(str, (corpus.root, _code_digest(), *version))), make)


@cache
def _code_digest() -> str:
    """Of the code that writes a listing out (this module and those it uses): read once per process."""
    from pathlib import Path

    names = ("listing.py", "cells.py", "md.py", "tabular.py")
    return hashlib.blake2b(b"".join(Path(__file__).with_name(name).read_bytes() for name in names)).hexdigest()


def list_text(report: ListReport, fmt: str) -> str:
    return _kept(report, f"listing-{fmt}", lambda: _text(report, fmt))


def _text(report: ListReport, fmt: str) -> str:
    corpus = report.corpus
    if fmt == "json":
        entries = iter(corpus) if report.chosen is None else map(corpus.entry, report.chosen)
        docs = [
            {"id": e.id, "path": e.file, "place": e.info.place.to_dict(), "kind": e.info.kind,
             "year": e.info.year, "period": e.info.period, "title": e.info.title, "chars": e.info.chars,
             "warnings": e.info.warnings}
            for e in entries
        ]
        skipped = [{"path": str(p), "error": why} for p, why in corpus.skipped]
        return json.dumps({"corpus": str(corpus.root), "documents": docs, "skipped": skipped},
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv([LIST_HEADER, *_list_rows(report)])
    return md.table(LIST_HEADER, _list_rows(report)) + "\n"


RICH_ROWS = 200  # above this, rich's table layout takes seconds; a plain aligned listing takes milliseconds


def list_terminal(report: ListReport, width: int) -> str | Table:
    """The listing on a terminal: a rich table, plain aligned columns for a long one, or a line for none."""
    shown = shown_count(report)
    if shown == 0:
        return list_title(report) + "; `planctl list` shows them all\n"
    return list_plain(report, width) if shown > RICH_ROWS else list_rich(report)


def list_plain(report: ListReport, width: int) -> str:
    """Columns padded by display width (a CJK character takes two cells), the title cut to fit the line."""
    return _kept(report, "listing-plain", lambda: _plain(report, width), width)


def _plain(report: ListReport, width: int) -> str:
    from .cells import pad, widths

    rows = [LIST_HEADER, *_list_rows(report)]
    for row in rows[1:]:
        row[-1] = f"{int(row[-1]):,}"
    columns = [list(column) for column in zip(*rows, strict=True)]
    sizes = [widths(column) for column in columns]
    caps = {"id": 32, "place": 24}  # long ids and places are cut, so the title keeps some room
    fitted = [min(max(used), caps.get(name, 999)) for name, used in zip(LIST_HEADER, sizes, strict=True)]
    title = LIST_HEADER.index("title")
    fitted[title] = max(10, min(fitted[title], width - sum(w + 2 for i, w in enumerate(fitted) if i != title)))
    cells = [pad(column, used, w) for column, used, w in zip(columns, sizes, fitted, strict=True)]
    cells[-1] = [text.rjust(fitted[-1]) for text in columns[-1]]  # sizes (ASCII) right-aligned
    lines = [list_title(report), *("  ".join(row).rstrip() for row in zip(*cells, strict=True))]
    return "\n".join(lines) + "\n"


def list_rich(report: ListReport) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(list_title(report)), header_style="bold")
    for name in LIST_HEADER:
        table.add_column(name, overflow="fold", justify="right" if name == "chars" else "left",
                         no_wrap=name in ("id", "year", "chars"))
    for row in _list_rows(report):
        row[-1] = f"{int(row[-1]):,}"
        table.add_row(*[escape(x) for x in row])
    return table


THEMES_HEADER = ["parent", "theme", "aliases", "keywords"]


def _theme_rows(tmap: ThemeMap) -> list[list[str]]:
    return [[t.parent, t.name, "、".join(t.aliases), "、".join(t.keywords)] for t in tmap.themes]


def themes_text(tmap: ThemeMap, fmt: str) -> str:
    if fmt == "json":
        data = [{"name": t.name, "parent": t.parent, "aliases": list(t.aliases), "keywords": list(t.keywords)}
                for t in tmap.themes]
        return json.dumps({"source": tmap.source, "themes": data}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv([THEMES_HEADER, *_theme_rows(tmap)])
    return md.table(THEMES_HEADER, _theme_rows(tmap)) + "\n"


def themes_rich(tmap: ThemeMap) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(tmap.themes)} themes ({escape(tmap.source)})", header_style="bold", show_lines=False)
    for name in THEMES_HEADER:
        table.add_column(name, overflow="fold", no_wrap=name in ("parent", "theme"))
    for row in _theme_rows(tmap):
        table.add_row(*[escape(x) for x in row])
    return table
