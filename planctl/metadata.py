"""What a document is, read from its own text: title, place, kind, year and plan period.

The place is the issuing government, not any place the text mentions: the name before 人民政府, before
第N届人民代表大会 in the delivery line, in the title before 政府工作报告 or 国民经济和社会发展, after
我代表. Names are read with the gazetteer of China's divisions, so a county brings its city and
province, a former name its present unit, and an ambiguous name (朝阳区, 鼓楼区) is settled by the
province or city the text names, else reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Division, load, short_name
from .numerals import cn_to_int
from .outline import Document, LineWarning, Place
from .text import HAN, is_cjk

HEAD_CHARS = 3000  # the opening of a document: title, delivery line, speaker, first paragraphs
HEAD_LINES = 60
NATIONAL = "中华人民共和国"

# What follows an issuer's name (weight): its government, its congress, its own title.
_ISSUER_AFTER = re.compile(
    r"(?P<w5>人民政府(?:向大会|工作报告))"
    r"|(?P<w4>人民政府|(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告|第[一二三四五六七八九十]+届人民代表大会|"
    r"人民代表大会|国民经济和社会发展|[“\"]?十[一二三四五六]五[”\"]?(?:时期)?(?:国民经济|规划|发展规划)|"
    r"(?:19|20)\d\d年(?:国民经济|工作报告)|委员会?关于|委关于|"
    r"[省市县区旗州]长|(?:代)?(?:主席|省长|市长|县长|区长|旗长|州长)\s*\S{2,4}(?:同志)?作)"
)
_ISSUER_BEFORE = re.compile(r"(?:我|谨)代表$|中共$|中国共产党$|发文单位[:：]\s*$|在$")
_NATIONAL_CUES = re.compile(
    r"我代表国务院|国务院总理|全国人民代表大会第[一二三四五六七八九十]+次会议|第[一二三四五六七八九十]+届全国人民代表大会|"
    r"中华人民共和国国民经济和社会发展|中共中央关于制定国民经济和社会发展"
)

_DOC_WORD = re.compile(r"政府工作报告|工作报告|规划纲要|五年规划|发展规划|规划|纲要|建议|计划|方案|意见")
_SPEAKER = re.compile(r"(省长|市长|县长|区长|旗长|州长|主席|总理)\s*\S{0,4}$")
_CITATION = re.compile(r"引证码|CLI\.\d|法宝|来源[:：]|URL|http|www\.|点击|浏览|字号|打印|分享")
_TITLE_PREFIX = re.compile(r"^(标题|题目|名称|文件名)\s*[:：]\s*")
_DESCRIPTION = re.compile(r"^(描述|简介|摘要|内容摘要)\s*[:：]\s*[^《]{0,10}《([^》]{4,60})》")
_SITE_SUFFIX = re.compile(r"(?:[_|]|\s+-\s+|-(?=[^-]{0,20}(?:网|在线|门户|政府网站|人民政府)))[^_|]*$")
_DATE_LINE = re.compile(r"^[-—–(（\s]*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?")
_CN_DATE = re.compile(r"^[(（]?([〇○零一二三四五六七八九]{4})年[一二三四五六七八九十]{1,2}月")
_DELIVERY = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。]{0,12}?在?[^。]{2,40}?人民代表大会")
_DELIVERY_CN = re.compile(
    r"([〇○零一二三四五六七八九]{4})年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[^。]{0,12}?人民代表大会")
# When the issuer dated it (a collector's 发文时间), and when a web page published it (often later).
_ISSUED = re.compile(r"(?:发文时间|发文日期|成文日期|印发日期)\s*[:：]?\s*((?:19|20)\d\d)[-年./]")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发表时间|日期)\s*[:：]?\s*((?:19|20)\d\d)[-年./]")
_REVISED = re.compile(r"((?:19|20)\d\d)\s*年(?:版|更新|修订|修编|调整|修改)")
_LAST_YEAR = re.compile(r"去年|过去一年|过去的一年|上一年|一年来")
# A report's headings name the year it reviews (一、2014年工作回顾) and the year it plans (二、2015年工作安排).
_REVIEW = re.compile(
    r"((?:19|20)\d\d)\s*年[^。]{0,12}?(?:工作回顾|主要工作|工作总结)|关于((?:19|20)\d\d)年(?:政府)?工作")
_AHEAD = re.compile(r"((?:19|20)\d\d)\s*年的?(?:政府)?(?:工作(?!回顾|总结)|主要(?:预期)?目标|重点|总体要求|目标任务|"
                    r"经济社会发展)")
_YEAR_IN = re.compile(rf"((?:19|20)\d\d)\s*年?(?=[{HAN}]{{0,12}}政府工作报告|政府工作报告)")
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?!远景|远期|愿景)")
_FYP_ORDINAL = re.compile(r"第([一二三四五六七八九十]+)个五年")
_FYP_SHORT = re.compile(r"十([一二三四五六])五")
_PROPOSAL = re.compile(r"关于制定.{0,40}?(?:五年规划|规划)的建议")
_FIVE_YEAR = re.compile(r"国民经济和社会发展.{0,20}?(?:五年规划|十[一二三四五六]五.{0,4}规划)|五年规划纲要|"
                        r"十[一二三四五六]五.{0,6}规划纲要|远景目标纲要")
_WORK_REPORT = re.compile(r"政府工作报告|人民政府工作报告")
# What a work report says of itself, whatever its title: at least two of these in its opening.
_REPORT_CUES = (
    re.compile(r"各位代表"), re.compile(r"向大会(?:作|报告)|请予审议|请各位代表审议"),
    re.compile(r"工作回顾|一年来|过去一年|过去的一年"), re.compile(r"今年(?:是|的?主要|经济社会|政府工作)"),
    re.compile(r"政府自身建设|政协委员"),
)
# Who the opening speaks for: 我代表县人民政府, else the level it calls its own (全县, 我市), never the level
# above it names (省委、省政府 in a city's report). A district says 全区 as an autonomous region does.
_SPEAKS_FOR = re.compile(r"我代表(?:本)?(自治区|省|市|州|盟|县|区|旗)(?:人民)?政府")
_SELF_WORDS = {
    "county": re.compile(r"全县|我县|本县|全旗|我旗|(?<!自治)全区|我区"),
    "city": re.compile(r"全市|我市|本市|全州|我州|全盟"),
    "province": re.compile(r"全省|我省|本省|全自治区"),
}
_LEVEL_OF_WORD = {"自治区": "province", "省": "province", "市": "city", "州": "city", "盟": "city", "县": "county",
                  "区": "county", "旗": "county"}
MENTION_CHARS = 20000


@dataclass
class _Claim:
    unit: Division | None  # None for the nation
    weight: int
    where: int  # offset in the head, for the warning's line
    written: str  # the name as the text writes it


@lru_cache(maxsize=1)
def _scan_names() -> tuple[dict[str, tuple[list[str], str]], dict[str, int], re.Pattern[str]]:
    """Every name worth finding in a text → (codes, "full" | "variant" | "short"); for each first two
    characters of a name the length of the longest name that starts with them; and a pattern for where a
    name may start (a first character of some name followed by a second character of some name), which
    skips most positions of a text in C.

    Short forms without a suffix (兴隆台, 宁夏) are kept, but count only where an issuer's cue follows
    or, for a text that never names its issuer, beside a mention of their province or city."""
    g = load()
    table: dict[str, tuple[list[str], str]] = {}
    for kind, names in (("short", g.shorts), ("variant", g.variants), ("full", g.names)):
        for name, codes in names.items():
            if len(name) >= 2:
                table[name] = (codes, kind)
    prefixes: dict[str, int] = {}
    for name in table:
        prefixes[name[:2]] = max(prefixes.get(name[:2], 0), len(name))

    def one_of(chars: set[str]) -> str:
        return "[" + "".join(map(re.escape, sorted(chars))) + "]"

    may_start = re.compile(f"(?={one_of({p[0] for p in prefixes})}{one_of({p[1] for p in prefixes})})")
    return table, prefixes, may_start


def _names_in(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, codes, kind) of each division name in the text, longest first at each position."""
    table, prefixes, may_start = _scan_names()
    found = []
    i = 0
    n = len(text)
    while m := may_start.search(text, i):
        i = m.start()
        longest = prefixes.get(text[i : i + 2])
        if longest:  # most positions the pattern finds start no name: one look-up
            for size in range(min(longest, n - i), 1, -1):
                hit = table.get(text[i : i + size])
                if hit is not None:
                    found.append((i, i + size, hit[0], hit[1]))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return found


def _claims(head: str, title: str) -> list[_Claim]:
    """Each name in the opening that an issuer's cue follows or precedes, with its weight."""
    g = load()
    claims: list[_Claim] = []
    if _NATIONAL_CUES.search(head) or _NATIONAL_CUES.search(title):
        m = _NATIONAL_CUES.search(head)
        claims.append(_Claim(None, 6, m.start() if m else 0, NATIONAL))
    names = _names_in(head)
    for k, (start, end, codes, kind) in enumerate(names):
        if _inside_a_word(head, start, end, k > 0 and names[k - 1][1] == start):
            continue
        after = head[end : end + 24]
        # A chain of names (保定市清苑区2023年政府工作报告) gives the cue to its last, most specific, name.
        chained = k + 1 < len(names) and names[k + 1][0] == end
        cue = _ISSUER_AFTER.match(after) if not chained else None
        before = _ISSUER_BEFORE.search(head[max(0, start - 8) : start])
        weight = 0
        if cue:
            weight = 5 if cue.group("w5") else 4
        elif before and kind != "short" and not chained:
            weight = 2
        if not weight:
            continue
        written = head[start:end]
        in_title = bool(title) and written in title
        units = [g.units[c] for c in codes]
        chain_names = {head[s:e] for s, e, _, _ in names[max(0, k - 3) : k]}
        for unit in _settle(units, chain_names, head):
            claims.append(_Claim(unit, weight + (2 if in_title else 0), start, written))
    return claims


# What may stand just before a place name in an opening: 2023年东区政府工作报告, 在城区第十届人民代表大会.
_BEFORE_A_NAME = frozenset("年在于对及和与的是向")


def _inside_a_word(text: str, start: int, end: int, chained: bool) -> bool:
    """A two-character name (城区, 东区, 矿区) found inside a longer name the gazetteer does not know: 昌光城区,
    永东区. Such a name follows its city (阳泉市城区), stands first, or follows a word that may precede it."""
    if end - start != 2 or start == 0 or chained:
        return False
    before = text[start - 1]
    return is_cjk(before) and before not in _BEFORE_A_NAME


def _settle(units: list[Division], chain: set[str], text: str) -> list[Division]:
    """Of the units a name may stand for, those whose province or city the text names; all if none is."""
    if len(units) == 1:
        return units
    g = load()

    def named(unit: Division) -> int:
        score = 0
        for parent in g.chain(unit.code)[:-1]:
            forms = {parent.name, parent.short, short_name(parent.name)}
            if forms & chain:
                score += 10
            score += sum(text.count(f) for f in forms if len(f) >= 2)
        return score

    scored = sorted(((named(u), u) for u in units), key=lambda x: -x[0])
    best = scored[0][0]
    return [u for s, u in scored if s == best and s > 0] or units


def _place(head: str, title: str) -> tuple[Place, str | None]:
    """The issuing unit; and a warning when its name is ambiguous."""
    g = load()
    claims = _claims(head, title)
    if not claims:
        return Place(), None
    totals: Counter[str] = Counter()
    by_code: dict[str, list[_Claim]] = {}
    for c in claims:
        key = c.unit.code if c.unit else "national"
        totals[key] += c.weight
        by_code.setdefault(key, []).append(c)
    # Where a claimed county lies inside a claimed city or province, the specific unit carries their weight.
    support = Counter(totals)
    for key in totals:
        if key == "national":
            continue
        for parent in g.chain(key)[:-1]:
            if parent.code in totals:
                support[key] += totals[parent.code] // 2
    best_weight = max(support.values())
    top = [k for k, v in support.items() if v == best_weight]
    if "national" in top or (support.get("national", 0) >= 6 and best_weight < 8):
        return Place(level="national"), None
    if len(top) > 1:
        names = {by_code[k][0].written for k in top}
        if len(names) == 1:  # one name, several units the text does not tell apart
            chains = [g.chain(k) for k in top]
            where = "、".join(c[0].name + (c[1].name if len(c) > 2 else "") for c in chains)
            name = names.pop()
            return Place(county=name, level=g.units[top[0]].level), (
                f"place “{name}” is ambiguous ({where}); the text names neither its province nor its city")
        top.sort(key=lambda k: -len(g.chain(k)))
    unit = g.units[top[0]]
    return _place_of(unit, by_code[top[0]][0].written), None


# A name the gazetteer does not know, before an issuer's cue: (辽宁省)山顺市和华区国民经济和社会发展…
_WRITTEN_ISSUER = re.compile(
    rf"([{HAN}]{{2,16}}?(?:自治县|自治旗|新区|区|县|市|旗|州|盟))(?=人民政府|国民经济和社会发展|"
    r"(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告|第[一二三四五六七八九十]+届人民代表大会)")
_UNIT_PART = re.compile(r".+?(?:自治区|特别行政区|自治州|自治县|自治旗|新区|省|市|州|盟|区|县|旗)")


def _written_place(head: str, title: str) -> Place:
    """The issuer as the text names it where the gazetteer does not know the name: its known parents from the
    gazetteer, the rest as written; no code."""
    g = load()
    for source in (title, head):
        m = _WRITTEN_ISSUER.search(source)
        if not m:
            continue
        # Keep the name: 我代表县人民政府 names no one; 日在山顺市和华区 → 山顺市和华区.
        name = re.split(r"代表|日在|^在", m.group(1))[-1]
        if len(name) < 3:
            continue
        parts = _UNIT_PART.findall(name)
        # Known parents written just before it: (辽宁省)山顺市和华区
        before = source[max(0, m.start() - 12) : m.start()]
        known = [g.units[codes[0]] for _, _, codes, kind in _names_in(before) if kind == "full"]
        known += [u for part in parts[:-1] for u in g.lookup(part)[:1]]
        if not parts or g.lookup(parts[-1]):
            continue  # a known unit is the claims' business
        last = parts[-1]
        chain = g.chain(known[-1].code) if known else []
        province = chain[0].name if chain else None
        city = next((u.name for u in chain if u.level == "city"), None)
        unknown_city = next((p for p in parts[:-1] if p.endswith(("市", "州", "盟")) and not g.lookup(p)), None)
        city = city or unknown_city
        if last.endswith(("区", "县", "旗")) or (last.endswith("市") and city):
            return Place(province, city, last, level="county")
        return Place(province, last, None, level="city")
    return Place()


def _mentioned_place(head: str, text: str) -> Place:
    """For a text that never names its issuer (我代表县政府 …): the unit of the level it speaks for
    (全县, 市政府 …) that it names most often, by full or short name; none below two mentions."""
    g = load()
    speaks = _SPEAKS_FOR.search(head)
    if speaks:
        level = _LEVEL_OF_WORD[speaks.group(1)]
    else:
        counts = {lv: len(pattern.findall(head)) for lv, pattern in _SELF_WORDS.items()}
        level = max(counts, key=lambda k: counts[k])
        if not counts[level]:
            return Place()
    found = [(codes, kind) for _, _, codes, kind in _names_in(text) if kind != "variant"]
    named = {code for codes, _ in found for code in codes}
    mentions: Counter[str] = Counter()
    for codes, _kind in found:
        for code in codes:
            unit = g.units[code]
            # A short form (容城, 新区, 资源) counts only for a unit whose province or city the text names too.
            if (unit.level == level and any(p.code in named for p in g.chain(code)[:-1])) or (
                    unit.level == level == "province"):
                mentions[code] += 1
    if not mentions:
        return Place()
    (code, n), *rest = [*mentions.most_common(2), ("", 0)]
    if n < 2 or rest[0][1] == n:
        return Place()
    return _place_of(g.units[code], g.units[code].name)


def _place_of(unit: Division, written: str) -> Place:
    """A unit as a Place: province, city and county filled from its chain; the county as the text wrote it."""
    g = load()
    chain = g.chain(unit.code)
    province = chain[0].name
    city = next((u.name for u in chain if u.level == "city"), None)
    county = next((u.name for u in chain if u.level == "county"), None)
    if unit.level == "county" and written != unit.name and unit.code in g.variants.get(written, []):
        county = written  # 徐水县 in a report of 2010, before it became 徐水区
    return Place(province, city, county, level=unit.level, code=unit.code)


# -- title, kind, period, year -------------------------------------------------------------------------


# The notice a government issues a plan with: 广州市人民政府关于印发《…规划纲要》的通知 is the plan's own title.
_ISSUING = re.compile(r"^.{0,30}?关于印发《?(.{6,60}?)》?的通知$")


def _issued(title: str) -> str:
    issued = _ISSUING.match(title)
    return issued.group(1) if issued else title


def _clean_title(line: str) -> str:
    """A title line without what a collector or a web page put around it: 标题:, a subtitle after ——
    in a collector's title field, the site's name after _ or -, a description's 《》."""
    line = line.strip()
    described = _DESCRIPTION.match(line)
    if described:
        return described.group(2)
    labelled = _TITLE_PREFIX.match(line)
    if labelled:
        line = line[labelled.end():].split("——")[0].strip()
    line = re.sub(r"^【[^】]{1,10}】", "", line)
    quoted = re.search(r"《([^》]{4,60})》", line)
    if quoted and "解读" in line:
        return quoted.group(1)  # a page explaining a plan: the plan's own title
    while (shorter := _SITE_SUFFIX.sub("", line).strip()) != line and shorter:
        line = shorter
    return line


def _title_ok(line: str) -> bool:
    return (
        bool(_DOC_WORD.search(line))
        and len(line) <= 80
        and "。" not in line
        and not line.startswith(("——", "—", "-", "在"))
        and not _DATE_LINE.match(line)
        and not _SPEAKER.search(line)
        and not _CITATION.search(line)
        and "人民代表大会" not in line
    )


_FRONT_END = re.compile(r"^(各位代表|同志们|代表们|正文[:：]?$)")
FRONT_LINES = 20


def _front(lines: list[str]) -> list[str]:
    """The lines before the text proper: up to the salutation (各位代表) or the first numbered heading."""
    from .headings import match_heading

    out: list[str] = []
    for line in lines[:FRONT_LINES]:
        if _FRONT_END.match(line) or (out and match_heading(line) is not None) or (
                len(line) > 120 and not _DESCRIPTION.match(line)):
            break
        out.append(line)
    return out


def _joined(lines: list[str]) -> list[str]:
    """A title's pieces joined: 政府工作报 / 告, 苏州市国民经济和社会发展 / 第十五个五年规划纲要."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if prev and not _DOC_WORD.search(prev) and len(prev) <= 40 and (
                prev.endswith(("发展", "和", "暨")) or len(line) <= 3 or _DOC_WORD.search(prev[-4:] + line[:4])):
            out[-1] = prev + line
        else:
            out.append(line)
    return out


def _pick_title(doc: Document, lines: list[str]) -> str:
    """The document's own title: a line naming what it is (政府工作报告, 规划纲要 …), joined when split over
    lines; never a speaker, date or citation line. Of several, the one that says most (place, year)."""
    damaged = {w.line for w in doc.warnings}
    front = [p.text for p in doc.front_matter if p.line not in damaged]
    front += [line for line in _front(lines) if line not in front]
    labelled = [_clean_title(raw) for raw in front if _TITLE_PREFIX.match(raw)]
    if labelled and labelled[0]:
        return _issued(labelled[0])  # a collector's own title field: the title, whatever words it has
    pool = [_issued(line) for line in _joined([_clean_title(raw) for raw in front])]
    candidates: list[tuple[int, int, str]] = []
    for i, line in enumerate(pool):
        if not _title_ok(line):
            continue
        score = (2 if _WORK_REPORT.search(line) or _FIVE_YEAR.search(line) or _PROPOSAL.search(line) else 0)
        score += 1 if re.search(r"(?:19|20)\d\d", line) else 0
        score += 1 if _names_in(line) else 0
        candidates.append((score, -i, line))
    if not candidates:
        return ""
    return max(candidates)[2]


def _kind(title: str, head: str) -> str:
    if _PROPOSAL.search(title) or (not title and _PROPOSAL.search(head[:600])):
        return "plan proposal"
    if _WORK_REPORT.search(title):
        return "work report"
    if _FIVE_YEAR.search(title):
        return "five-year plan"
    opening = head[:4000]
    if sum(1 for cue in _REPORT_CUES if cue.search(opening)) >= 2:
        return "work report"
    if not title and _FIVE_YEAR.search(head[:600]):
        return "five-year plan"
    return "other"


def plan_period(text: str) -> str | None:
    """The years of the five-year plan a text names: 第十四个五年 or 十四五 → 2021-2025."""
    m = _FYP_ORDINAL.search(text) or _FYP_SHORT.search(text)
    if not m:
        return None
    n = cn_to_int(m.group(1)) if m.re is _FYP_ORDINAL else 10 + (cn_to_int(m.group(1)) or 0)
    if not n or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return f"{start}-{start + 4}"


def _year(doc: Document, lines: list[str], head: str, furniture: str) -> int | None:
    """The year the document was issued: its date line, else its title's year, else what its headings say.

    A plan revised later says so ((2022年更新)); a work report delivered in December opens the next year."""
    front = [p.text for p in doc.front_matter] + lines[:8]
    for line in front:
        revised = _REVISED.search(line)
        if revised and doc.kind in ("five-year plan", "other"):
            return int(revised.group(1))
    for line in lines[:HEAD_LINES]:
        m = _DATE_LINE.match(line) or _DELIVERY.search(line)
        if m and len(line) <= 90:
            december = doc.kind == "work report" and re.search(r"年\s*12\s*月", line)
            return int(m.group(1)) + (1 if december else 0)
        cn = _CN_DATE.match(line) if len(line) <= 20 else None
        cn = cn or _DELIVERY_CN.search(line)
        if cn:
            return cn_to_int(cn.group(1))
    m = _DELIVERY.search(head)
    if m:
        return int(m.group(1))
    m = _ISSUED.search(head)
    if m:
        return int(m.group(1))
    years = [int(y) for y in _YEAR_IN.findall(doc.title)] or [int(y) for y in _ANY_YEAR.findall(doc.title)]
    if years and doc.kind not in ("five-year plan", "plan proposal"):
        return max(years)
    if doc.kind == "work report":
        headings = "\n".join(s.title for s in doc.sections[:12]) + "\n" + head[:1500]
        ahead = [int(m.group(1)) for m in _AHEAD.finditer(headings)]
        if ahead:
            return max(ahead)
        reviewed = [int(next(g for g in m.groups() if g)) for m in _REVIEW.finditer(headings)]
        if reviewed:
            return max(reviewed) + 1
        # 一、去年工作回顾 / 2005年，我国…: the year the review opens with is the one before the report's.
        for section in doc.sections[:3]:
            if _LAST_YEAR.search(section.title) and section.paragraphs:
                opening = _ANY_YEAR.search(section.paragraphs[0].text[:200])
                if opening:
                    return int(opening.group(1)) + 1
    if doc.period and (doc.kind != "work report"):
        if years:
            return max(years)
        # An undated plan is adopted in the first year of its period; the proposal for it the year before.
        return int(doc.period[:4]) - (1 if doc.kind == "plan proposal" else 0)
    m = _PUBLISHED.search(head) or _PUBLISHED.search(furniture)
    if m:
        return int(m.group(1))
    return max(years) if years else None


def describe(doc: Document, lines: list[str]) -> None:
    """Fill in the document's title, place, kind, year and period from its normalised lines."""
    body = [line for line in lines if line.strip()]
    opening = "\n".join(body[:HEAD_LINES])[:2 * HEAD_CHARS]
    head = opening[:HEAD_CHARS]
    furniture = " ".join(t for _, k, t in doc.furniture if k == "page info")
    doc.title = _pick_title(doc, body)
    doc.kind = _kind(doc.title, opening)
    doc.period = plan_period(doc.title) or (plan_period(head[:3000]) if doc.kind in ("five-year plan", "plan proposal")
                                        else None)
    doc.year = _year(doc, body, opening, furniture)
    doc.place, ambiguous = _place(head, doc.title)
    if doc.place.level is None:
        doc.place = _written_place(head, doc.title)
    if doc.place.level is None:
        doc.place = _mentioned_place(opening, "\n".join(body)[:MENTION_CHARS])
    if ambiguous:
        doc.warnings.append(LineWarning(0, ambiguous))
