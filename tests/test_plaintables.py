"""Indicator tables written without rules (copied out of a PDF, or a web page's cells one a line) read as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.documents import load_document
from planctl.furniture import furniture_kind
from planctl.parser import parse_text
from planctl.passage_themes import topic_phrase
from planctl.passages import passages
from planctl.targets import extract

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# A plan's table of indicators as a PDF copy gives it: columns apart by spaces, a row broken at the page's
# edge, group rows numbered like headings, a page number and the header again on the next page.
SPACED = """第三章 主要目标
到2030年，主要目标是：经济实力跃上新台阶。
表 1 “十五五”经济社会发展主要指标
序号 指 标 2030 年目标 属性
一、经济发展（3 项）
1 地区生产总值年均增长（%） 5 左右 预期性
2 规上数字经济核心产业营业收入占规上企业营业
收入比重（%） 32.5 预期性
— 13 —
序号 指 标 2030 年目标 属性
二、民生福祉（2 项）
3 城镇新增就业人数（万人） 175 预期性
4 单位地区生产总值用水量下降率（%） 完成省定目标 约束性
在此基础上再奋斗五年，到 2035 年，基本实现社会主义现代化。
第四章 发展产业
推动制造业高质量发展。
"""

# The same kind of table from a web page that lost its table: each cell a line, the header too, a category
# column, a unit and a value each broken over lines, and a row of two indicators under one number.
CELLS = """第五章 “十五五”时期的主要目标
到2030年,我市经济实力、科技实力、综合竞争力迈上新的大台阶,人民生活更加幸福美好。
“十五五”时期经济社会发展主要指标
类别
序号
指标名称
2025年
预计
2030年
目标
年均/
累计
属性
经济发展
（2项）
1
地区生产总值（GDP）增长（%）
5.2左右
—
5以上
预期性
2
单位地区生产总值生产安全事故死亡率
（人/百亿元）
0.6
达到国家
要求
—
约束性
民生福祉
（1项）
3
每千人口拥有医护人员数
执业医师数（人）
4.9
5.0
—
预期性
注册护士数（人）
5.92
6.02
—
预期性
备注：[ ]内数据为累计数。
第六章 发展产业
"""


def tables(doc):
    return [t for _, s in doc.walk() for t in s.tables]


def test_a_table_written_with_spaces_reads_as_a_table():
    doc = parse_text(SPACED)
    (table,) = tables(doc)
    assert table.caption == "表1 “十五五”经济社会发展主要指标"
    assert table.rows == [
        ["序号", "指标", "2030年目标", "属性"],
        ["一、经济发展(3项)"],
        ["1", "地区生产总值年均增长(%)", "5左右", "预期性"],
        ["2", "规上数字经济核心产业营业收入占规上企业营业收入比重(%)", "32.5", "预期性"],
        ["二、民生福祉(2项)"],
        ["3", "城镇新增就业人数(万人)", "175", "预期性"],
        ["4", "单位地区生产总值用水量下降率(%)", "完成省定目标", "约束性"],
    ]
    assert table.lines == [4, 5, 6, 7, 11, 12, 13]  # each row's first line in the file: 9-10 are the next page's
    # The group rows are no headings, and the text after the table is a paragraph of its chapter again.
    assert [s.title for _, s in doc.walk()] == ["主要目标", "发展产业"]
    assert doc.sections[0].paragraphs[-1].text.startswith("在此基础上再奋斗五年")


def test_a_rows_passage_begins_with_its_indicator():
    rows = [p.text for p in passages(parse_text(SPACED)) if p.kind == "row"]
    assert rows[:3] == ["序号 | 指标 | 2030年目标 | 属性", "一、经济发展(3项)",
                        "地区生产总值年均增长(%) | 5左右 | 预期性"]
    assert topic_phrase(next(p for p in passages(parse_text(CELLS)) if p.line == 22)) == (
        "单位地区生产总值生产安全事故死亡率(人/百亿元)")


def test_a_table_with_each_cell_on_a_line_reads_as_a_table():
    doc = parse_text(CELLS)
    (table,) = tables(doc)
    assert table.caption == "“十五五”时期经济社会发展主要指标"
    assert table.rows == [
        ["类别", "序号", "指标名称", "2025年预计", "2030年目标", "年均/累计", "属性"],
        ["经济发展(2项)", "1", "地区生产总值(GDP)增长(%)", "5.2左右", "—", "5以上", "预期性"],
        ["", "2", "单位地区生产总值生产安全事故死亡率(人/百亿元)", "0.6", "达到国家要求", "—", "约束性"],
        ["民生福祉(1项)", "3", "每千人口拥有医护人员数执业医师数(人)", "4.9", "5.0", "—", "预期性"],
        ["", "", "注册护士数(人)", "5.92", "6.02", "—", "预期性"],
    ]
    assert table.notes == ["备注:[ ]内数据为累计数。"]
    assert table.lines == [4, 16, 22, 32, 39]  # a row's line is its number's (or its name's), not its group's


def test_targets_come_from_such_tables():
    found = {t.indicator: t for t in extract(parse_text(SPACED)) if t.source == "table"}
    assert set(found) == {"地区生产总值年均增长", "规上数字经济核心产业营业收入占规上企业营业收入比重",
                          "城镇新增就业人数", "单位地区生产总值用水量下降率"}
    growth = found["地区生产总值年均增长"]
    assert (growth.value, growth.comparator, growth.year, growth.binding) == (5.0, "about", 2030, "预期性")
    assert found["单位地区生产总值用水量下降率"].value_text == "完成省定目标"
    assert [found[name].line for name in ("地区生产总值年均增长", "城镇新增就业人数")] == [6, 12]
    nurses = next(t for t in extract(parse_text(CELLS)) if t.indicator == "注册护士数")
    assert (nurses.value, nurses.base_value, nurses.base_year) == (6.02, 5.92, 2025)


def test_a_row_holding_two_indicators_under_one_name():
    doc = parse_text("第二章 主要目标\n到2025年,全区经济实力、科技实力、综合竞争力迈上新的大台阶。\n"
                     "序号 指标 2025年 2030年目标 属性\n1 地区生产总值年均增速(%) 5.4 5左右 预期性\n"
                     "2 食品药品安全\n食品安全抽检合格率(%) >98.5 >98.7\n药品抽检合格率(%) >99 >99\n约束性\n"
                     "3 3岁以下婴幼儿入托率(%) 25 30 预期性\n")
    assert tables(doc)[0].rows[2:] == [
        ["2", "食品药品安全", "", "", ""],
        ["", "食品安全抽检合格率(%)", ">98.5", ">98.7", "约束性"],
        ["", "药品抽检合格率(%)", ">99", ">99", "约束性"],
        ["3", "3岁以下婴幼儿入托率(%)", "25", "30", "预期性"],
    ]


def test_a_unit_column_and_a_table_without_numbers():
    opening = "第二章 主要目标\n到2025年,全区经济实力、科技实力、综合竞争力迈上新的大台阶,人民生活更加幸福美好。\n"
    units = parse_text(opening + "序号 指标名称 单位 2020年 2025年 年均增长 属性\n"
                       "1 地区生产总值 亿元 1000 1500 8% 预期性\n2 城镇登记失业率 % 3.5 <4.5 — 约束性\n")
    assert tables(units)[0].rows == [
        ["序号", "指标名称", "单位", "2020年", "2025年", "年均增长", "属性"],
        ["1", "地区生产总值", "亿元", "1000", "1500", "8%", "预期性"],
        ["2", "城镇登记失业率", "%", "3.5", "<4.5", "—", "约束性"],
    ]
    unnumbered = parse_text(opening + "指标 2025年目标 属性\n地区生产总值增长(%) 6左右 预期性\n"
                            "森林覆盖率(%) 40 约束性\n")
    assert tables(unnumbered)[0].rows == [
        ["指标", "2025年目标", "属性"], ["地区生产总值增长(%)", "6左右", "预期性"], ["森林覆盖率(%)", "40", "约束性"],
    ]


def test_text_that_only_looks_like_a_table_stays_text():
    text = ("一、“十五五”时期的主要指标\n指标 属性\n预期性\n"
            "指标分为预期性和约束性两类。约束性指标是政府必须完成的目标,预期性指标是引导方向的目标,\n"
            "1 年内完成预期性\n")
    doc = parse_text(text)
    assert not tables(doc)
    assert "".join(p.text for p in doc.sections[0].paragraphs).startswith("指标属性预期性指标分为")


def test_a_row_of_figures_is_no_breadcrumb_and_a_pointing_link_title_is_furniture():
    assert furniture_kind("食品安全抽检合格率(%) >98.5∗ >98.7") is None
    assert furniture_kind("首页 > 政务公开 > 规划计划") == "breadcrumb"
    assert furniture_kind("相关附件>>") == "related links"


def test_a_table_whose_figures_follow_the_attribute():
    doc = parse_text(
        "第二章 主要目标\n专栏2 “十五五”经济社会发展主要指标\n分类    序号    指标    属性    2030年目标值\n"
        "经济强    1    地区生产总值（GDP）年均增长率（%）    预期性    5以上\n"
        "    2    全员劳动生产率（万元）    预期性    48\n"
        "百姓富    3    居民人均可支配收入增长    预期性    与经济增长\n保持同步\n"  # a figure in words, broken
        "    4    每千人口拥有执业医师数（人）    预期性    5\n"
        "注：带〔〕数据表示“十五五”期间累计变化情况\n"
    )
    (table,) = tables(doc)
    assert table.caption == "专栏2 “十五五”经济社会发展主要指标"
    assert table.rows == [
        ["分类", "序号", "指标", "属性", "2030年目标值"],
        ["经济强", "1", "地区生产总值(GDP)年均增长率(%)", "预期性", "5以上"],
        ["", "2", "全员劳动生产率(万元)", "预期性", "48"],
        ["百姓富", "3", "居民人均可支配收入增长", "预期性", "与经济增长保持同步"],
        ["", "4", "每千人口拥有执业医师数(人)", "预期性", "5"],
    ]
    assert table.notes == ["注:带〔〕数据表示“十五五”期间累计变化情况"]
    found = {t.indicator: t.display() for t in extract(doc)}
    assert found["全员劳动生产率"] == "48万元"  # output per worker, not a total turned into 亿元
    assert found["地区生产总值(GDP)年均增长率"] == "≥5%"


@pytest.mark.skipif(not (SHARED / "北京市_plan_2026.txt").is_file(), reason="../shared/corpus is not here")
@pytest.mark.parametrize(("name", "rows", "targets", "last"), [
    ("北京市_plan_2026.txt", 31, 30, ["", "", "药品抽检合格率(%)", ">99∗", ">99", "约束性"]),
    ("苏州市_plan_2026.txt", 30, 30, ["30", "生产安全事故死亡人数下降率(%)", "完成省定目标", "约束性"]),
    ("杭州市_plan_2026.html", 30, 30, ["", "29", "能源综合生产能力(万吨标煤)", "340", "400", "—", "约束性"]),
    ("南京市_plan_2026.txt", 25, 25, ["", "24", "生产安全事故起数下降(%)", "约束性", "〔20〕"]),  # figures after 属性
])
def test_the_indicator_tables_of_plans_copied_without_rules(name, rows, targets, last):
    doc = load_document(SHARED / name)
    (table,) = [t for t in tables(doc) if "属性" in t.rows[0]]
    assert len([r for r in table.rows[1:] if len(r) > 1]) == rows  # not counting group rows
    assert last in table.rows
    assert sum(t.source == "table" for t in extract(doc)) == targets


def test_the_markdown_outline_shows_the_table_with_its_notes(tmp_path):
    from test_cli import run

    plan = tmp_path / "plan.txt"
    noted = SPACED.replace("约束性\n在此基础上", "约束性\n注:【 】内为五年累计数。\n在此基础上")
    plan.write_text("某某区“十五五”规划纲要\n" + noted, encoding="utf-8")
    result = run("outline", str(plan), "--format", "markdown")
    assert result.exit_code == 0
    assert ("| 4 | 单位地区生产总值用水量下降率(%) | 完成省定目标 | 约束性 |\n\n"
            "注:【 】内为五年累计数。\n") in result.stdout


def test_a_caption_under_a_short_chapter_title_stays_the_tables():
    doc = parse_text("第五章 主要目标\n主要指标\n| 指标 | 2030年目标 | 属性 |\n| 森林覆盖率(%) | 40 | 约束性 |\n")
    (chapter,) = doc.sections
    assert (chapter.title, chapter.tables[0].caption) == ("主要目标", "主要指标")


def test_a_header_whose_rows_are_not_read_is_not_the_rest_of_a_short_title():
    doc = parse_text("第一章 目标\n序号 指标 2030年 属性\n1 预期性\n到2030年,全县经济稳步增长。\n"
                     "第二节 充分\n释放市场采购贸易方式试点红利\n")
    first, second = [s for _, s in doc.walk()]
    assert first.title == "目标"
    assert first.paragraphs[0].text == "序号指标2030年属性"
    assert second.title == "充分释放市场采购贸易方式试点红利"  # a title broken over two lines is still joined


def test_a_boxs_table_with_its_columns_apart_by_spaces():
    doc = parse_text(
        "第四章 产业布局\n"
        "专栏3  “1026”先进制造业集群体系\n产业集群    产业链\n"
        "1．人工智能（软件和信息服务）    1．人工智能\n    2．工业软件\n2．智能电网    3．智能电网高端装备及系统\n"
        "专栏5  各板块重点产业布局\n板块    基础产业    新兴产业\n江北新区\n（浦口区）    绿色石化    集成电路\n"
        "玄武区    文旅产业    软件和信息服务\n\n"
        "第二节  强化新市镇辐射带动功能\n推进新市镇建设。\n"  # a blank line, then a heading set apart by spaces too
    )
    chapter = doc.sections[0]
    first, second = chapter.tables
    assert first.caption == "专栏3 “1026”先进制造业集群体系"
    assert first.rows == [["产业集群", "产业链"], ["1.人工智能(软件和信息服务)", "1.人工智能"], ["", "2.工业软件"],
                          ["2.智能电网", "3.智能电网高端装备及系统"]]
    assert second.rows == [["板块", "基础产业", "新兴产业"], ["江北新区(浦口区)", "绿色石化", "集成电路"],
                           ["玄武区", "文旅产业", "软件和信息服务"]]  # a first cell broken over two lines
    assert [s.heading for s in chapter.children] == ["第二节 强化新市镇辐射带动功能"]


def test_a_list_of_boxes_with_their_pages_is_no_table():
    doc = parse_text("专栏目录\n专栏1 “人工智能+”行动\t16\n专栏3 高端人才聚峰行动\t20\n专栏11 消费升级行动\t36\n"
                     "第一章 总则\n正文。\n")
    assert not doc.tables and not tables(doc)


def test_a_box_title_is_no_part_of_a_short_title_and_its_numbered_items_no_header():
    doc = parse_text("第一章 总则\n专栏1  重点领域\n1．信息服务    重点聚焦软件\n2．科技研发    研究开发\n")
    (chapter,) = doc.sections
    assert chapter.title == "总则" and not chapter.tables  # items set apart by spaces are not a header and rows
    assert [p.text for p in chapter.paragraphs] == ["专栏1 重点领域", "1.信息服务重点聚焦软件", "2.科技研发研究开发"]
