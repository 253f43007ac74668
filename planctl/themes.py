"""The theme map (config/themes.yaml): loading with exact error locations, and finding its terms in text."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from .errors import PlanctlUsageError
from .yamlconfig import ConfigError, err, load_config, mapping, string, strings, top_list

THEMES_ENV = "PLANCTL_THEMES"

_TOP_KEYS = {"version", "themes"}
_THEME_KEYS = {"name", "parent", "aliases", "keywords", "exclude", "description"}


@dataclass(frozen=True)
class Theme:
    name: str
    parent: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str = ""
    line: int = 0
    exclude: tuple[str, ...] = ()  # phrases that contain a keyword but do not mean the theme (运营商, 农民工)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def terms(self) -> tuple[str, ...]:
        """Every term that marks the theme: its names, then its other keywords."""
        return (*self.names, *(k for k in self.keywords if k not in self.names))


@dataclass
class ThemeMap:
    themes: list[Theme]
    source: str
    digest: str = ""  # hash of the map's text, for caching what is derived from it

    @cached_property
    def _terms(self) -> dict[str, list[tuple[Theme, bool]]]:
        """Every matchable term → the themes it names (True when it is a name or alias)."""
        terms: dict[str, list[tuple[Theme, bool]]] = {}
        for theme in self.themes:
            for term in theme.names:
                terms.setdefault(term, []).append((theme, True))
            for term in theme.keywords:
                if term not in theme.names:
                    terms.setdefault(term, []).append((theme, False))
        return terms

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # Longest first: at each position the regex takes the first alternative that matches,
        # so 印度尼西亚 is found before 印度 can be.
        ordered = sorted(self._terms, key=lambda t: (-len(t), t))
        return re.compile("|".join(re.escape(t) for t in ordered), re.I)

    def find_terms(self, text: str) -> list[str]:
        """Non-overlapping theme terms in the text, longest match at each position."""
        return [m.group(0) for m in self._pattern.finditer(text)]

    @cached_property
    def _theme_patterns(self) -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
        out: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
        for theme in self.themes:
            terms = sorted(theme.terms, key=lambda t: (-len(t), t))
            exclude = sorted(theme.exclude, key=lambda t: (-len(t), t))
            out[theme.name] = (
                re.compile("|".join(re.escape(t) for t in terms), re.I),
                re.compile("|".join(re.escape(t) for t in exclude), re.I) if exclude else None,
            )
        return out

    def theme_terms(self, theme: Theme, text: str) -> list[str]:
        """The terms of one theme in a text, longest match at each position, leaving out the theme's exclusions.

        Each theme is matched on its own, so 粮食安全 counts for both 乡村振兴 (粮食) and a theme of safety."""
        return [term for _, term in self.theme_matches(theme, text)]

    def theme_matches(self, theme: Theme, text: str) -> list[tuple[int, str]]:
        """Where each of a theme's terms is in a text: (offset, term)."""
        pattern, exclude = self._theme_patterns[theme.name]
        if exclude is not None:
            text = exclude.sub(lambda m: "\0" * len(m.group(0)), text)
        return [(m.start(), m.group(0)) for m in pattern.finditer(text)]

    def term_is_name(self, theme: Theme, term: str) -> bool:
        return term.lower() in (n.lower() for n in theme.names)

    def themes_of_term(self, term: str) -> list[tuple[Theme, bool]]:
        return self._terms.get(term) or self._terms.get(term.upper()) or self._terms.get(term.lower()) or []

    def get(self, name: str) -> Theme | None:
        key = name.strip()
        for theme in self.themes:
            if key == theme.name or key in theme.aliases:
                return theme
        lowered = key.lower()
        for theme in self.themes:
            if lowered in (n.lower() for n in theme.names):
                return theme
        return None

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        from rapidfuzz import fuzz, process

        choices = {n: t.name for t in self.themes for n in t.names}
        found = process.extract(name, list(choices), scorer=fuzz.partial_ratio, limit=limit * 3, score_cutoff=50)
        out: list[str] = []
        for match, _, _ in found:
            if choices[match] not in out:
                out.append(choices[match])
        return out[:limit]

    def require(self, name: str) -> Theme:
        theme = self.get(name)
        if theme is None:
            hint = self.suggest(name)
            tip = f"did you mean {', '.join(hint)}? " if hint else ""
            raise ThemeUnknownError(f"unknown theme “{name}”; {tip}`planctl themes` lists them")
        return theme

    @property
    def parents(self) -> list[str]:
        seen: list[str] = []
        for t in self.themes:
            if t.parent not in seen:
                seen.append(t.parent)
        return seen


class ThemeUnknownError(PlanctlUsageError):
    """A theme name that is not in the map: a usage error."""


# -- loading -------------------------------------------------------------------------------------


def parse_theme_map(text: str, source: str) -> ThemeMap:
    """Validate a theme map's YAML text; errors name the file, the line and the fix."""
    themes_node = top_list(source, text, "the theme map", "themes", _TOP_KEYS)
    themes: list[Theme] = []
    owner: dict[str, tuple[str, int]] = {}
    for item in themes_node.value:  # type: ignore[attr-defined]
        fields = mapping(source, item, "a theme", _THEME_KEYS)
        if "name" not in fields:
            raise err(source, item, "a theme has no `name:`")
        name = string(source, fields["name"][1], "a theme's name")
        what = f"theme “{name}”"
        if "keywords" not in fields:
            raise err(source, item, f"{what} has no `keywords:`; list the words that mark it")
        keywords = strings(source, fields["keywords"][1], f"{what}'s keywords")
        if not keywords:
            raise err(source, fields["keywords"][1], f"{what} has an empty keyword list; give at least one keyword")
        aliases = strings(source, fields["aliases"][1], f"{what}'s aliases") if "aliases" in fields else ()
        parent = string(source, fields["parent"][1], f"{what}'s parent") if "parent" in fields else "其他"
        description = (
            string(source, fields["description"][1], f"{what}'s description") if "description" in fields else ""
        )
        exclude = strings(source, fields["exclude"][1], f"{what}'s exclusions") if "exclude" in fields else ()
        line = item.start_mark.line + 1
        if name in aliases:
            raise err(source, fields["aliases"][1], f"{what} lists its own name as an alias; remove the alias")
        for n in (name, *aliases):
            if n in owner and owner[n][0] != name:
                other, other_line = owner[n]
                raise ConfigError(
                    f"{source}:{line}: “{n}” names both theme “{other}” (line {other_line}) and “{name}”; "
                    "names and aliases must be unique"
                )
            if n in owner and n == name:
                raise ConfigError(
                    f"{source}:{line}: duplicate theme name “{name}” (first at line {owner[n][1]}); "
                    "merge the two or rename one"
                )
            owner[n] = (name, line)
        themes.append(Theme(name, parent, aliases, keywords, description, line, exclude))
    return ThemeMap(themes, source, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


def default_theme_path() -> str:
    return str(resources.files("planctl.config").joinpath("themes.yaml"))


def load_theme_map(path: str | os.PathLike[str] | None = None) -> ThemeMap:
    """The user's map (argument, then $PLANCTL_THEMES), else the one shipped with planctl."""
    return load_config(path, THEMES_ENV, "--themes", "theme map", "themes.yaml", parse_theme_map)
