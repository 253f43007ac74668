"""Furniture: lines a scraper or a copy out of a PDF keeps that are not part of the document.

Each rule names a kind of furniture so that `outline --json` can say what was dropped.
Rules only ever match short lines, so body text that happens to mention an address is safe.
"""

from __future__ import annotations

import re

_MAX_FURNITURE_LEN = 90

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "breadcrumb",
        re.compile(r"^(当前位置|您的位置|你的位置|所在位置|位置)\s*[:：]|^首页\s*(>|»|/)|(>>|>|»).*(>>|>|»)"),
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
            r"^[\[【(]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|分享到|扫一扫|收藏|上一篇|下一篇)"
            r"\s*[\]】)]?(\s*[\[【(]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏)\s*[\]】)]?)*$"
        ),
    ),
    ("related links", re.compile(r"^(政策解读|相关链接|相关文件|相关阅读|附件下载|相关稿件)\s*[:：]")),
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
