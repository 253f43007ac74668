"""What counts as Chinese text, written once: the CJK ranges, runs of text, character bigrams.

Every module that looks at Chinese characters takes its ranges and its bigrams from here, so that
the index, the aligner and the normaliser cannot drift apart.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs with Extension A, and the compatibility ideographs: the characters of a plan.
CJK_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))  # first and last code point of each
CJK = "".join(f"{chr(first)}-{chr(last)}" for first, last in CJK_BLOCKS)  # as a regex character class
# The unified ideographs alone, for patterns of words (indicator names, place names) in simplified text.
HAN = "\u4e00-\u9fff"

RUNS = re.compile(rf"[{CJK}]+|[A-Za-z0-9]+")  # runs of Chinese, and words of Latin letters and digits
WORD_CHARS = re.compile(rf"[{CJK}A-Za-z0-9]+")  # what is left of a text without punctuation and spaces


def is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def join_lines(a: str, b: str) -> str:
    """Two pieces of a line broken in two, joined: with a space between two Latin words, else directly (a
    number broken at the line's end, 5 / 300万元, is one number)."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


def bigrams(run: str) -> list[str]:
    """The overlapping character pairs of a run of Chinese (营商环境 → 营商 商环 环境); a single character
    stands for itself."""
    if len(run) < 2:
        return [run]
    return list(map(str.__add__, run[:-1], run[1:]))


def terms(text: str) -> list[str]:
    """Text as terms, in order: the bigrams of each run of Chinese, and each Latin word lower-cased."""
    out: list[str] = []
    for run in RUNS.findall(text):
        if run.isascii():
            out.append(run.lower())
        else:
            out.extend(bigrams(run))
    return out
