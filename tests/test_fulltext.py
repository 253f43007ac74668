"""The full-text rows: the terms FTS5's tokenizer reads from them, made by numpy or in plain Python."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.fulltext import HEADING_MARK, Chunk, chunks, rows
from planctl.parser import parse_bytes
from planctl.text import CJK, CJK_BLOCKS, is_cjk, terms


def tokens(rows_: list[str]) -> list[list[str]]:
    """The terms SQLite's ascii tokenizer (the one the index uses) reads from each row, in order."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='ascii')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", enumerate(rows_, 1))
    found: list[list[str]] = [[] for _ in rows_]
    for row, term in db.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
        found[row - 1].append(term)
    return found


def expected(chunk: Chunk) -> list[str]:
    """What a row must hold: the terms of the heading and text, then the heading's own, marked, once each."""
    marked = [HEADING_MARK + t for t in dict.fromkeys(terms(chunk.heading))]
    return terms(f"{chunk.heading}\n{chunk.text}") + marked


def test_rows_of_the_samples_hold_every_term_whichever_way_they_are_made():
    for path in SAMPLES.values():
        found = chunks(parse_bytes(path.read_bytes(), str(path)))
        want = [expected(c) for c in found]
        assert tokens(rows(found, vectorise=True)) == want, path.name
        assert tokens(rows(found, vectorise=False)) == want, path.name


def test_a_row_splits_latin_words_from_chinese_and_drops_other_characters():
    found = [Chunk(1, "", "二、建设5G网络", "在A股上市，水、電；C++_x\x00y é𠀀\u3400区"), Chunk(2, "", "", "")]
    want = ["二", "建设", "5g", "网络", "在", "a", "股上", "上市", "水", "電", "c", "x", "y", "\u3400区",
            "§二", "§建设", "§5g", "§网络"]
    assert tokens(rows(found, vectorise=True)) == tokens(rows(found, vectorise=False)) == [want, []]


# Characters at the edges of the Chinese blocks, Latin, punctuation, and what a text may hold besides.
ALPHABET = st.sampled_from([*"营商环境数字经济水A股5GxZ09，。、 \n\t_-!\x00é€",
                            "\u33ff", "\u3400", "\u9fff", "\ua000", "\uf8ff", "\uf900", "\ufaff", "\ufb00", "𠀀"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(ALPHABET, max_size=6), st.text(ALPHABET, max_size=40)), min_size=1, max_size=5))
def test_numpy_and_plain_python_give_the_tokenizer_the_same_terms(parts):
    found = [Chunk(i, "", heading, text) for i, (heading, text) in enumerate(parts)]
    assert tokens(rows(found, vectorise=True)) == tokens(rows(found, vectorise=False)) == [expected(c) for c in found]


def test_one_new_document_is_indexed_without_importing_numpy(tmp_path):
    # numpy's import (150 ms) would be most of the time `planctl outline new.txt` takes
    code = ("import sys\nfrom pathlib import Path\nfrom planctl.index import Index\n"
            "doc, _ = Index(Path(sys.argv[1])).document(Path(sys.argv[2]))\n"
            "print(doc.title, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "index.sqlite"), str(SAMPLES["003"])],
                         capture_output=True, text=True, check=True).stdout
    assert out == "2023政府工作报告 False\n"  # parsed, stored, and numpy never imported


def test_the_chinese_blocks_are_one_definition():
    # numpy reads CJK_BLOCKS, the patterns CJK and is_cjk a character: they must agree at every edge
    for first, last in CJK_BLOCKS:
        for cp, inside in ((first - 1, False), (first, True), (last, True), (last + 1, False)):
            c = chr(cp)
            assert is_cjk(c) == inside == bool(re.fullmatch(f"[{CJK}]", c)), hex(cp)
