"""Time the outline of each bundled sample in-process (decode + normalise + parse + metadata).

Run: python benchmarks/bench_outline.py [--repeat N]
Goal (issue 2): under 20 ms per sample on the 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from planctl.parser import parse_bytes

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "planctl" / "samples").glob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    parse_bytes(SAMPLES[0].read_bytes())  # load OpenCC and the gazetteer once, as a long run would
    print(f"{'sample':<28} {'KB':>6} {'median ms':>10} {'min ms':>8}")
    for path in SAMPLES:
        data = path.read_bytes()
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            parse_bytes(data, str(path))
            times.append((time.perf_counter() - t) * 1000)
        print(f"{path.name:<28} {len(data) / 1024:6.0f} {statistics.median(times):10.1f} {min(times):8.1f}")


if __name__ == "__main__":
    main()
