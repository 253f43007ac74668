"""Each HTML report opened in headless Chromium: no console errors, nothing wider than a 1280 px window,
and Chinese drawn with real glyphs rather than empty boxes.

Needs Debian's chromium and a CJK font (fonts-noto-cjk); .ci/run installs both and sets
PLANCTL_BROWSER_TESTS=required, so that in CI a missing browser fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planctl.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("PLANCTL_BROWSER_TESTS") == "required"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

REPORTS = {
    "compare-theme": ("compare", "兴隆台", "沙河口", "海城", "--theme", "营商环境"),
    "coverage": ("compare", "兴隆台", "沙河口", "海城", "皇姑"),
    "lineup": ("compare", "海城", "兴隆台:2023", "沙河口", "--targets"),
    "targets": ("targets", "海城"),
    "themes": ("themes", "海城"),
    "theme-passages": ("themes", "皇姑", "--theme", "数字经济"),
    "track": ("track", "兴隆台"),
    "trend": ("trend", "兴隆台:2023", "--theme", "营商环境"),
    "outline": ("outline", "planctl/samples/001_559f3303ea558438.txt", "--topics"),
    "reuse": ("reuse", "兴隆台:2023", "兴隆台:2022", "--new"),
}

# Draw 中, 国 and a code point no font has in the page's own font: without a CJK font the first and the
# last come out as the same empty box.
GLYPHS = """() => {
  const family = getComputedStyle(document.body).fontFamily;
  const draw = (ch) => {
    const c = document.createElement('canvas'); c.width = 64; c.height = 64;
    const g = c.getContext('2d'); g.font = '48px ' + family; g.fillStyle = '#000'; g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data.filter((v, i) => i % 4 === 3));
  };
  const zhong = draw('中'), guo = draw('国'), none = draw(String.fromCodePoint(0x10FFFD));
  const same = (a, b) => a.every((v, i) => v === b[i]);
  return {inked: zhong.some(v => v > 0), distinct: !same(zhong, guo), notBox: !same(zhong, none)};
}"""


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium fonts-noto-cjk)")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("name", list(REPORTS))
def test_the_report_renders_in_a_real_browser(browser, name, tmp_path: Path):
    target = tmp_path / f"{name}.html"
    result = CliRunner().invoke(cli, [*REPORTS[name], "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(f"fetched {r.url}") if not r.url.startswith("file:") else None)
    page.goto(target.as_uri())
    page.wait_for_load_state("load")
    assert errors == []
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] == 1280, f"{name} is {width[0]} px wide in a 1280 px window"
    assert page.evaluate(GLYPHS) == {"inked": True, "distinct": True, "notBox": True}
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    page.emulate_media(media="print")  # and it lays out for print without overflowing either
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.close()
