"""The reader and parser never raise, whatever text or bytes they are given."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.decoding import NotTextError
from planctl.parser import parse_bytes, parse_text

PIECES = st.sampled_from([
    "第一章 ", "第二节", "一、", "(一)", "（二）", "1.", "①", "目录", "目 录", "注:", "|", " | ", "——", "。", ",",
    "\n", "\r\n", "有关缩略语及名词解释", "附件", "前言", "**", "# ", "<p>", "</p>", "區(qū)", "?", "\ufffd",
    "发展", "营商环境", "2025年", "32 亿元", "二○三五", "发布日期:2021", "当前位置:", ".png",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)

relaxed = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@relaxed
@given(TEXT)
def test_parse_text_never_raises(text):
    doc = parse_text(text)
    doc.to_dict()


@relaxed
@given(st.binary(max_size=2000))
def test_parse_bytes_raises_only_not_text(data):
    with contextlib.suppress(NotTextError):
        parse_bytes(data).to_dict()


@relaxed
@given(TEXT, st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_any_encoding_of_any_text(text, encoding):
    with contextlib.suppress(NotTextError):
        parse_bytes(text.encode(encoding, errors="replace")).to_dict()


# -- the target extractor --------------------------------------------------------------------------

TARGET_PIECES = st.sampled_from([
    "地区生产总值", "增长", "完成", "达到", "控制在", "以上", "以下", "左右", "约", "%", "亿元", "万人", "个", "家",
    "、", ",", "。", ";", "(其中:", ")", "到2025年", "“十四五”期间", "新增", "建成", "各", "实现", "100%",
    "指标 | 属性 | 2020年 | 2025年 | 年均增速 |\n", " | 预期性 | ", "﹝", "﹞", "≥", "-", "|", "\n", "12.5", "0",
])
TARGET_TEXT = st.lists(st.one_of(TARGET_PIECES, st.text(max_size=10), st.decimals(0, 10**6, places=2).map(str)),
                       max_size=60).map("".join)


@relaxed
@given(TARGET_TEXT)
def test_target_extractor_never_raises(text):
    from planctl.indicators import load_indicator_map
    from planctl.targets import extract

    doc = parse_text("第一章 主要目标\n" + text)
    for t in extract(doc, load_indicator_map()):
        assert t.comparator in ("at least", "at most", "about", "exactly", "between")
        assert (t.comparator == "between") == (t.upper is not None)  # a range and its top: 增长12.5-100%
        assert t.value is None or t.value >= 0
        assert t.line >= 1 and t.indicator


UNIT_SCALE = {"亿元": ("亿元", 1), "万元": ("亿元", 1e-4), "%": ("%", 1), "家": ("家", 1)}


@relaxed
@given(
    st.sampled_from(["社会消费品零售总额", "固定资产投资", "市场主体数量", "城镇登记失业率", "高新技术企业"]),
    st.sampled_from(["达到", "完成", "突破", "控制在"]),
    st.decimals(min_value=1, max_value=99999, places=1).map(lambda d: str(d.normalize()) if d % 1 else str(int(d))),
    st.sampled_from(sorted(UNIT_SCALE)),
    st.sampled_from(["", "以上", "以下", "左右"]),
)
def test_a_stated_target_is_found_with_its_value(indicator, verb, number, unit, post):
    from planctl.indicators import load_indicator_map
    from planctl.targets import extract

    doc = parse_text(f"第一章 主要目标\n到2025年,全区{indicator}{verb}{number}{unit}{post}。")
    found = extract(doc, load_indicator_map())
    assert len(found) == 1, [(t.indicator, t.display()) for t in found]
    t = found[0]
    new_unit, factor = UNIT_SCALE[unit]
    assert t.indicator == indicator and t.year == 2025 and t.unit == new_unit
    assert abs(t.value - float(number) * factor) < 1e-6
    expected = {"以上": "at least", "以下": "at most", "左右": "about"}.get(post)
    expected = expected or ({"突破": "at least", "控制在": "at most"}.get(verb, "exactly"))
    assert t.comparator == expected
