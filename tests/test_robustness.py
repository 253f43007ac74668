"""Nasty input: every case gets a correct result or one clear line and the right exit code."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, sample
from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.cli import cli
from planctl.parser import parse_bytes
from planctl.passage_themes import ON_THEME, PlanPassages, document_features
from planctl.themes import load_theme_map

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "the file is empty; nothing to outline"),
        ("blank_lines.txt", "the file is empty; nothing to outline"),
        ("image.png", "not a text document: this is a PNG image, not a text document"),
        ("report.pdf", "the PDF is damaged and cannot be read; export or download it again"),
        ("plan.docx", "the .docx is damaged or incomplete; open it in Word or WPS and save it again"),
        ("nul.bin", "not a text document: it contains NUL bytes, so it is a binary file, not a text document"),
    ],
)
def test_unusable_files_are_refused_in_one_line(name, message):
    path = FIXTURES / name
    result = run("outline", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {path}: {message}\n")


@pytest.mark.parametrize(
    ("name", "claimed"),
    [
        ("report.pdf", ".pdf but not a PDF (a PDF begins with %PDF)"),
        ("Report.DOCX", ".docx but not a Word document (a .docx is a zip package holding word/)"),
        ("report.doc", ".doc but not a Word document (a .doc is an Office file holding a WordDocument stream)"),
    ],
)
def test_a_file_not_of_the_format_its_name_promises_is_named_so(tmp_path, name, claimed):
    path = tmp_path / name
    path.write_bytes(random.Random(3).randbytes(3000))
    result = run("outline", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: {path}: named {claimed}, and not text either: it contains NUL bytes, so it is a binary "
               "file, not a text document; download or export it again\n")
    plan = "某某区国民经济和社会发展第十四个五年规划纲要\n第一章 优化营商环境\n营商环境持续优化。\n"
    path.write_text(plan, encoding="utf-8")
    assert "优化营商环境" in run("outline", str(path), "--format", "csv").stdout  # text under such a name is read


def test_a_zip_that_is_no_word_document_gets_one_piece_of_advice(tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")  # an Excel file
    what = "this is a zip archive holding no Word document (an Excel or PowerPoint file, or another archive)"
    for name, rest in [
        ("plan.docx", "named .docx but not a Word document (a .docx is a zip package holding word/), and not text "
                      f"either: {what}; download or export it again"),
        ("plan.txt", f"not a text document: {what}; planctl reads .txt, .md, .html, .pdf, .docx, .doc"),
    ]:
        path = tmp_path / name
        path.write_bytes(archive.getvalue())
        result = run("outline", str(path))
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {path}: {rest}\n")


@pytest.mark.parametrize(("bom", "name"), [(b"\xff\xfe\x00\x00", "UTF-32"), (b"\xfe\xff", "UTF-16"),
                                           (b"\xef\xbb\xbf", "UTF-8")])
def test_random_bytes_behind_a_byte_order_mark_are_refused(tmp_path, bom, name):
    path = tmp_path / "noise.txt"
    path.write_bytes(bom + random.Random(7).randbytes(3000))
    result = run("outline", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: {path}: not a text document: it begins with a {name} byte-order mark but what follows is "
               f"not {name} text, so it is a binary file, not a text document\n")
    plan = "某某区国民经济和社会发展第十四个五年规划纲要\n第一章 优化营商环境\n营商环境持续优化。\n"
    for encoding in ("utf-32", "utf-16", "utf-8-sig"):  # the same plan behind its mark is read
        path.write_bytes(plan.encode(encoding))
        assert "优化营商环境" in run("outline", str(path), "--format", "csv").stdout


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n  \n", b"\xff\xfe"])
def test_a_file_of_nothing_but_a_byte_order_mark_is_empty(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    result = run("outline", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: {path}: the file is empty; nothing to outline\n")


@pytest.mark.parametrize("name", ["gbk.txt", "big5.txt", "utf16.txt", "crlf_bom.txt", "mixed.txt"])
def test_every_encoding_gives_the_same_outline(name):
    result = run("outline", str(FIXTURES / name), "--format", "csv")
    assert result.exit_code == 0
    titles = [line.split(",")[2] for line in result.stdout.splitlines()[1:]]
    assert titles == ["发展基础", "优化营商环境"]


def test_mixed_encodings_are_reported():
    result = run("outline", str(FIXTURES / "mixed.txt"), "--format", "json")
    assert result.stderr == (
        f"warning: {FIXTURES / 'mixed.txt'}:2: mixed encodings: line(s) 2, 3 are gb18030, the rest UTF-8; "
        "decoded each part with its own encoding\n"
    )


def test_big5_traditional_place_is_simplified():
    result = run("outline", str(FIXTURES / "big5.txt"), "--format", "json")
    assert '"county": "兴隆台区"' in result.stdout


def test_html_page_is_stripped_to_the_plan():
    result = run("outline", str(FIXTURES / "page.html"), "--format", "csv")
    assert result.exit_code == 0
    assert "假标题" not in result.stdout and "ICP" not in result.stdout
    assert [line.split(",")[2] for line in result.stdout.splitlines()[1:]] == ["发展基础", "优化营商环境"]


def test_no_headings_only_table_only_glossary():
    assert "no headings found" in run("outline", str(FIXTURES / "no_headings.txt")).stdout
    markdown = run("outline", str(FIXTURES / "no_headings.txt"), "--format", "markdown").stdout
    assert markdown.rstrip().endswith("No headings found: 2 paragraph(s), 0 table(s).")  # not a bare title
    table = run("outline", str(FIXTURES / "only_table.txt"), "--format", "json")
    assert table.exit_code == 0 and '"地区生产总值(亿元)"' in table.stdout
    glossary = run("outline", str(FIXTURES / "only_glossary.txt"), "--format", "json")
    assert glossary.exit_code == 0 and '"term": "放管服"' in glossary.stdout


def test_a_glossary_of_one_entry_says_entry(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("※名词解释※\n[1]“六稳”:稳就业。\n", encoding="utf-8")
    assert "glossary 1 entry\n" in run("outline", str(one)).stdout


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("第一章 总则\n", encoding="utf-8")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = run("outline", str(path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}: permission denied; check the file's permissions\n")


def test_large_file_outlines(tmp_path):
    big = tmp_path / "big.txt"
    body = SAMPLES["001"].read_text(encoding="utf-8").split("\n", 12)[12]  # from the first 第一篇 on
    # 75 copies, each line marked with its copy's number: a text repeated line for line is read once
    copies = ("\n".join(f"{line} {n}" if line.strip() else line for line in body.split("\n")) for n in range(75))
    big.write_text("\n".join(copies) + "\n", encoding="utf-8")  # about 10 MB
    assert big.stat().st_size > 9_000_000
    result = run("outline", str(big), "--depth", "1", "--format", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 3 * 75


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_yaml.yaml", "4: invalid YAML: did not find expected ',' or ']'; check indentation and quoting"),
        ("unknown_key.yaml", "3: unknown key “keyword” in a theme; did you mean “keywords”?"),
        ("duplicate.yaml", "4: duplicate theme name “营商环境” (first at line 2); merge the two or rename one"),
        ("empty_keywords.yaml", "3: theme “营商环境” has an empty keyword list; give at least one keyword"),
        ("wrong_shape.yaml", "2: `themes:` must be a non-empty list of themes (lines starting with `- name:`)"),
    ],
)
def test_bad_theme_maps(name, message):
    path = FIXTURES / name
    result = run("themes", "--check", str(path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}:{message}\n")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("indicators_duplicate.yaml",
         "4: “GDP” is already a name of indicator “地区生产总值” (line 2); each name and alias may appear once"),
        ("indicators_unknown_key.yaml", "3: unknown key “alias” in an indicator; did you mean “aliases”?"),
        ("indicators_wrong_shape.yaml",
         "1: `indicators:` must be a non-empty list of indicators (lines starting with `- name:`)"),
        ("bad_yaml.yaml", "4: invalid YAML: did not find expected ',' or ']'; check indentation and quoting"),
    ],
)
def test_bad_indicator_lists(name, message):
    path = FIXTURES / name
    result = run("targets", "海城", "--indicators", str(path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}:{message}\n")


def test_debug_shows_the_traceback():
    result = CliRunner().invoke(cli, ["--debug", "outline", str(FIXTURES / "empty.txt")])
    assert result.exit_code == 1
    assert result.exception is not None and type(result.exception).__name__ == "PlanctlError"


# -- damaged copies of the samples -----------------------------------------------------------------------

FURNITURE_LINES = ["当前位置: 首页 > 规划计划", "发布日期:2021-10-28 浏览次数:123", "top_img.png", "网站地图",
                   "主办单位:某某区人民政府办公室", "【打印】【关闭】", "ICP备20200123号"]


def shape(doc):
    return [(len(p), s.label, s.title) for p, s in doc.walk()]


def damage(data: str, rng: random.Random) -> tuple[bytes, bool]:
    """A damaged copy; the flag says whether the damage should leave the outline unchanged."""
    lines = data.split("\n")
    kind = rng.choice(["furniture", "encoding", "drop", "join", "shuffle"])
    if kind == "furniture":
        for _ in range(rng.randint(1, 6)):
            lines.insert(rng.randint(0, len(lines)), rng.choice(FURNITURE_LINES))
        return "\n".join(lines).encode(), True
    if kind == "encoding":
        enc = rng.choice(["gb18030", "utf-16", "utf-8-sig"])
        text = "\n".join(lines).replace("\n", rng.choice(["\n", "\r\n"]))
        return text.encode(enc, errors="ignore"), enc != "gb18030"
    if kind == "drop":
        for _ in range(rng.randint(1, 10)):
            lines.pop(rng.randrange(len(lines)))
    elif kind == "join":
        for _ in range(rng.randint(1, 10)):
            i = rng.randrange(len(lines) - 1)
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
    else:
        rng.shuffle(lines)
    return "\n".join(lines).encode(), False


def test_a_thousand_damaged_copies_never_crash():
    rng = random.Random(20261122)
    originals = {k: p.read_text(encoding="utf-8") for k, p in SAMPLES.items()}
    kept_same = 0
    for n in range(1000):
        key = rng.choice(sorted(originals))
        data, unchanged = damage(originals[key], rng)
        doc = parse_bytes(data, f"damaged-{n}")
        doc.to_dict()
        if unchanged:
            assert shape(doc) == shape(sample(key)), (key, n)
            kept_same += 1
    assert kept_same > 200


def test_dropped_lines_leave_the_other_headings_in_place():
    rng = random.Random(7)
    text = SAMPLES["004"].read_text(encoding="utf-8")
    lines = text.split("\n")
    heading_lines = {s.line: (s.label, s.title) for _, s in sample("004").walk()}
    for _ in range(50):
        drop = set(rng.sample(range(len(lines)), 5))
        doc = parse_bytes("\n".join(line for i, line in enumerate(lines) if i not in drop).encode())
        found = {(s.label, s.title) for _, s in doc.walk()}
        survivors = {v for line, v in heading_lines.items() if line - 1 not in drop}
        assert survivors <= found


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_passage_themes_never_raise(text):
    from planctl.parser import parse_text

    tmap = load_theme_map()
    doc = parse_text("第一章 优化营商环境\n" + text)
    found, features = document_features(tmap, doc)
    assert len(found) == len(features)
    plan = PlanPassages("x", found, features, {}, tmap)
    for theme in tmap.themes:
        for tp in plan.on_theme(theme):
            assert tp.score >= ON_THEME and tp.passage in found
