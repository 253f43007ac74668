"""Generate a synthetic corpus from the five samples: new place names, shuffled sections, many years.

Run: python benchmarks/make_corpus.py N OUT_DIR [--seed S]

Each document is one of the samples with its district and city renamed (a made-up county-level
name such as 安平区 under a made-up city), its chapters (the top-level sections) shuffled, and a
year of 2016–2025 for work reports. Files go in one subfolder per made-up city, as users keep them,
so the corpus has several documents per place: a plan and reports of several years.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "planctl" / "samples"
# (sample, its county-level name as written, its city)
SOURCES = [
    ("000_19feb183ca538f64.txt", ("兴隆台区", "興隆臺區", "兴隆台", "興隆臺"), ("盘锦市", "盤錦市", "盘锦", "盤錦")),
    ("001_559f3303ea558438.txt", ("海城市", "海城"), ("鞍山市", "鞍山")),
    ("002_11601b642c36ea08.txt", ("皇姑区", "皇姑"), ("沈阳市", "沈阳")),
    ("003_657c2d959349a28d.txt", ("兴隆台区", "兴隆台"), ("盘锦市", "盘锦")),
    ("004_1d0a5113fd5c9ab2.txt", ("沙河口区", "沙河口"), ("大连市", "大连")),
]
CHARS = "安平宁和东西南北新城山河江湖阳春长永丰兴华德清泰嘉福顺康乐盛昌明光远临滨海台桥林"
TOP = re.compile(r"^\s*(?:第[一二三四五六七八九十百]+[篇章]|[一二三四五六七八九十]+、)")


def shuffled(text: str, rng: random.Random) -> str:
    """The text with its top-level sections in another order (the opening kept first)."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if TOP.match(line)]
    if len(starts) < 3:
        return text
    head = lines[: starts[0]]
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    rng.shuffle(blocks)
    return "\n".join(head + [line for block in blocks for line in block]) + "\n"


def make(n: int, out: Path, seed: int = 1) -> int:
    rng = random.Random(seed)
    texts = [(SAMPLES / name).read_bytes().decode("utf-8", errors="replace") for name, _, _ in SOURCES]
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    places = max(1, n // 4)  # about four documents per place
    # Two characters give 42 × 41 names; a larger corpus (20,000 documents: 5,000 places) needs three.
    width = 2 if places <= len(CHARS) * (len(CHARS) - 1) // 2 else 3
    names = set()
    while len(names) < places:
        names.add("".join(rng.sample(CHARS, width)))
    place_list = sorted(names)
    for i in range(n):
        k = i % len(SOURCES)
        name, counties, cities = SOURCES[k]
        place = place_list[i % places]
        city = place_list[(i * 7 + 3) % places][::-1]
        text = texts[k]
        for old in counties:
            suffix = old[-1] if old[-1] in "区县市區縣" and len(old) > 2 else ""
            text = text.replace(old, place + suffix)
        for old in cities:
            text = text.replace(old, city + ("市" if old.endswith("市") else ""))
        if "work report" in name or k == 3:
            text = text.replace("2023", str(2016 + (i // len(SOURCES)) % 10))
        text = shuffled(text, rng)
        folder = out / city
        folder.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{i:05d}_{place}_{name}").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    total = make(args.n, args.out, args.seed)
    print(f"{args.n} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
