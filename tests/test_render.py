"""The terminal cell widths of the plain listing agree with rich's, character by character."""

import re

import pytest
from rich.cells import cell_len, set_cell_size

from planctl.render.cells import NARROW, WIDE, cell_width, fit, pad, pad_ends, share_widths, widths


def characters(ranges: str) -> list[str]:
    spans = re.findall(r"(.)-(.)", ranges, flags=re.S)
    assert "".join(f"{a}-{b}" for a, b in spans) == ranges  # the classes are written as ranges only
    return [chr(c) for a, b in spans for c in range(ord(a), ord(b) + 1)]


@pytest.mark.parametrize(("ranges", "cells"), [(WIDE, 2), (NARROW, 1)])
def test_every_character_of_a_class_has_the_width_rich_gives_it(ranges, cells):
    wrong = [hex(ord(c)) for c in characters(ranges) if cell_len(c) != cells]
    assert wrong == []
    # What the byte counts rest on: the wide characters are exactly those from U+3000 on.
    assert all((ord(c) >= 0x3000) == (cells == 2) for c in characters(ranges))


TEXTS = [
    "", "abc", "营商环境", "2022年政府工作报告", "《沈阳市国民经济和社会发展第十四个五年规划》",
    "“十四五”时期·GDP增长6%", "ａｂｃ１２３（全角）", "①②③ → ■", "03175_永湖嘉_000_19feb183ca538f64",
    "emoji 🙂 and é", "한국어", "〪mark", "a\x01control\tcharacter",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_measures_and_fits_as_rich_measures_and_fits_it(text):
    assert cell_width(text) == cell_len(text)
    for width in range(0, cell_len(text) + 3):
        assert fit(text, width) == set_cell_size(text, width), width


KNOWN = TEXTS[:9]  # of the two classes only


def test_a_column_of_the_two_classes_is_measured_from_its_bytes_alone(monkeypatch):
    from planctl.render import cells

    monkeypatch.setattr(cells, "cell_width", lambda text: pytest.fail(f"{text!r} measured one by one"))
    assert widths(KNOWN) == [cell_len(t) for t in KNOWN]


@pytest.mark.parametrize("column", [TEXTS, KNOWN, ["a\x01b", "营商"], []])
def test_a_column_measures_and_fits_as_its_texts_one_by_one(column):
    sizes = widths(column)
    assert sizes == [cell_len(t) for t in column]
    for width in range(0, max(sizes, default=0) + 2):
        assert pad(column, sizes, width) == [set_cell_size(t, width) for t in column], width


def test_a_place_too_long_for_its_column_keeps_its_end():
    places = ["辽宁省盘锦市兴隆台区", "内蒙古自治区呼伦贝尔市海拉尔区", "上海市"]
    assert pad_ends(places, widths(places), 12) == ["…市兴隆台区 ", "…市海拉尔区 ", "上海市      "]
    for width in range(1, 32):
        assert all(cell_len(text) == width for text in pad_ends(places, widths(places), width)), width


def test_columns_share_a_narrow_line_widest_first_none_below_its_least():
    assert share_widths([30, 10, 20], [8, 10, 8], 60) == [30, 10, 20]  # room for all
    assert share_widths([30, 10, 20], [8, 10, 8], 50) == [20, 10, 20]  # the widest down to the next
    assert share_widths([30, 10, 20], [8, 10, 8], 40) == [15, 10, 15]  # then both, evenly
    assert share_widths([30, 10, 20], [8, 10, 8], 20) == [8, 10, 8]  # none below its least: the line overflows
