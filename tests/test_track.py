"""Promises and delivery: figures of work reports told apart, a plan tracked through its reports, trends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from track_gold import FIGURES, NOT_A_YEAR

from planctl.cli import cli
from planctl.documents import load_document
from planctl.figures import GOAL, PLAN_GOAL, REACHED, report_figures

SAMPLES = Path(__file__).resolve().parent.parent / "planctl" / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not (SHARED / "LABELS.csv").is_file(), reason="../shared/corpus is not here")


def _figures(file: str):
    folder = SAMPLES if file.startswith("0") else SHARED
    return report_figures(load_document(folder / file))


@needs_corpus
def test_every_hand_checked_figure_is_read_as_what_it_is():
    assert len(FIGURES) >= 30
    wrong = []
    cache: dict[str, list] = {}
    for file, kind, year, indicator, measure, value, _ in FIGURES:
        found = cache.setdefault(file, _figures(file))
        if not any(f.kind == kind and f.year == year and f.canonical == indicator and f.target.measure == measure
                   and f.target.value == value and f.exact for f in found):
            wrong.append((file, kind, year, indicator, value))
    assert wrong == []
    # Several places and years, reached values and goals alike.
    assert len({f[0].split("_")[0] for f in FIGURES}) >= 4
    assert {f[1] for f in FIGURES} == {REACHED, GOAL}


@needs_corpus
def test_totals_of_several_years_are_no_years_figure():
    for file, value, _ in NOT_A_YEAR:
        assert not [f for f in _figures(file) if f.target.value == value]


def test_a_sample_reports_figures():
    figures = _figures("003_657c2d959349a28d.txt")
    gdp = [f for f in figures if f.canonical == "地区生产总值" and f.exact]
    assert [(f.kind, f.year, f.target.value, f.estimated) for f in gdp] == [
        (REACHED, 2022, 424.0, True), (GOAL, 2023, 468.0, False)]
    assert gdp[0].target.growth == -2.6 and gdp[1].target.growth == 5.0
    # 五年累计, 十三五 and the like are left out; nothing in a report of 2023 is reached in 2023.
    assert not [f for f in figures if f.kind == REACHED and f.year and f.year >= 2023]


def test_a_longer_goal_restated_carries_its_year():
    from planctl.parser import parse_text

    doc = parse_text("2023年政府工作报告\n一、2022年工作回顾\n地区生产总值完成100亿元,增长5%。\n"
                     "二、2023年工作安排\n主要预期目标是:地区生产总值增长6%左右。到2025年,地区生产总值达到130亿元。\n")
    doc.year = 2023
    got = [(f.kind, f.year, f.target.measure, f.target.value) for f in report_figures(doc)]
    assert got == [(REACHED, 2022, "level", 100.0), (GOAL, 2023, "growth", 6.0), (PLAN_GOAL, 2025, "level", 130.0)]


def _json(*args):
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_track_follows_xinglongtais_plan_through_its_report():
    data = _json("track", "兴隆台")
    assert data["plan"]["id"].startswith("000") and [r["id"][:3] for r in data["reports"]] == ["003"]
    rows = {t["target"]["canonical"]: t for t in data["targets"]}
    retail = rows["社会消费品零售总额"]
    assert retail["target"]["value"] == 270.0 and retail["target"]["year"] == 2025
    assert [(r["year"], r["value"], r["estimated"], r["line"]) for r in retail["reached"]] == [(2022, 200.0, True, 27)]
    assert [(g["year"], g["value"]) for g in retail["goals"]] == [(2023, 214.0)]
    # From 200 in 2022 to 270 in 2025 needs 10.5% a year; it fell 4%.
    assert retail["status"] == "behind" and "10.5% a year" in retail["note"]
    assert rows["城镇登记失业率"]["status"] == "met"
    # A five-year total is not set against one year's value.
    assert rows["固定资产投资"]["status"] == "not judged"


def test_a_value_for_the_year_before_the_plans_is_its_base_not_progress(tmp_path):
    (tmp_path / "plan.txt").write_text(
        "某某县国民经济和社会发展第十五个五年规划纲要\n第一章 主要目标\n到2030年,城镇调查失业率控制在5%以内,"
        "地区生产总值年均增长5%。\n", encoding="utf-8")
    (tmp_path / "report2026.txt").write_text(
        "某某县2026年政府工作报告\n一、2025年工作回顾\n城镇调查失业率4.1%,地区生产总值增长5.4%。\n", encoding="utf-8")
    rows = {t["target"]["canonical"]: t for t in _json("track", "plan", "--corpus", str(tmp_path))["targets"]}
    unemployment = rows["城镇调查失业率"]
    assert [(r["year"], r["value"]) for r in unemployment["reached"]] == [(2025, 4.1)]  # shown
    assert unemployment["status"] == "not judged"  # not "met" before the plan began
    assert unemployment["note"] == "the reports state only years before the plan's (2025: 4.1%): its base, not progress"
    assert rows["地区生产总值"]["status"] == "not judged"
    (tmp_path / "report2027.txt").write_text(
        "某某县2027年政府工作报告\n一、2026年工作回顾\n城镇调查失业率4.3%,地区生产总值增长4.8%。\n", encoding="utf-8")
    rows = {t["target"]["canonical"]: t for t in _json("track", "plan", "--corpus", str(tmp_path))["targets"]}
    assert rows["城镇调查失业率"]["status"] == "met" and rows["地区生产总值"]["status"] == "behind"
    assert "2026: 4.8%" in rows["地区生产总值"]["note"]


def test_track_needs_a_plan():
    result = CliRunner().invoke(cli, ["track", "兴隆台:2023"])
    assert result.exit_code == 1 and "not a five-year plan" in result.output
    # one line, the kind named as it is read ("is a other" read wrong for a document of no known kind)
    assert result.stderr == ("Error: 003_657c2d959349a28d is not a five-year plan (kind: work report); track follows "
                             "a plan's targets through the reports (`planctl trend` reads reports alone)\n")


def test_trend_needs_one_of_theme_or_indicator():
    for args in (["trend", "兴隆台"], ["trend", "兴隆台", "--theme", "营商环境", "--indicator", "地区生产总值"]):
        assert CliRunner().invoke(cli, args).exit_code == 2


@needs_corpus
def test_trend_of_an_indicator_sets_each_goal_beside_the_result():
    data = _json("trend", "海拉尔区", "--indicator", "地区生产总值", "--corpus", str(SHARED))
    points = {p["year"]: p for p in data["points"]}
    assert sorted(points) == list(range(2012, 2020))
    assert points[2015]["goal"]["value"] == 8.0 and points[2015]["reached"]["value"] == 287.9
    assert points[2015]["met"] is True  # +8.9% against a goal of +8%: the level reached, with its growth
    assert points[2016]["met"] is False  # +7.2% against +7.5%
    assert points[2012]["goal"]["value"] == 240.0 and points[2012]["met"] is False  # 235.2亿元 against 240亿元
    # 按可比价计算,同比增长6.0% against a goal of 6%左右
    assert points[2018]["reached"]["growth"] == 6.0 and points[2018]["met"] is True


def test_a_value_of_another_kind_than_the_goal_is_shown_not_judged(tmp_path):
    for year, text in ((2018, "二、2018年工作安排\n主要预期目标是:生产总值增长7%。\n"),
                       (2019, "一、2018年工作回顾\n预计全县生产总值完成122.4亿元。\n"
                              "二、2019年工作安排\n生产总值增长7%。\n"),
                       (2020, "一、2019年工作回顾\n全县生产总值完成123.6亿元,增长6.5%。\n")):
        (tmp_path / f"report{year}.txt").write_text(f"某某县{year}年政府工作报告\n{text}", encoding="utf-8")
    data = _json("trend", "report2020", "--indicator", "地区生产总值", "--corpus", str(tmp_path))
    points = {p["year"]: p for p in data["points"]}
    assert points[2018]["reached"]["value"] == 122.4 and points[2018]["met"] is None  # a level, the goal a growth
    assert points[2019]["reached"]["value"] == 123.6 and points[2019]["met"] is False  # +6.5% against +7%


@needs_corpus
def test_trend_of_a_theme_gives_each_years_share():
    data = _json("trend", "河北省", "--theme", "乡村振兴", "--corpus", str(SHARED))
    years = [p["year"] for p in data["points"]]
    assert years == sorted(years) and len(years) >= 8 and min(years) == 2001
    assert all(0 < p["share"] < 0.5 and p["passages"] > 0 for p in data["points"])
    markdown = CliRunner().invoke(cli, ["trend", "河北省", "--theme", "乡村振兴", "--corpus", str(SHARED),
                                        "--format", "markdown"]).stdout
    assert "| 2001 | 河北省_report_2001 |" in markdown and "█" in markdown


@needs_corpus
def test_a_province_names_its_own_reports_not_its_counties():
    from planctl.corpus import open_corpus, resolve

    found = resolve(open_corpus(SHARED), "河北省")
    assert found.entry.info.place.county is None and found.entry.info.place.city is None
    assert "matches 9 documents" in (found.note or "")


def test_a_document_of_no_known_place_is_no_place_to_follow(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("2023年政府工作报告\n一、2022年工作回顾\n地区生产总值完成100亿元,增长5%。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["trend", str(report), "--indicator", "地区生产总值"])
    assert result.exit_code == 1 and "no place could be read from it" in result.stderr


def test_without_reports_or_figures_a_clear_line():
    cases = ((["track", "沙河口"], "no work report of 辽宁省大连市沙河口区 from 2021 on"),
             (["trend", "皇姑", "--theme", "营商环境"], "no work report of 辽宁省沈阳市皇姑区"),
             (["trend", "兴隆台", "--indicator", "粮食总产量"], "no report of 辽宁省盘锦市兴隆台区 states 粮食总产量"))
    for args, words in cases:
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1 and words in result.stderr, (args, result.output)
        assert "Traceback" not in result.output
