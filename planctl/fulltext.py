"""What the full-text index holds of a document, and how a word is asked of it.

A document is cut into chunks (a section's heading and up to CHUNK characters of its text), and each chunk
is one row of terms: the character bigrams of its runs of Chinese (营商环境 → 营商 商环 环境), a Chinese
character standing alone, and its Latin words; its heading's terms once more with HEADING_MARK before them.
The index (index.py, FTS5 with the ascii tokenizer, which splits at ASCII spaces and punctuation and folds
ASCII case) records which rows hold a term, not where, so a row holding every bigram of a word may still not
hold the word: callers confirm it in the chunk's text.

A row is written out as text that the tokenizer splits into exactly those terms. For the thousands of
documents of an `index` run this is done a document at a time with numpy, some twenty times faster than a
string per bigram; for one document, numpy's import (150 ms) costs more than it saves, and the same terms
are made in plain Python. The two give the tokenizer the same terms in the same order, which a contentless
index requires: a row is deleted by giving the terms it was stored with.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .text import CJK_BLOCKS, terms

if TYPE_CHECKING:
    from .outline import Document

CHUNK = 600  # characters of a section's text in one full-text row: fewer chunks holding a word's bigrams apart
OVERLAP = 16  # characters shared by the pieces of a line cut in two
HEADING_MARK = "§"  # a term of the chunk's heading is indexed a second time with this mark before it


@dataclass(frozen=True)
class Chunk:
    """A piece of a section as the full-text index sees it: the section's heading and some of its text."""

    line: int  # of the section (of the first paragraph before any heading)
    path: str  # the section's headings, outermost first, joined by " > "; "" before the first heading
    heading: str
    text: str


def _pieces(lines: list[str]) -> Iterator[str]:
    """Lines gathered into pieces of about CHUNK characters; a longer line is cut with an overlap, so that
    any stretch of up to OVERLAP characters lies whole in some piece."""
    piece: list[str] = []
    size = 0
    for line in lines:
        while len(line) > 2 * CHUNK:
            yield "\n".join([*piece, line[:CHUNK]])
            piece, size = [], 0
            line = line[CHUNK - OVERLAP:]
        if piece and size + len(line) > CHUNK:
            yield "\n".join(piece)
            piece, size = [], 0
        piece.append(line)
        size += len(line) + 1
    if piece:
        yield "\n".join(piece)


def chunks(doc: Document) -> list[Chunk]:
    """The document's text in the full-text index's rows, in order (row id = the document's first row + i)."""
    out: list[Chunk] = []
    if doc.preamble:
        line = doc.preamble[0].line
        out += [Chunk(line, "", "", piece) for piece in _pieces([p.text for p in doc.preamble])]
    for path, section in doc.walk():
        where = " > ".join(s.heading for s in path)
        own = section.own_text()
        out += [Chunk(section.line, where, section.heading, piece)
                for piece in (_pieces(own.split("\n")) if own else [""])]
    return out


def fts_query(word: str, in_heading: bool = False, fragment: bool = False) -> str:
    """The FTS5 query for the chunks that may hold a word (in their heading): those with every one of its
    terms ("" if it has none). The index keeps no positions, so the chunk's text must confirm it.

    A lone Chinese character is a term only where it stands alone in the text (水), not in 股市 or 全面, so
    a query with other terms leaves it out: A股 asks for "a", and 振兴，全 (cut from 振兴，全面) for 振兴. A
    fragment (text cut from a longer one: reuse's stretches and probes) may also begin or end in part of a
    Latin word (G网络 cut from 5G网络); its Latin words at either end are left out likewise, and a fragment
    with no other term has no query."""
    found = terms(word)
    if fragment and len(found) > 1 and found[0].isascii():
        found = found[1:]
    if fragment and len(found) > 1 and found[-1].isascii():
        found = found[:-1]
    kept = [t for t in found if len(t) > 1 or t.isascii()] or ([] if fragment else found)
    mark = HEADING_MARK if in_heading else ""
    return " AND ".join(f'"{mark}{t}"' for t in dict.fromkeys(kept))


# -- rows ------------------------------------------------------------------------------------------


def rows(found: Sequence[Chunk], vectorise: bool = False) -> list[str]:
    """Each chunk's row of terms, as text for the tokenizer: with numpy when `vectorise` (a run over many
    documents, where its import is paid once), else in plain Python; the tokenizer reads the same terms."""
    texts = [f"{c.heading}\n{c.text}" for c in found]
    plain = _terms_vectorised(texts) if vectorise else [" ".join(terms(t)) for t in texts]
    marked: dict[str, str] = {}  # a section cut into several chunks has one heading
    for c in found:
        if c.heading not in marked:
            marked[c.heading] = " ".join(dict.fromkeys(HEADING_MARK + t for t in terms(c.heading)))
    return [f"{p} {marked[c.heading]}" for c, p in zip(found, plain, strict=True)]


_GONE = 0xFFFFFFFF  # not a character: the slots that write nothing


def _terms_vectorised(texts: list[str]) -> list[str]:
    """terms() of each text, as one text for the tokenizer, for all the texts at once.

    Each character of the texts joined writes three slots: an ASCII character itself (the tokenizer splits
    at its spaces and punctuation and keeps its letters and digits), anything else a space; a Chinese
    character followed by another, the two (a bigram); one standing alone, itself and a space. The slots
    that write nothing are dropped, and the whole is cut back into the texts at their NUL separators."""
    import numpy as np

    if not texts:
        return []
    whole = "\x00".join(texts)
    if whole.count("\x00") != len(texts) - 1:  # a NUL of the text itself: a separator to the tokenizer too
        whole = "\x00".join(t.replace("\x00", " ") for t in texts)
    code = np.frombuffer(whole.encode("utf-32-le"), dtype=np.uint32)
    cjk = np.zeros(len(code), dtype=bool)
    for first, last in CJK_BLOCKS:
        cjk |= (code >= first) & (code <= last)
    after = np.append(code[1:], np.uint32(32))
    cjk_after = np.append(cjk[1:], False)
    cjk_before = np.insert(cjk[:-1], 0, False)
    pair = cjk & cjk_after
    lone = cjk & ~cjk_after & ~cjk_before
    slots = np.empty((len(code), 3), dtype=np.uint32)
    slots[:, 0] = np.where(code < 128, code, np.uint32(32))
    slots[:, 1] = np.where(pair | lone, code, np.uint32(_GONE))
    slots[:, 2] = np.where(pair, after, np.where(lone, np.uint32(32), np.uint32(_GONE)))
    flat = slots.ravel()
    return flat[flat != _GONE].tobytes().decode("utf-32-le").split("\x00")
