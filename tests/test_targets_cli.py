"""`planctl targets` and `planctl compare --targets` as a user runs them."""

from __future__ import annotations

import csv
import io
import json

from test_cli import golden, run, table_at_80_columns


def test_compare_targets_markdown_golden():
    result = run("compare", "海城", "兴隆台:2023", "沙河口", "--targets", "--format", "markdown")
    assert result.exit_code == 0, result.output
    golden("compare_targets_three.md", result.stdout)


def test_compare_targets_json_lines_up_the_same_indicator():
    result = run("compare", "海城", "兴隆台:2023", "沙河口", "兴隆台", "--targets", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [p["year"] for p in data["plans"]] == [2021, 2023, 2021, 2022]
    rows = {(r["indicator"], r["measure"]): r for r in data["rows"]}
    unemployment = rows[("城镇登记失业率", "level")]
    assert [c and (c["value"], c["comparator"], c["year"]) for c in unemployment["cells"]] == [
        (4, "exactly", 2025), (3, "at most", 2023), (4.5, "at most", 2025), (3, "at most", 2025)
    ]
    # 海城 states it twice: the table's 4% first, the sentence's 2.7% as a further figure
    assert [t["value"] for t in unemployment["cells"][0]["also"]] == [2.7]
    jobs = rows[("城镇新增就业", "level")]
    assert [c and (c["value"], c["unit"]) for c in jobs["cells"]] == [None, (1.05, "万人"), (6.5, "万人"), None]
    sales = rows[("社会消费品零售总额", "level")]["cells"]
    first = sales[0]
    assert (first["value"], first["base_value"], first["growth"], first["source"]) == (459.7, 305.7, 8.5, "table")
    assert data["rows"][0]["plans_with"] == 4  # the most widely shared indicator comes first
    for row in data["rows"]:
        for cell in row["cells"]:
            assert cell is None or {"indicator", "value", "unit", "comparator", "year", "path", "line"} <= set(cell)


def test_targets_json_of_one_plan():
    result = run("targets", "兴隆台:2023", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["plan"]["kind"] == "work report" and data["theme"] is None
    gdp = next(t for t in data["targets"] if t["indicator"] == "地区生产总值")
    assert (gdp["value"], gdp["unit"], gdp["growth"], gdp["year"], gdp["line"]) == (468, "亿元", 5, 2023, 97)
    assert len(data["targets"]) >= 25


def test_theme_keeps_the_targets_of_one_theme():
    result = run("targets", "海城", "--theme", "科技创新", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["indicator", "matched as", "target"]
    names = [r[0] for r in rows[1:]]
    assert "研发经费投入增长" in names and "新增高新技术企业" in names
    assert "城镇登记失业率" not in names and "钢铁产业销售收入" not in names
    assert {r[0] for r in rows[1:] if r[7] == "table"} == {
        "研发经费投入增长", "每万人口高价值发明专利拥有量", "规模以上工业企业中有研发活动企业占比", "高新技术企业数"
    }


def test_compare_targets_with_theme():
    result = run("compare", "海城", "兴隆台", "沙河口", "--targets", "--theme", "就业", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["theme"] == "就业与收入"
    indicators = {r["indicator"] for r in data["rows"]}
    assert "城镇登记失业率" in indicators and "城镇新增就业" in indicators
    assert "社会消费品零售总额" not in indicators


def test_targets_on_the_terminal():
    result = run("targets", "沙河口")
    assert result.exit_code == 0
    assert "Targets of 沙河口区 2021规划: 12" in result.stdout and "≤4.5%" in result.stdout


def test_targets_fit_an_80_column_terminal_with_figures_whole(monkeypatch):
    header, cells = table_at_80_columns(monkeypatch, "targets", "海城")
    assert header == ["indicator", "target", "year", "base", "growth", "binding", "line"]
    assert ["招商引资实到资金", "108.11亿元", "2025", "53.76亿元", "15% a", "预期性", "63ᵀ"] in cells
    assert [cell[0] for cell in cells].count("每千人口医院床位") == 1  # eight characters of a name on a line
    lines = run("targets", "海城").stdout.splitlines()
    assert lines[-1].strip() == "sections at 110 columns or in --format markdown"
    monkeypatch.setenv("COLUMNS", "120")
    wide = run("targets", "海城").stdout.splitlines()
    assert "section" in wide[2] and not any("sections at" in line for line in wide)
    # a plan with fewer columns leaves the section room on 80 columns
    header, cells = table_at_80_columns(monkeypatch, "targets", "兴隆台")
    assert header == ["indicator", "target", "year", "line", "section"]
    assert cells[0] == ["人均GDP", "2.5万美元", "2025", "28", "(五)奋斗目标"]


def test_targets_errors():
    assert run("compare", "海城", "沙河口", "--targets", "--diff", "-t", "就业").exit_code == 2
    result = run("targets", "海城", "--indicators", "/nonexistent/list.yaml")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: /nonexistent/list.yaml: indicator list not found; check --indicators or $PLANCTL_INDICATORS"
    )
    assert run("targets", "火星").exit_code == 2


def test_a_theme_goes_by_the_indicators_domain_not_its_measure():
    rows = list(csv.reader(io.StringIO(run("targets", "海城", "--theme", "就业", "--format", "csv").stdout)))
    # 旅游总收入 ends in 收入 but is tourism; 农村居民人均可支配收入 is income
    assert [r[0] for r in rows[1:]] == ["农村居民人均可支配收入增长", "城镇登记失业率", "城镇登记失业率"]


def _said(output: str) -> str:
    return " ".join(output.split())  # the terminal wraps a long line


def test_a_plan_without_targets_is_said_to_have_none(tmp_path):
    plan = tmp_path / "report.txt"
    plan.write_text("某某县2025年政府工作报告\n\n一、过去一年工作回顾\n\n我们坚持稳中求进。\n", encoding="utf-8")
    result = run("targets", str(plan))
    assert result.exit_code == 0, result.output
    assert _said(result.stdout) == ("No targets found in 某某县 2025报告: it has no indicator table and no sentence "
                                    "that sets a figure for an indicator.")
    markdown = run("targets", str(plan), "--format", "md").stdout  # md: markdown's short name
    assert markdown.startswith("# Targets of 某某县 2025报告\n") and markdown.rstrip().endswith("for an indicator.")
    assert _said(run("targets", "兴隆台", "--theme", "乡村振兴").stdout) == (
        "No targets on 乡村振兴 found in 兴隆台区 2022规划; without --theme, every target of the plan is listed."
    )
    page = run("targets", str(plan), "--format", "html").stdout
    assert "No targets found in 某某县 2025报告" in page and "<th>indicator</th>" not in page


def test_a_reports_own_year_comes_first_in_its_cell(tmp_path):
    report = tmp_path / "某某省政府工作报告2026.txt"
    report.write_text("2026年某某省政府工作报告\n各位代表:\n二、“十五五”时期主要目标任务\n地区生产总值年均增长5%左右。\n"
                      "三、2026年工作安排\n地区生产总值增长5.5%左右。\n", encoding="utf-8")
    result = run("compare", str(report), "沙河口", "--targets", "--format", "json")
    assert result.exit_code == 0, result.output
    row = next(r for r in json.loads(result.stdout)["rows"] if r["indicator"] == "地区生产总值")
    first = row["cells"][0]
    assert (first["value"], first["year"], [t["year"] for t in first["also"]]) == (5.5, 2026, [2030])
