"""Place, level, kind and year read from the text of every document of ../shared/corpus, scored against
LABELS.csv. The files are copied under opaque names first, so nothing can be read from a file name."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from planctl.documents import load_document
from planctl.gazetteer import load

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GOAL = 0.98
pytestmark = pytest.mark.skipif(not (SHARED / "LABELS.csv").is_file(), reason="../shared/corpus is not here")

# LABELS.csv predates the kind "plan proposal" (a party committee's 建议 for the next plan): it files those
# as "other", which is what they were before planctl told them apart.
KIND_IN_LABELS = {"plan proposal": "other"}


@dataclass
class Scored:
    file: str
    label: dict[str, str]
    got: dict[str, str]

    def right(self, field: str) -> bool:
        return self.got[field] == self.label[field]


def _unit(name: str, province: str) -> str:
    """The code of the unit a label names (a former name included), within its province."""
    if name == "中华人民共和国":
        return "national"
    units = [u for u in load().lookup(name) if not province or load().province_of(u.code).name == province]
    return units[0].code if len(units) == 1 else f"?{name}"


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> list[Scored]:
    labels = list(csv.DictReader((SHARED / "LABELS.csv").open(encoding="utf-8")))
    folder = tmp_path_factory.mktemp("opaque")
    out = []
    for n, label in enumerate(labels):
        source = SHARED / label["file"]
        copy = folder / f"doc{n:03d}{source.suffix}"
        shutil.copyfile(source, copy)
        doc = load_document(copy)
        place = doc.place
        got = {
            "place": "national" if place.level == "national" else (place.code or f"?{place.name}"),
            "level": place.level or "",
            "kind": KIND_IN_LABELS.get(doc.kind, doc.kind),
            "year": str(doc.year or ""),
        }
        want = {
            "place": _unit(label["place"], label["province"]),
            "level": label["level"],
            "kind": label["kind"],
            "year": label["year"],
        }
        out.append(Scored(label["file"], want, got))
    return out


@pytest.mark.parametrize("field", ["place", "level", "kind", "year"])
def test_metadata_of_the_real_corpus(scored, field):
    wrong = [(s.file, s.label[field], s.got[field]) for s in scored if not s.right(field)]
    share = 1 - len(wrong) / len(scored)
    print(f"\n{field}: {len(scored) - len(wrong)}/{len(scored)} right ({share:.1%})")
    assert share >= GOAL, wrong


def test_every_label_names_a_known_unit(scored):
    """The scorer itself: every labelled place resolves to one unit of the gazetteer."""
    assert [s.file for s in scored if s.label["place"].startswith("?")] == []
