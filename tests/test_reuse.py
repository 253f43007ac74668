"""Text reuse: hand-checked pairs of real documents, spliced documents found exactly, formulas apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from test_cli import table_at_80_columns

from planctl.cli import cli
from planctl.corpus import open_corpus, resolve
from planctl.reuse import CorpusCounts, compare_reuse, related, reuse_in_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Hand-checked: every passage of A (the first) that repeats B (the second). The rule: a passage repeats B
# when about half of it or more reads as in one or a few passages of B, in stretches of six characters or
# more, figures, names and particles aside; a passage under 30 characters (a heading, a glossary line)
# only when it is nearly whole in a passage of about its length. Formulas count as repeats here; which of
# them are formula is tested apart. Lines are those of the outline (planctl outline FILE --format json).
# Checked by reading every passage the aligner scored 0.3 or more against its best counterpart in B,
# and the rest of A for reworded repeats it might have missed.
GOLD = {
    # consecutive reports of a county: the opening, the thanks, the targets sentence, a closing list
    ("易县:2020", "易县:2019"): {12, 24, 30, 62},
    # the header and opening, the guiding thought, and the glossary kept from year to year
    # (11 顺平县人民政府县长刘玉辉 repeats a line that the 2021 file runs into its header: missed)
    ("顺平县:2022", "顺平县:2021"): {8, 10, 11, 13, 29, 95, 96, 98, 99, 100, 104, 112, 116},
    # a 十五五 plan against the national one: sentences of the national framing kept with a word changed
    # (364 在此基础上再奋斗五年… keeps the national sentence's frame with new nouns: missed, 0.39;
    # 401 reuses the national lead clause only: found, counted as a false match)
    ("南京市:2026", "中华人民共和国:2026"): {335, 337, 343, 360, 364, 543, 1201},
    # consecutive reports of a district: the opening sentence and the thanks
    ("海拉尔区:2018", "海拉尔区:2017"): {9, 31},
}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_reused_passages_of_real_pairs_against_the_hand_checked_list():
    corpus = open_corpus(SHARED)
    found = right = wanted = 0
    for (a, b), gold in GOLD.items():
        r = reuse_in_corpus(corpus, resolve(corpus, a).entry, resolve(corpus, b).entry, with_diff=False)
        predicted = {m.a.line for m in r.matches + r.formulas}
        found, right, wanted = found + len(predicted), right + len(predicted & gold), wanted + len(gold)
    precision, recall = right / found, right / wanted
    print(f"\nreuse: {right} of {wanted} hand-checked repeats found, {found} reported: "
          f"precision {precision:.1%}, recall {recall:.1%}")
    assert precision >= 0.9 and recall >= 0.9


# Paragraphs of sample 004 (沙河口's plan), each copied into sample 003 (兴隆台's report) lightly edited.
SPLICES = [
    ("打造大连一流的营商环境", "大连", "盘锦"),
    ("高标准更充分促进社会就业", "就业", "就业创业"),
    ("加强资源节约高效利用", "。", ";"),
    ("强化城区公共安全保障", "城区", "全区"),
]


def _splice(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Sample 003 with four paragraphs of sample 004 spliced in, in a corpus with the other samples."""
    from planctl.parser import parse_bytes

    source = parse_bytes(SAMPLES["004"].read_bytes())
    by_heading = {s.title: s for _, s in source.walk()}
    folder = tmp_path / "corpus"
    folder.mkdir()
    for key, path in SAMPLES.items():
        if key != "003":
            shutil.copy(path, folder / path.name)
    lines = SAMPLES["003"].read_text(encoding="utf-8").splitlines()
    copied: dict[str, str] = {}
    for n, (heading, old, new) in enumerate(SPLICES):
        section = next(s for title, s in by_heading.items() if heading in title)
        paragraph = max(section.paragraphs, key=lambda p: len(p.text))
        edited = paragraph.text.replace(old, new, 1)
        assert edited != paragraph.text or old not in paragraph.text
        at = 60 + n * 25  # inside the body of the report, far apart
        lines.insert(at, edited)
        copied[edited] = paragraph.text
    spliced = folder / "spliced.txt"
    spliced.write_text("\n".join(lines), encoding="utf-8")
    return spliced, copied


def test_spliced_paragraphs_are_found_exactly(tmp_path):
    spliced, copied = _splice(tmp_path)
    shutil.copy(SAMPLES["003"], tmp_path / "original.txt")
    corpus = open_corpus(spliced.parent)
    a = corpus.load_file(spliced)
    b = resolve(corpus, "沙河口").entry
    count = CorpusCounts(corpus)
    before = compare_reuse(corpus.load_file(tmp_path / "original.txt"), b, count, len(corpus.entries))
    after = compare_reuse(a, b, count, len(corpus.entries))
    new_matches = {m.a.text for m in after.matches} - {m.a.text for m in before.matches}
    assert new_matches == set(copied)
    for m in after.matches:
        if m.a.text in copied:
            assert m.b.text == copied[m.a.text] and m.kind in ("near", "verbatim") and m.similarity >= 0.9
    assert after.share > before.share


def test_formulas_are_reported_apart_with_their_document_count(tmp_path):
    formula = ("以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届历次全会精神,"
               "坚持稳中求进工作总基调,立足新发展阶段,完整、准确、全面贯彻新发展理念,构建新发展格局。")
    own = "建设辽河口湿地生态公园,修复岸线十二公里,打造鹤乡湿地旅游品牌,年接待游客突破五十万人次。"
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SAMPLES.values():
        shutil.copy(path, folder / path.name)
    (folder / "a.txt").write_text(f"甲县政府工作报告\n一、总体要求\n{formula}\n{own}\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"乙县政府工作报告\n一、总体要求\n{formula}\n{own}\n", encoding="utf-8")
    corpus = open_corpus(folder)
    r = reuse_in_corpus(corpus, resolve(corpus, "a.txt").entry, resolve(corpus, "b.txt").entry)
    assert [m.a.text for m in r.formulas] == [formula]
    assert r.formulas[0].documents >= 3
    assert [(m.a.text, m.kind) for m in r.matches] == [(own, "verbatim")]


def test_a_stretch_common_as_a_whole_is_counted_once_not_window_by_window(tmp_path):
    formula = "坚持以人民为中心的发展思想,统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。"
    own = "建设辽河口湿地生态公园,修复岸线十二公里,打造鹤乡湿地旅游品牌,年接待游客突破五十万人次。"
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in (("a", own), ("b", own), ("c", "发展乡村旅游。"), ("d", "建设智慧城市。")):
        plan = f"{name}县政府工作报告\n一、总体要求\n{formula}\n{text}\n"
        (folder / f"{name}.txt").write_text(plan, encoding="utf-8")
    corpus = open_corpus(folder)
    counts = CorpusCounts(corpus)
    r = compare_reuse(resolve(corpus, "a.txt").entry, resolve(corpus, "b.txt").entry, counts, len(counts.keys))
    assert [(m.a.text, m.documents) for m in r.formulas] == [(formula, 3)]  # 3: counting stops at the threshold
    assert [m.a.text for m in r.matches] == [own]
    # In all four documents, the formula needs one look-up per shared stretch, none per 8-character window;
    # the passage only a and b share is counted window by window, as a stretch that rare must be.
    assert [s for s in counts.counts if s in formula] and all(len(s) > 8 for s in counts.counts if s in formula)
    assert any(len(s) == 8 for s in counts.counts if s in own)


def test_reuse_cli_says_what_is_new_this_year():
    result = run("reuse", "兴隆台:2023", "兴隆台:2022", "--new", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["a"]["kind"], data["b"]["kind"]) == ("work report", "five-year plan")
    lines = [p["line"] for p in data["new"]] + [m["a"]["line"] for m in data["matches"] + data["formulas"]]
    assert sorted(lines) == sorted(set(lines))  # every passage of A is new, reused or formula, once
    text = run("reuse", "兴隆台:2023", "兴隆台:2022", "--new", "--format", "markdown").stdout
    assert text.startswith("# Reuse: 兴隆台区 2023 work report from 兴隆台区 2022 five-year plan\n")
    assert "## New in 兴隆台区 2023 work report" in text


def test_reuse_in_a_corpus_finds_where_a_document_borrows_from(tmp_path):
    spliced, _ = _splice(tmp_path)
    corpus = open_corpus(spliced.parent)
    borrows_from, borrowed_by = related(corpus, resolve(corpus, "spliced.txt").entry)
    assert borrows_from[0].entry.id == "004_1d0a5113fd5c9ab2"
    assert borrows_from[0].share > 0.05
    # Shared text reads both ways; which document came first is for the years to say.
    assert borrowed_by[0].entry.id == "004_1d0a5113fd5c9ab2"
    result = run("reuse", "spliced.txt", "--corpus", str(spliced.parent), "--format", "csv")
    assert result.stdout.splitlines()[1].startswith("borrows from,004_1d0a5113fd5c9ab2,")


def test_the_documents_a_plan_borrows_from_fit_an_80_column_terminal_ids_whole(monkeypatch):
    header, cells = table_at_80_columns(monkeypatch, "reuse", "兴隆台")
    assert header == ["direction", "id", "place", "kind", "year", "share", "passages"]
    rows = [row for row in cells if row[0] in ("borrows", "borrowed")]  # a row's first line: a place wraps
    assert [row[1] for row in rows] == ["001_559f3303ea558438", "002_11601b642c36ea08", "004_1d0a5113fd5c9ab2",
                                        "004_1d0a5113fd5c9ab2", "002_11601b642c36ea08", "001_559f3303ea558438",
                                        "003_657c2d959349a28d"]
    assert [row[3] for row in rows] == ["plan"] * 6 + ["report"]


def test_counts_and_neighbours_are_kept_for_the_corpus_as_it_is(tmp_path, monkeypatch):
    from planctl.index import Index

    spliced, _ = _splice(tmp_path)
    corpus = open_corpus(spliced.parent)
    a, b = resolve(corpus, "spliced.txt").entry, resolve(corpus, "沙河口").entry
    first = reuse_in_corpus(corpus, a, b)
    near = related(corpus, a)
    assert near[0] and first.matches

    def no_lookups(*args):
        raise AssertionError("counted again")

    # The next command answers from what the index kept: not one full-text look-up.
    lookups = Index.documents_matching
    monkeypatch.setattr(Index, "documents_matching", no_lookups)
    again = open_corpus(spliced.parent)
    a2, b2 = resolve(again, "spliced.txt").entry, resolve(again, "沙河口").entry
    assert [(m.a.text, m.kind) for m in reuse_in_corpus(again, a2, b2).matches] == [
        (m.a.text, m.kind) for m in first.matches]
    assert [[(r.entry.id, r.passages, r.share) for r in found] for found in related(again, a2)] == [
        [(r.entry.id, r.passages, r.share) for r in found] for found in near]
    # A corpus with one document more counts again: its counts and neighbours are not the old ones.
    monkeypatch.setattr(Index, "documents_matching", lookups)
    shutil.copy(SAMPLES["003"], spliced.parent / "another.txt")
    grown = open_corpus(spliced.parent)
    assert CorpusCounts(grown).counts == {}
    before = len(grown.index.db.execute("SELECT key FROM blobs WHERE key LIKE 'related:%'").fetchall())
    related(grown, resolve(grown, "spliced.txt").entry)
    assert len(grown.index.db.execute("SELECT key FROM blobs WHERE key LIKE 'related:%'").fetchall()) == before + 1


def test_reuse_takes_one_or_two_plans():
    result = run("reuse", "兴隆台", "沙河口", "海城")
    assert result.exit_code == 2 and "reuse takes one plan" in result.stderr


def test_a_document_sharing_nothing_says_so(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "tiny.txt").write_text("一、总则\n", encoding="utf-8")
    (folder / "other.txt").write_text("这是一段没有标题的文字。\n", encoding="utf-8")
    result = run("reuse", "tiny.txt", "--corpus", str(folder), "--format", "markdown")
    assert result.stdout == (
        "# Text reuse around tiny other (tiny)\n\n"
        "share: of the borrowing document's text found in the other, formulas apart.\n\n"
        "No other document of the corpus shares text with it.\n"
    )
    pair = run("reuse", "tiny.txt", "other.txt", "--corpus", str(folder), "--format", "markdown").stdout
    assert pair.startswith("# Reuse: tiny other from other other\n\n0.0% of tiny other repeats other other")
