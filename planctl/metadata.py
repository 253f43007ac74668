"""What a document is, read from its own text: title, place, kind, year and plan period."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .numerals import cn_to_int
from .outline import Document, Place

_DOC_WORD = re.compile(r"(规划|纲要|政府工作报告|工作报告|计划|方案|意见)")
_ADMIN_SUFFIX = "区|县|市|旗|自治县|自治旗|林区|特区"
_PLACE_BEFORE = re.compile(
    rf"([\u4e00-\u9fff]{{2,12}}?(?:{_ADMIN_SUFFIX}))(?=人民政府|第[一二三四五六七八九十]+届|国民经济|"
    r"政府工作报告|“十|十[一二三四五]五|[一-十]{2}年|20\d\d年)"
)
_FYP_ORDINAL = re.compile(r"第([一二三四五六七八九十]+)个五年")
_FYP_SHORT = re.compile(r"十([一二三四五])五")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
MENTION_WINDOW = 12000  # characters read when counting place names; the opening pages suffice
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-\d{1,2}-\d{1,2}")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[str]]:
    """Province → prefecture-level divisions, from config/places.yaml."""
    import yaml

    text = resources.files("planctl.config").joinpath("places.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=4096)
def short_name(name: str) -> str:
    """兴隆台区 → 兴隆台, 辽宁省 → 辽宁, 延边朝鲜族自治州 → 延边; two-character names keep their suffix."""
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县",
                   "地区", "林区", "省", "市", "区", "县", "盟", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            return re.sub(r"(朝鲜族|土家族|苗族|藏族|羌族|彝族|布依族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|"
                          r"回族|蒙古族|蒙古|柯尔克孜|哈萨克)+$", "", stem) or stem
    return name


@lru_cache(maxsize=1)
def _name_index() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One pattern for every province and city's short name, and the full names each stands for."""
    owners: dict[str, list[str]] = {}
    for prov, cities in gazetteer().items():
        for name in (prov, *cities):
            owners.setdefault(short_name(name), []).append(name)
    alternation = "|".join(re.escape(s) for s in sorted(owners, key=lambda s: (-len(s), s)))
    return re.compile(alternation), owners


def _mentions(text: str, names: list[str]) -> Counter[str]:
    """How often each of the given provinces or cities is named in the text (by its short name)."""
    pattern, owners = _name_index()
    wanted = set(names)
    counts: Counter[str] = Counter()
    for short, n in Counter(pattern.findall(text[:MENTION_WINDOW])).items():
        for name in owners[short]:
            if name in wanted:
                counts[name] += n
    return counts


def _strip_prefixes(name: str) -> tuple[str | None, str | None, str]:
    """Split 辽宁省盘锦市兴隆台区 into province, city and the rest."""
    name = re.sub(r"^\(?([^()]*)\)", r"\1", name)
    province = city = None
    for prov in gazetteer():
        for form in (prov, short_name(prov)):
            if name.startswith(form) and len(name) > len(form):
                province, name = prov, name[len(form) :]
                break
        if province:
            break
    for prov, cities in gazetteer().items():
        if province and prov != province:
            continue
        for c in cities:
            for form in (c, short_name(c)):
                if name.startswith(form) and len(name) > len(form) + 1:
                    city, province, name = c, province or prov, name[len(form) :]
                    break
            if city:
                break
        if city:
            break
    return province, city, name


def _find_place(doc: Document, text: str) -> Place:
    head = "\n".join(p.text for p in doc.front_matter + doc.preamble[:3])
    candidates: list[str] = []
    for source in (doc.title, head, text[:3000]):
        for m in _PLACE_BEFORE.finditer(source):
            # Keep only the name: 日在盘锦市兴隆台区 → 盘锦市兴隆台区
            candidates.append(re.split(r"[在于的日和与及、,“”《》()\s]", m.group(1))[-1])
        if candidates:
            break
    province = city = county = None
    for cand in candidates:
        p, c, rest = _strip_prefixes(cand)
        province, city = province or p, city or c
        if rest and not county and len(rest) >= 2 and not rest.startswith(("全", "本", "我")):
            county = rest
    all_cities = {c: p for p, cs in gazetteer().items() for c in cs}
    if county in all_cities and not city:
        city, county = county, None
    if county and not city:
        counts = _mentions(text, [c for c in all_cities if short_name(c) != short_name(county)])
        if counts:
            best, n = counts.most_common(1)[0]
            if n >= 2:
                city = best
    if city and not province:
        province = all_cities.get(city)
    if not province:
        counts = _mentions(text, list(gazetteer()))
        if counts:
            province = counts.most_common(1)[0][0]
    return Place(province, city, county)


def _pick_title(doc: Document) -> str:
    lines = [p.text for p in doc.front_matter]
    damaged = {w.line for w in doc.warnings}
    clean = [p.text for p in doc.front_matter if p.line not in damaged]
    candidates: list[str] = []
    for group in (clean, lines):
        for i, line in enumerate(group):
            if _DOC_WORD.search(line) and not line.startswith("——") and len(line) <= 80 and "。" not in line:
                # A title broken over two lines: 兴隆台区国民经济和社会发展 / 第十四个五年规划纲要
                if i > 0 and not _DOC_WORD.search(group[i - 1]) and group[i - 1].endswith("发展"):
                    candidates.append(group[i - 1] + line)
                candidates.append(line)
        if candidates:
            break
    if candidates:
        return candidates[0]
    if lines:
        return lines[0]
    if doc.preamble:
        # No title at all: the opening words of the text stand for it.
        return re.split(r"[。！？；,:]", doc.preamble[0].text)[0][:30]
    return doc.sections[0].title if doc.sections else ""


def _kind(title: str, text: str) -> str:
    if "工作报告" in title or ("工作报告" in text[:2000] and "各位代表" in text[:5000]):
        return "work report"
    if re.search(r"五年规划|十[一二三四五]五.{0,6}规划|规划纲要|远景目标纲要", title):
        return "five-year plan"
    return "other"


def _period(text: str) -> str | None:
    m = _FYP_ORDINAL.search(text) or _FYP_SHORT.search(text)
    if not m:
        return None
    n = cn_to_int(m.group(1)) if m.re is _FYP_ORDINAL else 10 + (cn_to_int(m.group(1)) or 0)
    if not n or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return f"{start}-{start + 4}"


def _year(doc: Document, kind: str, period: str | None) -> int | None:
    years_in_title = [int(y) for y in _YEAR.findall(doc.title)] + [
        int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?=政府工作报告|年?政府工作报告)", doc.title)
    ]
    if years_in_title:
        return max(years_in_title)
    front = " ".join(p.text for p in doc.front_matter)
    furniture = " ".join(t for _, k, t in doc.furniture if k == "page info")
    dated = [int(y) for y in _YEAR.findall(front)] + [int(y) for y in _ISO_DATE.findall(furniture)]
    if kind == "five-year plan":
        if dated:
            return max(dated)
        return int(period[:4]) if period else None
    if dated:
        # A work report given in December or January is the next year's report.
        return max(dated) + (1 if re.search(r"\d{4}年12月", front) else 0)
    return None


def describe(doc: Document, lines: list[str]) -> None:
    """Fill in the document's title, place, kind, year and period from its normalised lines."""
    text = "\n".join(lines)
    doc.title = _pick_title(doc)
    doc.kind = _kind(doc.title, text)
    doc.period = _period(doc.title) or (_period(text[:3000]) if doc.kind == "five-year plan" else None)
    doc.year = _year(doc, doc.kind, doc.period)
    doc.place = _find_place(doc, text)
