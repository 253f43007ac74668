"""CSV output, quoted so that commas, quotes and line breaks in Chinese text survive."""

from __future__ import annotations

import csv
import io


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return buf.getvalue()
