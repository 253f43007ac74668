"""Indicator names (config/indicators.yaml): one canonical name per indicator and the other names it
goes by, so that 生产总值, GDP and 地区生产总值 line up across plans."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from .yamlconfig import ConfigError, err, load_config, mapping, string, strings, top_list

INDICATORS_ENV = "PLANCTL_INDICATORS"
_TOP_KEYS = {"version", "indicators"}
_ITEM_KEYS = {"name", "aliases", "description"}
FUZZY_CUTOFF = 88  # rapidfuzz ratio above which an unknown name is taken for a known one

_MEASURES = (
    ("增长率", "growth"), ("增速", "growth"), ("增长", "growth"), ("降低率", "reduction"), ("降低", "reduction"),
    ("下降率", "reduction"), ("下降", "reduction"), ("减少", "reduction"), ("占比", "share"), ("比重", "share"),
)


_AND = ("和", "与", "及", "、")
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


@dataclass(eq=False)  # hashed by identity, so patterns built from a map can be cached per map
class IndicatorMap:
    names: dict[str, str]  # any name or alias → the canonical name
    source: str = field(default="indicators.yaml")

    @cached_property
    def by_length(self) -> list[str]:
        return sorted(self.names, key=len, reverse=True)

    def canonical(self, indicator: str) -> str:
        key = indicator.replace(" ", "")
        if key in self.names:
            return self.names[key]
        # 数字经济核心产业增加值占地区生产总值比重 is not 地区生产总值: only the part before 占 names it.
        head = key.split("占")[0] if "占" in key[1:] else key
        base, _ = split_measure(head)
        if base in self.names:
            return self.names[base]
        if base.startswith("新增") and len(base) > 3:
            # a flow (新增高新技术企业150家) is not the stock (高新技术企业100家)
            return "新增" + self.canonical(base[2:])
        for alias in self.by_length:
            if len(alias) >= 3 and base.endswith(alias):
                # 全市居民人均可支配收入 is a known name's; 城镇和农村居民人均可支配收入 names two things
                if base[: -len(alias)].endswith(_AND):
                    return key
                return self.names[alias]
        from rapidfuzz import fuzz, process

        found = process.extractOne(key, list(self.names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.names[found[0]] if found else key


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
