"""Character-level normalisation of a plan's text, line by line.

Every function here keeps the number of lines unchanged, so line numbers in warnings and in the
outline still point at the user's file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from .outline import LineWarning
from .text import CJK, HAN, is_cjk

# Full-width ASCII forms (！ to ～) become half-width; the ideographic space becomes a space.
_FULLWIDTH: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH[0x00A0] = 0x20
for _cp in [*range(0x2000, 0x200B), 0x202F, 0x205F]:  # en, em, thin … spaces (&emsp; indents a paragraph)
    _FULLWIDTH[_cp] = 0x20
_FULLWIDTH[0x200B] = None  # zero-width space
_FULLWIDTH[0xFEFF] = None
# Control characters (OpenCC stops at NUL; the others are invisible noise), except tab.
for _cp in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x85, 0x2028, 0x2029]:
    _FULLWIDTH[_cp] = None
# ○ (white circle) is typed for 〇 (ideographic zero) in years such as 二○三五.
_CIRCLE_ZERO = re.compile(r"(?<=[〇○零一二三四五六七八九十])○|○(?=[〇○零一二三四五六七八九十])")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin gloss after a character: 區(qū). Only toned syllables count, so (一), (GDP) and
# (2022年更新) are never touched.
_PINYIN_GLOSS = re.compile(rf"(?<=[{CJK}?])[ \t]*\([ \t]*[a-zü]*[{_TONED}][a-zü]*[ \t]*\)")
# Second pass: a gloss whose opening parenthesis was eaten by a damaged byte run: ?zhèn)
_PINYIN_STRAY = re.compile(rf"\(?[a-zü]*[{_TONED}][a-zü]*\)")

_SPACES = re.compile(r"[ \t]+")
_UNITS = set("%‰亿万千百元人户个家件项吨米平公里年月日倍")
_CJK_PUNCT_BEFORE = set("。，、；：？！“”‘’《》()")
_CJK_PUNCT_AFTER = set("“‘《(")
# Punctuation that, beside a CJK character, makes a space spurious (after normalize_chars: ， → ,).
_CJK_PUNCT_ANY = set("。，、；：？！“”‘’《》,;:!?")


def _tidy_space(m: re.Match[str]) -> str:
    """A run of spaces: dropped at line ends, in 32 亿元, before numbers and between CJK characters."""
    s = m.string
    prev = s[m.start() - 1] if m.start() else "\n"
    nxt = s[m.end()] if m.end() < len(s) else "\n"
    if prev == "\n" or nxt == "\n":
        return ""
    if prev.isdigit() and nxt in _UNITS:
        return ""
    prev_cjk = is_cjk(prev)
    if prev_cjk and nxt.isdigit():
        return ""
    next_cjk = is_cjk(nxt)
    if (prev_cjk or prev in _CJK_PUNCT_BEFORE) and (next_cjk or nxt in _CJK_PUNCT_AFTER):
        return ""
    if (prev_cjk and nxt in _CJK_PUNCT_ANY) or (prev in _CJK_PUNCT_ANY and next_cjk):
        return ""
    return " "

# Text a damaged GBK/UTF-8 conversion leaves behind: a question mark or U+FFFD inside CJK text,
# often beside box-drawing characters.
_DAMAGE = re.compile(rf"(?:(?<=[{CJK}。”“,、])[?\ufffd]|[?\ufffd](?=[{CJK}!“”。])|[\u2500-\u257f])")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("tw2s")


_NOT_HAN = re.compile(f"[^{HAN}]+")


def is_traditional(text: str) -> bool:
    """True when enough characters change under traditional-to-simplified conversion."""
    sample = text[:6000]
    converted = _converter().convert(sample)
    if converted == sample:
        return False
    cjk = len(_NOT_HAN.sub("", sample))
    if cjk < 20:
        # Short texts: convert if any character changes at all.
        return cjk > 0
    if len(converted) != len(sample):
        return True
    return _changed(sample, converted, enough=int(cjk * 0.02)) / cjk > 0.02


def _changed(a: str, b: str, enough: int) -> int:
    """The number of places where two texts of one length differ, or a number above `enough` once it is
    passed. Compared by blocks: a simplified text that conversion changes in a few places is read in C."""
    count = 0
    for start in range(0, len(a), 64):
        x, y = a[start : start + 64], b[start : start + 64]
        if x != y:
            count += sum(map(str.__ne__, x, y))
            if count > enough:
                break
    return count


def to_simplified(text: str) -> str:
    return _converter().convert(text)


_TRANSLATED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _FULLWIDTH) + "]")


def _translate(m: re.Match[str]) -> str:
    return m.group(0).translate(_FULLWIDTH)


def normalize_chars(line: str) -> str:
    # A regex finds the few characters to change; str.translate over a whole plan is slower.
    line = _TRANSLATED.sub(_translate, unicodedata.normalize("NFC", line))
    if "○" in line:
        line = _CIRCLE_ZERO.sub("〇", line)
    return line


_TONED_ANY = re.compile(f"[{_TONED}]")


def strip_pinyin(line: str) -> str:
    if not _TONED_ANY.search(line):
        return line
    line = _PINYIN_GLOSS.sub("", line)
    return _PINYIN_STRAY.sub("", line)


def damage_warning(line: str, lineno: int) -> LineWarning | None:
    """A warning for text that cannot be repaired (byte-shifted runs, replacement characters); not for a
    question mark that ends a question (是否继续?, 怎么办?)."""
    m = next((m for m in _DAMAGE.finditer(line) if not _QUESTION.search(line, 0, m.start() + 1)), None)
    if not m:
        return None
    start = max(0, m.start() - 4)
    snippet = line[start : m.end() + 8]
    return LineWarning(lineno, f"damaged text “{snippet}” (mis-converted bytes in the file); kept as is")


_DAMAGE_HINT = re.compile(r"[?\ufffd\u2500-\u257f]")
# A question ending on ?: a question word at most six characters before the mark (是否继续?, …的馈赠呢?).
_QUESTION = re.compile(rf"(?:吗|呢|么|是否|什么|怎么|如何|为何|为什么|哪|谁|多少)[{CJK}]{{0,6}}\?$")


def _finished(text: str, traditional: bool) -> str:
    """A text after normalize_chars: simplified if the document is traditional, glosses and spaces tidied."""
    if traditional:
        text = to_simplified(text)
    return _SPACES.sub(_tidy_space, strip_pinyin(text))


def normalize_piece(text: str, traditional: bool) -> str:
    """A piece of a line (a table's cell) normalised as normalize_lines does the document it is from."""
    return _finished(normalize_chars(text), traditional)


def normalize_lines(lines: list[str]) -> tuple[list[str], list[LineWarning], bool]:
    """Normalise each line; return the lines, warnings and whether the text was traditional.

    The work is done on the whole text at once (no pattern crosses a line break), which is several
    times faster than line by line.
    """
    text = normalize_chars("\n".join(lines))
    traditional = is_traditional(text)
    out = _finished(text, traditional).split("\n")
    warnings = [
        w for no, line in enumerate(out, 1) if _DAMAGE_HINT.search(line) and (w := damage_warning(line, no))
    ]
    return out, warnings, traditional
