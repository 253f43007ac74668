from __future__ import annotations

from pathlib import Path

import pytest

from planctl.outline import Document
from planctl.parser import parse_bytes

CORPUS = Path(__file__).resolve().parent.parent / "planctl" / "samples"
SAMPLES = {
    "000": CORPUS / "000_19feb183ca538f64.txt",
    "001": CORPUS / "001_559f3303ea558438.txt",
    "002": CORPUS / "002_11601b642c36ea08.txt",
    "003": CORPUS / "003_657c2d959349a28d.txt",
    "004": CORPUS / "004_1d0a5113fd5c9ab2.txt",
}

_cache: dict[str, Document] = {}


def sample(key: str) -> Document:
    if key not in _cache:
        _cache[key] = parse_bytes(SAMPLES[key].read_bytes(), str(SAMPLES[key]))
    return _cache[key]


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory, monkeypatch):
    """Never read or write the user's cache, corpus or theme map from tests."""
    monkeypatch.setenv("PLANCTL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("PLANCTL_CORPUS", raising=False)
    monkeypatch.delenv("PLANCTL_THEMES", raising=False)
    monkeypatch.delenv("PLANCTL_INDICATORS", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
