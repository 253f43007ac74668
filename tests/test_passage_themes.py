"""Themes found passage by passage: scored against the hand-marked passages of tests/themes_gold, and the
behaviour a reader relies on (a section on a theme by what its passages say, evidence, caching)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from planctl.cli import cli
from planctl.corpus import open_corpus
from planctl.passage_themes import corpus_weights, plan_passages
from planctl.themes import load_theme_map

GOLD = Path(__file__).resolve().parent / "themes_gold"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
THEMES = ("营商环境", "数字经济", "乡村振兴")
RECALL, PRECISION = 0.9, 0.85  # the goals of issue 10, for each theme


@dataclass
class Marked:
    file: str  # the document's file name
    marks: dict[int, str]  # line → one mark per theme, in THEMES order: + on, ? borderline, - off


def _gold() -> list[Marked]:
    out = []
    for tsv in sorted(GOLD.glob("*.tsv")):
        lines = tsv.read_text(encoding="utf-8").splitlines()
        source = lines[0].split(":", 1)[0].lstrip("# ").strip()
        marks = {}
        for row in lines[2:]:
            line, *m, _ = row.split("\t")
            marks[int(line)] = "".join(m)
        out.append(Marked(Path(source).name, marks))
    return out


@pytest.fixture(scope="module")
def returned():
    """For every marked document, the lines planctl returns for each theme, through the pipeline a user runs:
    the samples as the bundled corpus, the others in ../shared/corpus with term weights counted there."""
    tmap = load_theme_map()
    samples = open_corpus()
    corpora = [samples] + ([open_corpus(SHARED)] if (SHARED / "LABELS.csv").is_file() else [])
    found: dict[str, dict[str, set[int]]] = {}
    for corpus in corpora:
        weights = corpus_weights(tmap, corpus)
        for entry in corpus.entries:
            plan = plan_passages(tmap, entry, corpus, weights)
            found[entry.path.name] = {t: {tp.passage.line for tp in plan.on_theme(tmap.require(t))} for t in THEMES}
    return found


def _score(returned, theme: str, documents: list[Marked]) -> tuple[int, int, int, int]:
    i = THEMES.index(theme)
    on = hit = got = right = 0
    for doc in documents:
        lines = returned[doc.file][theme]
        marked_on = {line for line, m in doc.marks.items() if m[i] == "+"}
        acceptable = {line for line, m in doc.marks.items() if m[i] in "+?"}
        on, hit = on + len(marked_on), hit + len(marked_on & lines)
        got, right = got + len(lines), right + len(lines & acceptable)
    return on, hit, got, right


def test_the_gold_set_covers_every_passage_and_the_levels_asked():
    gold = _gold()
    assert len(gold) >= 11
    assert sum(1 for d in gold if not d.file.startswith("0")) >= 6  # documents of ../shared/corpus
    for doc in gold:
        assert all(len(m) == 3 and set(m) <= set("+?-") for m in doc.marks.values()), doc.file


@pytest.mark.parametrize("theme", THEMES)
def test_recall_and_precision_on_the_marked_passages(returned, theme):
    gold = [d for d in _gold() if d.file in returned]
    if len(gold) < 13:
        pytest.skip("../shared/corpus is not here: only the samples can be scored")
    on, hit, got, right = _score(returned, theme, gold)
    # Measured when the rules were set: 营商环境 38/40 and 61/65, 数字经济 28/29 and 56/60, 乡村振兴 51/52 and
    # 65/72 (README). Each theme has at least 29 passages marked on it.
    assert on >= 29
    assert hit / on >= RECALL, f"{theme}: recall {hit}/{on}"
    assert right / got >= PRECISION, f"{theme}: precision {right}/{got}"


def test_the_samples_alone_meet_the_goals(returned):
    """What a new user sees on the bundled samples, without ../shared/corpus."""
    gold = [d for d in _gold() if d.file.startswith("0")]
    for theme in THEMES:
        on, hit, got, right = _score(returned, theme, gold)
        if on:
            assert hit / on >= RECALL, f"{theme}: recall {hit}/{on}"
        assert right / got >= PRECISION, f"{theme}: precision {right}/{got}"


def _json(*args):
    import json

    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_districts_the_issue_named_are_found_on_digital_economy():
    """皇姑 and 沙河口 spoke of 数字经济 outside any section named for it; 海城 only in one 节 of its 第六章."""
    data = _json("compare", "兴隆台", "皇姑", "海城", "沙河口", "--theme", "数字经济")
    by_plan = {p["place"]["county"]: i for i, p in enumerate(data["plans"])}
    huanggu = data["passages"][by_plan["皇姑区"]]
    assert any(p["text"].startswith("大力发展新一代信息技术产业") for p in huanggu)
    assert any("加快推进城区智慧发展" in s["path"] for s in data["sections"][by_plan["皇姑区"]])
    shahekou = data["passages"][by_plan["沙河口区"]]
    assert any(p["text"].startswith("数字信息产业") for p in shahekou)
    haicheng = data["sections"][by_plan["海城市"]]
    assert any(s["path"].endswith("第五节 大力发展数字经济") for s in haicheng)
    assert not any(s["path"].endswith("着力建设数字海城、智造强县") for s in haicheng)  # not the whole 第六章


def test_coverage_gaps_only_where_no_passage_speaks_of_a_theme():
    data = _json("compare", "兴隆台", "皇姑", "海城", "沙河口")
    plans = [p["place"]["county"] for p in data["plans"]]
    gaps = dict(zip(plans, data["gaps"], strict=True))
    assert "数字经济" not in gaps["皇姑区"] and "数字经济" not in gaps["沙河口区"]
    assert "生态环境与绿色低碳" not in gaps["兴隆台区"]
    assert "乡村振兴" in gaps["皇姑区"]  # an urban district of Shenyang: nothing on the countryside
    for row in data["matrix"]:
        for plan, cell in zip(plans, row["cells"], strict=True):
            assert (cell["passages"] == 0) == (row["theme"] in gaps[plan])
            assert 0 <= cell["share"] <= 1


def test_themes_plan_theme_lists_passages_in_order_with_evidence():
    data = _json("themes", "海城", "--theme", "乡村振兴")
    assert data["theme"] == "乡村振兴"
    assert data["plan"]["place"] == "辽宁省鞍山市海城市"
    lines = [p["line"] for p in data["passages"]]
    assert lines == sorted(lines) and len(lines) >= 25
    source = (Path(__file__).resolve().parent.parent / "planctl" / "samples" / "001_559f3303ea558438.txt")
    text = source.read_text(encoding="utf-8").splitlines()
    for p in data["passages"]:
        assert set(p) >= {"path", "line", "text", "score", "evidence"}
        assert p["text"][:10] in text[p["line"] - 1]  # the paragraph's line in the source file
        assert p["score"] >= 2.0
        for ev in p["evidence"]:
            assert ev["where"] in ("heading", "topic", "text")
            assert ev["where"] == "heading" or ev["term"] in p["text"]
    first = next(p for p in data["passages"] if p["line"] == 204)
    assert {"耕地", "粮食"} <= {e["term"] for e in first["evidence"]}


def test_a_plan_without_a_theme_says_so():
    result = CliRunner().invoke(cli, ["themes", "皇姑", "--theme", "乡村振兴", "--format", "markdown"])
    assert result.exit_code == 0
    assert "0 passages on the theme" in result.stdout and "nothing on this theme" in result.stdout


def test_theme_options_that_do_not_go_together_are_usage_errors():
    for args in (["themes", "--theme", "营商环境"], ["themes", "海城", "--suggest", "营商环境"],
                 ["themes", "--check", "x.yaml", "--theme", "营商环境"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
    result = CliRunner().invoke(cli, ["themes", "海城", "--theme", "营商"])
    assert result.exit_code == 2 and "unknown theme “营商”" in result.output


def test_suggestions_are_new_words_that_mark_the_theme():
    data = _json("themes", "--suggest", "乡村振兴", "--limit", "15")
    tmap = load_theme_map()
    known = tmap.require("乡村振兴").terms
    words = [w["word"] for w in data["words"]]
    assert len(words) == 15 and data["documents"] == 5
    for w in data["words"]:
        assert not any(w["word"] in k or k in w["word"] for k in known)
        assert w["on_theme"] >= 3 and w["z"] > 0
    zs = [w["z"] for w in data["words"]]
    assert zs == sorted(zs, reverse=True)


def test_a_large_corpus_samples_by_content_so_a_new_file_changes_the_weights_little(tmp_path, monkeypatch):
    """Term weights are counted on a sample of a large corpus: adding a file may swap one document of it (its
    features counted), never the whole sample; the others' counts are read back, not made again."""
    import shutil

    from conftest import SAMPLES

    from planctl import passage_themes as pt

    monkeypatch.setattr(pt, "WEIGHT_SAMPLE", 3)  # as 200 of thousands
    root = tmp_path / "plans"
    root.mkdir()
    for path in SAMPLES.values():
        shutil.copy(path, root / path.name)
    tmap = load_theme_map()
    before = open_corpus(root)
    sampled = {before.keys()[i] for i in pt._sample(before)}
    assert sampled == set(sorted(before.keys())[:3])
    corpus_weights(tmap, before)

    featured: list[str] = []  # the files whose passages were looked at for themes
    swapped = 0
    real = pt.document_features
    monkeypatch.setattr(pt, "document_features",
                        lambda t, doc, found=None: featured.append(Path(doc.source).name) or real(t, doc, found))
    for n in range(4):  # new texts; their keys fall where they may
        text = SAMPLES["002"].read_text(encoding="utf-8") + f"\n十、附则\n本规划自印发之日起实施({n})。\n"
        (root / f"new_{n}.txt").write_text(text, encoding="utf-8")
        after = open_corpus(root)
        now = {after.keys()[i] for i in pt._sample(after)}
        assert len(now - sampled) <= 1 and now == set(sorted(after.keys())[:3])
        featured.clear()
        corpus_weights(tmap, after)
        assert featured == [Path(after.entry(i).file).name  # only the document new to the sample
                            for i in pt._sample(after) if after.keys()[i] not in sampled]
        swapped = swapped + 1 if now != sampled else swapped
        sampled = now
    assert swapped  # the case that matters was seen


def test_term_weights_counted_in_worker_processes_are_those_of_each_document(tmp_path, monkeypatch):
    """A first comparison on a large corpus looks for every theme in each passage of its sample in worker
    processes: the weights and the passages kept for later are those of each document's own features."""
    import shutil
    from functools import partial

    from conftest import SAMPLES

    from planctl import passage_themes as pt
    from planctl.parallel import PARALLEL_FROM, spread

    root = tmp_path / "plans"
    root.mkdir()
    for path in SAMPLES.values():
        shutil.copy(path, root / path.name)
    for n in range(PARALLEL_FROM - len(SAMPLES) + 2):  # enough documents to be counted apart
        text = SAMPLES[f"00{n % 5}"].read_text(encoding="utf-8") + f"\n十、附则\n本规划自印发之日起实施({n})。\n"
        (root / f"more_{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(pt, "spread", partial(spread, workers=2))
    tmap = load_theme_map()
    corpus = open_corpus(root)
    weights = corpus_weights(tmap, corpus)

    docs = {corpus.keys()[i]: corpus.entry(i).doc for i in range(len(corpus.keys()))}
    assert len(docs) >= PARALLEL_FROM
    features = {key: pt.document_features(tmap, doc)[1] for key, doc in docs.items()}
    assert weights == pt.term_weights(pt.term_counts(f) for f in features.values())
    assert weights["营商环境"] < 1  # not all alike: a theme's name is in many passages
    assert {key: corpus.index.get(f"passage-themes:{tmap.digest}:{key}") for key in docs} == features
