"""The index: parse once, re-parse only what changed, skip what is broken; search; many documents per place."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES
from test_cli import run

from planctl.corpus import open_corpus, resolve
from planctl.fulltext import chunks, fts_query, rows
from planctl.index import Index
from planctl.parser import parse_bytes
from planctl.text import terms

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A corpus in subfolders, as users keep them: one folder per city."""
    root = tmp_path / "plans"
    for key, path in SAMPLES.items():
        sub = root / ("盘锦" if key in ("000", "003") else "others")
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, sub / path.name)
    return root


def test_second_open_parses_nothing_and_changes_are_picked_up(folder):
    first = open_corpus(folder)
    assert (first.report.files, first.report.parsed, len(first.entries)) == (5, 5, 5)
    again = open_corpus(folder)
    assert (again.report.parsed, again.report.reused, again.report.removed) == (0, 0, 0)
    assert [e.info for e in again] == [e.info for e in first]

    changed = folder / "others" / SAMPLES["004"].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n五、附则\n本规划自印发之日起实施。\n", encoding="utf-8")
    shutil.copy(SAMPLES["002"], folder / "others" / "copy_of_002.txt")
    (folder / "盘锦" / SAMPLES["000"].name).unlink()
    third = open_corpus(folder)
    assert (third.report.parsed, third.report.reused, third.report.removed) == (1, 1, 1)
    assert len(third.entries) == 5
    assert any(s.title == "附则" for _, s in next(e for e in third if e.path == changed).doc.walk())
    # The outline of a document no file refers to any more is dropped with its sections.
    db = third.index.db
    assert db.execute("SELECT COUNT(*) FROM docs").fetchone()[0] == 4
    assert db.execute("SELECT COUNT(*) FROM outlines").fetchone()[0] == 4
    # No full-text row left behind: the index holds the (term, row) pairs of the four documents' rows, no more.
    docs = {e.key: e.doc for e in third}  # two files hold one document
    pairs = sum(len(set(row.split())) for doc in docs.values() for row in rows(chunks(doc)))
    db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, text_fts, row)")
    assert db.execute("SELECT SUM(doc) FROM temp.vocab").fetchone()[0] == pairs


def _age(root: Path, seconds: int = 60) -> None:
    """Set every folder's time a minute back, as if the corpus had been left alone since."""
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        t = folder.stat().st_mtime_ns - seconds * 10**9
        os.utime(folder, ns=(t, t))


def test_a_folder_whose_time_has_not_changed_is_not_listed_again(folder, monkeypatch):
    import planctl.index

    listed: list[str] = []
    real = planctl.index._listed
    monkeypatch.setattr(planctl.index, "_listed", lambda f: listed.append(f) or real(f))
    open_corpus(folder)
    assert len(listed) == 3  # the corpus and its two subfolders
    listed.clear()
    open_corpus(folder)
    assert len(listed) == 3  # times of the last few seconds are not trusted: a coarse clock may not move
    _age(folder)
    open_corpus(folder)
    listed.clear()
    again = open_corpus(folder)
    assert listed == [] and again.report.files == 5

    # Every change is still seen: a file changed in place, one added, one removed, a new subfolder.
    changed = folder / "others" / SAMPLES["004"].name
    changed.write_bytes(changed.read_bytes() + "\n五、附则\n本规划自印发之日起实施。\n".encode())
    shutil.copy(SAMPLES["002"], folder / "others" / "copy_of_002.txt")
    (folder / "盘锦" / SAMPLES["000"].name).unlink()
    (folder / "new" / "deeper").mkdir(parents=True)
    shutil.copy(SAMPLES["001"], folder / "new" / "deeper" / "copy_of_001.txt")
    listed.clear()
    seen = open_corpus(folder)
    assert (seen.report.files, seen.report.parsed, seen.report.reused, seen.report.removed) == (6, 1, 2, 1)
    assert sorted(Path(f).name for f in listed) == ["deeper", "new", "others", "plans", "盘锦"]


def test_a_recent_folder_is_listed_again_even_if_its_time_is_the_same(folder):
    """On a coarse clock a file added just after a listing leaves the folder's time unchanged."""
    open_corpus(folder)
    city = folder / "盘锦"
    before = city.stat().st_mtime_ns
    shutil.copy(SAMPLES["002"], city / "copy_of_002.txt")
    os.utime(city, ns=(before, before))
    assert open_corpus(folder).report.files == 6


def test_a_damaged_folder_state_lists_every_folder(folder):
    open_corpus(folder)
    _age(folder)
    index = open_corpus(folder).index
    index.db.execute("UPDATE folders SET state = x'00ff'")
    before = folder.stat().st_mtime_ns
    shutil.copy(SAMPLES["002"], folder / "copy_of_002.txt")
    os.utime(folder, ns=(before, before))  # found only by listing the folder
    assert open_corpus(folder, index).report.files == 6


def test_the_stored_listing_gives_back_every_document_block_by_block(folder, monkeypatch):
    from planctl.corpus import Listing

    monkeypatch.setattr(Listing, "BLOCK", 2)  # 5 documents in 3 blocks
    first = open_corpus(folder)  # makes the listing from the tables and stores it
    again = open_corpus(folder)  # reads it back
    assert [(e.id, e.file, e.key, e.info) for e in again] == [(e.id, e.file, e.key, e.info) for e in first]
    assert len(again) == 5 and again.keys() == [e.key for e in first]
    assert [(r.id, r.path, r.key, r.title, r.kind, r.year, r.chars, r.place) for r in again.listed()] == [
        (e.id, e.file, e.key, e.info.title, e.info.kind, e.info.year, e.info.chars, e.info.place.full()) for e in first]
    assert again.entry(3) is again.entry(3)  # made once: an outline loaded stays loaded
    assert again.with_key(first.entry(4).key).file == first.entry(4).file
    assert {e.info.place.county for e in again.naming("兴隆台")} == {"兴隆台区"}
    # A damaged listing is only a cache: made again from the tables, and stored again.
    again.index.db.execute("UPDATE listings SET entries = x'00ff'")
    assert [e.info for e in open_corpus(folder, again.index)] == [e.info for e in first]
    assert again.index.db.execute("SELECT entries FROM listings").fetchone()[0] != b"\x00\xff"
    # So is the listing before a change, from which the next one is made: a damaged one is not used.
    (folder / "others" / SAMPLES["004"].name).unlink()
    again.index.db.execute("UPDATE listings SET entries = x'00ff'")
    after = open_corpus(folder, again.index)
    assert len(after) == 4 and _same_listing(after.listing, _fresh_listing(after))


def _fresh_listing(corpus):
    """The corpus's listing as made from the tables alone, with no earlier listing to start from."""
    from planctl.corpus import Listing, _listed

    return Listing.from_bytes(_listed(corpus.index, os.fspath(corpus.root.resolve())))


def _same_listing(a, b) -> bool:
    from planctl.corpus import Listing

    return (list(a.rows()) == list(b.rows()) and a.skipped == b.skipped and a.size == b.size
            and all(a.column(i) == b.column(i) for i in (Listing.ID, Listing.PATH, Listing.KEY, Listing.HAYSTACK))
            and [a.row(i) for i in range(a.size)] == list(a.rows()))


@pytest.mark.parametrize("seed", range(4))
def test_a_listing_made_from_the_one_before_a_change_is_the_listing_made_afresh(tmp_path, monkeypatch, seed):
    """Files added (some with the name of another, which changes both ids), removed, edited, copied, moved,
    broken and mended, in a random order: after each change the listing the next command makes from the
    listing before it equals the one made from the tables alone, row by row and column by column."""
    import random

    import planctl.corpus as corpus_module
    from planctl.corpus import Listing

    monkeypatch.setattr(Listing, "BLOCK", 2)
    earlier_given = []
    real = corpus_module._listed
    monkeypatch.setattr(corpus_module, "_listed", lambda index, root, earlier=None: (
        earlier_given.append(earlier is not None), real(index, root, earlier))[1])
    rng = random.Random(seed)
    root = tmp_path / "plans"
    counties = ["兴隆台区", "沙河口区", "东港市", "庄河市", "大洼区", "盘山县"]
    made = 0

    def plan(stem: str | None = None) -> None:
        nonlocal made
        made += 1
        folder = root / rng.choice(["", "a", "b"])
        folder.mkdir(parents=True, exist_ok=True)
        county = rng.choice(counties)
        (folder / f"{stem or f'plan{made}'}.txt").write_text(
            f"{county}{2019 + made % 5}年政府工作报告\n一、优化营商环境\n第{made}项工作稳步推进。\n", encoding="utf-8")

    for _ in range(6):
        plan()
    index = Index(tmp_path / "index.sqlite")
    open_corpus(root, index)
    for _ in range(14):
        files = sorted(p for p in root.rglob("*.txt"))
        change = rng.choice(["add", "same name", "remove", "edit", "copy", "move", "break", "mend"])
        target = rng.choice(files)
        if change == "add" or len(files) < 3:
            plan()
        elif change == "same name":
            plan(target.stem)
        elif change == "remove":
            target.unlink()
        elif change == "edit":
            target.write_text(target.read_text(encoding="utf-8") + "二、附则\n本报告自发布之日起实施。\n",
                              encoding="utf-8")
        elif change == "copy":
            shutil.copy(target, target.with_name(f"copy{made}.txt"))
            made += 1
        elif change == "move":
            target.rename(root / f"moved{made}.txt")
            made += 1
        elif change == "break":
            target.write_bytes(b"%PDF-1.4")
        else:
            broken = [p for p in files if p.read_bytes() == b"%PDF-1.4"]
            if broken:
                broken[0].write_text("庄河市政府工作报告\n一、乡村振兴\n修好了。\n", encoding="utf-8")
        corpus = open_corpus(root, index)
        assert _same_listing(corpus.listing, _fresh_listing(corpus)), change
    assert sum(earlier_given) >= 10  # the listings were made from the ones before, not afresh


def test_a_change_keeps_the_stored_blocks_it_does_not_touch(folder, monkeypatch):
    from planctl.corpus import Listing

    monkeypatch.setattr(Listing, "BLOCK", 2)
    for i in range(6):
        shutil.copy(SAMPLES["001"], folder / f"copy{i}.txt")  # 11 documents, the copies listed first
    before = open_corpus(folder).listing
    (folder / "copy3.txt").unlink()
    after = open_corpus(folder).listing
    blocks = lambda listing: listing._parts[Listing.HAYSTACK + 1:]  # noqa: E731
    kept = [b for b in blocks(after) if b in blocks(before)]
    assert len(blocks(before)) == 6 and len(kept) == 5 and after.size == 10  # all but copy3's block
    assert _same_listing(after, _fresh_listing(open_corpus(folder)))


def test_outline_from_the_index_is_the_parsed_outline(folder):
    corpus = open_corpus(folder)
    open_corpus(folder)  # a second run reads outlines from the index
    entry = next(e for e in open_corpus(folder) if e.path.name == SAMPLES["001"].name)
    fresh = parse_bytes(SAMPLES["001"].read_bytes(), str(entry.path))
    assert entry.doc.to_dict() == fresh.to_dict()
    assert corpus.report.parsed == 5


def test_broken_files_are_reported_and_skipped_not_fatal(folder):
    (folder / "others" / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (folder / "others" / "empty.md").write_text("", encoding="utf-8")
    corpus = open_corpus(folder)
    assert len(corpus.entries) == 5
    reasons = {p.name: why for p, why in corpus.skipped}
    assert reasons["empty.md"] == "the file is empty; nothing to outline"
    assert reasons["scan.txt"] == "the PDF is damaged and cannot be read; export or download it again"
    assert open_corpus(folder).report.parsed == 0  # broken files are not retried until they change


def test_parallel_parsing_gives_the_same_documents(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for n in range(3):
        for path in SAMPLES.values():
            shutil.copy(path, root / f"{n}_{path.name}")
            (root / f"{n}_{path.name}").write_bytes(path.read_bytes() + f"\n附:第{n}份\n".encode())
    corpus = open_corpus(root, workers=2)
    assert (corpus.report.parsed, len(corpus.entries)) == (15, 15)
    expected = sorted(parse_bytes(p.read_bytes(), str(p)).title for p in SAMPLES.values() for _ in range(3))
    assert sorted(e.info.title for e in corpus) == expected
    one = next(e for e in corpus if e.path.name == f"2_{SAMPLES['001'].name}")
    fresh = parse_bytes(one.path.read_bytes(), str(one.path))
    assert one.doc.to_dict() == fresh.to_dict()


def test_rows_written_by_the_workers_are_forgotten_when_their_file_goes(tmp_path):
    # The workers write full-text rows with numpy; a removed file's rows are deleted, by giving FTS5 the
    # same terms, in plain Python (a few files). Terms left behind would still match: a deleted document's
    # own word would find rows, and the index would grow with every edit.
    root = tmp_path / "many"
    root.mkdir()
    for n, mark in enumerate("甲乙丙丁戊己庚辛壬癸"):
        path = SAMPLES["003"]
        (root / f"{n}_{path.name}").write_bytes(path.read_bytes() + f"\n附：第{n}份，独有词{mark}\n".encode())
    corpus = open_corpus(root, workers=2)
    assert corpus.report.parsed == 10
    db = corpus.index.db

    def rows_matching(word: str) -> int:
        return db.execute("SELECT COUNT(*) FROM text_fts WHERE text_fts MATCH ?", (fts_query(word),)).fetchone()[0]

    assert rows_matching("独有词甲") == rows_matching("独有词乙") == 1
    common = rows_matching("发展")
    assert common > 10
    for n in (0, 1):
        (root / f"{n}_{SAMPLES['003'].name}").unlink()
    after = open_corpus(root)
    assert after.report.removed == 2
    assert rows_matching("独有词甲") == rows_matching("独有词乙") == 0 and rows_matching("独有词丙") == 1
    assert rows_matching("发展") * 10 == common * 8  # the ten texts differ only in their last line


def test_a_row_is_placed_alike_looked_up_alone_or_among_all_documents(folder, monkeypatch):
    # A search looks a few full-text rows up one by one; reuse's many probes read every document's rows once.
    (folder / "others" / "empty.txt").write_text("某某区规划\n", encoding="utf-8")  # a document with no rows
    index = open_corpus(folder).index
    last = index.db.execute("SELECT MAX(first_row + rows) FROM docs").fetchone()[0]
    alone = [index._locate(row) for row in range(last + 2)]
    monkeypatch.setattr("planctl.index.LOCATE_ONE_BY_ONE", 0)
    among_all = [index._locate(row) for row in range(last + 2)]
    assert alone == among_all
    assert alone[0] is None and alone[-1] is None and sum(x is not None for x in alone) == last - 1
    keys = [x[0] for x in alone if x]
    assert len(set(keys)) == 5 and keys == sorted(keys, key=keys.index)  # each document's rows in a run


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(blocked / "cache"))
    result = run("list", "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 6
    assert "cannot use the index" in result.stderr and "working without it" in result.stderr


def test_a_damaged_index_is_set_aside_and_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path))
    (tmp_path / "index.sqlite").write_bytes(b"not a database at all, truncated by a crash" * 10)
    result = run("list", "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 6
    assert result.stderr == (
        f"warning: {tmp_path / 'index.sqlite'}: the index was damaged; moved it to index.sqlite.damaged "
        "and started a new one\n"
    )
    assert (tmp_path / "index.sqlite.damaged").is_file()
    again = run("list", "--format", "csv")
    assert (again.stderr, again.stdout) == ("", result.stdout)


# -- several documents per place ----------------------------------------------------------------------


def test_bare_name_takes_the_newest_report_and_names_the_rest(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    text = SAMPLES["003"].read_text(encoding="utf-8")
    for year in range(2015, 2024):
        # The date line says the year too (delivered in December, for the next year): both are renamed.
        dated = text.replace("2022年12月30日", f"{year - 1}年12月30日").replace("2023", str(year))
        (root / f"兴隆台_{year}.txt").write_text(dated, encoding="utf-8")
    corpus = open_corpus(root)
    found = resolve(corpus, "兴隆台")
    assert found.entry.info.year == 2023
    assert found.note == (
        "“兴隆台” matches 9 documents; using 兴隆台_2023 (兴隆台区 work report 2023). "
        "Others: 8 work reports of 2015–2022. Pick one with e.g. 兴隆台:2022 or its id."
    )
    assert resolve(corpus, "兴隆台:2017").entry.info.year == 2017
    result = run("targets", "兴隆台", "--corpus", str(root), "--format", "json")
    assert json.loads(result.stdout)["plan"]["year"] == 2023


# -- search --------------------------------------------------------------------------------------------


def test_fts_terms_are_bigrams_and_words():
    assert " ".join(terms("建设5G网络,营商环境。")) == "建设 5g 网络 营商 商环 环境"
    assert fts_query("营商环境") == '"营商" AND "商环" AND "环境"'
    assert fts_query("5G网络") == '"5g" AND "网络"'
    assert fts_query("发展发展") == '"发展" AND "展发"'
    assert fts_query("，。") == ""
    assert terms("水") == ["水"]


def test_search_finds_sections_in_every_plan_that_says_it():
    result = run("search", "营商环境", "--format", "json", "--limit", "50")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    assert {h["place"]["county"] for h in hits} == {"兴隆台区", "海城市", "皇姑区", "沙河口区"}
    for h in hits:
        assert "营商环境" in h["snippet"].replace(" ", "")
        assert h["path"] and h["line"] > 0 and h["kind"] in ("five-year plan", "work report")
        start, end = h["matches"][0]
        assert h["snippet"][start:end] == "营商环境"
    top = hits[0]
    assert "营商环境" in top["path"]  # a section named for it ranks above passing mentions


def test_search_spreads_its_hits_over_the_documents():
    hits = json.loads(run("search", "营商环境", "--format", "json", "-n", "6").stdout)["hits"]
    assert len(hits) == 6 and len({h["id"] for h in hits}) >= 2  # at most 3 of one plan before the others


def test_chunks_cut_long_text_and_search_confirms_what_the_index_only_suggests(tmp_path):
    # One paragraph of 3,000 characters: cut into pieces that overlap, so a word across a cut is in one whole.
    words = "发展" * 700 + "数字经济" + "建设" * 800
    plan = tmp_path / "plans" / "某县_2023.txt"
    plan.parent.mkdir()
    second = "二、主要任务\n推进数字化，文字经过审核，经济稳定\n"
    plan.write_text(f"某县2023年政府工作报告\n一、总体要求\n{words}\n{second}", encoding="utf-8")
    corpus = open_corpus(plan.parent)
    (entry,) = corpus.entries
    pieces = chunks(entry.doc)
    body = [c for c in pieces if c.heading == "一、总体要求"]
    assert len(body) > 3 and all(len(c.text) <= 1300 for c in body)
    assert "".join(c.text[16 if i else 0:] for i, c in enumerate(body)) == words  # nothing lost at the cuts
    # The second section holds 数字, 字经 and 经济 — every bigram of 数字经济 — but not the word.
    hits = json.loads(run("search", "数字经济", "--corpus", str(plan.parent), "--format", "json").stdout)["hits"]
    assert [h["path"] for h in hits] == ["一、总体要求"]


def test_a_lone_character_in_a_query_does_not_hide_the_text(tmp_path):
    # 全 and 股 are indexed only inside the bigrams 全面 and 股上; a query naming them alone found nothing.
    plan = tmp_path / "plans" / "某县_2023.txt"
    plan.parent.mkdir()
    plan.write_text("某县2023年政府工作报告\n一、总体要求\n推动全面振兴，全面深化改革。支持企业在A股上市，建设5G网络。\n",
                    encoding="utf-8")
    corpus = open_corpus(plan.parent)
    keys = {e.key for e in corpus}
    # reuse's stretches and probes are cut from running text: at either end half a word, inside punctuation
    for fragment in ("振兴，全", "面振兴，全面深", "G网络", "在A股上"):
        assert corpus.index.documents_matching(fts_query(fragment, fragment=True), keys) == keys, fragment
    assert fts_query("2025年", fragment=True) == ""  # nothing left that the text surely holds
    assert fts_query("水") == '"水"'  # a word of one character still asks for it
    hits = json.loads(run("search", "A股", "--corpus", str(plan.parent), "--format", "json").stdout)["hits"]
    assert [h["path"] for h in hits] == ["一、总体要求"]


def test_search_words_all_occur_and_traditional_finds_simplified():
    both = json.loads(run("search", "数字经济", "人才", "--format", "json", "-n", "50").stdout)["hits"]
    assert both
    one = json.loads(run("search", "數字經濟", "--format", "json", "-n", "50").stdout)["hits"]
    assert len(one) > len(both)
    assert {(h["id"], h["line"]) for h in both} <= {(h["id"], h["line"]) for h in one}


def test_search_theme_filter_and_bad_queries():
    on_theme = json.loads(run("search", "人才", "--theme", "人才", "--format", "json", "-n", "50").stdout)["hits"]
    every = json.loads(run("search", "人才", "--format", "json", "-n", "50").stdout)["hits"]
    assert 0 < len(on_theme) < len(every)
    result = run("search", "水")
    assert result.exit_code == 2 and "two characters or more" in result.stderr
    assert run("search", "营商环境", "--theme", "不存在的主题").exit_code == 2


def test_search_markdown_marks_the_matches():
    out = run("search", "飞地", "--format", "markdown").stdout
    assert out.startswith("# “飞地”: 7 sections\n")
    assert "**飞地**" in out


def test_a_search_that_finds_nothing_says_so():
    assert run("search", "量子引力", "--format", "text").stdout.strip() == "“量子引力”: no section holds it"
    both = run("search", "飞地", "量子引力", "--format", "markdown").stdout
    assert both == "# “飞地 量子引力”: no section holds every word\n\n"
    assert run("search", "飞地", "-n", "1", "--format", "markdown").stdout.startswith("# “飞地”: 1 section\n")


def test_index_command_summary_and_quiet(folder):
    result = run("index", str(folder))
    assert result.exit_code == 0
    assert f"{folder}: 5 documents indexed, 0 skipped; this run parsed 5, reused 0, removed 0" in result.stderr
    quiet = run("index", str(folder), "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_index_is_one_file_that_the_environment_moves(folder, tmp_path, monkeypatch):
    target = tmp_path / "elsewhere" / "my.sqlite"
    monkeypatch.setenv("PLANCTL_INDEX", str(target))
    assert run("index", str(folder), "-q").exit_code == 0
    assert target.is_file() and os.path.getsize(target) > 0
    assert Index(target).db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 5


def test_a_long_listing_is_plain_aligned_text(monkeypatch):
    from rich.cells import cell_len

    from planctl.render import listing

    monkeypatch.setattr(listing, "RICH_ROWS", 2)  # as with thousands of documents
    monkeypatch.setenv("COLUMNS", "100")
    lines = run("list").stdout.splitlines()
    assert lines[0].endswith("5 documents in " + str(SAMPLES["000"].parent))
    header, rows = lines[1], lines[2:]
    assert header.split() == ["id", "place", "level", "kind", "year", "title", "chars"]
    assert len(rows) == 5 and all(cell_len(line) <= 100 for line in lines[1:])
    year_at = cell_len(header[: header.index("year")])
    for row in rows:  # the year column starts at the same display cell in every row, CJK or not
        prefix = next(row[:i] for i in range(len(row)) if cell_len(row[:i]) == year_at)
        assert row[len(prefix):].split()[0] in ("2021", "2022", "2023")
    assert rows[1].endswith("47,981")
    chosen = run("list", "规划").stdout.splitlines()  # four titles say 规划: plain text too, its own title
    assert chosen[0].endswith(f"4 of 5 documents in {SAMPLES['000'].parent} match “规划”")
    assert chosen[1].split() == header.split()  # laid out for the rows shown: the kind column fits "plan"
    assert [row.split()[:5] for row in chosen[2:]] == [row.split()[:5] for row in rows if "003_" not in row]
    assert run("list").stdout.splitlines() == lines  # the whole listing kept as it was


@pytest.mark.parametrize(("rich_rows", "left_out"), [(200, ["level", "chars"]), (2, ["level"])], ids=["table", "plain"])
def test_the_listing_fits_an_80_column_terminal_with_every_id_whole(monkeypatch, rich_rows, left_out):
    from rich.cells import cell_len

    from planctl.render import listing

    monkeypatch.setattr(listing, "RICH_ROWS", rich_rows)  # 2: plain columns, as for thousands of documents
    monkeypatch.setenv("COLUMNS", "80")
    lines = run("list").stdout.splitlines()
    assert max(map(cell_len, lines)) == 80
    header = next(line for line in lines if " id " in f" {line} ")
    assert header.replace("┃", " ").split() == [c for c in listing.LIST_HEADER if c not in left_out]
    rows = [line.replace("│", " ").split() for line in lines if "_" in line]
    assert [row[0] for row in rows] == [path.stem for path in SAMPLES.values()]  # ids whole, one line each
    assert [row[1] for row in rows[:2]] == ["辽宁省盘锦市兴隆台区", "辽宁省鞍山市海城市"]  # the place whole
    assert [row[2:4] for row in rows] == [["plan", "2022"], ["plan", "2021"], ["plan", "2022"], ["report", "2023"],
                                          ["plan", "2021"]]
    assert rows[0][4].startswith("兴隆台区国民") and "第十四个五年规划纲要" not in rows[0][4]  # the title cut
    if "chars" not in left_out:
        assert [row[-1] for row in rows][:2] == ["14,797", "47,981"]


def test_the_long_listing_is_kept_until_a_file_or_the_width_changes(folder, monkeypatch):
    from planctl.render import listing

    monkeypatch.setattr(listing, "RICH_ROWS", 2)
    laid_out: list[int] = []
    real = listing._plain
    monkeypatch.setattr(listing, "_plain", lambda corpus, width: laid_out.append(width) or real(corpus, width))

    def shown(columns: str) -> str:
        monkeypatch.setenv("COLUMNS", columns)
        return run("list", "--corpus", str(folder)).stdout

    first = shown("100")
    assert shown("100") == first and laid_out == [100]  # the second time read back
    assert shown("60") != first and laid_out == [100, 60]
    csv = run("list", "--corpus", str(folder), "--format", "csv").stdout
    assert run("list", "--corpus", str(folder), "--format", "csv").stdout == csv
    moved = folder / "others" / SAMPLES["004"].name
    moved.rename(moved.with_name("renamed.txt"))  # the same content: only its id changes
    after = shown("60")
    assert laid_out == [100, 60, 60] and "renamed" in after and SAMPLES["004"].stem not in after
    csv = run("list", "--corpus", str(folder), "--format", "csv").stdout
    assert "renamed" in csv and SAMPLES["004"].stem not in csv


def test_a_missing_file_named_as_a_plan_says_so():
    result = run("targets", "/nowhere/plan.txt")
    assert (result.exit_code, result.stderr) == (
        1, "Error: /nowhere/plan.txt: no such file; check the path, or name the plan by place or id\n"
    )
    # a file name of the corpus still works without its folder
    assert run("targets", SAMPLES["004"].name, "--format", "csv").exit_code == 0


def test_making_every_entry_inside_a_rendering_leaves_the_collector_paused_until_the_rendering_ends(folder):
    import gc

    from planctl.collector import paused

    corpus = open_corpus(folder)
    assert gc.isenabled()
    with paused():  # as cli.emit renders `list --format json`, which makes every entry
        assert len(corpus.entries) == 5
        assert not gc.isenabled()
    assert gc.isenabled()


def _ids(*args: str) -> list[str]:
    result = run("list", *args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return [line.split(",")[0] for line in result.stdout.splitlines()[1:]]


def test_list_names_the_documents_of_a_place_a_year_or_a_title_word():
    assert _ids("盘锦") == ["000_19feb183ca538f64", "003_657c2d959349a28d"]  # the city: its districts' documents
    assert _ids("兴隆台区") == _ids("兴隆台") == _ids("盘锦", "兴隆台")
    assert _ids("大連") == ["004_1d0a5113fd5c9ab2"]  # 大连, as typed in traditional characters
    assert _ids("辽宁", "2022") == ["000_19feb183ca538f64", "002_11601b642c36ea08"]
    assert _ids("纲要", "2021") == ["001_559f3303ea558438", "004_1d0a5113fd5c9ab2"]  # a word of the title
    assert _ids("盘锦", "report") == ["003_657c2d959349a28d"] and _ids("Plan") == _ids("规划")  # a kind
    assert _ids("上海") == [] and _ids("盘锦", "2021") == []
    assert len(_ids()) == len(_ids(" ")) == 5
    assert run("list", "上海", "--format", "text").stdout == (
        f"0 of 5 documents in {SAMPLES['000'].parent} match “上海”; `planctl list` shows them all\n")
    listed = json.loads(run("list", "沈阳", "--format", "json").stdout)
    assert [d["place"]["county"] for d in listed["documents"]] == ["皇姑区"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_list_of_a_province_is_every_document_placed_in_it(tmp_path):
    every = json.loads(run("list", "--corpus", str(SHARED), "--format", "json").stdout)["documents"]
    for typed, province in (("广东", "广东省"), ("廣東省", "广东省"), ("四川", "四川省")):
        placed = [d["id"] for d in every if d["place"]["province"] == province]
        assert len(placed) >= 2 and _ids(typed, "--corpus", str(SHARED)) == placed, typed
    kept = run("list", "--corpus", str(SHARED), "--format", "csv").stdout
    assert kept.count("\n") == len(every) + 1  # the whole listing, kept, is not the chosen one
