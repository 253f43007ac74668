"""Text reuse (issue 14): `planctl reuse A B`, and `planctl reuse A --corpus DIR` on 3,000 documents.

Run: python benchmarks/bench_reuse.py [CORPUS_3000_DIR]

Pairs come from ../shared/corpus (real documents). The corpus query runs on a synthetic corpus of 3,000
documents made by make_corpus.py (made here in a temporary folder unless one is given), indexed first;
each query is a new `planctl` process with a warm index, median of 3.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def timed(args: list[str], env: dict[str, str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    cache = tempfile.mkdtemp(prefix="bench-reuse-")
    env = {**os.environ, "PLANCTL_CACHE_DIR": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print("| case | seconds |")
    print("|---|---|")
    if SHARED.is_dir():
        subprocess.run(["planctl", "list", "--corpus", str(SHARED)], env=env, check=True, capture_output=True)
        for a, b in (("南京市:2026", "中华人民共和国:2026"), ("顺平县:2022", "顺平县:2021")):
            s = timed(["planctl", "reuse", a, b, "--corpus", str(SHARED), "--format", "json"], env)
            print(f"| reuse {a} {b} (177 real documents) | {s:.2f} |")
        s = timed(["planctl", "reuse", "南京市:2026", "--corpus", str(SHARED), "--format", "csv"], env)
        print(f"| reuse 南京市:2026 --corpus (177 real documents) | {s:.2f} |")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="c3000-"))
    if not any(folder.rglob("*.txt")):
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "3000", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["planctl", "index", str(folder), "-q"], env=env, check=True)
    files = sorted(folder.rglob("*.txt"))
    for tag in ("002_", "003_"):  # a plan (31,000 characters) and a work report (15,000)
        target = next(f for f in files if tag in f.name)
        s = timed(["planctl", "reuse", str(target), "--corpus", str(folder), "--format", "csv"], env)
        print(f"| reuse {target.name} --corpus (3,000 synthetic documents) | {s:.2f} |")


if __name__ == "__main__":
    main()
