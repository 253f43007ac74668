"""PDF and Word files read like text: the same outline as the same plan given as .txt."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from docmaker import Page, make_docx, make_pdf

from planctl.cli import cli
from planctl.documents import load_document
from planctl.normalize import normalize_chars
from planctl.parser import parse_text
from planctl.pdf import read_pdf
from planctl.targets import extract
from planctl.word import format_number, read_docx

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

TITLE = ["兴安区国民经济和社会发展", "第十四个五年规划纲要"]
PLAN = [
    "第一章 发展基础",
    "“十三五”时期，全区地区生产总值年均增长6.5%，一般公共预算收入达到32.8亿元，城乡居民人均可支配收入分别增长"
    "7.2%和8.1%，经济实力迈上新台阶。",
    "第一节 发展成就",
    "产业结构持续优化。先进制造业集群加快形成，数字经济核心产业增加值占地区生产总值比重达到8.5%，高新技术企业数量"
    "达到126家，比2015年翻了一番。",
    "第二章 总体要求",
    "一、指导思想",
    "坚持稳中求进工作总基调，立足新发展阶段，完整、准确、全面贯彻新发展理念，构建新发展格局，以推动高质量发展为"
    "主题，以深化供给侧结构性改革为主线，以改革创新为根本动力，统筹发展和安全，加快建设现代化经济体系，推进治理"
    "体系和治理能力现代化，实现经济行稳致远、社会安定和谐。",
    "二、主要目标",
    "到2025年，地区生产总值达到480亿元，年均增长6%左右；社会消费品零售总额达到270亿元；研究与试验发展经费投入强度"
    "达到2.5%。",
    "（一）经济发展取得新成效",
    "经济保持持续健康发展，增长潜力充分发挥，产业基础高级化、产业链现代化水平明显提高。",
    "（二）改革开放迈出新步伐",
    "1.营商环境进一步优化。深化“放管服”改革，政务服务事项全部实现“一网通办”，企业开办时间压缩至1个工作日以内。",
    "2.开放型经济水平提升。外贸进出口总额年均增长5%，实际利用外资累计达到3.2亿美元。",
    "第三章 坚持创新驱动发展",
    "把创新摆在现代化建设全局的核心地位，深入实施科教兴区战略、人才强区战略、创新驱动发展战略，完善区域创新体系，"
    "加快建设科技强区。",
]
AS_TEXT = "\n".join(["".join(TITLE), *PLAN])
SMALL = Page(height=400, top=350)  # small pages: the plan runs over three, breaking paragraphs


def shape(doc):
    """What a reader checks of an outline: title, every heading with its level, every paragraph."""
    return (
        doc.title,
        [(s.level, s.heading) for _, s in doc.walk()],
        [p.text for _, s in doc.walk() for p in s.paragraphs],
    )


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def page_texts(data: bytes) -> list[list[str]]:
    pdf = pdfium.PdfDocument(data)
    return [[ln for ln in pdf[i].get_textpage().get_text_range().split("\r\n") if ln.strip()] for i in range(len(pdf))]


# -- PDF ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("justified", [False, True], ids=["ragged", "justified"])
def test_a_pdf_outlines_like_the_same_text(tmp_path, justified):
    data = make_pdf(PLAN, title=TITLE, page=SMALL, justified=justified)
    pages = page_texts(data)
    # The fixture has what makes PDFs hard: wrapped lines, a header and a footer on every page, a
    # paragraph running over a page break, and (justified) spaces between CJK characters.
    assert len(pages) == 3
    assert all(p[0] == "兴安区国民经济和社会发展规划纲要" and p[1] == f"- {n} -" for n, p in enumerate(pages, 1))
    assert sum(len(p) for p in pages) > len(PLAN) + 2 * 3 + 10
    assert any(not p[-1].endswith("。") and not p[-1].startswith(("第", "一", "二", "(", "（")) for p in pages[:-1])
    if justified:
        assert any(" " in line and "-" not in line for p in pages for line in p)

    doc = load_document(write(tmp_path, "plan.pdf", data))
    assert shape(doc) == shape(parse_text(AS_TEXT))
    assert doc.title == "兴安区国民经济和社会发展第十四个五年规划纲要"
    assert doc.encoding == "pdf"
    assert not any("规划纲要" in p.text or "-" in p.text for _, s in doc.walk() for p in s.paragraphs)


def test_a_paragraph_across_a_page_break_is_one_paragraph_on_its_first_page(tmp_path):
    data = make_pdf(PLAN, title=TITLE, page=SMALL)
    pages = page_texts(data)
    broken = next(n for n, p in enumerate(pages[:-1], 1) if not p[-1].endswith("。") and len(p[-1]) > 12)
    tail = pages[broken][2]  # the first body line of the next page (after header and footer)
    doc = load_document(write(tmp_path, "plan.pdf", data))
    para = next(p for _, s in doc.walk() for p in s.paragraphs if normalize_chars(tail) in p.text)
    assert normalize_chars(pages[broken - 1][-1]) in para.text
    assert para.page == broken


def test_sections_carry_their_page(tmp_path):
    data = make_pdf(PLAN, title=TITLE, page=SMALL)
    pages = page_texts(data)
    doc = load_document(write(tmp_path, "plan.pdf", data))
    for _, section in doc.walk():
        on_page = next(n for n, p in enumerate(pages, 1) if any(normalize_chars(x).startswith(section.heading[:6])
                                                                 for x in p))
        assert section.page == on_page, section.heading
    result = run("outline", str(tmp_path / "plan.pdf"), "--format", "json")
    chapters = json.loads(result.stdout)["sections"]
    assert [c["page"] for c in chapters] == [s.page for s in doc.sections] == [1, 1, 2]


def test_a_running_header_on_the_first_page_goes_and_the_title_stays(tmp_path):
    doc = load_document(write(tmp_path, "plan.pdf", make_pdf(PLAN, title=TITLE, page=SMALL)))
    assert doc.title == "兴安区国民经济和社会发展第十四个五年规划纲要"
    assert "兴安区国民经济和社会发展规划纲要" not in [p.text for p in doc.front_matter + doc.preamble]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("scanned", "the PDF has no text layer (a scan); run OCR on it first, e.g. `ocrmypdf in.pdf out.pdf`"),
        ("encrypted", "the PDF is encrypted; open it with its password and save an unprotected copy"),
        ("truncated", "the PDF is damaged and cannot be read; export or download it again"),
    ],
)
def test_unreadable_pdfs_are_one_line_and_exit_1(tmp_path, kind, message):
    if kind == "scanned":
        data = make_pdf(PLAN, scanned=True)
    elif kind == "encrypted":
        data = make_pdf(PLAN, encrypt="secret")
    else:
        data = make_pdf(PLAN)[:400]
    path = write(tmp_path, f"{kind}.pdf", data)
    result = run("outline", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {path}: {message}\n")


def test_a_scanned_pdf_in_a_corpus_is_skipped_with_a_warning(tmp_path):
    write(tmp_path, "plan.pdf", make_pdf(PLAN, title=TITLE, page=SMALL))
    write(tmp_path, "scan.pdf", make_pdf(PLAN, scanned=True))
    write(tmp_path, "plan.docx", make_docx([("p", line) for line in AS_TEXT.split("\n")]))
    result = run("list", "--corpus", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0
    assert sorted(row.split(",")[0] for row in result.stdout.splitlines()[1:]) == ["plan", "plan"] or \
        len(result.stdout.splitlines()) == 3
    assert "scan.pdf" in result.stderr and "no text layer" in result.stderr


# -- Word --------------------------------------------------------------------------------------------

# The same plan with its numbers drawn by Word's automatic numbering, not typed.
NUMBERED = [
    ("p", "".join(TITLE)),
    ("num", (0, "发展基础")), ("p", PLAN[1]),
    ("num", (0, "总体要求")),
    ("num", (1, "指导思想")), ("p", PLAN[6]),
    ("num", (1, "主要目标")), ("p", PLAN[8]),
    ("num", (2, "经济发展取得新成效")), ("p", PLAN[10]),
    ("num", (2, "改革开放迈出新步伐")),
    ("num", (3, PLAN[12].removeprefix("1."))),
    ("num", (3, PLAN[13].removeprefix("2."))),
    ("num", (0, "坚持创新驱动发展")), ("p", PLAN[15]),
]
NUMBERED_TEXT = "\n".join([
    "".join(TITLE), "第一章 发展基础", PLAN[1], "第二章 总体要求", *PLAN[5:9], *PLAN[9:14], *PLAN[14:],
])


def test_word_numbering_is_drawn_into_the_headings(tmp_path):
    doc = load_document(write(tmp_path, "plan.docx", make_docx(NUMBERED)))
    assert shape(doc) == shape(parse_text(NUMBERED_TEXT))
    headings = [s.heading for _, s in doc.walk()]
    assert headings[:4] == ["第一章 发展基础", "第二章 总体要求", "一、指导思想", "二、主要目标"]
    assert doc.encoding == "docx"


def test_word_numbering_restarts_below_a_higher_level(tmp_path):
    blocks = [("num", (0, "甲")), ("num", (1, "子")), ("num", (1, "丑")), ("num", (0, "乙")), ("num", (1, "寅"))]
    text = read_docx(make_docx(blocks)).text
    assert text.split("\n") == ["第一章 甲", "一、 子", "二、 丑", "第二章 乙", "一、 寅"]


@pytest.mark.parametrize(
    ("n", "fmt", "drawn"),
    [(1, "chineseCounting", "一"), (14, "chineseCounting", "十四"), (20, "chineseCountingThousand", "二十"),
     (3, "decimal", "3"), (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"),
     (12, "chineseLegalSimplified", "壹贰"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (5, "bullet", "")],
)
def test_word_number_formats(n, fmt, drawn):
    assert format_number(n, fmt) == drawn


def test_word_tables_heading_styles_and_bold_leads(tmp_path):
    data = make_docx([
        ("p", "兴安区2024年政府工作报告"),
        ("heading", (1, "过去一年的工作")),
        ("bold", ("（一）经济运行稳中向好。", "地区生产总值增长5.2%，规上工业增加值增长6.1%，固定资产投资增长4%。")),
        ("p", "主要指标如下："),
        ("table", [["指标", "2025年目标", "属性"], ["地区生产总值增速", "6%", "预期性"]]),
        ("heading", (1, "今年的工作安排")),
        ("p", "着力扩大有效需求。"),
    ])
    doc = load_document(write(tmp_path, "report.docx", data))
    assert [(s.level, s.heading) for _, s in doc.walk()] == [
        (1, "过去一年的工作"), (2, "(一)经济运行稳中向好"), (1, "今年的工作安排"),
    ]
    first = doc.sections[0].children[0]
    assert [p.text for p in first.paragraphs] == ["地区生产总值增长5.2%,规上工业增加值增长6.1%,固定资产投资增长4%。"]
    assert first.tables[0].rows == [["指标", "2025年目标", "属性"], ["地区生产总值增速", "6%", "预期性"]]


def test_word_merged_cells_keep_every_row_in_its_columns(tmp_path):
    rows = [["类别", "指标", "2025年", "“十五五”目标", ""], ["", "", "", "2030年", "年均[累计]"],
            ["经济发展", "地区生产总值(亿元)", "500", "700", "7%"], ["", "一般公共预算收入(亿元)", "30", "40", "6%"]]
    spans = [((0, 3), (0, 4)), ((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((2, 0), (3, 0))]
    data = make_docx([("p", "第一章 主要指标"), ("merged", (rows, spans))])
    assert read_docx(data).text.split("\n")[1:] == [  # as a web page's colspan and rowspan are read
        "| 类别 | 指标 | 2025年 | “十五五”目标 |  |", "|  |  |  | 2030年 | 年均[累计] |",
        "| 经济发展 | 地区生产总值(亿元) | 500 | 700 | 7% |", "|  | 一般公共预算收入(亿元) | 30 | 40 | 6% |",
    ]
    found = [(t.indicator, t.value, t.year, t.base_value, t.growth) for t in extract(load_document(write(
        tmp_path, "plan.docx", data)))]
    assert found == [("地区生产总值", 700, 2030, 500, 7), ("一般公共预算收入", 40, 2030, 30, 6)]


def test_a_damaged_docx_is_one_line(tmp_path):
    path = write(tmp_path, "broken.docx", make_docx([("p", "一、总则")])[:300])
    result = run("outline", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: ") and "save it again" in result.stderr
    assert result.stderr.count("\n") == 1


DOC_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le")


def test_a_doc_without_antiword_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    path = write(tmp_path, "old.doc", DOC_MAGIC)
    result = run("outline", str(path))
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path}: a legacy Word .doc file; install antiword (e.g. `apt-get install antiword`) "
           "or save it as .docx\n")


def test_a_doc_is_read_through_antiword(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "antiword"  # stands in for antiword: prints the plan as antiword prints a .doc
    (tmp_path / "out.txt").write_text("\n\n".join(AS_TEXT.split("\n")), encoding="utf-8")
    fake.write_text(f"#!/bin/sh\ncat '{tmp_path / 'out.txt'}'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    doc = load_document(write(tmp_path, "old.doc", DOC_MAGIC))
    assert shape(doc) == shape(parse_text(AS_TEXT))
    assert doc.encoding == "doc"


# -- the real files of the shared corpus --------------------------------------------------------------

needs_corpus = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside this checkout")


@needs_corpus
def test_the_real_pdf_outlines_as_its_text_reads():
    doc = load_document(SHARED / "北京市_report_2024.pdf")
    headings = [s.heading for _, s in doc.walk()]
    assert headings[:2] == ["一、2023年工作回顾", "二、2024年重点任务"]
    assert headings[2:] == [
        "(一)持续提升首都功能,推动京津冀协同发展取得新的更大进展",
        "(二)聚力建设国际科技创新中心,进一步壮大发展新动能新优势",
        "(三)做强做优做大数字经济,更好赋能首都高质量发展",
        "(四)全面提升“两区”建设水平,在更高起点上推进改革开放",
        "(五)统筹扩大内需和深化供给侧结构性改革,巩固和增强经济回升向好态势",
        "(六)深入推进全国文化中心建设,繁荣兴盛首都文化",
        "(七)突出加强城市精细化治理,打造更加宜居的城市生活",
        "(八)高质量实施“百村示范、千村振兴”工程,加快城乡融合发展步伐",
        "(九)切实加强生态环境保护,着力建设美丽中国先行区",
        "(十)更加注重保障和改善民生,不断实现人民对美好生活的向往",
        "(十一)加快构建大安全大应急框架,全力维护首都安全稳定",
    ]
    assert [s.page for _, s in doc.walk()] == [1, 5, 6, 6, 7, 8, 8, 9, 9, 10, 11, 11, 12]
    # Every paragraph was rebuilt whole (checked by eye: 91 paragraphs over 13 pages): each is a heading or
    # ends a sentence; no page number or fragment of a line is left.
    extracted = read_pdf((SHARED / "北京市_report_2024.pdf").read_bytes())
    paragraphs = extracted.text.split("\n")
    assert len(paragraphs) == 91
    assert [p for p in paragraphs if not p.endswith(("。", "!", ":"))] == [
        h.replace("2023年", "2023 年").replace("2024年", "2024 年") for h in headings
    ]


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED.glob("*.docx")) if SHARED.is_dir() else [])
def test_a_real_docx_set_as_a_pdf_outlines_the_same(name):
    """Each real .docx report, laid out on pages as a PDF (wrapped, headers, footers), reads back alike."""
    word = load_document(SHARED / name)
    text = read_docx((SHARED / name).read_bytes()).text
    lines = [line.strip("*# ") for line in text.split("\n")]
    pdf = load_document_bytes(make_pdf(lines, header=f"{name[:3]}政府工作报告"))
    assert [s.heading for _, s in pdf.walk()] == [s.heading for _, s in word.walk()]
    assert len([s for _, s in word.walk()]) >= 3


def load_document_bytes(data: bytes):
    from planctl.documents import parse_data

    return parse_data(data, "made.pdf")
