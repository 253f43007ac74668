"""planctl on synthetic corpora of 100, 1,000 and 3,000 documents, as a user runs it (new processes).

Run: python benchmarks/bench_scale.py [--sizes 100 1000 3000] [--workdir DIR]

For each size: generate the corpus (benchmarks/make_corpus.py), then time
- `planctl index DIR`: throughput in MB/s of text indexed, and the peak memory of the process tree
  (the command and its worker processes together, sampled from /proc every 100 ms);
- the same again with nothing changed;
- `list` (as CSV, and as the aligned text a terminal shows), `search 营商环境`,
  `compare A B --theme 营商环境`, `themes A`, `reuse A B` and `reuse A --corpus`
  on the indexed corpus, start-up included (the median of five runs; the first runs of compare and of
  the two reuse queries, which fill their caches, are reported apart), `compare` again right after a
  file is added and right after it is removed (one run each: the corpus checked, parsed and listed
  again), and a bare
  `python -c "import click, rich.console, rich.table"` to weigh them against on the day.
Bytecode is written on a warm-up run first, as `pip install` does.
Goals (issue 5): index >= 5 MB/s; no-change re-index of 3,000 documents < 2 s; list, search and
compare < 300 ms; peak memory < 1 GB; query times flat as the corpus grows. Issue 16, on 20,000
documents (--sizes 20000): the queries under 4 times a bare start, index >= 10 MB/s, the index file at
most the size of the corpus, a no-change re-index under 2 s.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except (OSError, StopIteration):
            continue
    return total


def timed(args: list[str], env: dict[str, str], watch_memory: bool = False) -> tuple[float, int]:
    """Wall time in ms and peak memory of the process tree in bytes (0 if not watched)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "planctl", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak = 0
    while watch_memory and proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.1)
    proc.wait()
    elapsed = (time.perf_counter() - t) * 1000
    if proc.returncode != 0:
        raise SystemExit(f"planctl {' '.join(args)} failed: {proc.stderr.read().decode()}")
    return elapsed, peak


def median(args: list[str], env: dict[str, str], repeat: int = 5) -> float:
    return statistics.median(timed(args, env)[0] for _ in range(repeat))


def bare_start(env: dict[str, str], repeat: int = 5) -> float:
    """A bare `python -c "import click, rich.console, rich.table"`, in ms: the yardstick of the day."""
    args = [sys.executable, "-c", "import click, rich.console, rich.table"]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(args, env=env, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def places(folder: Path) -> tuple[str, str]:
    names = sorted({p.name.split("_")[1] for p in folder.rglob("*.txt")})
    return names[0], names[len(names) // 2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="planctl-scale-"))
    print(f"{'docs':>5} {'MB':>6} {'index s':>8} {'MB/s':>6} {'peak MB':>8} {'re-index ms':>11} {'list ms':>8} "
          f"{'list text ms':>12} {'search ms':>9} {'compare 1st':>11} {'compare ms':>10} {'themes ms':>9} "
          f"{'reuse ms (1st)':>8} {'reuse corpus ms (1st)':>15} {'compare after +1/-1 file':>24} {'bare ms':>7} "
          f"{'index MB':>9}")
    for n in args.sizes:
        folder, cache = work / f"corpus{n}", work / f"cache{n}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        size = make(n, folder)
        env = {**os.environ, "PLANCTL_CACHE_DIR": str(cache), "PLANCTL_CORPUS": str(folder), "COLUMNS": "120"}
        # pip compiles bytecode at install; a machine with PYTHONDONTWRITEBYTECODE=1 would otherwise
        # recompile planctl and its libraries on every run and time the compiler, not planctl.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timed(["--help"], env)
        index_ms, peak = timed(["index", str(folder), "--quiet"], env, watch_memory=True)
        reindex = median(["index", str(folder), "--quiet"], env)
        listing = median(["list", "--format", "csv"], env)
        listing_text = median(["list"], env)  # the aligned columns a terminal shows
        search = median(["search", "营商环境", "--format", "json"], env)
        a, b = places(folder)
        compare_args = ["compare", a, b, "--theme", "营商环境", "--format", "json"]
        first, _ = timed(compare_args, env)
        compare = median(compare_args, env)
        themes = median(["themes", a, "--format", "json"], env)
        # reuse keeps its counts for the corpus: the first run of a pair (or of one plan) is reported apart
        reuse_first, _ = timed(["reuse", a, b, "--format", "json"], env)
        reuse = median(["reuse", a, b, "--format", "json"], env)
        corpus_first, _ = timed(["reuse", a, "--format", "json"], env)
        reuse_corpus = median(["reuse", a, "--format", "json"], env, repeat=3)  # one plan: against the corpus
        # A file added, then removed: the next compare checks, parses and lists the corpus again, and may count
        # the term weights of a changed sample.
        added = folder / "added_by_bench.txt"
        source = next(folder.rglob("*.txt"))
        text = source.read_text(encoding="utf-8") + "\n十、附则\n本规划自印发之日起实施。\n"  # a new text
        added.write_text(text, encoding="utf-8")
        after_add, _ = timed(compare_args, env)
        added.unlink()
        after_remove, _ = timed(compare_args, env)
        bare = bare_start(env)
        db = sum(f.stat().st_size for f in cache.glob("index.sqlite*"))
        print(f"{n:>5} {size / 1e6:>6.1f} {index_ms / 1000:>8.1f} {size / 1e6 / (index_ms / 1000):>6.1f} "
              f"{peak / 1e6:>8.0f} {reindex:>11.0f} {listing:>8.0f} {listing_text:>12.0f} "
              f"{search:>9.0f} {first:>11.0f} {compare:>10.0f} {themes:>9.0f} "
              f"{reuse:>8.0f} ({reuse_first:.0f}) {reuse_corpus:>15.0f} ({corpus_first:.0f}) "
              f"{after_add:>13.0f} / {after_remove:<8.0f} {bare:>7.0f} {db / 1e6:>9.0f}", flush=True)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
