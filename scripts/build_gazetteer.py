"""Build planctl's gazetteer (config/divisions.tsv) from JioNLP's dictionary of China's divisions.

JioNLP (github.com/dongrixinyu/JioNLP, Apache-2.0) keeps a dictionary of every province-, city- and
county-level division with its 6-digit code and short name (dictionary/china_location.zip), and a
dated list of renamings and mergers (dictionary/china_location_change.txt). planctl ships the three
upper levels of it as one small table and does not depend on JioNLP at run time.

    pip download --no-deps jionlp==1.5.31 -d /tmp/jionlp
    python scripts/build_gazetteer.py /tmp/jionlp/jionlp-1.5.31-py2.py3-none-any.whl

Rows: code, name, short name, level (province | city | county), parent code; a unit without a code of
its own (Hong Kong's districts; 东莞市's one county-level entry) is left out. Municipalities
(北京市 …) are provinces, and their districts' parent is the municipality; the pseudo-cities
省直辖行政区划 are dropped and their county-level cities hang from the province. Renamed units are
`former` rows: the old name, and the code of the unit it became.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "config" / "divisions.tsv"
PSEUDO = ("省直辖", "自治区直辖", "直辖县")
LEVELS = ("province", "city", "county")


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as whl:
        version = next(n for n in whl.namelist() if n.endswith("METADATA")).split("/")[0].removesuffix(".dist-info")
        inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip")))
        name = inner.namelist()[0]
        stamp = date(*inner.getinfo(name).date_time[:3]).isoformat()
        location = inner.read(name).decode("utf-8")
        changes = whl.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")

    rows: list[tuple[str, str, str, str, str]] = []
    by_names: dict[tuple[str, ...], str] = {}
    by_code: set[str] = set()
    chain: list[tuple[str, str]] = []  # (name, code) of the current province, city
    for line in location.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        parts = line.strip().split("\t")
        if len(parts) < 3:
            continue
        full, code, short = parts[:3]
        del chain[depth:]
        if depth == 1 and (full == chain[0][0] or full.startswith(PSEUDO)):
            chain.append((full, chain[0][1]))  # a municipality or a pseudo-city: no row of its own
            continue
        if code in by_code:
            # No code of its own (Hong Kong's districts, a city's only county 东莞市): the unit above stands for it.
            chain.append((full, code))
            continue
        parent = next((c for _, c in reversed(chain) if c != code), "")
        if depth == 2 and chain and chain[-1][1] == chain[0][1]:
            parent = chain[0][1]
        rows.append((code, full, short, LEVELS[depth], parent))
        by_code.add(code)
        chain.append((full, code))
        by_names[tuple(n for n, _ in chain)] = code

    former: list[tuple[str, str, str, str, str]] = []
    for line in changes.splitlines():
        if "=>" not in line or line.startswith("#"):
            continue
        old, new = line.split("=>")
        old_parts = old.split("\t")
        when = old_parts[0]
        old_names = old_parts[2::2]
        new_names = tuple(new.strip().split("\t"))
        code = by_names.get(new_names) or by_names.get((new_names[0], *new_names[2:]))
        if code is None or old_names[-1] == new_names[-1]:
            continue
        former.append((code, old_names[-1], when, "former", ""))

    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            f"# China's province-, city- and county-level divisions: code, name, short name, level, parent code.\n"
            f"# Source: JioNLP ({version}; Apache-2.0), dictionary/china_location.zip of {stamp} and\n"
            f"# dictionary/china_location_change.txt. Built by scripts/build_gazetteer.py on {date.today()}.\n"
            "# `former` rows: code of the unit a former name became, the former name, the date of the change.\n"
        )
        for row in rows:
            out.write("\t".join(row) + "\n")
        for code, old, when, _, _ in sorted(set(former)):
            out.write(f"{code}\t{old}\t{when}\tformer\t\n")
    print(f"{OUT}: {len(rows)} divisions, {len(set(former))} former names")


if __name__ == "__main__":
    main(sys.argv[1])
