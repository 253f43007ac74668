"""Time `planctl compare … --theme` as a user runs it: a new process each time, start-up included.

Run: python benchmarks/bench_compare.py [--repeat N]
Measures two and five sample plans, with an empty cache (the first run after install) and with
the cache warm (every later run). Goal (issue 3): under 300 ms each on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CASES = {
    "2 plans": ["兴隆台", "沙河口"],
    "5 plans": ["兴隆台", "沙河口", "海城", "皇姑", "兴隆台:2023"],
}


def run(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planctl", "compare", *args, "--theme", "营商环境", "--format", "json"],
                   env=env, check=True, capture_output=True)
    return (time.perf_counter() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    # An installed planctl has bytecode; this machine sets PYTHONDONTWRITEBYTECODE, which would recompile planctl
    # and its libraries on every run (about 100 ms). Unset it and warm up once, as bench_scale.py does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "planctl", "--help"], check=True, capture_output=True)
    print(f"{'case':<10} {'cold cache ms':>14} {'warm cache ms':>14}")
    for name, plans in CASES.items():
        cold, warm = [], []
        for _ in range(args.repeat):
            cache = tempfile.mkdtemp(prefix="planctl-bench-")
            env = {**os.environ, "PLANCTL_CACHE_DIR": cache}
            cold.append(run(plans, env))
            warm.append(run(plans, env))
            shutil.rmtree(cache)
        print(f"{name:<10} {statistics.median(cold):14.0f} {statistics.median(warm):14.0f}")
    for label, argv in (("planctl --help", ["-m", "planctl", "--help"]),
                        ("bare click+rich start", ["-c", "import click, rich.console, rich.table"])):
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, *argv], check=True, capture_output=True)
            times.append((time.perf_counter() - t) * 1000)
        print(f"{label}: {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
