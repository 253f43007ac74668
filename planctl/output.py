"""Writing results: to stdout, or atomically to a file that is never overwritten unless asked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import PlanctlError


def check_target(path: Path | None, force: bool) -> None:
    """Fail before any work is done if the output file exists and --force was not given."""
    if path is None:
        return
    if path.is_dir():
        raise PlanctlError(f"{path}: is a folder; give a file name for -o")
    if path.exists() and not force:
        raise PlanctlError(f"{path}: already exists; add --force to overwrite it")
    if not path.parent.exists():
        raise PlanctlError(f"{path.parent}: no such folder; create it first")


def write_text(text: str, path: Path | None, force: bool = False) -> None:
    """Write to stdout, or to a temporary file renamed into place so no half-file is ever left."""
    if path is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    check_target(path, force)
    import tempfile  # only when writing a file: 3 ms of every start otherwise

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
