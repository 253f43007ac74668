"""The command line as a user drives it: outputs, exit codes, messages, files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from planctl.cli import cli

GOLDEN = Path(__file__).parent / "golden"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def table_at_80_columns(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[list[str], list[list[str]]]:
    """Run a command on an 80-column terminal; check that its table fits with its right border on every line, and
    return the table's header and the cells of its rows."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    table = [line for line in run(*args).stdout.splitlines() if line[:1] in "┏┃┡│└"]
    assert all(cell_len(line) == 80 and line[-1] in "┓┃┩│┘" for line in table)
    header = table[1].replace("┃", " ").split()
    return header, [[cell.strip() for cell in line.split("│")[1:-1]] for line in table if line.startswith("│")]


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PLANCTL_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review and rerun with PLANCTL_UPDATE_GOLDEN=1"


# -- golden outputs ---------------------------------------------------------------------------------


def test_compare_theme_markdown_golden():
    result = run("compare", "兴隆台", "沙河口", "--theme", "营商环境", "--format", "markdown")
    assert result.exit_code == 0
    golden("compare_xinglongtai_shahekou_yingshang.md", result.stdout)


def test_compare_theme_json_golden_and_keys():
    result = run("compare", "兴隆台", "沙河口", "海城", "--theme", "营商环境", "--format", "json")
    assert result.exit_code == 0
    golden("compare_three_yingshang.json", result.stdout)
    data = json.loads(result.stdout)
    assert data["theme"] == "营商环境"
    assert [p["place"]["county"] for p in data["plans"]] == ["兴隆台区", "沙河口区", "海城市"]
    assert set(data["plans"][0]) >= {"id", "place", "kind", "year", "title"}
    for row in data["rows"]:
        assert len(row["cells"]) == 3
        assert all(c is None or {"title", "path", "text"} <= set(c) for c in row["cells"])
        assert "similarity" in row
    # 办事方便 lines up across all three plans.
    titles = [[c and c["title"] for c in row["cells"]] for row in data["rows"]]
    assert any(row[0] == "提升全社会办事方便水平" and row[2] == "构建办事方便的营商环境" for row in titles)
    # Every passage on the theme is listed with the evidence it was chosen on.
    assert len(data["passages"]) == 3
    for passages in data["passages"]:
        assert passages and all({"path", "line", "text", "score", "evidence"} <= set(p) for p in passages)
    assert {s["path"] for s in data["sections"][0]} >= {"三、打造营商环境最优区"}


def test_coverage_matrix_markdown_golden():
    result = run("compare", "兴隆台", "沙河口", "海城", "皇姑", "--format", "markdown")
    assert result.exit_code == 0
    golden("coverage_four_plans.md", result.stdout)


def test_coverage_matrix_json_shape():
    data = json.loads(run("compare", "兴隆台", "皇姑", "--format", "json").stdout)
    assert len(data["matrix"]) >= 25
    cell = data["matrix"][0]["cells"][0]
    assert set(cell) == {"passages", "sections", "share"}
    # 乡村振兴 is an explicit gap of the urban district 皇姑区: no passage of its plan is on the countryside.
    assert "乡村振兴" in data["gaps"][1]


def test_outline_markdown_golden():
    sample = Path(__file__).parent.parent / "planctl" / "samples" / "004_1d0a5113fd5c9ab2.txt"
    result = run("outline", str(sample), "--topics", "--format", "markdown")
    assert result.exit_code == 0
    golden("outline_004.md", result.stdout)


def test_compare_diff_adds_word_diffs():
    result = run("compare", "海城", "皇姑", "--theme", "营商环境", "--diff", "--format", "markdown")
    assert result.exit_code == 0
    assert "## Word diffs" in result.stdout
    assert "~~" in result.stdout and "**" in result.stdout


def test_compare_csv():
    result = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "row,similarity,兴隆台区 2022规划 title,兴隆台区 2022规划 path,沙河口区 2021规划 title,沙河口区 2021规划 path"
    )
    assert len(lines) > 3


def test_terminal_output_is_a_table():
    result = run("compare", "兴隆台", "沙河口", "--theme", "营商环境")
    assert result.exit_code == 0
    assert "提升全社会办事方便水平" in result.stdout and "┃" in result.stdout


# -- finding plans ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["兴隆台", "兴隆台区", "興隆臺", "興隆臺區", "000"])
def test_place_names_find_the_plan(name):
    data = json.loads(run("compare", name, "沙河口", "--format", "json").stdout)
    assert data["plans"][0]["id"] == "000_19feb183ca538f64"


def test_ambiguous_name_takes_the_plan_and_says_so():
    result = run("compare", "兴隆台", "沙河口", "--format", "json")
    assert result.exit_code == 0
    assert "“兴隆台” matches 2 documents; using 000_19feb183ca538f64" in result.stderr
    assert "兴隆台:2023" in result.stderr


def test_place_with_year_picks_the_report():
    data = json.loads(run("compare", "兴隆台:2023", "沙河口", "--format", "json").stdout)
    assert data["plans"][0]["id"] == "003_657c2d959349a28d"
    assert data["plans"][0]["kind"] == "work report"


@pytest.mark.parametrize(("name", "kind"), [("兴隆台:report", "work report"), ("兴隆台:报告", "work report"),
                                          ("兴隆台:plan", "five-year plan"), ("兴隆台:2022:规划", "five-year plan"),
                                          ("兴隆台:2023:report", "work report")])
def test_a_kind_after_the_name_picks_the_plan_or_the_report(name, kind):
    data = json.loads(run("compare", name, "沙河口", "--format", "json").stdout)
    assert data["plans"][0]["kind"] == kind


@pytest.mark.parametrize(("name", "error"), [
    ("兴隆台:2023:plan", "no document of 2023 for “兴隆台”; years found: 2022"),
    ("兴隆台:proposal", "no plan proposal for “兴隆台”; `planctl list 兴隆台` shows its documents"),
    ("兴隆台:soon", "“兴隆台:soon”: after ':' give a year or a kind (plan, report, proposal), e.g. 兴隆台:2023 or "
                    "兴隆台:2023:report"),
])
def test_a_year_or_kind_that_finds_nothing_says_what_there_is(name, error):
    result = run("compare", name, "沙河口")
    assert (result.exit_code, result.stderr) == (2, f"Error: {error}\n")


def test_unknown_place_suggests_and_exits_2():
    result = run("compare", "兴龙台", "沙河口")
    assert result.exit_code == 2
    assert result.stderr == ("Error: no document for “兴龙台”; did you mean 兴隆台? `planctl list` shows them all "
                             "(a file outside the corpus is named by its path)\n")


def test_unknown_theme_suggests_and_exits_2():
    result = run("compare", "兴隆台", "沙河口", "--theme", "营商")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown theme “营商”; did you mean 营商环境")


def test_list_shows_every_sample():
    result = run("list", "--format", "csv")
    rows = result.stdout.splitlines()
    assert rows[0] == "id,place,level,kind,year,title,chars"
    assert len(rows) == 6
    assert rows[4].startswith("003_657c2d959349a28d,辽宁省盘锦市兴隆台区,county,work report,2023,2023政府工作报告,")


def test_themes_plan_shows_its_themes_by_share():
    data = json.loads(run("themes", "海城", "--format", "json").stdout)
    by_name = {t["theme"]: t for t in data["themes"]}
    assert len(by_name) >= 25
    shares = [t["share"] for t in data["themes"]]
    assert shares == sorted(shares, reverse=True)
    rural = by_name["乡村振兴"]
    assert rural["passages"] >= 25 and 0.08 <= rural["share"] <= 0.2
    assert {"农业", "农村"} <= {t["term"] for t in rural["terms"]}


# -- usage errors and files ---------------------------------------------------------------------------


def test_diff_without_theme_is_a_usage_error():
    result = run("compare", "兴隆台", "沙河口", "--diff")
    assert result.exit_code == 2
    assert "--diff needs --theme" in result.stderr


def test_one_plan_is_a_usage_error():
    result = run("compare", "兴隆台")
    assert result.exit_code == 2
    assert "at least two plans" in result.stderr


def test_existing_output_is_not_overwritten(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    result = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {target}: already exists; add --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 营商环境: 兴隆台区 2022规划 · 沙河口区 2021规划")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left behind


def test_a_report_written_into_the_corpus_folder_is_flagged(tmp_path):
    from planctl.corpus import default_corpus

    corpus = tmp_path / "plans"
    corpus.mkdir()
    for name in ("000_19feb183ca538f64.txt", "004_1d0a5113fd5c9ab2.txt"):
        (corpus / name).write_bytes((default_corpus() / name).read_bytes())
    inside = corpus / "out.md"
    result = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "--corpus", str(corpus), "-o", str(inside))
    assert result.exit_code == 0
    assert inside.read_text(encoding="utf-8").startswith("# 营商环境")  # written as asked
    assert result.stderr == (f"warning: {inside} is inside the corpus folder {corpus}: the next command will read "
                             "it as a plan; move it out of the folder, or write reports elsewhere\n")
    again = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "--corpus", str(corpus))
    assert "Others: out (兴隆台区 other)" in again.stderr  # what the warning said would happen
    inside.unlink()
    # Outside the folder, or in a format the corpus does not read (.json), nothing to say.
    for target in (tmp_path / "out.md", corpus / "out.json"):
        quiet = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "--corpus", str(corpus), "-o", str(target))
        assert quiet.exit_code == 0 and quiet.stderr == ""


def test_output_format_follows_the_file_suffix(tmp_path):
    target = tmp_path / "cmp.json"
    assert run("compare", "兴隆台", "沙河口", "-t", "营商环境", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["theme"] == "营商环境"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file; check the path, or name the plan by place or id"),
        (lambda d: d, "is a folder; give a plan's text file, or use --corpus"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_bytes(b""))[0], "the file is empty; nothing to outline"),
        (lambda d: (d / "a.pdf", (d / "a.pdf").write_bytes(b"%PDF-1.4\n"))[0],
         "the PDF is damaged and cannot be read; export or download it again"),
    ],
)
def test_bad_files_get_one_clear_line(tmp_path, make, message):
    path = make(tmp_path)
    result = run("outline", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: {message}{f' {path}' if message.endswith('--corpus') else ''}\n"
    assert result.stdout == ""


def test_outline_takes_a_place_name_or_id_as_the_other_commands_do():
    by_file = run("outline", str(SAMPLES["004"]), "--format", "json", "--depth", "1")
    by_name = run("outline", "沙河口", "--format", "json", "--depth", "1")
    by_id = run("outline", SAMPLES["004"].stem, "--format", "json", "--depth", "1")
    assert by_file.exit_code == by_name.exit_code == by_id.exit_code == 0
    assert by_name.stdout == by_id.stdout == by_file.stdout
    assert json.loads(by_name.stdout)["title"].startswith("大连市沙河口区")
    unknown = run("outline", "不存在的地方")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("Error: no document for “不存在的地方”")


def test_corpus_option_and_environment(tmp_path, monkeypatch):
    plan = "某某区国民经济和社会发展第十四个五年规划纲要\n第一章 优化营商环境\n营商环境持续优化。\n"
    (tmp_path / "a.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "b.md").write_text("# 另一区政府工作报告\n## 一、优化营商环境\n政务服务更便捷。\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.4")
    monkeypatch.setenv("PLANCTL_CORPUS", str(tmp_path))
    result = run("list", "--format", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3
    assert "warning: skipped" in result.stderr and "broken.txt" in result.stderr
    # A sample's name in another corpus: the message says which corpus was looked in, and how to name a file.
    missing = run("compare", "沙河口", "a.txt")
    assert missing.exit_code == 2 and missing.stderr.splitlines()[-1] == (
        f"Error: no document for “沙河口” in {tmp_path}; `planctl list` shows them all "
        "(a file outside the corpus is named by its path)")
    by_path = run("compare", str(SAMPLES["004"]), "a.txt", "--theme", "营商环境", "--format", "json")
    assert by_path.exit_code == 0 and json.loads(by_path.stdout)["plans"][0]["title"].startswith("大连市沙河口区")


def test_a_file_that_cannot_be_read_is_named_once_then_counted(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("某某区政府工作报告\n一、优化营商环境\n政务服务更便捷。\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("PLANCTL_CORPUS", str(tmp_path))
    first = run("list", "--format", "csv")
    assert first.stderr.splitlines() == [
        f"warning: skipped {tmp_path / 'broken.txt'}: the PDF is damaged and cannot be read; "
        "export or download it again",
        f"warning: skipped {tmp_path / 'empty.txt'}: the file is empty; nothing to outline",
    ]
    # Unchanged, they are not named again on every command: a count, and where to see them.
    again = run("search", "营商环境")
    assert again.exit_code == 0 and again.stderr.splitlines() == [
        f"warning: 2 files of this folder could not be read when indexed and are still skipped; "
        f"`planctl index {tmp_path}` lists them"
    ]
    assert run("index", "--quiet", str(tmp_path)).stderr == first.stderr
    (tmp_path / "empty.txt").write_text("另一区政府工作报告\n一、营商环境\n好。\n", encoding="utf-8")
    fixed = run("list", "--format", "csv")
    assert len(fixed.stdout.splitlines()) == 3 and fixed.stderr.splitlines() == [
        f"warning: 1 file of this folder could not be read when indexed and is still skipped; "
        f"`planctl index {tmp_path}` lists it"
    ]


def test_every_command_is_documented_with_an_example():
    for name, command in cli.commands.items():
        assert command.help and "Example" in command.help, name


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys\nfrom planctl.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich', 'jieba', 'opencc', 'yaml', 'rapidfuzz', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_naming_a_plan_of_an_indexed_corpus_does_not_import_the_parser():
    # the parser's modules compile dozens of patterns on import; a lookup in the index needs none of them
    code = ("import sys\nfrom planctl.corpus import open_corpus, resolve\n"
            "corpus = open_corpus()\n"
            "print(resolve(corpus, '沙河口').entry.info.place.county, 'planctl.metadata' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # indexes the samples if need be
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["沙河口区", "False"]


def test_jieba_segments_without_pkg_resources():
    # jieba imports pkg_resources when it can (0.2 s of every first word diff); it reads its files without it
    code = ("import sys\nfrom planctl.terms import tokenize\n"
            "print(tokenize('优化营商环境'), 'pkg_resources' in sys.modules, 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['优化', '营商', '环境'] False True"
    assert out.stderr == ""


def test_jieba_segments_as_stock_jieba_with_a_cold_and_a_warm_cache(tmp_path):
    # planctl reads jieba's dictionary cache whole (marshal.loads) instead of object by object: 1 s less
    text = SAMPLES["001"].read_text(encoding="utf-8")[:3000]
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where jieba keeps its cache

    def segment(code: str) -> str:
        return subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
                              env=env).stdout

    ours = "import sys\nfrom planctl.terms import _jieba\nprint('|'.join(_jieba().lcut(sys.stdin.read())))"
    cold = segment(ours)
    assert (tmp_path / "jieba.cache").is_file()
    warm = segment(ours)
    stock = segment("import sys, jieba\nprint('|'.join(jieba.lcut(sys.stdin.read())))")
    assert cold == warm == stock and cold.count("|") > 1000


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "planctl", "--version"], capture_output=True, text=True, check=True)
    assert "version" in out.stdout


def test_markdown_escapes_pipes_and_markup():
    from planctl.render import md

    assert md.escape("a|b *c* [d] <e> `f`") == "a\\|b \\*c\\* \\[d\\] \\<e> \\`f\\`"
    table = md.table(["x", "y"], [["1|2", "line\nbreak"]])
    assert table.splitlines()[2] == "| 1\\|2 | line break |"


def test_nothing_to_show_is_one_sentence_not_an_empty_table(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    for name, chapter in (("a", "第一章 发展基础\n经济平稳。"), ("b", "第一章 农业发展\n粮食丰收。")):
        (tmp_path / f"{name}.txt").write_text(f"某区十四五规划纲要\n{chapter}\n", encoding="utf-8")
    nothing = "Nothing to align: no plan has a sub-heading, topic phrase or passage on this theme."
    compare = ["compare", "a", "b", "--theme", "营商环境", "--corpus", str(tmp_path)]
    text = run(*compare)
    assert text.exit_code == 0 and nothing in text.stdout and "sim" not in text.stdout
    markdown = run(*compare, "--format", "markdown").stdout
    assert f"## Aligned items\n\n{nothing}\n\n## Terms" in markdown
    html = run(*compare, "--format", "html").stdout
    assert f'<p class="legend">{nothing}</p>' in html and "<table class=\"aligned\">" not in html
    related = run("reuse", "a", "--corpus", str(tmp_path))
    assert related.exit_code == 0
    assert related.stdout.splitlines()[-1] == "No other document of the corpus shares text with it."
    assert "┏" not in related.stdout and "direction" not in related.stdout


def test_an_outline_on_an_80_column_terminal_keeps_each_size_beside_its_heading(monkeypatch):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    lines = run("outline", "海城").stdout.splitlines()
    assert max(map(cell_len, lines)) <= 80
    assert not [line for line in lines if re.fullmatch(r"[│ ]*chars\s*", line)]  # never "557 / chars"
    at = next(i for i, line in enumerate(lines) if "第二节 持续推进农村综合改革" in line)
    assert lines[at].rstrip().endswith("  557 chars")  # a title too long for its line wraps beside its size
    assert lines[at + 1].replace("│", "").strip() == "果"  # …三项试点成 / 果
    assert "├── 第一节 坚持不懈优化营商环境  1,377 chars" in lines[at - 1]


def test_a_passage_mark_on_the_terminal_goes_with_its_quote(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = [line.rstrip() for line in run("compare", "兴隆台", "沙河口", "--theme", "营商环境").stdout.splitlines()]
    assert not [line for line in lines if line.endswith("¶")]  # never ¶ at a line's end, its quote on the next
    assert any(line.lstrip().startswith("¶“坚持创新驱动”") for line in lines)


def test_a_corpus_of_one_document_is_listed_as_one_document(tmp_path):
    (tmp_path / "a.txt").write_text("某区2023年政府工作报告\n一、工作回顾\n经济增长5%。\n", encoding="utf-8")
    text = run("list", "--corpus", str(tmp_path)).stdout
    assert text.splitlines()[0].strip() == f"1 document in {tmp_path}"
    html = run("list", "--corpus", str(tmp_path), "--format", "html").stdout
    assert f"<h1>1 document in {tmp_path}</h1>" in html
