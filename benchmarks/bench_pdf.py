"""Outline of a text PDF, in pages per second (issue 12: at least 100 pages/s on the 2-core machine).

Two PDFs: a 200-page plan made like the test suite's (tests/docmaker.py: hard-wrapped, justified,
running header and footer; needs the test extra's reportlab) and, when ../shared/corpus is beside
the checkout, the real 13-page 北京 2024 report. Each is outlined in-process (pdfium's text layer,
paragraphs rebuilt from the layout, normalised and parsed); median of 5 runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from docmaker import make_pdf  # noqa: E402

from planctl.documents import parse_data  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from test_formats import PLAN, TITLE  # noqa: E402


def pages_per_second(data: bytes, pages: int, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_data(data, "bench.pdf")
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return pages / median, median * 1000


def main() -> None:
    import pypdfium2 as pdfium

    paragraphs = PLAN * 60
    made = make_pdf(paragraphs, title=TITLE, justified=True)
    cases = [("made: 60 × the test plan, justified", made)]
    real = ROOT.parent / "shared" / "corpus" / "北京市_report_2024.pdf"
    if real.exists():
        cases.append(("real: 北京市 2024 report", real.read_bytes()))
    print("| PDF | pages | ms | pages/s |")
    print("|---|---|---|---|")
    for name, data in cases:
        pages = len(pdfium.PdfDocument(data))
        rate, ms = pages_per_second(data, pages)
        print(f"| {name} | {pages} | {ms:.0f} | {rate:.0f} |")


if __name__ == "__main__":
    main()
