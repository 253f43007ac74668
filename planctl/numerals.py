"""Chinese numerals as used in headings and years (一 … 九十九, 一百零三, 二〇三五), and figures written back."""

from __future__ import annotations

DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None if the text is not one.

    Positional strings of digits (二〇三五) read digit by digit; others read with units (四十四).
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(c not in DIGITS and c not in UNITS for c in text):
        return None
    if not any(c in UNITS for c in text):
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    total = 0
    current = 0
    for c in text:
        if c in DIGITS:
            current = DIGITS[c]
        else:
            unit = UNITS[c]
            total += (current or 1) * unit
            current = 0
    return total + current


def circled_to_int(char: str) -> int | None:
    """①…⑳ → 1…20."""
    code = ord(char)
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    return None


def int_to_cn(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 105 → 一百零五: counting as headings are numbered."""
    digits = "零一二三四五六七八九"
    if n < 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else
                                     ("一" + int_to_cn(rest) if rest < 20 else int_to_cn(rest)))
        return digits[n // 100] + "百" + tail
    return str(n)


def figure(value: float) -> str:
    """A figure as a plan writes it: 5, 4.8, 3500000 (never 3.5e+06, as format's g would)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
