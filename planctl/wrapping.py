"""Lines broken in the middle of a paragraph, read back as paragraphs: text copied out of a PDF or saved with
hard line breaks (wrapped at a fixed width), or a copy that broke a page's lines at its inline markup.

In any text, punctuation tells: a line that begins with a comma or a closing mark continues the one before,
and one that ends on a comma or an opening mark goes on. A wrapped text has most of its lines about as wide
as its right margin, and few wider; there a line that reaches the margin without ending its sentence goes
on too. Whether a text is wrapped is decided from all its lines at once, so a plan whose paragraphs are one
line each is never joined at the margin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .headings import SENTENCE_END, match_heading

MIN_MARGIN = 30  # columns: narrower lines are headings, list items and table cells, not a wrapped page
MAX_MARGIN = 160  # columns: no page is wider (a line of more characters is at least as many columns)
BAND = 6  # columns short of the most common width that a full line may stop at (a wide character that did
#           not fit), or OVER past it (half-width punctuation or digits where most lines have full-width ones)
OVER = 4
WRAPPED_SHARE = 0.5  # of the lines, within that band
WIDER_SHARE = 0.15  # of the lines, clearly wider than the band (tables of contents with leaders, tables): any
#                     more and the lines are paragraphs of their own
_ENDS = tuple(SENTENCE_END + ":：?？")
_GOES_ON = tuple(",，、“‘(（《〈[【")  # a line ending in a comma or an opening mark goes on in the next
_CONTINUES = tuple(",，、.。;；:：!！?？)）》〉]】”’")  # a line starting with one of these continues the one before


# UTF-8 lead bytes of the characters from U+3000 up (CJK, full-width forms), which take two columns.
_NARROW_BYTES = bytes(b for b in range(256) if not 0xE3 <= b <= 0xF4)


def width(text: str) -> int:
    """Columns the text takes as it was laid out: two for a character from U+3000 up (CJK, full-width forms),
    one for the others. Counted in C: a text's wide characters are its UTF-8 lead bytes E3 to F4."""
    return len(text) + len(text.encode("utf-8", "surrogatepass").translate(None, _NARROW_BYTES))


def margin(lines: Sequence[str]) -> tuple[int, list[int]] | None:
    """The most common width of a line (in columns) and the width of each line, if the lines were wrapped at
    about that width (enough of them are about that wide, and few are clearly wider); else None."""
    if len(lines) < 20 or sum(len(t) > MAX_MARGIN for t in lines) > WIDER_SHARE * len(lines):
        return None  # told by length alone, as for most texts: lines of paragraphs, far wider than a page
    widths = [width(t) for t in lines]
    wide = [w for w in widths if w >= MIN_MARGIN]
    if not wide:
        return None
    common = Counter(wide).most_common(1)[0][0]
    near = sum(1 for w in widths if common - BAND <= w <= common + OVER)
    wider = sum(1 for w in widths if w > common + 2 * OVER)
    if near >= WRAPPED_SHARE * len(widths) and wider <= WIDER_SHARE * len(widths):
        return common, widths
    return None


def goes_on(line: str, line_width: int, right: int | None, following: str) -> bool:
    """Whether `following` is the rest of `line`'s paragraph: it does not begin a heading, and it begins with
    punctuation that continues a sentence, or `line` ends in the middle of one (a comma, an opening quote),
    in any text; or, in a text wrapped at `right` columns, `line` reaches the margin without ending its
    sentence."""
    if not (following.startswith(_CONTINUES) or line.endswith(_GOES_ON) or (
            right is not None and line_width >= right - BAND and not line.endswith(_ENDS))):
        return False
    return match_heading(following) is None
