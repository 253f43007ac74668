"""Bytes to text: detect the encoding of a plan without asking the user.

Chinese local plans arrive as UTF-8 (with or without BOM), GB18030/GBK, Big5 or UTF-16. The
only hard choice is between the two legacy double-byte encodings, which both decode most byte
strings without error; we decode with each and keep the one whose text consists of the most
common characters of its own script.
"""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass
from functools import lru_cache


class NotTextError(ValueError):
    """The bytes are not a text document in any supported encoding: what they are (`what`), then what to do if
    known; a caller with advice of its own says `what` with it."""

    def __init__(self, what: str, advice: str = "") -> None:
        super().__init__(f"{what}; {advice}" if advice else what)
        self.what = what


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # characters that could not be decoded and became U+FFFD
    other_lines: tuple[int, ...] = ()  # in a mixed file, the lines decoded with a second encoding
    other_encoding: str = ""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

def _bom(data: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark the data begins with and its encoding, if any (UTF-32 LE before UTF-16 LE)."""
    return next(((bom, enc) for bom, enc in _BOMS if data.startswith(bom)), None)


def without_bom(data: bytes) -> bytes:
    """The bytes after a byte-order mark, if they begin with one (an editor may save an empty file as one)."""
    found = _bom(data)
    return data[len(found[0]):] if found else data


# Magic numbers of files people give by mistake, with what to do instead.
_READS = "planctl reads .txt, .md, .html, .pdf, .docx, .doc"
_BINARY_MAGIC = (  # (magic, what the file is, what to do)
    # PDF and Word files are read before decoding (documents.py); what reaches here is something else.
    (b"%PDF", "a PDF", "read it with planctl's PDF reader (give the file, not its bytes)"),
    (b"PK\x03\x04", "a zip archive holding no Word document (an Excel or PowerPoint file, or another archive)",
     _READS),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file but not a Word document (Excel?)", "save the plan as .docx or .txt"),
    (b"\x89PNG", "a PNG image, not a text document", ""),
    (b"\xff\xd8\xff", "a JPEG image, not a text document", ""),
    (b"GIF8", "a GIF image, not a text document", ""),
    (b"{\\rtf", "an RTF file", "save it as plain text (.txt) first"),
)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The 3,755 level-1 GB2312 characters plus the 5,401 common Big5 characters."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("big5"))
    return frozenset(chars)


def quality(text: str) -> float:
    """Share of characters that belong in a Chinese plan: common CJK, ASCII, CJK punctuation.

    Text decoded with the wrong codec is full of rare characters, Hangul, private-use code points
    and control characters, so it scores low.
    """
    if not text:
        return 0.0
    common = _common_chars()
    good = sum(
        1 for c in text
        if c in common or (" " <= c <= "~") or c in "\n\r\t" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or c in "“”‘’—…·"
    )
    return good / len(text)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: text with a NUL in every other byte (ASCII-heavy), by byte order."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    half = len(sample) / 2
    even_zero = sample[0::2].count(0) / half
    odd_zero = sample[1::2].count(0) / half
    if odd_zero > even_zero:
        return "utf-16-le"
    if even_zero > odd_zero:
        return "utf-16-be"
    return None


def _decode_mixed(data: bytes) -> Decoded | None:
    """A file pasted together from UTF-8 and GBK or Big5 parts: decode line by line.

    Only taken when most lines are valid UTF-8 and every other line decodes cleanly in one legacy
    encoding; the caller reports those lines.
    """
    lines = data.split(b"\n")
    bad = []
    for no, raw in enumerate(lines):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(no)
    if not bad or len(bad) > len(lines) // 2:
        return None
    for enc in ("gb18030", "big5"):
        try:
            decoded = {no: lines[no].decode(enc) for no in bad}
        except UnicodeDecodeError:
            continue
        if quality("".join(decoded.values())) < 0.8:
            continue
        text = "\n".join(decoded[no] if no in decoded else raw.decode("utf-8") for no, raw in enumerate(lines))
        return Decoded(text, "utf-8", 0, tuple(no + 1 for no in bad), enc)
    return None


def binary_kind(data: bytes) -> tuple[str, str] | None:
    """What a non-text file is and what to do with it, or None if it may be text."""
    for magic, what, advice in _BINARY_MAGIC:
        if data.startswith(magic):
            return what, advice
    return None


def decode(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding; raise NotTextError for binary data."""
    kind = binary_kind(data)
    if kind:
        raise NotTextError(f"this is {kind[0]}", kind[1])
    if found := _bom(data):
        enc = found[1]
        text = data.decode(enc, errors="replace")
        # A byte-order mark is two to four bytes that a binary file may begin with by chance: what
        # follows must still read as text (a plan in that encoding scores above 0.8, random bytes 0.2).
        if text.strip() and quality(text[:4000]) < 0.5:
            name = enc.removesuffix("-sig").upper()
            raise NotTextError(f"it begins with a {name} byte-order mark but what follows is not {name} text, "
                               "so it is a binary file, not a text document")
        return Decoded(text, enc.replace("-sig", " (BOM)"), text.count("\ufffd"))
    sample = data[:8000]
    if b"\x00" in sample:
        utf16 = _looks_utf16(data)
        if utf16:
            text = data.decode(utf16, errors="replace")
            if quality(text[:4000]) >= 0.8:
                return Decoded(text, utf16, text.count("\ufffd"))
        raise NotTextError("it contains NUL bytes, so it is a binary file, not a text document")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text8 = data.decode("utf-8", errors="replace")
    bad8 = text8.count("\ufffd")
    if bad8 <= max(3, len(text8) // 1000):
        # Mostly-valid UTF-8 with a few broken bytes is still UTF-8.
        return Decoded(text8, "utf-8", bad8)
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    candidates = []
    for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        strict = enc.startswith("utf-16")
        try:
            text = data.decode(enc, errors="strict" if strict else "replace")
        except UnicodeDecodeError:
            continue
        candidates.append((quality(text[:20000]), enc, text))
    best_quality, enc, text = max(candidates, key=lambda c: c[0])
    if best_quality < 0.8:
        raise NotTextError(
            f"it is not text in UTF-8, GB18030, Big5 or UTF-16 ({utf8_error.reason} at byte {utf8_error.start})"
        )
    return Decoded(text, enc, text.count("\ufffd"))
