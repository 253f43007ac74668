"""The real structure of the five sample documents, as a reader checking by hand would see it."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import SAMPLES, sample

from planctl.markup import prepare
from planctl.normalize import normalize_lines
from planctl.outline import Document


def styles(doc: Document) -> Counter[str]:
    return Counter(s.style for _, s in doc.walk())


def find(doc: Document, *labels: str):
    """The section reached by following numbering labels from the top."""
    nodes = doc.sections
    found = None
    for label in labels:
        found = next(s for s in nodes if s.label == label)
        nodes = found.children
    return found


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("000", {"一、": 10, "(一)": 44}),
        ("001", {"篇": 3, "章": 15, "节": 66}),
        ("002", {"preface": 1, "章": 10, "节": 37}),
        ("003", {"一、": 2, "(一)": 12, "glossary": 1}),
        ("004", {"一、": 4, "(一)": 18, "1.": 31}),
    ],
)
def test_heading_counts(key, expected):
    assert dict(styles(sample(key))) == expected


def test_levels_follow_each_documents_own_nesting():
    assert [s.level for s in sample("001").sections] == [1, 1, 1]
    assert find(sample("001"), "第二篇", "第四章", "第一节").level == 3
    assert find(sample("002"), "第一章", "第一节").level == 2
    # 一、 on top, (一) under it, 1. under that: levels from order, not a fixed table.
    assert find(sample("004"), "三、", "(二)", "1.").level == 3


def test_paren_numbering_runs_on_across_top_sections():
    doc = sample("000")
    second = find(doc, "二、")
    assert [c.label for c in second.children] == ["(三)", "(四)", "(五)"]
    assert [c.label for c in find(doc, "十、").children] == ["(四十一)", "(四十二)", "(四十三)", "(四十四)"]


def test_heading_with_body_on_same_line_gets_short_title():
    doc = sample("003")
    first = find(doc, "一、", "(一)")
    assert first.title == "全力以赴稳增长,经济运行稳中向优"
    assert first.paragraphs[0].text.startswith("面对经济下行、疫情、汛情等超预期因素影响")
    assert find(sample("000"), "二、", "(三)").title == "指导思想"


def test_chapter_running_into_its_text_is_cut_where_title_ends():
    chapter = find(sample("001"), "第二篇", "第八章")
    assert chapter.title == "优先发展农业农村,全面推进乡村振兴"
    assert chapter.paragraphs[0].text.startswith("全面实施乡村振兴战略,强化以工补农")


def test_heading_broken_over_two_lines_is_joined():
    section = find(sample("001"), "第二篇", "第九章", "第一节")
    assert section.title == "充分释放市场采购贸易方式试点红利"
    assert section.paragraphs[0].topic == "探索创新外贸发展新模式"


def test_heading_whose_clause_goes_on_is_joined_with_its_next_line():
    from planctl.parser import parse_text

    doc = parse_text("某县政府工作报告\n一、回顾“十三五”,我们以脱贫攻坚为统揽,坚定前行、\n"
                     "砥砺奋进,全面建成小康社会取得决定性成就\n“十三五”时期是我县发展史上具有里程碑意义的五年。\n"
                     "二、2021年工作安排\n(一)推进乡村振兴\n做好三件事。\n")
    assert [s.title for s in doc.sections] == [
        "回顾“十三五”,我们以脱贫攻坚为统揽,坚定前行、砥砺奋进,全面建成小康社会取得决定性成就", "2021年工作安排"]


def test_a_long_title_with_no_sentence_end_is_all_title():
    from planctl.parser import parse_text

    long = "全域打造发展新质生产力的重要阵地,加快构建具有深圳特点和深圳优势、具有更强国际竞争力的现代化产业体系"
    doc = parse_text(f"某市政府工作报告\n一、2026年重点工作\n(二){long}\n做好三件事。\n"
                     "(三)优先发展农业农村,全面推进乡村振兴全面实施乡村振兴战略,坚持农业农村优先发展,加快建设农业强县。\n")
    assert [s.title for s in doc.sections[0].children] == [long, "优先发展农业农村,全面推进乡村振兴"]
    # (not cut in its middle, 具有深圳特点和深圳优势、 / 具有更强…: a title and its body on one line still are)
    title = "扎实开展造林绿化暨创园、城市管理“6S”、农村面貌改造提升三项行动,城乡环境明显改善"
    doc = parse_text(f"某县政府工作报告\n一、过去一年的工作\n(三){title}。在全市率先完成京石客运专线等交通干线"
                     "的绿道绿廊建设任务,全年完成造林面积8200亩。\n"
                     "(四)“Discover Jiangxi”文旅推广计划:组织重点景区赴港澳举办推广活动。\n")
    assert [s.title for s in doc.sections[0].children] == [title, "“Discover Jiangxi”文旅推广计划"]
    # a body, not a 100-character title
    assert doc.sections[0].children[0].paragraphs[0].text.startswith("在全市率先完成")


def test_truncated_heading_is_kept_as_written():
    assert find(sample("001"), "第二篇", "第九章", "第三节").title == "大力拓展国际化多元市"


def test_table_of_contents_is_not_duplicated():
    doc = sample("001")
    assert doc.toc == [
        "目录",
        "第一篇 全面建成小康社会,开启全面建设社会主义现代化新征程",
        "第二篇 深入落实六项重点工作,引领海城实现全面振兴、全方位振兴",
    ]
    assert [s.label for s in doc.sections] == ["第一篇", "第二篇", "第三篇"]


def test_cover_letter_is_front_matter_not_a_chapter():
    doc = sample("001")
    assert doc.front_matter[0].text == "各开发区管委会,各镇人民政府、街道办事处,市政府各部门:"
    assert "(此文件公开发布)" in [p.text for p in doc.front_matter]
    assert doc.preamble[0].text.startswith("“十四五”规划(2021-2025年)是我国应对百年未有之大变局")


def test_topic_phrases_of_a_section():
    section = find(sample("001"), "第二篇", "第四章", "第一节")
    assert section.title == "坚持不懈优化营商环境"
    assert section.topics == [
        "全力构建市场化法治化国际化的营商环境",
        "构建办事方便的营商环境",
        "构建法治良好的营商环境",
        "构建成本竞争力强的营商环境",
        "加强诚信海城建设",
    ]
    # A topic sentence alone on its line leads the paragraph after it.
    para = next(p for p in section.paragraphs if p.topic == "构建法治良好的营商环境")
    assert para.text.startswith("构建法治良好的营商环境。严格依法治市")


def test_dash_led_principles_are_topics():
    assert find(sample("000"), "二、", "(四)").topics == [
        "坚持党的领导", "坚持发展第一要务", "坚持油地融合发展", "坚持创新驱动", "坚持智慧治理",
        "坚持生态优先", "坚持民生福祉",
    ]


def test_indicator_table_stays_a_table():
    section = find(sample("001"), "第一篇", "第三章", "第二节")
    (table,) = section.tables
    assert table.caption == "“十四五”时期海城市经济社会发展主要目标"
    assert table.rows[0] == ["指标名称", "属性", "2020年", "2025年", "累计或年均增速"]
    assert table.rows[1][0] == "经济发展"  # letter-spaced group row 经 济 发 展, spaces removed
    assert ["★地区生产总值(亿元)", "预期性", "547.9", "-", "高于市平均水平"] in table.rows
    assert len(table.rows) == 36
    assert [n[:2] for n in table.notes] == ["注:", "②指", "③一", "④﹝"]


def test_glossary_is_its_own_block():
    doc = sample("003")
    glossary = doc.sections[-1]
    assert glossary.kind == "glossary"
    assert glossary.title == "有关缩略语及名词解释"
    assert len(glossary.glossary) == 13
    assert (glossary.glossary[0].term, glossary.glossary[0].definition) == ("强重严", "强规范、重实干、严督办。")
    assert glossary.glossary[-1].label == "13."
    # The glossary's 1.–13. are not the body's headings.
    assert all(s.style != "1." for _, s in doc.walk())


@pytest.mark.parametrize(
    ("key", "title", "place", "kind", "year", "period"),
    [
        ("000", "兴隆台区国民经济和社会发展第十四个五年规划纲要", ("辽宁省", "盘锦市", "兴隆台区"),
         "five-year plan", 2022, "2021-2025"),
        ("001", "海城市国民经济和社会发展第十四个五年规划纲要和二〇三五年远景目标", ("辽宁省", "鞍山市", "海城市"),
         "five-year plan", 2021, "2021-2025"),
        ("002", "(辽宁省)沈阳市皇姑区国民经济和社会发展十四五规划(2022年更新)", ("辽宁省", "沈阳市", "皇姑区"),
         "five-year plan", 2022, "2021-2025"),
        ("003", "2023政府工作报告", ("辽宁省", "盘锦市", "兴隆台区"), "work report", 2023, None),
        ("004", "大连市沙河口区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
         ("辽宁省", "大连市", "沙河口区"), "five-year plan", 2021, "2021-2025"),
    ],
)
def test_metadata(key, title, place, kind, year, period):
    doc = sample(key)
    assert doc.title == title
    assert (doc.place.province, doc.place.city, doc.place.county) == place
    assert (doc.kind, doc.year, doc.period) == (kind, year, period)


def test_traditional_characters_become_simplified_and_glosses_go():
    doc = sample("000")
    assert doc.traditional
    text = repr(doc.to_dict())
    assert "興隆臺" not in text and "兴隆台" in text
    assert not re.search(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", text)
    assert "(2022年更新)" in doc.front_matter[0].text  # real parentheses are kept
    assert find(doc, "一、", "(一)").label == "(一)"


def test_damaged_byte_runs_are_reported_with_line_numbers():
    raw = SAMPLES["000"].read_text(encoding="utf-8").splitlines()
    lines_with_damage = [no for no, line in enumerate(raw, 1) if "?" in line]
    doc = sample("000")
    assert [w.line for w in doc.warnings] == lines_with_damage
    assert "?!笆濉逼陂g" in next(w.message for w in doc.warnings if w.line == 8)
    for key in ("001", "002", "003", "004"):
        assert sample(key).warnings == []


FURNITURE = [
    "ICP备", "浏览次数", "发布日期", "发布时间", "当前位置", "网站地图", ".png", "主办单位", "主办:", "举报邮箱",
    "footpage", "政策解读:", "【关闭】", "联系电话:",
]


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_no_web_furniture_left(key):
    doc = sample(key)
    kept = repr({k: v for k, v in doc.to_dict().items() if k != "furniture"})
    for word in FURNITURE:
        assert word not in kept, word


def test_furniture_is_recorded():
    kinds = Counter(kind for _, kind, _ in sample("004").furniture)
    assert kinds == {"breadcrumb": 1, "page info": 1, "footer": 7}


def all_text(doc: Document) -> str:
    parts = [p.text for p in doc.front_matter + doc.preamble] + doc.toc
    for _, s in doc.walk():
        parts.append(f"{s.label}{s.title}")
        parts.extend(p.text for p in s.paragraphs)
        for t in s.tables:
            parts.append(t.caption or "")
            parts.extend("|".join(r) for r in t.rows)
            parts.extend(t.notes)
        parts.extend(f"{g.label}{g.term}:{g.definition}" for g in s.glossary)
    return "\n".join(parts)


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_nothing_is_lost(key):
    """Every line that is not furniture ends up somewhere in the outline."""
    doc = sample(key)
    raw_lines, _ = prepare(SAMPLES[key].read_text(encoding="utf-8"))
    lines, _, _ = normalize_lines(raw_lines)
    furniture = {no for no, _, _ in doc.furniture}
    haystack = re.sub(r"[\s|.。:,]", "", all_text(doc))
    missing = []
    for no, line in enumerate(lines, 1):
        needle = re.sub(r"[\s|.。:,]", "", line)
        if needle and no not in furniture and needle not in haystack:
            missing.append((no, line[:40]))
    assert missing == []
