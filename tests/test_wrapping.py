"""Text as a copy leaves it: wrapped at a fixed width, as copied out of a PDF (page numbers between the
lines), read back as the plan it was; a web page's lists of links around the plan set aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, sample

from planctl.documents import load_document
from planctl.furniture import furniture_kind, furniture_kinds
from planctl.headings import SENTENCE_END, match_heading
from planctl.parser import parse_text
from planctl.wrapping import margin, width

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def wrapped(text: str, columns: int, page: int = 40) -> str:
    """The text's paragraphs broken into lines of at most `columns` columns, with a page number after every
    `page` lines. Headings and a web page's furniture keep a line of their own, as on a printed page."""
    lines: list[str] = []
    for line in text.splitlines():
        if match_heading(line.strip()) or furniture_kind(line.strip()) or "|" in line:  # tables are no prose
            lines.append(line)
            continue
        piece = ""
        for char in line:
            if width(piece + char) > columns:
                lines.append(piece)
                piece = ""
            piece += char
        lines.append(piece)
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % page == 0:
            out.append(f"— {n // page} —")
    return "\n".join(out)


def sections(doc):
    return [(s.label, s.title, [p.text for p in s.paragraphs]) for _, s in doc.walk()]


@pytest.mark.parametrize("columns", [56, 80])
@pytest.mark.parametrize("key", ["001", "002", "003", "004"])  # 000 has pinyin glosses, which a wrap cuts apart
def test_a_wrapped_plan_reads_as_the_plan(key, columns):
    text = SAMPLES[key].read_text(encoding="utf-8")
    assert margin(wrapped(text, columns).splitlines()) is not None
    plan, copy = sections(sample(key)), sections(parse_text(wrapped(text, columns)))
    assert [(label, title) for label, title, _ in copy] == [(label, title) for label, title, _ in plan]
    for (_, _, want), (_, title, got) in zip(plan, copy, strict=True):
        # The same text (but a space at a line's end, which the line break takes), in whole paragraphs: one
        # is cut in two only where a line ended a sentence right at the margin, and two run into one only
        # where the first did not end its sentence (a paragraph without a full stop, which a wrap hides).
        want, got = [p.replace(" ", "") for p in want], [p.replace(" ", "") for p in got]
        text = "".join(want)
        assert "".join(got) == text, title
        ends = {len("".join(want[:i])) for i in range(1, len(want))}
        cuts = {len("".join(got[:i])) for i in range(1, len(got))}
        assert all(text[at - 1] in SENTENCE_END for at in cuts - ends), title
        assert not any(text[at - 1] in SENTENCE_END for at in ends - cuts), title


def test_a_line_broken_inside_a_sentence_is_joined_in_any_text():
    # A copy that broke lines at a page's inline markup (quotation marks, a bold word): 河北省's reports.
    doc = parse_text(
        "河北省政府工作报告\n二、“\n十四五\n”时期发展的总体思路和重点任务\n制定实施了《\n国家中长期科学和技术发展规划纲要\n"
        "》,单位GDP能耗五年下降21%。\n各位代表,今后五年是重要机遇期,\n我们要抓住机遇。\n三、2021年主要工作\n"
    )
    assert [s.heading for s in doc.sections] == ["二、“十四五”时期发展的总体思路和重点任务", "三、2021年主要工作"]
    assert [p.text for p in doc.sections[0].paragraphs] == [
        "制定实施了《国家中长期科学和技术发展规划纲要》,单位GDP能耗五年下降21%。",
        "各位代表,今后五年是重要机遇期,我们要抓住机遇。",
    ]


def test_text_of_lines_of_their_own_is_not_joined():
    # Forty paragraphs of one line each, all about as wide: no line runs on into the next.
    text = "\n".join(f"第{n}项任务是推进重点领域改革,完善体制机制,提升治理效能。" for n in range(1, 41))
    assert len(parse_text("某某县政府工作报告\n" + text).preamble) == 40


def test_page_numbers_are_furniture():
    for line in ["— 12 —", "- 3 -", "-7-", "第 5 页 共 80 页", "Page 2 of 9", "IV", "— ii —"]:
        assert furniture_kind(line) == "page number", line
    for line in ["12", "2025", "GDP", "——坚持创新驱动"]:
        assert furniture_kind(line) != "page number", line


def test_a_line_of_text_that_begins_like_a_footer_is_kept():
    # In a wrapped text every line is short, so a line of the body may begin with a footer's word.
    assert furniture_kind("承办重要国际会议活动。完善国礼供给、活动线路") is None
    assert furniture_kind("地址选在城区东部,配套建设停车场") is None
    assert furniture_kind("承办单位:南京市城市数字治理中心") == "footer"
    assert furniture_kind("地址:大连市中山路393号") == "footer"


def test_a_table_of_contents_with_long_leaders():
    leader = "." * 70
    doc = parse_text(
        f"某某市国民经济和社会发展第十五个五年规划纲要\n目 录\n第一章 发展基础 {leader} 1\n"
        f"第二章 面临形势 {leader} 4\n第一章 发展基础\n综合实力迈上新台阶。\n第二章 面临形势\n机遇和挑战并存。\n"
    )
    assert [s.title for s in doc.sections] == ["发展基础", "面临形势"]
    assert len(doc.toc) == 3


@pytest.mark.skipif(not (SHARED / "北京市_plan_2026.txt").is_file(), reason="../shared/corpus is not here")
def test_a_plan_copied_out_of_its_pdf():
    doc = load_document(SHARED / "北京市_plan_2026.txt")
    chapter = next(s for _, s in doc.walk() if s.title.startswith("“十四五”时期重大成就"))
    assert chapter.paragraphs[0].text.startswith("“十四五”时期是极不平凡的五年,在党中央坚强领导下,市委带领全市人民")
    assert chapter.topics[:3] == ["首都功能持续优化提升", "京津冀协同发展走深走实", "经济高质量发展实现新跃升"]
    assert not any(furniture_kind(p.text) for _, s in doc.walk() for p in s.paragraphs)
    assert sum(kind == "page number" for _, kind, _ in doc.furniture) > 150


def test_a_pages_lists_of_links_are_furniture_down_to_the_text():
    # The tail of a report as 46 texts of ../shared/corpus end (one site's pages), then a report's own lines.
    tail = [
        "分享到:", "QQ空间", "新浪微博", "上一篇:", "2022年涞源县政府工作报告", "下一篇:", "2022年博野县政府工作报告",
        "相关文章", "01-24", "2022年博野县政府工作报告", "本栏推荐", "焦作市解放区2025年政府工作报告", "阅读排行",
        "宁德市2021年政府工作报告", "标签云", "工作报告", "2025年",
    ]
    tail += ["网站导航:", "中国政府网", "苏州市发展和改革委员会", "友情链接", "深圳新闻网"]
    own = ["一、今年工作安排", "坚持稳中求进。", "政策解读:《2023年政府工作报告》图解", "某某区秘书处 2022年12月28日印"]
    kinds = furniture_kinds([*tail, *own])
    assert all(kinds[: len(tail)]), [line for line, kind in zip(tail, kinds, strict=False) if not kind]
    # A heading or a sentence ends the list; a title with its one link on the line opens none.
    assert kinds[len(tail):] == [None, None, "related links", None]


def test_a_page_holding_the_report_twice_is_read_once():
    body = [f"{n}、第{n}项工作全面推进,成效显著,群众满意度持续提升,为全年发展打下基础。" for n in range(1, 25)]
    refrain = "我们要坚持稳中求进工作总基调,完整准确全面贯彻新发展理念。"
    text = "\n".join(["某某省政府工作报告", refrain, *body, refrain, "扫码阅读手机版", *body[:22]])
    doc = parse_text(text)
    assert len([s for _, s in doc.walk()]) == 24  # not 46
    assert sum(kind == "repeated text" for _, kind, _ in doc.furniture) == 22
    # A sentence said twice is no second copy.
    assert [p.text for p in doc.sections[-1].paragraphs] == [refrain, "扫码阅读手机版"]
