"""The terminal cell widths of the plain listing agree with rich's, character by character."""

import re

import pytest
from rich.cells import cell_len, set_cell_size

from planctl.render.cells import NARROW, WIDE, cell_width, fit


def characters(ranges: str) -> list[str]:
    spans = re.findall(r"(.)-(.)", ranges, flags=re.S)
    assert "".join(f"{a}-{b}" for a, b in spans) == ranges  # the classes are written as ranges only
    return [chr(c) for a, b in spans for c in range(ord(a), ord(b) + 1)]


@pytest.mark.parametrize(("ranges", "cells"), [(WIDE, 2), (NARROW, 1)])
def test_every_character_of_a_class_has_the_width_rich_gives_it(ranges, cells):
    wrong = [hex(ord(c)) for c in characters(ranges) if cell_len(c) != cells]
    assert wrong == []


TEXTS = [
    "", "abc", "营商环境", "2022年政府工作报告", "《沈阳市国民经济和社会发展第十四个五年规划》",
    "“十四五”时期·GDP增长6%", "ａｂｃ１２３（全角）", "①②③ → ■", "03175_永湖嘉_000_19feb183ca538f64",
    "emoji 🙂 and é", "한국어", "〪mark",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_measures_and_fits_as_rich_measures_and_fits_it(text):
    assert cell_width(text) == cell_len(text)
    for width in range(0, cell_len(text) + 3):
        assert fit(text, width) == set_cell_size(text, width), width
