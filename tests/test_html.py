"""HTML reports, parsed: their tables, highlights and header say what the JSON of the same command says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from planctl.cli import cli

FOUR = ("兴隆台", "沙河口", "海城", "皇姑")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def page(*args: str):
    result = run(*args, "--format", "html")
    assert result.exit_code == 0, result.stderr
    return lxml.html.fromstring(result.stdout), result.stdout


def texts(nodes) -> list[str]:
    return [n.text_content().strip() for n in nodes]


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "兴隆台", "沙河口", "--theme", "营商环境"),
        ("compare", *FOUR),
        ("compare", "海城", "兴隆台:2023", "沙河口", "--targets"),
        ("targets", "海城"),
        ("themes", "海城"),
        ("themes", "皇姑", "--theme", "数字经济"),
        ("themes", "--suggest", "乡村振兴"),
        ("outline", "planctl/samples/001_559f3303ea558438.txt"),
        ("list",),
        ("search", "营商环境"),
        ("reuse", "兴隆台:2023", "兴隆台:2022", "--new"),
        ("reuse", "兴隆台:2023"),
        ("track", "兴隆台"),
        ("trend", "兴隆台:2023", "--indicator", "地区生产总值"),
    ],
    ids=["compare-theme", "coverage", "lineup", "targets", "themes", "theme-passages", "suggest", "outline", "list",
         "search", "reuse", "related", "track", "trend"],
)
def test_every_report_is_one_self_contained_file_that_says_how_it_was_made(args):
    tree, raw = page(*args)
    # Self-contained: inline CSS, nothing to fetch, no script needed to read it.
    assert tree.xpath("//style") and "Noto Sans CJK SC" in raw
    assert not tree.xpath("//script | //link | //img | //iframe")
    assert not [a for a in tree.xpath("//@src | //@href") if a.startswith(("http", "//"))]
    assert tree.xpath("//html/@lang") == ["zh-Hans"] and tree.xpath("//meta/@charset") == ["utf-8"]
    made = dict(zip(texts(tree.xpath("//dl[@class='made']/dt")), texts(tree.xpath("//dl[@class='made']/dd")),
                    strict=True))
    assert made["command"] == "planctl " + " ".join(args) + " --format html"
    assert made["made by"].endswith(date.today().isoformat()) and made["made by"].startswith("planctl ")


def test_the_theme_comparison_aligns_highlights_and_marks_differences():
    tree, _ = page("compare", "兴隆台", "沙河口", "--theme", "营商环境")
    data = json.loads(run("compare", "兴隆台", "沙河口", "--theme", "营商环境", "--format", "json").stdout)
    assert texts(tree.xpath("//table[@class='sources']//tbody/tr/td[1]")) == ["兴隆台区 2022规划", "沙河口区 2021规划"]
    header = texts(tree.xpath("//table[@class='aligned']/thead//th"))
    assert header == ["兴隆台区 2022规划", "沙河口区 2021规划", "similarity"]
    rows = tree.xpath("//table[@class='aligned']/tbody/tr")
    assert len(rows) == len(data["rows"])
    for row, want in zip(rows, data["rows"], strict=True):
        cells = row.xpath("./td")
        for cell, item in zip(cells, want["cells"], strict=False):
            title = cell.xpath("./text() | ./mark/text()")
            assert ("".join(title).strip() or "—") == (f"{item['label']}{item['title']}" if item else "—")
    # Theme terms are marked in headings and section paths; the matched pair (similarity 0.28) has a word diff.
    assert "营商环境" in texts(tree.xpath("//mark"))
    paired = next(r for r in rows if r.xpath("./td[last()]/text()") == ["0.28"])
    assert paired.xpath(".//span[@class='diff']/del") and paired.xpath(".//span[@class='diff']/ins")
    where = texts(tree.xpath("//main/ul/li/span[@class='where']"))
    assert where[0].startswith("line 32; 100% of its text on the theme, 4 passages: ")
    # The passages on the theme outside those sections are listed after them (¶), as in the Markdown.
    loose = 0
    for sections, found in zip(data["sections"], data["passages"], strict=True):
        inside = [s["path"] for s in sections]
        loose += sum(1 for p in found if not any(p["path"] == q or p["path"].startswith(q + " > ") for q in inside))
    assert sum(1 for i in texts(tree.xpath("//main/ul/li")) if "¶ “" in i) == loose > 0


def test_a_plans_passages_on_a_theme_are_listed_with_their_terms_marked():
    tree, _ = page("themes", "皇姑", "--theme", "数字经济")
    data = json.loads(run("themes", "皇姑", "--theme", "数字经济", "--format", "json").stdout)
    rows = tree.xpath("//main/table/tbody/tr")
    assert len(rows) == len(data["passages"]) >= 10
    for row, passage in zip(rows, data["passages"], strict=True):
        cells = row.xpath("./td")
        assert cells[-1].text_content() == passage["text"]
        marked = set(texts(cells[-1].xpath("./mark")))
        assert {e["term"] for e in passage["evidence"] if e["where"] == "text"} <= marked


def test_the_track_report_holds_every_target_and_the_trend_chart_every_year():
    tree, _ = page("track", "兴隆台")
    data = json.loads(run("track", "兴隆台", "--format", "json").stdout)
    rows = tree.xpath("//main/table/tbody/tr")
    assert [r.xpath("./td[1]")[0].text_content() for r in rows] == [t["target"]["canonical"] for t in data["targets"]]
    assert [r.xpath("./td[3]")[0].text_content() for r in rows] == [t["status"] for t in data["targets"]]
    tree, _ = page("trend", "兴隆台:2023", "--theme", "营商环境")
    assert len(tree.xpath("//svg[@class='chart']/rect")) == 1
    assert tree.xpath("//svg[@class='chart']/text")[1].text_content() == "2023"


def test_the_coverage_matrix_is_a_heat_map_with_its_gaps():
    tree, _ = page("compare", *FOUR)
    data = json.loads(run("compare", *FOUR, "--format", "json").stdout)
    rows = tree.xpath("//table[@class='heatmap']/tbody/tr")
    assert [r.xpath("./td[2]/text()")[0] for r in rows] == [t["theme"] for t in data["matrix"]]
    cells = [c for r in rows for c in r.xpath("./td")[2:]]
    want = [cell for t in data["matrix"] for cell in t["cells"]]
    assert len(cells) == len(want)
    shares = []
    for cell, w in zip(cells, want, strict=True):
        if w["passages"] == 0:
            assert cell.get("class") == "gap" and cell.text_content() == "—"
        else:
            assert cell.get("class") == "heat"
            assert abs(float(cell.text.strip().rstrip("%")) - w["share"] * 100) <= 0.051  # JSON rounds to 4 places
            shares.append((w["share"], float(cell.get("style").split(",")[2].split("%")[0])))
    # Darker (lower lightness) for a larger share.
    shares.sort()
    assert shares[0][1] > shares[-1][1]


def test_the_targets_tables_hold_every_target():
    tree, _ = page("compare", "海城", "兴隆台:2023", "沙河口", "--targets")
    data = json.loads(run("compare", "海城", "兴隆台:2023", "沙河口", "--targets", "--format", "json").stdout)
    assert len(tree.xpath("//main/table/tbody/tr")) == len(data["rows"])
    tree, _ = page("targets", "海城")
    data = json.loads(run("targets", "海城", "--format", "json").stdout)
    rows = tree.xpath("//main/table/tbody/tr")
    assert len(rows) == len(data["targets"])
    assert rows[0].xpath("./td[1]")[0].text_content() == data["targets"][0]["indicator"]


def test_the_outline_nests_every_heading():
    path = "planctl/samples/001_559f3303ea558438.txt"
    tree, _ = page("outline", path)
    data = json.loads(run("outline", path, "--format", "json").stdout)

    def count(sections) -> int:
        return sum(1 + count(s["children"]) for s in sections)

    assert len(tree.xpath("//ol[@class='outline']//li")) == count(data["sections"])
    assert len(tree.xpath("//main/ol[@class='outline']/li")) == len(data["sections"])


def test_text_from_a_plan_is_shown_as_text_never_as_markup(tmp_path: Path):
    from planctl.parser import parse_text
    from planctl.render import Context, render
    from planctl.reports import OutlineReport

    # What the parser keeps of a plan's text: a comparison sign and an ampersand.
    plan = tmp_path / "plan.txt"
    plan.write_text("某区国民经济和社会发展第十四个五年规划纲要\n第一章 增速<5% & 服务\n深化改革。\n", encoding="utf-8")
    tree, raw = page("outline", str(plan))
    assert "增速&lt;5% &amp; 服务" in raw
    assert tree.xpath("//ol[@class='outline']/li")[0].text.strip() == "第一章 增速<5% & 服务"
    # Whatever reaches the renderer is escaped, a script tag in a heading included.
    doc = parse_text("某区规划纲要\n第一章 总体要求\n深化改革。\n")
    doc.sections[0].title = "<script>alert('x')</script>"
    html = render(OutlineReport(doc), "html", Context(command="planctl outline x", version="0", date="2026-01-01"))
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//script")
    assert tree.xpath("//ol[@class='outline']/li")[0].text.strip() == "第一章 <script>alert('x')</script>"


def test_an_html_file_is_written_by_its_suffix_and_never_overwritten(tmp_path: Path):
    target = tmp_path / "report.html"
    assert run("compare", "兴隆台", "沙河口", "-t", "营商环境", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = run("compare", "兴隆台", "沙河口", "-t", "营商环境", "-o", str(target))
    assert (again.exit_code, again.stderr) == (1, f"Error: {target}: already exists; add --force to overwrite it\n")
