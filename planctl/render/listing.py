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
TITLE_LEAST = 12  # cells of a title on a narrow terminal: six characters, enough to tell a place's plans apart
PLACE_WANTED = 20  # cells of a place worth more than the level and size: ten characters, a city and a county
PLACE_LEAST = 12  # and the least it is given, on a terminal too narrow even without them: it wraps or is cut
_PLAIN_CAPS = {"id": 32, "place": 24}  # long ids and places are cut in the plain listing, so the title keeps room
_DROPPED = ("level", "chars")  # left out, in this order, of a terminal too narrow for every column


def list_terminal(report: ListReport, width: int) -> str | Table:
    """The listing on a terminal: a rich table, plain aligned columns for a long one, or a line for none.
    Either way it fits the terminal: the title is cut (…), and on a narrow one the level and size left out."""
    shown = shown_count(report)
    if shown == 0:
        return list_title(report) + "; `planctl list` shows them all\n"
    return list_plain(report, width) if shown > RICH_ROWS else list_rich(report, width)


def _terminal_columns(report: ListReport) -> dict[str, list[str]]:
    """Each column, header first, as a terminal shows it: the kind by its word in a name (plan, report, as in
    兴隆台:plan), the size with thousands separated."""
    from ..corpus import WORD_OF_KIND

    rows = _list_rows(report)
    kind = LIST_HEADER.index("kind")
    for row in rows:
        row[kind] = WORD_OF_KIND.get(row[kind], row[kind])
        row[-1] = f"{int(row[-1]):,}"
    return {name: [name, *column] for name, column in zip(LIST_HEADER, zip(*rows, strict=True), strict=True)}


def _layout(natural: dict[str, int], width: int, gap: int) -> dict[str, int]:
    """The columns shown in a line of `width` cells and their widths, `gap` cells a column taken by borders
    and padding: each as wide as its widest cell, but the place and the title share what the others leave.
    The level, then the size, are left out while the place would get less than PLACE_WANTED and the title
    less than TITLE_LEAST; room beyond those goes to the title, then the place. Where even that does not fit,
    the place gets at least PLACE_LEAST (it wraps, or is cut from the start) and the title the rest."""
    shown = dict(natural)
    title, place = min(natural["title"], TITLE_LEAST), min(natural["place"], PLACE_WANTED)
    for name in (None, *_DROPPED):
        if name:
            del shown[name]
        room = width - gap * len(shown) - sum(w for n, w in shown.items() if n not in ("place", "title"))
        if room >= place + title:
            break
    if room >= place + title:  # room beyond that goes to the title first: a place is longer only here and there
        shown["place"] = min(natural["place"], max(place, room - natural["title"]))
    else:
        shown["place"] = max(min(natural["place"], PLACE_LEAST), min(natural["place"], room - title))
    shown["title"] = max(title, min(shown["title"], room - shown["place"]))
    return shown


def list_plain(report: ListReport, width: int) -> str:
    """Columns padded by display width (a CJK character takes two cells), the title cut to fit the line."""
    return _kept(report, "listing-plain", lambda: _plain(report, width), width)


def _plain(report: ListReport, width: int) -> str:
    from .cells import pad, pad_ends, widths

    columns = _terminal_columns(report)
    sizes = {name: widths(column) for name, column in columns.items()}
    natural = {name: min(max(used), _PLAIN_CAPS.get(name, 999)) for name, used in sizes.items()}
    shown = _layout(natural, width + 2, 2)  # two spaces between columns, none after the last
    cells = [(pad_ends if name == "place" else pad)(columns[name], sizes[name], w) for name, w in shown.items()]
    if "chars" in shown:  # sizes (ASCII) right-aligned
        cells[-1] = [text.rjust(shown["chars"]) for text in columns["chars"]]
    lines = [list_title(report), *("  ".join(row).rstrip() for row in zip(*cells, strict=True))]
    return "\n".join(lines) + "\n"


def list_rich(report: ListReport, width: int) -> Table:
    """A rich table laid out here (rich would fold a word like 'province' in two, or every column to a
    sliver, before it cut a title): one line a document but where its place wraps, the title cut (…)."""
    from rich.markup import escape
    from rich.table import Table

    from .cells import cell_width, widths

    columns = _terminal_columns(report)
    natural = {name: max(widths(column)) for name, column in columns.items()}
    shown = _layout(natural, width - 1, 3)  # a border and a space either side: 3 cells a column
    title = list_title(report)
    table = Table(title=escape(title), header_style="bold", min_width=min(width, cell_width(title)))  # on a line
    for name, w in shown.items():
        table.add_column(name, width=w, justify="right" if name == "chars" else "left",
                         no_wrap=name != "place", overflow="ellipsis" if name == "title" else "fold")
    for row in zip(*(columns[name][1:] for name in shown), strict=True):
        table.add_row(*map(escape, row))
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
