"""Config files in YAML (the theme map, the indicator list): safe loading, and errors that name the file,
the line and the fix. Files are composed into nodes, never constructed into objects, so line numbers
survive validation and nothing in a file can build Python objects."""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from .errors import PlanctlError

T = TypeVar("T")


class ConfigError(PlanctlError):
    """A config file that cannot be used; the message says where and how to fix it."""


def parsed_once(text: str, source: str, parse: Callable[[str, str], T]) -> T:
    """parse(text, source), remembered in the cache folder: a valid file's parsed form is loaded from
    a pickle on later runs (no YAML parser to import, no validation to repeat)."""
    from .index import cache_dir, code_fingerprint

    digest = hashlib.sha256(f"{code_fingerprint()}\0{source}\0{text}".encode()).hexdigest()[:24]
    path = cache_dir() / "config" / f"{digest}.pickle"
    with suppress(Exception):  # a missing or unreadable pickle is a miss
        return pickle.loads(path.read_bytes())
    value = parse(text, source)
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=5))
        os.replace(tmp, path)
    return value


def load_config(chosen: str | os.PathLike[str] | None, env: str, option: str, what: str, bundled: str,
                parse: Callable[[str, str], T]) -> T:
    """A config file: the one given (argument, then $env), else the one shipped in planctl.config."""
    chosen = chosen or os.environ.get(env)
    if chosen:
        text = read_config(Path(chosen), what, f"{option} or ${env}")
        return parsed_once(text, str(chosen), parse)
    from importlib import resources

    text = resources.files("planctl.config").joinpath(bundled).read_text(encoding="utf-8")
    return parsed_once(text, bundled, parse)


def read_config(path: Path, what: str, how_to_choose: str) -> str:
    if not path.is_file():
        raise ConfigError(f"{path}: {what} not found; check {how_to_choose}")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the {what} ({exc}); save it as UTF-8 text") from None


def top_list(source: str, text: str, what: str, key: str, allowed: set[str]) -> object:
    """The node of the list under `key:` at the top of a file, checked for shape."""
    import yaml

    # libyaml's safe loader is ten times faster than the pure-Python one; both build no objects.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {problem}; check indentation and quoting") from None
    if root is None:
        raise ConfigError(f"{source}: the {what.removeprefix('the ')} is empty; it needs a `{key}:` list")
    top = mapping(source, root, what, allowed)
    if key not in top:
        raise err(source, root, f"{what} has no `{key}:` list")
    node = top[key][1]
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise err(source, node, f"`{key}:` must be a non-empty list of {key} (lines starting with `- name:`)")
    return node


def err(source: str, node: object, message: str) -> ConfigError:
    line = getattr(getattr(node, "start_mark", None), "line", None)
    where = f"{source}:{line + 1}" if line is not None else source
    return ConfigError(f"{where}: {message}")


def _nearest(key: str, valid: set[str]) -> str:
    close = difflib.get_close_matches(key, sorted(valid), n=1)
    return f"; did you mean “{close[0]}”?" if close else f"; allowed keys: {', '.join(sorted(valid))}"


def mapping(source: str, node: object, what: str, allowed: set[str]) -> dict[str, tuple[object, object]]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise err(source, node, f"{what} must be a mapping of keys to values")
    out: dict[str, tuple[object, object]] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is None:
            raise err(source, key_node, f"{what} has a key that is not a plain name")
        if key not in allowed:
            raise err(source, key_node, f"unknown key “{key}” in {what}{_nearest(key, allowed)}")
        if key in out:
            raise err(source, key_node, f"key “{key}” appears twice in {what}; keep one")
        out[key] = (key_node, value_node)
    return out


def string(source: str, node: object, what: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.tag not in (
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
    ):
        raise err(source, node, f"{what} must be a single text value")
    value = str(node.value).strip()
    if not value:
        raise err(source, node, f"{what} is empty; give it a value")
    return value


def strings(source: str, node: object, what: str) -> tuple[str, ...]:
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise err(source, node, f"{what} must be a list, e.g. [{what.split()[-1]} 1, {what.split()[-1]} 2]")
    return tuple(string(source, item, f"an item of {what}") for item in node.value)


