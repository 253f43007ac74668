"""The theme map (config/themes.yaml): loading with exact error locations, and classifying sections."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

from .errors import PlanctlUsageError
from .outline import Document, Section
from .yamlconfig import ConfigError, err, load_config, mapping, string, strings, top_list

THEMES_ENV = "PLANCTL_THEMES"

# Weights of the evidence for a theme in one section.
W_HEADING_NAME = 5.0  # the theme's name or an alias in the section's own heading
W_HEADING_KEYWORD = 3.0  # a keyword in the section's own heading
W_ANCESTOR = 1.5  # the theme's name, alias or keyword in an enclosing heading
W_TOPIC = 1.0  # a keyword in a topic phrase
W_BODY = 0.25  # a keyword mention in the body text
BODY_CAP = 3.0  # body mentions alone never outweigh a heading
MIN_PRIMARY = 1.0  # a section needs this much evidence to have a primary theme

_TOP_KEYS = {"version", "themes"}
_THEME_KEYS = {"name", "parent", "aliases", "keywords", "description"}


@dataclass(frozen=True)
class Theme:
    name: str
    parent: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str = ""
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


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
        themes.append(Theme(name, parent, aliases, keywords, description, line))
    return ThemeMap(themes, source, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


def default_theme_path() -> str:
    return str(resources.files("planctl.config").joinpath("themes.yaml"))


def load_theme_map(path: str | os.PathLike[str] | None = None) -> ThemeMap:
    """The user's map (argument, then $PLANCTL_THEMES), else the one shipped with planctl."""
    return load_config(path, THEMES_ENV, "--themes", "theme map", "themes.yaml", parse_theme_map)


# -- classification ------------------------------------------------------------------------------


@dataclass
class Evidence:
    where: str  # heading | enclosing heading | topic | body
    term: str
    count: int = 1


@dataclass
class SectionThemes:
    path: tuple[Section, ...]
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    heading_themes: set[str] = field(default_factory=set)  # themes named in the section's own heading

    @property
    def section(self) -> Section:
        return self.path[-1]

    @property
    def primary(self) -> str | None:
        if not self.scores:
            return None
        name, score = max(self.scores.items(), key=lambda kv: (kv[1], kv[0]))
        return name if score >= MIN_PRIMARY else None

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))

    def _add(self, theme: str, weight: float, ev: Evidence) -> None:
        self.scores[theme] = self.scores.get(theme, 0.0) + weight
        self.evidence.setdefault(theme, []).append(ev)


def _heading_hits(tmap: ThemeMap, title: str) -> dict[str, tuple[float, str]]:
    """Best weight and term for each theme named in a heading."""
    hits: dict[str, tuple[float, str]] = {}
    for term in tmap.find_terms(title):
        for theme, is_name in tmap.themes_of_term(term):
            weight = W_HEADING_NAME if is_name else W_HEADING_KEYWORD
            if weight > hits.get(theme.name, (0.0, ""))[0]:
                hits[theme.name] = (weight, term)
    return hits


def classify_section(tmap: ThemeMap, path: tuple[Section, ...]) -> SectionThemes:
    section = path[-1]
    result = SectionThemes(path)
    for theme, (weight, term) in _heading_hits(tmap, section.title).items():
        result._add(theme, weight, Evidence("heading", term))
        result.heading_themes.add(theme)
    inherited: dict[str, str] = {}
    for ancestor in path[:-1]:
        for theme, (_, term) in _heading_hits(tmap, ancestor.title).items():
            inherited.setdefault(theme, term)
    for theme, term in inherited.items():
        result._add(theme, W_ANCESTOR, Evidence("enclosing heading", term))
    for topic in section.topics:
        for term in tmap.find_terms(topic):
            for named, _ in tmap.themes_of_term(term):
                result._add(named.name, W_TOPIC, Evidence("topic", term))
    body_counts: dict[tuple[str, str], int] = {}
    for term in tmap.find_terms(section.own_text()):
        for named, _ in tmap.themes_of_term(term):
            body_counts[(named.name, term)] = body_counts.get((named.name, term), 0) + 1
    body_score: dict[str, float] = {}
    for (theme, term), n in sorted(body_counts.items(), key=lambda kv: -kv[1]):
        add = min(n * W_BODY, BODY_CAP - body_score.get(theme, 0.0))
        if add > 0:
            body_score[theme] = body_score.get(theme, 0.0) + add
            result._add(theme, add, Evidence("body", term, n))
    return result


def classify(tmap: ThemeMap, doc: Document) -> list[SectionThemes]:
    """Themes of every section of a document, in document order."""
    return [classify_section(tmap, path) for path, _ in doc.walk()]
