"""Targets of the real samples: values from the indicator table and from sentences, and how many
of the hand-checked targets (tests/targets_gold.py) the extractor finds."""

from __future__ import annotations

import pytest
from conftest import sample
from targets_gold import GOLD

from planctl.indicators import load_indicator_map, split_measure
from planctl.targets import Target, extract, normalise_unit, parse_value

SAMPLE_KEYS = ("000", "001", "002", "003", "004")


@pytest.fixture(scope="module")
def targets() -> dict[str, list[Target]]:
    imap = load_indicator_map()
    return {key: extract(sample(key), imap) for key in SAMPLE_KEYS}


def find(found: list[Target], line: int, key: str) -> Target:
    on_line = [t for t in found if t.line == line]
    hits = [t for t in on_line if t.indicator == key]
    hits = hits or [t for t in on_line if key in t.indicator or key in t.canonical]
    assert len(hits) == 1, f"line {line} {key}: {[(t.indicator, t.display()) for t in found if t.line == line]}"
    return hits[0]


def matches(t: Target, key: str, value: float | None, unit: str | None) -> bool:
    if key not in t.indicator and key not in t.canonical:
        return False
    if value is None:
        return t.value is None and bool(t.value_text)
    return t.value is not None and abs(t.value - value) < 1e-9 and t.unit == unit


def score(targets: dict[str, list[Target]]) -> tuple[int, int, int, list[tuple], list[Target]]:
    """(true positives, extracted, gold, missed gold entries, extracted targets not in the gold list)."""
    unmatched = {key: list(found) for key, found in targets.items()}
    missed = []
    for entry in GOLD:
        key, line, name, value, unit = entry
        hit = next((t for t in unmatched[key] if t.line == line and matches(t, name, value, unit)), None)
        if hit is None:
            missed.append(entry)
        else:
            unmatched[key].remove(hit)
    extracted = sum(len(found) for found in targets.values())
    spurious = [t for found in unmatched.values() for t in found]
    return len(GOLD) - len(missed), extracted, len(GOLD), missed, spurious


def test_precision_and_recall_against_the_hand_checked_list(targets, capsys):
    hits, extracted, gold, missed, spurious = score(targets)
    precision, recall = hits / extracted, hits / gold
    with capsys.disabled():
        print(f"\ntargets: {hits} of {gold} hand-checked found, {extracted} extracted: "
              f"precision {precision:.1%}, recall {recall:.1%}")
    assert precision >= 0.95, [(t.path, t.line, t.indicator, t.display()) for t in spurious]
    assert recall >= 0.85, missed


def test_the_indicator_table_of_001(targets):
    found = [t for t in targets["001"] if t.source == "table"]
    assert len(found) == 26  # 29 indicators; three have neither a target nor a growth figure
    revenue = find(found, 61, "一般公共预算收入")
    assert (revenue.value, revenue.unit, revenue.year) == (48, "亿元", 2025)
    assert (revenue.base_value, revenue.base_year) == (34.2, 2020)
    assert (revenue.growth, revenue.growth_kind, revenue.binding) == (7, "annual", "预期性")
    assert revenue.path.endswith("第三章 主要目标 > 第二节 “十四五”发展目标")
    rd = find(found, 65, "研发经费投入")
    assert (rd.measure, rd.value, rd.unit, rd.comparator) == ("growth", 7, "%", "at least")
    assert rd.display() == "≥7%"
    productivity = find(found, 60, "全员劳动生产率")
    assert (productivity.measure, productivity.value, productivity.comparator) == ("growth", 6, "about")
    firms = find(found, 69, "高新技术企业")
    assert (firms.value, firms.unit, firms.comparator, firms.base_value) == (100, "家", "at least", 69)
    water = find(found, 80, "用水量")
    assert (water.measure, water.value, water.growth_kind, water.binding) == ("reduction", 12, "cumulative", "约束性")
    assert water.display() == "−12% (5-year total)"
    gdp = find(found, 58, "地区生产总值")
    assert (gdp.value, gdp.value_text, gdp.base_value, gdp.canonical) == (None, "高于市平均水平", 547.9, "地区生产总值")
    share = find(found, 66, "数字经济")
    assert (share.measure, share.canonical) == ("level", "数字经济核心产业增加值占地区生产总值比重")
    assert find(found, 85, "受教育年限").binding == "约束性"


def test_sentence_targets_of_a_work_report(targets):
    found = targets["003"]
    gdp = find(found, 97, "地区生产总值")
    assert (gdp.value, gdp.unit, gdp.growth, gdp.year, gdp.comparator) == (468, "亿元", 5, 2023, "exactly")
    assert gdp.path == "二、2023年工作安排"
    jobs = find(found, 97, "城镇新增就业")
    assert (jobs.value, jobs.unit, jobs.canonical) == (1.05, "万人", "城镇新增就业")  # 10500人
    energy = find(found, 97, "能耗")
    assert (energy.measure, energy.value, energy.canonical) == ("reduction", 2, "单位地区生产总值能源消耗")
    # 一般公共预算收入完成20亿元,增长11.6%(其中:区本级13.2亿元…): the aside is not a second target
    assert [t.value for t in found if t.line == 97 and "一般公共预算收入" in t.indicator] == [20]
    assert find(found, 139, "城镇登记失业率").comparator == "at most"


def test_sentence_targets_of_plans(targets):
    unemployment = find(targets["004"], 41, "登记失业率")
    assert (unemployment.value, unemployment.unit, unemployment.comparator) == (4.5, "%", "at most")
    assert unemployment.canonical == "城镇登记失业率"
    green = find(targets["004"], 43, "绿化覆盖率")
    assert (green.value, green.comparator, green.year) == (45.2, "at least", 2025)
    steel = find(targets["001"], 163, "钢铁产业销售收入")
    assert (steel.value, steel.unit, steel.year, steel.comparator) == (200, "亿元", 2025, "exactly")
    assert steel.path.endswith("着力建设数字海城、智造强县 > 第二节 差异化做强做大民营钢铁产业")
    gdp_per_head = find(targets["000"], 28, "人均GDP")
    assert (gdp_per_head.value, gdp_per_head.unit, gdp_per_head.canonical) == (2.5, "万美元", "人均地区生产总值")
    both = [t.indicator for t in targets["000"] if t.line == 40]
    assert both == ["电竞企业", "直播企业"]  # 电竞企业、直播企业各达到10家以上
    streets = find(targets["000"], 38, "特色街区")  # 重点培育四条特色街区: Chinese numerals
    assert (streets.value, streets.unit) == (4, "条")
    school = find(targets["000"], 45, "中等职业教育学校")  # 创办一所中等职业教育学校
    assert (school.value, school.unit) == (1, "所")
    incubator = find(targets["000"], 51, "科技孵化器")
    assert incubator.comparator == "at least"  # 每年至少建成1家


def test_retrospective_sections_give_no_targets(targets):
    for key in SAMPLE_KEYS:
        for t in targets[key]:
            assert "十三五" not in t.path and "回顾" not in t.path, (key, t.path, t.indicator)


def test_every_target_says_where_it_came_from(targets):
    doc_lines = {key: sample(key) for key in SAMPLE_KEYS}
    for key, found in targets.items():
        assert found, key
        for t in found:
            assert t.line > 0 and t.text
            assert t.source in ("table", "sentence")
            assert t.comparator in ("at least", "at most", "about", "exactly")
            assert t.measure in ("level", "growth", "reduction")
            assert doc_lines[key].period or t.year


@pytest.mark.parametrize(
    ("cell", "number", "unit", "comparator", "cumulative"),
    [
        ("48", 48, None, "exactly", False),
        ("≧7", 7, None, "at least", False),
        ("6%左右", 6, "%", "about", False),
        ("﹝12﹞", 12, None, "exactly", True),
        ("﹥100", 100, None, "at least", False),
        ("-", None, None, "exactly", False),
        ("进入鞍山市前列", None, None, "exactly", False),
        ("不超过3%", 3, "%", "at most", False),
        ("1600亿斤以上", 1600, "亿斤", "at least", False),
        ("【15左右】", 15, None, "about", True),
    ],
)
def test_table_cells(cell, number, unit, comparator, cumulative):
    value = parse_value(cell)
    assert (value.number, value.unit, value.comparator, value.cumulative) == (number, unit, comparator, cumulative)


def test_units_are_normalised():
    assert normalise_unit(5000, "万元", "固定资产投资") == (0.5, "亿元")
    assert normalise_unit(10500, "人", "城镇新增就业") == (1.05, "万人")
    assert normalise_unit(3500, "人", "引进各类人才") == (3500, "人")
    assert normalise_unit(2.1, "万平", "养老院") == (2.1, "万平方米")
    assert normalise_unit(7000, "元", "人均可支配收入") == (7000, "元")
    assert normalise_unit(73, None, "城镇化率") == (73, "%")
    assert normalise_unit(1500, "万美元", "实际利用外资") == (0.15, "亿美元")
    assert normalise_unit(2.5, "万美元", "人均地区生产总值") == (2.5, "万美元")


def test_a_five_year_total_in_the_target_column_and_large_figures():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要指标\n| 指标 | 2020年 | 2025年 | 属性 |\n|---|---|---|---|\n"
                     "| 实际利用外资规模(亿美元) | 68.7 | 【350左右】 | 预期性 |\n"
                     "| 金融市场交易总额(亿元) | 2000000 | 4500000 | 预期性 |\n"
                     "| 法治建设满意度(分) | 90 | 93 | 预期性 |\n")
    shown = [(t.indicator, t.growth_kind, t.display()) for t in extract(doc)]
    assert shown == [("实际利用外资规模", "cumulative", "≈350亿美元 (5-year total)"),
                     ("金融市场交易总额", None, "4500000亿元"),  # not 4.5e+06
                     ("法治建设满意度", None, "93分")]  # a unit no list holds, in the bracket that ends the name


def test_indicator_names_are_matched_across_plans():
    imap = load_indicator_map()
    assert imap.canonical("GDP") == imap.canonical("生产总值") == imap.canonical("地区生产总值") == "地区生产总值"
    assert imap.canonical("人均GDP") == "人均地区生产总值"
    assert imap.canonical("全区社会消费品零售总额") == "社会消费品零售总额"
    assert imap.canonical("数字经济核心产业增加值占地区生产总值比重") != "地区生产总值"
    assert imap.canonical("某种全新的指标") == "某种全新的指标"
    # a qualifier of the measure is not part of the name
    assert split_measure("全市居民人均可支配收入年均增长") == ("全市居民人均可支配收入", "growth")
    assert split_measure("3岁以下婴幼儿入托率提高") == ("3岁以下婴幼儿入托率", "growth")  # 北京市 and 杭州市 line up
    assert imap.canonical("全市居民人均可支配收入年均增速") == "居民人均可支配收入"
    assert imap.canonical("地区生产总值年均增长") == "地区生产总值"
    assert imap.canonical("商品进出口总值") == "进出口总额"
    assert imap.canonical("服务贸易进出口年均增长") == "服务贸易进出口总额"  # not 进出口总额, whose alias it ends in
    # two things joined name neither
    assert imap.canonical("城镇和农村居民人均可支配收入") == "城镇和农村居民人均可支配收入"
    assert imap.canonical("接待游客人次和旅游总收入") == "接待游客人次和旅游总收入"
    # words of the whole place, of time or a verb before a known name leave it that indicator …
    assert imap.canonical("全省地区生产总值") == imap.canonical("今后五年国内生产总值") == "地区生产总值"
    assert imap.canonical("城乡居民人均可支配收入") == "居民人均可支配收入"
    # … anything else narrows it to a part, which is not the whole and not a close spelling of it either
    for part in ("海洋生产总值", "县域生产总值", "区本级固定资产投资", "户籍人口城镇化率", "企业研发投入"):
        assert imap.canonical(part) == part
    # the survey's unemployment rate is not the registered one
    assert imap.canonical("城镇调查失业率") != imap.canonical("城镇登记失业率") == imap.canonical("登记失业率")


def test_a_share_is_named_by_its_part_and_its_whole():
    imap = load_indicator_map()
    # R&D intensity in every spelling of the corpus is one indicator, not R&D spending
    for name in ("全社会研发经费支出占地区生产总值比重", "R&D支出占GDP比重",
                 "研究与试验发展(R&D)经费支出与地区生产总值之比", "全社会研发经费支出相当于全市生产总值的比例",
                 "全社会研发投入强度", "研发经费投入强度"):
        assert imap.canonical(name) == "研发经费投入强度", name
    assert imap.canonical("全社会研发经费投入") == "研发经费投入"
    # the same share spelt two ways lines up; a part of a whole is not the whole's share
    assert (imap.canonical("制造业增加值占GDP比重") == imap.canonical("制造业增加值占地区生产总值的比重")
            == "制造业增加值占地区生产总值比重")
    assert imap.canonical("海洋生产总值占GDP比重") == "海洋生产总值占地区生产总值比重"
    assert imap.canonical("工业增加值占地区生产总值比重") == "工业增加值占地区生产总值比重"  # not 服务业增加值比重
    assert imap.canonical("规模以上工业企业研发投入占主营业务收入比重") == "规模以上工业企业研发投入占主营业务收入比重"
    # the list's alias
    assert imap.canonical("数字经济核心产业增加值占比") == "数字经济核心产业增加值占地区生产总值比重"
    assert imap.canonical("养老机构护理型床位占比") == "养老机构护理型床位占比"
    # a close spelling of a share's name is not that share: the value added grows, its share does not
    assert imap.canonical("数字经济核心产业增加值增长") == "数字经济核心产业增加值"
    # nor are exports, a spelling away from imports and exports, the trade total
    assert imap.canonical("外贸出口总额") == imap.canonical("出口增长") != imap.canonical("外贸进出口总额")
    assert imap.canonical("服务贸易出口") != imap.canonical("服务贸易进出口")


def test_a_table_row_and_a_sentence_on_one_indicator_line_up():
    from planctl.parser import parse_text

    plan = parse_text("第一章 主要指标\n| 指标 | 2030年目标 | 属性 |\n|---|---|---|\n"
                      "| 全社会研发经费支出占地区生产总值比重(%) | 3 | 预期性 |\n"
                      "| 非化石能源占能源消费总量比重(%) | 25 | 约束性 |\n"
                      "| 单位地区生产总值用水量下降率(%) | 〔12〕 | 约束性 |\n")
    report = parse_text("一、2026年主要预期目标\n研发投入强度达到2.8%,非化石能源占能源消费总量比重达到22%,"
                        "单位地区生产总值用水量下降3%。")
    in_plan, in_report = ({(t.canonical, t.measure) for t in extract(doc)} for doc in (plan, report))
    assert in_plan == in_report == {("研发经费投入强度", "level"), ("非化石能源占能源消费总量比重", "level"),
                                    ("单位地区生产总值用水量", "reduction")}


def test_figures_in_chinese_numerals():
    from planctl.parser import parse_text

    text = "到2025年,全区地区生产总值达到五百亿元,新建两所学校,实施三年行动计划,坚持两个毫不动摇。"
    doc = parse_text(f"第一章 主要目标\n{text}")
    found = [(t.indicator, t.value, t.unit, t.year) for t in extract(doc, load_indicator_map())]
    assert found == [("地区生产总值", 500, "亿元", 2025), ("学校", 2, "所", 2025)]
    doc = parse_text("一、2024年工作安排\n地区生产总值增长百分之六点五,城镇登记失业率控制在百分之四以内。")
    found = [(t.indicator, t.measure, t.value, t.unit, t.comparator) for t in extract(doc, load_indicator_map())]
    assert found == [("地区生产总值", "growth", 6.5, "%", "exactly"), ("城镇登记失业率", "level", 4, "%", "at most")]


def test_a_table_with_a_header_over_two_rows_and_a_column_of_units():
    from planctl.parser import parse_text

    html = (
        "<html><body><p>第一章 “十五五”时期的主要指标</p><table>"
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>指标</td><td rowspan='2'>单位</td><td rowspan='2'>属性</td>"
        "<td colspan='2'>“十五五”目标</td></tr><tr><td>2030年</td><td>年均[累计]</td></tr>"
        "<tr><td>1</td><td>全员劳动生产率</td><td>万元/人</td><td>预期性</td><td>&gt; 52</td><td>—</td></tr>"
        "<tr><td>2</td><td>地区生产总值年均增速</td><td>%</td><td>预期性</td><td>—</td><td>5左右</td></tr>"
        "</table></body></html>"
    )
    found = {t.indicator: t for t in extract(parse_text(html))}
    assert set(found) == {"全员劳动生产率", "地区生产总值年均增速"}  # not the header's second row
    productivity, growth = found["全员劳动生产率"], found["地区生产总值年均增速"]
    assert (productivity.value, productivity.unit, productivity.year) == (52, "万元/人", 2030)
    assert (productivity.comparator, productivity.binding) == ("at least", "预期性")
    assert (growth.value, growth.unit, growth.measure) == (5, "%", "growth")


def test_a_row_number_in_the_indicator_cell_is_not_part_of_the_name():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要指标\n| 指标 | 2030年目标 | 属性 |\n|---|---|---|\n"
                     "| 1. 地区生产总值年均增长(%) | 5左右 | 预期性 |\n| 11.★商品进出口总值(亿元) | 12000 | 预期性 |\n"
                     "| 5G基站数(万个) | 3 | 预期性 |\n")
    found = [(t.indicator, t.canonical, t.measure, t.value) for t in extract(doc)]
    assert found == [("地区生产总值年均增长", "地区生产总值", "growth", 5),
                     ("商品进出口总值", "进出口总额", "level", 12000), ("5G基站数", "5G基站数", "level", 3)]


def test_grain_in_jin_is_a_unit():
    from planctl.parser import parse_text

    doc = parse_text("某省政府工作报告\n一、2026年工作安排\n全年粮食产量稳定在1600亿斤以上。\n"
                     "| 指标 | 2030年目标 | 属性 |\n|---|---|---|\n| 粮食综合生产能力(亿斤) | >19 | 约束性 |\n")
    found = {(t.indicator, t.value, t.unit, t.comparator) for t in extract(doc)}
    # in 万吨, as other plans write it, so that the two line up
    assert found == {("粮食产量", 8000, "万吨", "at least"), ("粮食综合生产能力", 95, "万吨", "at least")}


def test_a_range_is_a_target_from_its_low_end_to_its_high_end():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年主要预期目标\n地区生产总值增长5%—5.5%,一般公共预算收入增长4-5%,"
                     "城镇调查失业率5.5%左右,完成2021-2025年规划任务。\n"
                     "| 指标 | 2030年 | 属性 |\n|---|---|---|\n| 常住人口(万人) | 约100～110 | 预期性 |\n")
    found = [(t.indicator, t.value, t.upper, t.comparator, t.display()) for t in extract(doc)]
    assert found == [  # the table's first
        ("常住人口", 100, 110, "between", "100–110万人"), ("地区生产总值", 5, 5.5, "between", "+5–5.5%"),
        ("一般公共预算收入", 4, 5, "between", "+4–5%"), ("城镇调查失业率", 5.5, None, "about", "≈5.5%"),
    ]
    assert parse_value("4.5-5").upper == 5 and parse_value("-2").upper is None  # a minus is no range
    hoped = parse_value("4.5-5,努力争取更好结果")  # a range, then words that stay in the text
    assert (hoped.number, hoped.upper, hoped.comparator, hoped.text) == (4.5, 5, "between", "4.5-5,努力争取更好结果")
    assert parse_value("1-2-3").upper is None


def test_words_around_a_name_are_not_part_of_it():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n建设10个左右高品质功能型新市镇,实施10条以上的背街小巷整治提升。"
                     "城乡居民人均可支配收入分别增长7.5%,政务服务办结率均达到95%以上,年内完成3800户。"
                     "新增生化处理能力日均1200吨。\n")
    assert [(t.indicator, t.value, t.comparator) for t in extract(doc)] == [
        ("高品质功能型新市镇", 10, "about"),  # not 左右高品质功能型新市镇, and about
        ("背街小巷整治提升", 10, "at least"),
        ("城乡居民人均可支配收入", 7.5, "exactly"),  # not …分别
        ("政务服务办结率", 95, "at least"),  # not …均
        ("新增生化处理能力日均", 1200, "exactly"),  # 日均 is part of it; 年内 alone names nothing
    ]


def test_a_term_quoted_inside_a_name_keeps_both_its_quotation_marks():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n新增“专精特新”企业20家,“415X”集群营收达到13万亿元,培育“瞪羚”企业50家,"
                     "实施3条道路“双修”。")
    names = [t.indicator for t in extract(doc)]
    assert names == ["新增“专精特新”企业", "“415X”集群营收", "培育“瞪羚”企业", "道路“双修”"]  # not 415X”集群营收


def test_a_second_figure_of_one_indicator_by_another_verb():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年主要目标\n全省地区生产总值年均增长5%左右、迈上3万亿元台阶,"
                     "工业投资达到4900亿元左右、增长10%以上,经济总量力争跨上2万亿元新台阶。")
    found = [(t.indicator, t.canonical, t.measure, t.display()) for t in extract(doc)]
    assert found == [("地区生产总值", "地区生产总值", "growth", "≈5%"),  # 全省 is the whole province, as 全市
                     ("地区生产总值", "地区生产总值", "level", "≥30000亿元"),  # not an indicator 迈上
                     ("工业投资", "工业投资", "level", "≈4900亿元"), ("工业投资", "工业投资", "growth", "≥10%"),
                     ("经济总量", "地区生产总值", "level", "≥20000亿元")]  # not 经济, nor 经济总量力争


def test_chao_before_a_figure_is_more_than_and_not_part_of_the_name():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n新增上市企业超30家,实施增资扩产项目投资超1000亿元,城镇登记失业率不超过4.5%。")
    found = [(t.indicator, t.display()) for t in extract(doc)]
    assert found == [("新增上市企业", "≥30家"), ("增资扩产项目投资", "≥1000亿元"), ("城镇登记失业率", "≤4.5%")]


def test_a_list_takes_its_figures_one_each():
    from planctl.parser import parse_text

    doc = parse_text(
        "一、2026年主要预期目标\n城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右,"
        "一产、二产、三产增加值分别增长5.5%、6%、5%,化学需氧量、氨氮排放量要分别下降2%,"
        "刑事、治安警情分别下降7.7%、10.4%,城乡居民基本养老保险和基本医疗保险参保率分别达到98%、96%以上。"
        "城乡居民人均可支配收入分别增长7.5%、8.5%。销售收入过亿元企业、过10亿元企业分别达62家、27家、3家。"
        "原煤、天然气产量分别达到7000万吨、400亿立方米,厦门、福州机场旅客吞吐量分别达到2790万人次、1530万人次。"
    )
    found = [(t.canonical, t.display()) for t in extract(doc)]
    assert found == [
        ("城镇居民人均可支配收入", "≈4%"), ("农村居民人均可支配收入", "≈6%"),  # not one figure for the two
        ("一产增加值", "+5.5%"), ("二产增加值", "+6%"), ("三产增加值", "+5%"),  # what they share, each
        ("化学需氧量", "−2%"), ("氨氮排放量", "−2%"),  # one figure for both
        ("刑事警情", "−7.7%"), ("治安警情", "−10.4%"),
        ("城乡居民基本养老保险参保率", "98%"), ("基本医疗保险参保率", "≥96%"),
        ("城镇居民人均可支配收入", "+7.5%"), ("农村居民人均可支配收入", "+8.5%"),  # 城乡: urban, then rural
        # (three figures for two names: none is guessed)
        ("原煤产量", "7000万吨"), ("天然气产量", "400亿立方米"),  # not 原煤气产量
        ("厦门机场旅客吞吐量", "2790万人次"), ("福州机场旅客吞吐量", "1530万人次"),
    ]


def test_a_cell_that_says_its_period_and_how_it_counts():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要指标\n| 指标 | 单位 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|\n"
                     "| 商品进出口总值年均增长 | % | “十四五”年均增长5.4 | “十五五”年均增长6.0左右 | 预期性 |\n"
                     "| 地区生产总值 | % | 4.0 | “十五五”年均增长5左右 | 预期性 |\n"
                     "| 城镇新增就业人数 | 万人 | “十四五”累计新增160 | 150 | 预期性 |\n"
                     "| 一般公共预算收入年均增速 | % | 3 | 力争达到5%左右 | 预期性 |\n")
    found = [(t.canonical, t.measure, t.display(), t.base_value) for t in extract(doc)]
    assert found == [("进出口总额", "growth", "≈6%", 5.4), ("地区生产总值", "growth", "≈5%", 4),
                     ("城镇新增就业", "level", "150万人", 160), ("一般公共预算收入", "growth", "≈5%", 3)]
    # words at the end of a sentence's name that belong to the verb: 可比 (增长), 再 (提高), 每年
    doc = parse_text("一、2026年主要预期目标\n一般公共预算收入可比增长6%,粮食综合生产能力每年稳定在1121万吨以上,"
                     "跨区跨省输电能力较“十四五”末提高30%以上,国家电网计划投资4万亿元、较“十四五”增长40%。")
    assert [t.indicator for t in extract(doc)] == ["一般公共预算收入", "粮食综合生产能力", "跨区跨省输电能力", "投资"]


def test_where_a_figure_starts_from_is_its_base():
    from planctl.parser import parse_text

    doc = parse_text("一、“十五五”主要目标\n人均预期寿命从83.12岁提高到84.18岁,城镇化率由83.3%提高到85%。")
    found = [(t.indicator, t.canonical, t.display(), t.base_value) for t in extract(doc)]
    assert found == [("人均预期寿命", "人均预期寿命", "84.18岁", 83.12), ("城镇化率", "常住人口城镇化率", "85%", 83.3)]


def test_two_indicators_in_a_row_set_with_a_slash():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要指标\n| 指标 | 单位 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|\n"
                     "| 机场旅客/货邮吞吐量 | 万人次/万吨 | 8358/244 | 11000/350 | 预期性 |\n"
                     "| 全员劳动生产率 | 万元/人 | 28 | 36 | 预期性 |\n")
    found = [(t.indicator, t.display(), t.base_value) for t in extract(doc)]
    assert found == [("机场旅客吞吐量", "11000万人次", 8358), ("货邮吞吐量", "350万吨", 244),
                     ("全员劳动生产率", "36万元/人", 28)]  # a unit with a slash is one unit


def test_work_done_counted_before_what_it_is():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n完成50公里燃气管道更新改造,增加3个口袋公园,全市工业增加值5000亿元,"
                     "确保新增450家以上。")
    assert [(t.indicator, t.display()) for t in extract(doc)] == [("燃气管道更新改造", "50公里"), ("口袋公园", "3个")]
    # (新增450家以上 says not what: no target named 以上)


def test_a_per_head_unit_in_a_sentence():
    from planctl.parser import parse_text

    doc = parse_text("一、“十五五”主要目标\n全社会研发投入强度达到3.5%以上,全员劳动生产率达到30万元/人左右。")
    found = [(t.canonical, t.display()) for t in extract(doc)]
    assert found == [("研发经费投入强度", "≥3.5%"), ("全员劳动生产率", "≈30万元/人")]  # as tables write it, not ≥


def test_a_verb_inside_a_noun_is_not_its_verb():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n企业参与省级科技计划项目超600项,"
                     "全社会研发投入预计超1200亿元,年度计划投资45亿元。")
    assert [(t.indicator, t.display()) for t in extract(doc)] == [("投资", "45亿元")]  # not 项目 ≥600项, 投入 ≥1200亿元


def test_a_base_is_shown_in_the_unit_it_was_turned_into():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要指标\n| 指标 | 单位 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|\n"
                     "| 粮食综合生产能力 | 亿斤 | 19 | 完成省下达任务 | 约束性 |\n")
    (grain,) = extract(doc)
    assert (grain.display(), grain.base_value, grain.unit) == ("完成省下达任务", 95, "万吨")  # not 95亿斤


def test_an_increase_by_an_amount_is_a_growth():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n城乡居民基础养老金最低标准再提高20元,人均预期寿命提高1岁,"
                     "改造提升24个老旧小区,城镇调查失业率全年控制在5.5%左右。")
    found = [(t.indicator, t.measure, t.display()) for t in extract(doc)]
    assert found == [("城乡居民基础养老金最低标准", "growth", "+20元"), ("人均预期寿命", "growth", "+1岁"),
                     ("老旧小区", "level", "24个"), ("城镇调查失业率", "level", "≈5.5%")]


def test_an_adverb_before_a_verb_is_not_a_name():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年主要预期目标\n经济增长5%左右,全面完成64个“保交楼”任务,基本完成57个城中村改造,"
                     "完成今年1470人贫困退出任务,基本医疗保险参保率稳定在95%以上。")
    found = [(t.indicator, t.canonical, t.display()) for t in extract(doc)]
    assert found == [("经济", "地区生产总值", "≈5%"),  # a national report's 经济增长 is GDP growth
                     ("“保交楼”任务", "“保交楼”任务", "64个"), ("城中村改造", "城中村改造", "57个"),
                     ("基本医疗保险参保率", "基本医疗保险参保率", "≥95%")]  # and no nameless 1470人


def test_a_figure_said_of_the_noun_after_it_is_not_the_target_of_the_name_before_it():
    from planctl.parser import parse_text

    doc = parse_text(
        "一、2026年工作安排\n完成投资2000万元的村庄道路硬化工程,确定今年生产总值增长9%以上的预期目标。"
        "五是完成150公里农村公路建设,新增供热面积10万平米。实施优化营商环境2026年行动方案,"
        "优质学前教育覆盖率连续5年居全省第1,劳动年龄人口平均受教育年限达到11.7年。"
    )
    found = [(t.indicator, t.display()) for t in extract(doc)]
    assert found == [
        ("确定今年生产总值", "≥9%"),  # the figure of 的预期目标 is a target; 投资2000万元的…工程 a project's size
        ("农村公路建设", "150公里"),  # not 五是 (150公里 counts the roads after it)
        ("新增供热面积", "10万平方米"),  # 万平米 is a unit, not 万平 and a noun 米
        ("劳动年龄人口平均受教育年限", "11.7年"),  # but not the year 2026, nor 连续5年
    ]


def test_shishi_names_a_projects_stage_but_not_works():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n实施城中村改造6万户,实施省重点项目1000个、年度计划投资1200亿元。"
                     "年底前完成41.8公里道路改造,广义货币M2预期增长7%左右。")
    found = [(t.indicator, t.display()) for t in extract(doc)]
    assert found == [("城中村改造", "6万户"), ("实施省重点项目", "1000个"), ("年度计划投资", "1200亿元"),
                     ("道路改造", "41.8公里"), ("广义货币M2", "≈7%")]


def test_a_year_the_aims_follow_is_their_year_and_no_part_of_a_name():
    from planctl.parser import parse_text

    doc = parse_text("2021年政府工作报告\n一、今后五年的目标\n2025年力争年销售收入过亿元企业达到30家。"
                     "非常规天然气产量2030年达到300亿立方米。力争2023年建成6个产业园区,2030年前碳达峰目标如期实现。"
                     "全年城镇新增就业3000人。")
    found = [(t.indicator, t.display(), t.year) for t in extract(doc)]
    assert found == [("年销售收入过亿元企业", "30家", 2025), ("非常规天然气产量", "300亿立方米", 2030),
                     ("产业园区", "6个", 2023),  # not 2030: that year names a goal (2030年前碳达峰), not these aims
                     ("城镇新增就业", "3000人", 2021)]


def test_a_clause_that_names_only_a_time_or_resolve_goes_on_with_the_indicator_before_it():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n地区生产总值突破90亿元,年均增长7%,经济规模明显扩大。"
                     "全市森林覆盖率每年提高1.3个百分点,三年内达到26.5%。城镇登记失业率控制在4.5%以内,力争达到4%。")
    found = [(t.indicator, t.measure, t.display()) for t in extract(doc)]
    assert found == [("地区生产总值", "level", "≥90亿元"), ("地区生产总值", "growth", "+7%"),
                     ("森林覆盖率", "growth", "+1.3个百分点"), ("森林覆盖率", "level", "26.5%"),  # not 三年内
                     ("城镇登记失业率", "level", "≤4.5%"), ("城镇登记失业率", "level", "4%")]


def test_a_figure_striven_for_after_a_growth_in_its_unit_is_more_of_that_growth():
    from planctl.parser import parse_text

    doc = parse_text("一、2025年工作安排\n地区生产总值增长7%以上、力争达到8%,全社会固定资产投资增长15%以上,力争达到20%,"
                     "城乡居民人均可支配收入增长8%,森林覆盖率每年提高1.3个百分点,三年内达到26.5%。")
    found = [(t.indicator, t.measure, t.display()) for t in extract(doc)]
    assert found == [("地区生产总值", "growth", "≥7%"), ("地区生产总值", "growth", "+8%"),
                     ("全社会固定资产投资", "growth", "≥15%"), ("全社会固定资产投资", "growth", "+20%"),
                     ("城乡居民人均可支配收入", "growth", "+8%"),
                     ("森林覆盖率", "growth", "+1.3个百分点"), ("森林覆盖率", "level", "26.5%")]  # points, then a level


def test_aims_that_name_an_earlier_year_as_their_base_are_this_years_targets():
    from planctl.parser import parse_text

    doc = parse_text(
        "某某县2021年政府工作报告\n一、2021年主要目标\n综合考虑各方面因素,经济社会发展主要预期目标是:地区生产总值增长7%左右,"
        "一般公共预算收入比2020年调整预算收入增长5.5%,粮食产量高于2020年水平。\n"
        "全年新增就业5000人,粮食产量稳定在2020年的水平。\n"
        "二、“十四五”成就\n生产安全事故起数较2020年下降53.3%。\n"  # a result: a year before the report's
    )
    found = [(t.indicator, t.display(), t.year) for t in extract(doc)]
    assert found == [("地区生产总值", "≈7%", 2021), ("一般公共预算收入", "+5.5%", 2021), ("新增就业", "5000人", 2021)]


def test_a_rate_named_alone_is_the_growth_of_the_indicator_before_it():
    from planctl.parser import parse_text

    doc = parse_text("第一章 主要目标\n到2030年,地区生产总值超过5万亿元,年均增速力争保持在5%以上,居民消费率显著提高。"
                     "城镇化率达到70%,常住人口增幅控制在1%以内。\n")
    found = [(t.indicator, t.measure, t.display()) for t in extract(doc)]
    assert found[:2] == [("地区生产总值", "level", "≥50000亿元"), ("地区生产总值", "growth", "≥5%")]
    assert ("增速", "level", "≥5%") not in found


def test_a_section_headed_by_a_year_before_the_reports_holds_results_not_targets():
    from planctl.parser import parse_text

    doc = parse_text("2013年政府工作报告\n一、关于2012年政府工作\n规模以上工业增加值完成58.6亿元,同比增长25.2%。\n"
                     "二、2013年工作安排\n规模以上工业增加值增长12%。\n")
    found = [(t.indicator, t.display(), t.year) for t in extract(doc)]
    assert found == [("规模以上工业增加值", "+12%", 2013)]


def test_at_least_or_at_most_before_a_figure_is_its_comparator_not_part_of_the_name():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n新发放创业担保贷款不低于80亿元,⑤城乡低保标准提高到740元以上,"
                     "总体近视率每年降低1个百分点以上,促进先进装备制造营业收入增长10%以上。")
    found = [(t.indicator, t.display()) for t in extract(doc)]
    assert found == [("新发放创业担保贷款", "≥80亿元"), ("城乡低保标准", "≥740元"), ("总体近视率", "−≥1个百分点"),
                     ("先进装备制造营业收入", "≥10%")]  # not 促进…


def test_a_villages_collective_income_keeps_its_unit():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n所有行政村集体经济收入达到10万元以上,村集体收入全部达到5万元。")
    assert [(t.indicator, t.display()) for t in extract(doc)] == [("行政村集体经济收入", "≥10万元"),
                                                                 ("村集体收入", "5万元")]  # not 0.001亿元


def test_a_list_starting_from_figures_and_a_base_said_per_head():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月202元、270元"
                     "提高到209元、280元。居民医保人均财政补助由每人每年380元提高到420元。")
    found = [(t.indicator, t.display(), t.base_value) for t in extract(doc)]
    assert found == [("困难残疾人生活补贴", "209元", None), ("重度残疾人护理补贴标准", "280元", None),
                     ("居民医保人均财政补助", "420元", 380)]


def test_a_level_said_before_a_list_comma_and_its_growth_are_both_read():
    from planctl.figures import report_figures
    from planctl.parser import parse_text

    doc = parse_text("2026年政府工作报告\n各位代表:\n一、2025年工作回顾\n"
                     "全市地区生产总值5.2万亿元、增长5.4%、高于全国0.4个百分点。\n"
                     "二、2026年工作安排\n重点文旅产业收入超1万亿元、增长8%。")

    found = [(f.kind, f.target.indicator, f.target.display()) for f in report_figures(doc)]
    assert found == [("reached", "地区生产总值", "52000亿元"), ("reached", "地区生产总值", "+5.4%"),  # not 高于全国
                     ("goal", "重点文旅产业收入", "≥10000亿元"), ("goal", "重点文旅产业收入", "+8%")]


def test_counts_by_rank_share_the_thing_named_after_the_last():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n新建8个国家级、36个省级临床重点专科。其中实施类省级重点项目5个、市级20个。")
    assert [(t.indicator, t.display()) for t in extract(doc)] == [
        ("国家级临床重点专科", "8个"), ("省级临床重点专科", "36个"),  # not 国家级 8个 and nothing for 36个
        ("实施类省级重点项目", "5个"), ("实施类市级重点项目", "20个")]


def test_a_reports_part_on_the_next_plans_period_sets_targets_for_its_end():
    from planctl.parser import parse_text

    doc = parse_text("2026年政府工作报告\n各位代表:\n二、“十五五”时期主要目标任务\n常住人口城镇化率达到65%左右。\n"
                     "三、“十五五”时期目标任务和2026年工作安排\n城镇新增就业110万人以上。\n")
    assert [(t.indicator, t.year) for t in extract(doc)] == [("常住人口城镇化率", 2030), ("城镇新增就业", 2026)]


def test_days_of_good_air_and_their_share_are_two_indicators_told_by_the_unit():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n空气优良天数达到350天,城市空气质量优良天数达到70%,"
                     "空气质量优良天数比率达到338天,优良天数比例达到86%以上。")
    assert [(t.canonical, t.display()) for t in extract(doc)] == [
        ("空气质量优良天数", "350天"), ("空气质量优良天数比率", "70%"),
        ("空气质量优良天数", "338天"),  # the days, whatever the name says
        ("空气质量优良天数比率", "≥86%")]


def test_the_other_side_of_an_indicator_named_alone_takes_the_rest_of_its_name():
    from planctl.parser import parse_text

    doc = parse_text("一、2026年工作安排\n城市居民健康档案规范化建档率达到40%,农村达到15%。")
    assert [(t.indicator, t.display()) for t in extract(doc)] == [("城市居民健康档案规范化建档率", "40%"),
                                                                 ("农村居民健康档案规范化建档率", "15%")]  # not 农村
