"""Furniture: lines a scraper or a copy out of a PDF keeps that are not part of the document.

Each rule names a kind of furniture so that `outline --json` can say what was dropped.
Rules only ever match short lines, so body text that happens to mention an address is safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .headings import SENTENCE_END, match_heading

_MAX_FURNITURE_LEN = 90
REPEAT_LINES = 20  # a run of the text's own lines found again, at least this long, is a second copy of it
REPEAT_SHARE = 0.2  # … and at least this share of the lines
LINK_TEXT = 40  # characters: the most a link's text in a list of links under its title takes

# The title of a list of links a page ends with (上一篇: and 下一篇: are each a list of one).
_TITLES = (
    r"(政策解读|附件下载|网站导航|友情链接|相关(文章|链接|附件|文件|阅读|稿件|新闻|推荐|信息|解读)|本栏(最新|推荐|热门|目录)|最新(文章|推荐|发布)|"
    r"热门(文章|推荐|阅读)|(阅读|点击|浏览)排行|排行榜|标签云|标签|猜你喜欢|延伸阅读|推荐阅读|上一篇|下一篇)"
)
# with its one link on the line (上一篇:2022年…) or not, or pointing on (相关链接>>)
_LIST_TITLE = re.compile(rf"^{_TITLES}\s*([:：].*|>>|»)?$")
_BARE_TITLE = re.compile(rf"^{_TITLES}\s*([:：]|>>|»)?$")  # the links follow, one a line

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "breadcrumb",
        # Two separators each before a word: not a table's row of figures (>98.5 >98.7)
        re.compile(r"^(当前位置|您的位置|你的位置|所在位置|位置)\s*[:：]|^首页\s*(>|»|/)"
                   r"|(>>|>|»)\s*[^\s\d.].*(>>|>|»)\s*[^\s\d.]"),
    ),
    ("image", re.compile(r"^\S+\.(png|jpe?g|gif|bmp|webp|svg)$", re.I)),
    (
        "page info",
        re.compile(
            r"(发布(日期|时间)|浏览(次数|量)|阅读(次数|量)|点击(数|量|率)|访问量|信息来源|来源\s*[:：]|"
            r"字号\s*[:：]|【\s*(大|中|小|打印|关闭|收藏)\s*】)"
        ),
    ),
    (
        "footer",
        re.compile(
            # 主办, 地址, 电话 … begin sentences too (承办重要国际会议活动。): a footer's has a colon after it.
            r"^(主办(单位)?|承办(单位)?|协办(单位)?|地址|联系(电话|方式)|电话|邮编|传真|电子邮箱|技术支持)\s*[:：]|"
            r"^(联系我们|版权所有|网站标识码|网站地图|网站声明|copyright|©)\s*[:：]?|ICP\s*备|公网安备|"
            r"(违法和不良信息|违法|不良信息)举报|举报(电话|邮箱)|^footpage$|^网站地图$",
            re.I,
        ),
    ),
    (
        "buttons",
        re.compile(
            r"^[\[【(]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|分享到|扫一扫|收藏)"
            r"\s*[\]】)]?(\s*[\[【(]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏)\s*[\]】)]?)*\s*[:：]?$"
            # where a page shares to
            r"|^(QQ空间|QQ好友|新浪微博|腾讯微博|人人网|开心网|百度空间|百度贴吧|和讯|天涯社区|豆瓣|微信|朋友圈|微博)$"
        ),
    ),
    ("comments", re.compile(r"^(评论|发表评论|网友评论|内容摘要)\s*[:：]?$")),
    ("related links", _LIST_TITLE),
    # A printed page's number, left in text copied out of a PDF: — 12 —, - 3 -, 第 5 页 共 80 页, Page 2 of 9,
    # and the Roman numbers of the pages before the body (I, IV). A bare Arabic number is not one: it may be a
    # table's cell or a figure on a line of its own.
    (
        "page number",
        re.compile(
            r"^[-—–－~]+\s*(\d{1,4}|[ivxl]{1,6})\s*[-—–－~]+$|^[ivxl]{1,6}$"
            r"|^第\s*\d{1,4}\s*页(\s*[,/，]?\s*共\s*\d{1,4}\s*页)?$|^page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?$",
            re.I,
        ),
    ),
)


def furniture_kind(line: str) -> str | None:
    """The kind of furniture this (normalised, stripped) line is, or None."""
    if not line or len(line) > _MAX_FURNITURE_LEN:
        return None
    for name, pattern in _RULES:
        if pattern.search(line):
            return name
    return None


def furniture_kinds(lines: Sequence[str]) -> list[str | None]:
    """The kind of furniture each (normalised, stripped) line is, None for the document's own lines. A list
    of links under its title (相关文章, 本栏推荐, 阅读排行, 上一篇: …) is furniture down to the first line that
    is not a link's text: a longer one, one that ends a sentence, or a heading."""
    out: list[str | None] = []
    in_list = False
    for line in lines:
        kind = furniture_kind(line)
        if kind is None and in_list and line and _link_text(line):
            kind = "related links"
        if line:
            in_list = kind is not None and (in_list or bool(_BARE_TITLE.match(line)))
        out.append(kind)
    return out


def _link_text(line: str) -> bool:
    return len(line) <= LINK_TEXT and not any(p in line for p in SENTENCE_END) and match_heading(line) is None


def second_copies(lines: Sequence[str]) -> set[int]:
    """The positions of lines that repeat, line for line, an earlier run of the text: a page that holds the
    document twice (a copy for print beside the page's own). Only a run of REPEAT_LINES lines or more and a
    fifth of the text counts, so a phrase, a table row or a refrain said twice stays."""
    first: dict[str, int] = {}
    copies: set[int] = set()
    i = 0
    while i < len(lines):
        text = lines[i]
        if len(text) >= 20:
            if text not in first:
                first[text] = i
            else:
                start, run = first[text], 0
                while i + run < len(lines) and start + run < i and lines[start + run] == lines[i + run]:
                    run += 1
                if run >= REPEAT_LINES and run >= REPEAT_SHARE * len(lines):
                    copies.update(range(i, i + run))
                    i += run
                    continue
        i += 1
    return copies
