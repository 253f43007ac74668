"""China's administrative divisions: every province-, city- and county-level unit, its code and parent.

The table (config/divisions.tsv) is built from JioNLP's dictionary by scripts/build_gazetteer.py;
its header states the source and date. A unit is found by its full name (清苑区), a former name
(襄樊市 → 襄阳市), the same stem with another county-level suffix (清苑县 → 清苑区, after the county
became a district), or a short form people use (阿坝州, 湘西州, 兴隆台).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")
_ETHNIC = ("朝鲜族", "土家族", "苗族", "藏族", "羌族", "彝族", "布依族", "侗族", "哈尼族", "壮族", "傣族", "白族",
           "景颇族", "傈僳族", "回族", "蒙古族", "蒙古", "柯尔克孜", "哈萨克", "满族", "畲族", "瑶族", "黎族",
           "仡佬族", "水族", "仫佬族", "毛南族", "纳西族", "拉祜族", "佤族", "独龙族", "怒族", "普米族", "土族",
           "撒拉族", "东乡族", "保安族", "裕固族", "达斡尔族", "鄂温克族", "鄂伦春族", "锡伯族", "塔吉克族",
           "维吾尔族", "各族", "黎族苗族", "傣族景颇族")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # province | city | county
    parent: str | None  # code of the unit above; None for a province


@dataclass
class Gazetteer:
    units: dict[str, Division]
    names: dict[str, list[str]]  # a full or former name → codes of the units it names
    shorts: dict[str, list[str]]  # a short form (兴隆台, 阿坝州, 辽宁) → codes
    variants: dict[str, list[str]]  # the stem with another county suffix (清苑县 for 清苑区) → codes

    def chain(self, code: str) -> list[Division]:
        """The unit and its parents, province first."""
        out: list[Division] = []
        unit: Division | None = self.units.get(code)
        while unit is not None:
            out.append(unit)
            unit = self.units.get(unit.parent) if unit.parent else None
        return out[::-1]

    def province_of(self, code: str) -> Division:
        return self.units[code[:2] + "0000"]

    def lookup(self, name: str) -> list[Division]:
        """Units a name as written may stand for: by full, former or variant name, else by short form."""
        codes = self.names.get(name) or self.variants.get(name) or self.shorts.get(name) or []
        return [self.units[c] for c in codes]


def stem(name: str, level: str) -> str:
    """清苑区 → 清苑, 延边朝鲜族自治州 → 延边, 内蒙古自治区 → 内蒙古; keeps two characters at least."""
    suffixes = COUNTY_SUFFIXES if level == "county" else (
        "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "盟", "省", "市")
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            root = name[: -len(suffix)]
            peeled = True
            while peeled:  # 阿坝藏族羌族 → 阿坝藏族 → 阿坝
                peeled = False
                for ethnic in _ETHNIC:
                    if root.endswith(ethnic) and len(root) - len(ethnic) >= 2:
                        root, peeled = root[: -len(ethnic)], True
            return root
    return name


@lru_cache(maxsize=4096)
def short_name(name: str) -> str:
    """兴隆台区 → 兴隆台, 辽宁省 → 辽宁, 延边朝鲜族自治州 → 延边; two-character names keep their suffix."""
    for level in ("province", "county"):
        shorter = stem(name, level)
        if shorter != name:
            return shorter
    return name


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    text = resources.files("planctl.config").joinpath("divisions.tsv").read_text(encoding="utf-8")
    units: dict[str, Division] = {}
    names: dict[str, list[str]] = {}
    shorts: dict[str, list[str]] = {}
    variants: dict[str, list[str]] = {}
    former: list[tuple[str, str]] = []

    def add(table: dict[str, list[str]], name: str, code: str) -> None:
        codes = table.setdefault(name, [])
        if code not in codes:
            codes.append(code)

    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, short, level, parent = line.split("\t")
        if level == "former":
            former.append((name, code))
            continue
        units[code] = Division(code, name, short, level, parent or None)
    for unit in units.values():
        add(names, unit.name, unit.code)
        root = stem(unit.name, unit.level)
        if unit.level == "county" and root != unit.name:
            # A county that became a district or a city keeps its stem: 清苑县 is now 清苑区.
            for suffix in ("县", "区", "市"):
                if root + suffix != unit.name:
                    add(variants, root + suffix, unit.code)
        if unit.name.endswith("自治州"):
            add(shorts, root + "州", unit.code)  # 阿坝州, 湘西州
        if len(root) >= 2 and root != unit.name:
            add(shorts, root, unit.code)
        # A short form that still ends in a unit's suffix (新区 for 镇江新区, 城区) names no unit by itself.
        if len(unit.short) >= 2 and unit.short != unit.name and not unit.short.endswith(("区", "县", "市", "旗")):
            add(shorts, unit.short, unit.code)
    for name, code in former:
        if code in units:
            add(names, name, code)
    return Gazetteer(units, names, shorts, variants)


def source_line() -> str:
    """Where the table comes from, as its header says."""
    text = resources.files("planctl.config").joinpath("divisions.tsv").read_text(encoding="utf-8")
    return " ".join(line.lstrip("# ") for line in text.splitlines()[1:3])
