"""Place, level, kind, year and title: each rule on a small text of the shape it is for."""

from __future__ import annotations

import pytest

from planctl.gazetteer import load, source_line
from planctl.parser import parse_text

BODY = ("一、2022年工作回顾\n过去一年,全区地区生产总值增长5%,一般公共预算收入增长6%。\n"
        "二、2023年工作安排\n今年全区经济增长6%左右。\n")


@pytest.mark.parametrize(
    ("name", "code", "full"),
    [
        ("清苑区", "130608", "河北省保定市清苑区"),
        ("清苑县", "130608", "河北省保定市清苑区"),  # before 2015 a county: the same unit
        ("襄樊市", "420600", "湖北省襄阳市"),  # renamed 2010, from the gazetteer's list of changes
        ("阿坝州", "513200", "四川省阿坝藏族羌族自治州"),
        ("湘西州", "433100", "湖南省湘西土家族苗族自治州"),
        ("兴隆台", "211103", "辽宁省盘锦市兴隆台区"),
        ("仙桃市", "429004", "湖北省仙桃市"),  # a county-level city directly under its province
        ("朝阳区", "110105", "北京市朝阳区"),  # municipalities are provinces: the district hangs from them
    ],
)
def test_the_gazetteer_finds_units_by_every_name_people_use(name, code, full):
    g = load()
    units = g.lookup(name)
    assert code in [u.code for u in units]
    assert "".join(u.name for u in g.chain(code)) == full


def test_the_gazetteer_covers_every_level_and_says_where_it_comes_from():
    g = load()
    levels = [u.level for u in g.units.values()]
    # 34 provincial units; 333 prefecture-level divisions of the mainland and Taiwan's 6 cities as listed.
    assert (levels.count("province"), levels.count("city")) == (34, 339)
    assert len([u for u in g.units.values() if u.level == "city" and not u.code.startswith("71")]) == 333
    assert levels.count("county") > 2800
    assert "JioNLP" in source_line() and "Apache-2.0" in source_line()


def describe(text: str):
    doc = parse_text(text)
    return doc.place.full(), doc.place.level, doc.place.code, doc.kind, doc.year


def test_the_issuer_is_the_place_not_the_places_it_mentions():
    text = ("政府工作报告\n——2023年1月6日在保定市清苑区第二届人民代表大会第三次会议上\n各位代表:\n"
            "现在,我代表区人民政府向大会报告工作。我们学习北京市朝阳区、雄安新区和石家庄市的经验。\n" + BODY)
    assert describe(text) == ("河北省保定市清苑区", "county", "130608", "work report", 2023)


def test_a_provincial_report_is_the_province_not_its_capital():
    text = ("2025年西藏政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上\n"
            "西藏自治区代理主席 嘎玛泽登\n各位代表:\n"
            "现在,我代表自治区人民政府向大会报告工作。拉萨市、日喀则市……\n" + BODY)
    assert describe(text) == ("西藏自治区", "province", "540000", "work report", 2025)


def test_a_national_report_has_no_province():
    text = "政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理 李克强\n各位代表:\n" \
           "现在,我代表国务院,向大会报告政府工作。内蒙古自治区、西藏自治区……\n" + BODY
    doc = parse_text(text)
    place = doc.place
    assert (place.level, place.province, place.full(), doc.year) == ("national", None, "中华人民共和国", 2021)


def test_a_unit_the_gazetteer_does_not_know_is_named_as_written_under_its_known_parents():
    # A new district, a development zone, a made-up name (benchmarks/make_corpus.py): not any place mentioned.
    doc = parse_text("(辽宁省)山顺市和华区国民经济和社会发展十四五规划(2022年更新)\n前言\n"
                     "和华区国民经济和社会发展第十四个五年规划,推动振兴区域发展,学习丹东市振兴区经验。\n")
    place = doc.place
    assert (place.province, place.city, place.county, place.level, place.code) == (
        "辽宁省", "山顺市", "和华区", "county", None)
    doc = parse_text("大连市金普新区2023年政府工作报告\n各位代表:\n现在,我代表新区管委会向大会报告工作。\n" + BODY)
    assert (doc.place.full(), doc.place.level, doc.place.code) == ("辽宁省大连市金普新区", "county", None)


@pytest.mark.parametrize(("opening", "full", "code"), [
    # a two-character county (城区, 东区) at the end of a name the gazetteer does not know is not that county
    ("昌光城区国民经济和社会发展第十四个五年规划纲要\n", "昌光城区", None),
    ("永东区2023年政府工作报告\n", "永东区", None),
    ("(辽宁省)山顺市永东区国民经济和社会发展十四五规划\n", "辽宁省山顺市永东区", None),
    # but it is after its city, first, or after a word that may precede a name
    ("阳泉市城区2023年政府工作报告\n", "山西省阳泉市城区", "140302"),
    ("攀枝花市东区国民经济和社会发展第十四个五年规划纲要\n", "四川省攀枝花市东区", "510402"),
    ("2023年东区政府工作报告\n", "四川省攀枝花市东区", "510402"),
])
def test_a_short_county_name_inside_an_unknown_name_is_not_that_county(opening, full, code):
    place = parse_text(opening + BODY).place
    assert (place.full(), place.level, place.code) == (full, "county", code)


def test_an_old_name_in_an_old_report_keeps_its_spelling_and_the_units_code():
    text = "徐水县2010年政府工作报告\n2010年2月4日在徐水县第十四届人民代表大会第四次会议上\n各位代表:\n" + BODY
    doc = parse_text(text)
    assert (doc.place.county, doc.place.code, doc.place.city) == ("徐水县", "130609", "保定市")


@pytest.mark.parametrize(
    ("opening", "full", "code", "warned"),
    [
        ("我代表鼓楼区人民政府向大会报告工作。", "鼓楼区", None, True),
        ("我代表南京市鼓楼区人民政府向大会报告工作。", "江苏省南京市鼓楼区", "320106", False),
        ("我代表鼓楼区人民政府向大会报告工作。福州的发展,福州市委的领导。", "福建省福州市鼓楼区", "350102", False),
    ],
)
def test_an_ambiguous_name_is_settled_by_the_city_the_text_names_or_reported(opening, full, code, warned):
    doc = parse_text(f"政府工作报告\n各位代表:\n{opening}\n" + BODY)
    assert (doc.place.full(), doc.place.code) == (full, code)
    assert any("ambiguous" in w.message for w in doc.warnings) == warned


@pytest.mark.parametrize(
    ("text", "kind", "year", "period"),
    [
        ("兴安区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展基础\n"
         "到2035年基本实现现代化。\n",
         "five-year plan", 2021, "2021-2025"),  # never the 远景 year: an undated plan, its period's first year
        ("中共合肥市委关于制定合肥市国民经济和社会发展第十五个五年规划的建议\n一、总体要求\n到2030年……\n",
         "plan proposal", 2025, "2026-2030"),
        ("山东省“十四五”教育事业发展规划\n一、总体要求\n到2025年……\n", "other", 2021, "2021-2025"),
        ("各位代表:\n现在,我代表县人民政府向大会报告工作,请予审议。\n一、去年工作回顾\n2019年,全县经济增长7%。\n"
         "二、今年主要任务\n全县经济增长6%。\n", "work report", 2020, None),
        ("政府工作报告\n——2022年12月30日在盘锦市兴隆台区第九届人民代表大会第二次会议上\n各位代表:\n" + BODY,
         "work report", 2023, None),  # delivered in December: the next year's report
    ],
)
def test_kind_year_and_period(text, kind, year, period):
    doc = parse_text(text)
    assert (doc.kind, doc.year, doc.period) == (kind, year, period)


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ("【法宝引证码】 CLI.12.5115678\n2022年深圳市政府工作报告\n"
         "——2022年4月11日在深圳市第七届人民代表大会第二次会议上\n",
         "2022年深圳市政府工作报告"),
        ("政府工作报告\n——2026年1月26日在甘肃省第十四届人民代表大会第五次会议上\n甘肃省省长任振鹤\n", "政府工作报告"),
        ("政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n", "政府工作报告"),
        ("苏州市国民经济和社会发展\n第十五个五年规划纲要\n苏州市人民政府\n二〇二六年四月\n",
         "苏州市国民经济和社会发展第十五个五年规划纲要"),
        ("标题:保定市政府工作报告——2014年2月10日在保定市第十四届人民代表大会第二次会议上\n发文单位:保定市人民政府\n",
         "保定市政府工作报告"),
        ("2026年深圳市政府工作报告全文发布-深圳政府在线_深圳市人民政府门户网站\n", "2026年深圳市政府工作报告全文发布"),
        # the notice a plan is issued with names the plan
        ("关于印发杭州市国民经济和社会发展\n第十五个五年规划纲要的通知-杭州市人民政府公报网站\n",
         "杭州市国民经济和社会发展第十五个五年规划纲要"),
        ("某某市人民政府关于印发《某某市国民经济和社会发展第十五个五年规划纲要》的通知\n",
         "某某市国民经济和社会发展第十五个五年规划纲要"),
    ],
)
def test_the_title_is_the_documents_own(front, title):
    doc = parse_text(front + "各位代表:\n现在,我代表市人民政府向大会报告工作。\n" + BODY)
    assert doc.title == title
