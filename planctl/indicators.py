"""Indicator names (config/indicators.yaml): one canonical name per indicator and the other names it
goes by, so that 生产总值, GDP and 地区生产总值 line up across plans."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property

from .yamlconfig import ConfigError, err, load_config, mapping, string, strings, top_list

INDICATORS_ENV = "PLANCTL_INDICATORS"
_TOP_KEYS = {"version", "indicators"}
_ITEM_KEYS = {"name", "aliases", "description"}
FUZZY_CUTOFF = 88  # rapidfuzz ratio above which an unknown name is taken for a known one

_MEASURES = (
    ("增长率", "growth"), ("增速", "growth"), ("增长", "growth"), ("降低率", "reduction"), ("降低", "reduction"),
    ("下降率", "reduction"), ("下降", "reduction"), ("减少", "reduction"), ("提高", "growth"),
)


# What may stand before a known name and leave it that indicator: the place as a whole (全市, 全社会, 城乡), a
# time (今后五年, 正常年景下) or a verb (培育, 确定今年). Anything else narrows it to a part of the whole:
# 海洋生产总值 is not 地区生产总值, 规上工业企业研发投入 not 研发经费投入, 城镇和农村… names two things.
_WHOLE_OR_WHEN = re.compile(
    r"(?:今后|未来|今年|明年|年内|累计|有效期内|正常年景下|[\d一二三四五六七八九十]+年(?:内|间)?"
    r"|培育|包括|确定|实现|力争|确保|争取|保持|达到)*"
    r"(?:全(?:省|市|区|县|州|盟|旗|国|社会)?|[本我](?:省|市|区|县|州|盟|旗)|地方|城乡|城乡常住|常住)?"
)
# How a rate's name ends: 空气质量优良天数比率, 优良天数比例 (a count of days without it)
_RATE = re.compile(r"(?:比率|比例|比重)$")
# A Latin abbreviation in brackets says the name again: 地区生产总值(GDP), 研究与试验发展(R&D)经费支出
_ABBREVIATION = re.compile(r"[(（][A-Za-z&]{2,}[)）]")
# A share, one thing's part of another: 非化石能源占能源消费总量比重, 研发经费支出与地区生产总值之比,
# 研发经费支出相当于地区生产总值的比例; or of a whole left unsaid: 养老机构护理型床位占比.
_SHARE = re.compile(r"(?P<part>.+?)(?:占|相当于)(?P<whole>.+?)的?(?:比重|比例|份额)|(?P<part2>.+)与(?P<whole2>.+?)之比")
_SHARE_OF_ALL = re.compile(r"(?P<part>.{2,}?)(?P<word>占比|比重)")
_QUALIFIERS = ("年均", "平均", "累计", "同比")  # of a measure: 地区生产总值年均增长 is 地区生产总值's growth


def split_measure(indicator: str) -> tuple[str, str]:
    """地区生产总值增长 → (地区生产总值, growth); 单位地区生产总值能源消耗降低 → (…, reduction);
    居民人均可支配收入年均增长 → (居民人均可支配收入, growth)."""
    for suffix, measure in _MEASURES:
        if indicator.endswith(suffix) and len(indicator) > len(suffix) + 1:
            base = indicator[: -len(suffix)]
            for qualifier in _QUALIFIERS:
                if base.endswith(qualifier) and len(base) > len(qualifier) + 1:
                    base = base[: -len(qualifier)]
                    break
            return base, measure
    return indicator, "level"


def names_share(indicator: str) -> bool:
    """非化石能源占能源消费总量比重, 制造业增加值占比: a share, whose figure is its level."""
    key = indicator.replace(" ", "")
    return bool(_SHARE.fullmatch(key) or _SHARE_OF_ALL.fullmatch(key))


@dataclass(eq=False)  # hashed by identity, so patterns built from a map can be cached per map
class IndicatorMap:
    names: dict[str, str]  # any name or alias → the canonical name
    source: str = field(default="indicators.yaml")

    @cached_property
    def by_length(self) -> list[str]:
        return sorted(self.names, key=len, reverse=True)

    @cached_property
    def not_shares(self) -> list[str]:
        """The names a close spelling may stand for: not a share's (数字经济核心产业增加值 is a spelling away
        from 数字经济核心产业增加值占比, but its growth is not the share's); a share is named by its parts."""
        return [n for n in self.names if not names_share(n)]

    def canonical(self, indicator: str) -> str:
        """The indicator's one name: a known name or alias, the part and whole of a share each by their
        known names (R&D支出占GDP比重 → 研发经费投入占地区生产总值比重, which the list may call 研发经费投入强度),
        a known name after words of the whole place or of time, a close spelling of one, else the name as written."""
        key = _ABBREVIATION.sub("", indicator.replace(" ", "")) or indicator
        if key in self.names:
            return self.names[key]
        share = self._share(key)
        if share is not None:
            return share
        base = split_measure(key)[0]  # a table's 用水量下降率 is a sentence's 用水量 (下降15%)
        known = self._known(key)
        if known is not None:
            return known or base
        from rapidfuzz import fuzz, process

        found = process.extractOne(base, self.not_shares, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.names[found[0]] if found else base

    def canonical_for(self, indicator: str, unit: str | None, measure: str) -> str:
        """The indicator's one name as its figure's unit tells it: a count of 天 is not the rate some write it as
        (空气质量优良天数比率 338天 is 空气质量优良天数), and a share in % is the rate (空气优良天数 93% is
        空气质量优良天数比率), where the map knows both."""
        name = self.canonical(indicator)
        if measure != "level" or unit is None:
            return name
        if unit == "%" and not name.endswith(("率", "比例", "比重")):
            rates = (base + end for base in (name, indicator) for end in ("比率", "比例"))
            return next((self.names[r] for r in rates if r in self.names), name)
        if unit not in ("%", "个百分点", "‰") and (count := _RATE.sub("", name)) != name:
            found = self.canonical(count)
            return found if found in self.canonical_names else name
        return name

    @cached_property
    def canonical_names(self) -> set[str]:
        return set(self.names.values())

    def _known(self, name: str) -> str | None:
        """The known indicator `name` is (with or without its measure: 地区生产总值年均增长); "" when it names a
        part of a known one (海洋生产总值), so that no close spelling stands in; None when it names none."""
        if name in self.names:
            return self.names[name]
        base, _ = split_measure(name)
        if base in self.names:
            return self.names[base]
        if base.startswith("新增") and len(base) > 3:
            # a flow (新增高新技术企业150家) is not the stock (高新技术企业100家)
            return "新增" + self.canonical(base[2:])
        for alias in self.by_length:
            if len(alias) >= 3 and base.endswith(alias):
                return self.names[alias] if _WHOLE_OR_WHEN.fullmatch(base[: -len(alias)]) else ""
        return None

    def _share(self, name: str) -> str | None:
        """A share's name from its part's and its whole's known names, as the list spells it if it does."""
        m = _SHARE.fullmatch(name)
        if m:
            part, whole = m.group("part") or m.group("part2"), m.group("whole") or m.group("whole2")
            composed = f"{self._named(part)}占{self._named(whole)}比重"
            return self.names.get(composed, composed)
        m = _SHARE_OF_ALL.fullmatch(name)
        if m:
            part = self._named(m.group("part"))
            for word in ("占比", "比重"):
                if part + word in self.names:
                    return self.names[part + word]
            return part + m.group("word")
        return None

    def _named(self, name: str) -> str:
        return self._known(name) or name


def parse_indicator_map(text: str, source: str) -> IndicatorMap:
    """Validate an indicator list's YAML text; errors name the file, the line and the fix."""
    items = top_list(source, text, "the indicator list", "indicators", _TOP_KEYS)
    names: dict[str, str] = {}
    lines: dict[str, int] = {}
    for item in items.value:  # type: ignore[attr-defined]
        fields = mapping(source, item, "an indicator", _ITEM_KEYS)
        if "name" not in fields:
            raise err(source, item, "an indicator has no `name:`")
        name = string(source, fields["name"][1], "an indicator's name")
        aliases = strings(source, fields["aliases"][1], f"indicator “{name}”'s aliases") if "aliases" in fields else ()
        line = item.start_mark.line + 1
        for n in (name, *aliases):
            if n in names:
                first = names[n]
                raise ConfigError(
                    f"{source}:{line}: “{n}” is already a name of indicator “{first}” (line {lines[first]}); "
                    "each name and alias may appear once"
                )
            names[n] = name
        lines[name] = line
    return IndicatorMap(names, source)


def load_indicator_map(path: str | os.PathLike[str] | None = None) -> IndicatorMap:
    """The user's list (argument, then $PLANCTL_INDICATORS), else the one shipped with planctl."""
    return load_config(path, INDICATORS_ENV, "--indicators", "indicator list", "indicators.yaml", parse_indicator_map)
