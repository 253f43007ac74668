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
