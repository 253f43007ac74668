"""Character-level normalisation of a plan's text, line by line.

Every function here keeps the number of lines unchanged, so line numbers in warnings and in the
outline still point at the user's file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

CJK = "\u3400-\u9fff\uf900-\ufaff"

# Full-width ASCII forms (！ to ～) become half-width; the ideographic space becomes a space.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH[0x00A0] = 0x20
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
_PINYIN_GLOSS = re.compile(rf"(?<=[{CJK}?])\s*\(\s*[a-zü]*[{_TONED}][a-zü]*\s*\)")
# Second pass: a gloss whose opening parenthesis was eaten by a damaged byte run: ?zhèn)
_PINYIN_STRAY = re.compile(rf"\(?[a-zü]*[{_TONED}][a-zü]*\)")

_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[ \t]+(?=[%‰亿万千百元人户个家件项吨米平公里年月日倍])")
_SPACE_BEFORE_NUMBER = re.compile(rf"(?<=[{CJK}])[ \t]+(?=\d)")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}。，、；：？！“”‘’《》()])[ \t]+(?=[{CJK}“‘《(])")

# Text a damaged GBK/UTF-8 conversion leaves behind: a question mark or U+FFFD inside CJK text,
# often beside box-drawing characters.
_DAMAGE = re.compile(rf"(?:(?<=[{CJK}。”“,、])[?\ufffd]|[?\ufffd](?=[{CJK}!“”。])|[\u2500-\u257f])")


@dataclass(frozen=True)
class LineWarning:
    line: int
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "message": self.message}


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("tw2s")


def is_traditional(text: str) -> bool:
    """True when enough characters change under traditional-to-simplified conversion."""
    sample = text[:20000]
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    if cjk < 20:
        # Short texts: convert if any character changes at all.
        return cjk > 0 and _converter().convert(sample) != sample
    converted = _converter().convert(sample)
    changed = sum(a != b for a, b in zip(sample, converted, strict=False))
    return changed / cjk > 0.02


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def normalize_chars(line: str) -> str:
    line = unicodedata.normalize("NFC", line).translate(_FULLWIDTH)
    line = _CIRCLE_ZERO.sub("〇", line)
    return line


def strip_pinyin(line: str) -> str:
    line = _PINYIN_GLOSS.sub("", line)
    return _PINYIN_STRAY.sub("", line)


def tidy_spaces(line: str) -> str:
    line = line.strip()
    line = _SPACE_IN_NUMBER.sub("", line)
    line = _SPACE_BEFORE_NUMBER.sub("", line)
    line = _SPACE_BETWEEN_CJK.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", line)


def damage_warning(line: str, lineno: int) -> LineWarning | None:
    """A warning for text that cannot be repaired (byte-shifted runs, replacement characters)."""
    m = _DAMAGE.search(line)
    if not m:
        return None
    start = max(0, m.start() - 4)
    snippet = line[start : m.end() + 8]
    return LineWarning(lineno, f"damaged text “{snippet}” (mis-converted bytes in the file); kept as is")


def normalize_lines(lines: list[str]) -> tuple[list[str], list[LineWarning], bool]:
    """Normalise each line; return the lines, warnings and whether the text was traditional."""
    joined = "\n".join(normalize_chars(x) for x in lines)
    traditional = is_traditional(joined)
    if traditional:
        joined = to_simplified(joined)
    out: list[str] = []
    warnings: list[LineWarning] = []
    for no, line in enumerate(joined.split("\n"), 1):
        line = tidy_spaces(strip_pinyin(line))
        w = damage_warning(line, no)
        if w:
            warnings.append(w)
        out.append(line)
    return out, warnings, traditional
