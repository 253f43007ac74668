"""Reading text in whatever state it arrives: encodings, line ends, widths, markup."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, sample

from planctl.decoding import NotTextError, decode
from planctl.parser import parse_bytes, parse_text
from planctl.targets import extract

PLAN = (
    "（辽宁省）某某市示范区国民经济和社会发展第十四个五年规划纲要\n"
    "第一章　发展基础\n"
    "第一节 主要成就\n"
    "经济实力稳中向好。地区生产总值达到３２ 亿元,增长５％。\n"
    "（一）优化营商环境。全面推进政务服务。\n"
    "二○三五年远景目标。展望未来。\n"
)


def shape(doc):
    return [(s.label, s.title, [p.text for p in s.paragraphs]) for _, s in doc.walk()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_every_encoding_outlines_the_same(encoding):
    reference = parse_text(PLAN)
    doc = parse_bytes(PLAN.encode(encoding))
    assert shape(doc) == shape(reference)
    assert doc.title == reference.title


def test_big5_traditional_text_is_decoded_and_simplified():
    text = "興隆臺區國民經濟和社會發展第十四個五年規劃綱要\n第一章 發展基礎\n經濟實力穩中向好。產業體系基本形成。\n"
    doc = parse_bytes(text.encode("big5"))
    assert doc.encoding == "big5"
    assert doc.traditional
    assert doc.sections[0].title == "发展基础"
    assert doc.sections[0].paragraphs[0].topic == "经济实力稳中向好"
    assert doc.place.county == "兴隆台区"


def test_crlf_and_lf_give_the_same_outline():
    assert shape(parse_bytes(PLAN.replace("\n", "\r\n").encode())) == shape(parse_text(PLAN))


def test_whole_sample_in_gb18030_matches_utf8():
    text = SAMPLES["002"].read_text(encoding="utf-8")
    assert shape(parse_bytes(text.encode("gb18030"))) == shape(sample("002"))


def test_full_width_forms_and_stray_spaces_are_normalised():
    doc = parse_text(PLAN)
    chapter = doc.sections[0]
    assert chapter.label == "第一章" and chapter.title == "发展基础"
    section = chapter.children[0]
    assert section.paragraphs[0].text == "经济实力稳中向好。地区生产总值达到32亿元,增长5%。"
    assert section.children[0].label == "(一)"
    assert "二〇三五年远景目标" in section.children[0].paragraphs[-1].text


def test_pinyin_glosses_go_and_real_parentheses_stay():
    doc = parse_text("區(qū)域發(fā)展(一)規劃(GDP)(2022年更新)\n")
    text = doc.front_matter[0].text if doc.front_matter else doc.preamble[0].text
    assert text == "区域发展(一)规划(GDP)(2022年更新)"


def test_markdown_input():
    text = "---\ntitle: x\n---\n# 某某区政府工作报告\n\n## **一、过去一年工作回顾**\n\n- 经济运行稳中向好。增长5%。\n"
    doc = parse_text(text)
    assert doc.title == "某某区政府工作报告"
    assert doc.sections[0].label == "一、" and doc.sections[0].title == "过去一年工作回顾"
    assert doc.sections[0].paragraphs[0].topic == "经济运行稳中向好"


def test_html_input_strips_tags_and_scripts():
    html = (
        "<html><head><title>t</title><script>var a='第一章 假';</script></head><body>"
        "<div class='nav'>当前位置: 首页 > 规划</div><h1>某某区国民经济和社会发展第十四个五年规划纲要</h1>"
        "<p>第一章 发展基础</p><p>经济实力稳中向好。增长5%。</p></body></html>"
    )
    doc = parse_text(html)
    assert doc.title == "某某区国民经济和社会发展第十四个五年规划纲要"
    assert [s.title for s in doc.sections] == ["发展基础"]
    assert "假" not in repr(doc.to_dict())


def test_html_a_plan_pasted_whole_into_a_div_keeps_its_lines():
    # No <p> around the text: its line breaks are all the structure it has (杭州市's 2026 plan page).
    body = "到2030年,全市基本实现社会主义现代化,人均地区生产总值达到中等发达国家水平。"
    flowing = "一段在网页源码里折行的文字,浏览器把它显示为一行,因为段落里的换行只是空白。"
    html = (
        "<html><body><div class='nav'>首页</div><div class='content'>\n某某市国民经济和社会发展第十五个五年规划纲要\n"
        f"第一章 发展基础\n综合实力迈上新台阶。地区生产总值增长5%。\n第二章 主要目标\n{body}\n</div>"
        f"<p>{flowing[:25]}\n{flowing[25:]}</p><pre>一行\n两行</pre></body></html>"
    )
    doc = parse_text(html)
    assert [s.title for s in doc.sections] == ["发展基础", "主要目标"]
    assert [p.text for p in doc.sections[1].paragraphs] == [body, flowing, "一行", "两行"]


def test_html_table_cells_holding_paragraphs_stay_one_row():
    html = (
        "<html><body><p>第一章 主要指标</p><table><tr><td><p>指标</p></td><td><p>2025年</p><p>完成值</p></td></tr>"
        "<tr><td><p>地区生产总值</p></td><td><p>3.2</p></td></tr></table></body></html>"
    )
    (table,) = parse_text(html).sections[0].tables
    assert table.rows == [["指标", "2025年完成值"], ["地区生产总值", "3.2"]]


def test_html_cells_spanning_rows_and_columns_keep_every_row_in_its_columns():
    html = (
        "<html><body><p>第一章 “十五五”时期的主要指标</p><table>"
        "<tr><td colspan='5'>专栏1 主要指标</td></tr>"
        "<tr><td>类别</td><td colspan='2'>指标</td><td>单位</td><td>2030年目标</td></tr>"
        "<tr><td rowspan='2'>经济发展</td><td>1.</td><td>全员劳动生产率</td><td>万元/人</td><td>36</td></tr>"
        "<tr><td>2.</td><td>工业总产值</td><td>万亿元</td><td>3</td></tr>"
        "<tr><td>民生</td><td>3.</td><td>城镇新增就业</td><td rowspan='2'>万人</td><td>40</td></tr>"
        "<tr><td>民生</td><td>4.</td><td>技能人才</td><td>60</td></tr>"
        "</table></body></html>"
    )
    chapter = parse_text(html).sections[0]
    (table,) = chapter.tables
    assert table.caption == "专栏1 主要指标"  # a cell across the table is a line of text, not a row
    assert table.rows == [
        ["类别", "指标", "", "单位", "2030年目标"],
        ["经济发展", "1.", "全员劳动生产率", "万元/人", "36"],
        ["", "2.", "工业总产值", "万亿元", "3"],
        ["民生", "3.", "城镇新增就业", "万人", "40"],
        ["民生", "4.", "技能人才", "", "60"],
    ]


def test_html_a_bar_inside_a_cell_does_not_cut_it_in_two():
    html = ("<html><body><p>第一章 “十五五”时期的主要指标</p><table><tr><td>指标</td><td>2030年目标</td></tr>"
            "<tr><td>PM2.5|PM10年均浓度</td><td>30</td></tr></table></body></html>")
    (table,) = parse_text(html).sections[0].tables
    assert table.rows == [["指标", "2030年目标"], ["PM2.5/PM10年均浓度", "30"]]


def test_html_a_table_laying_out_a_page_keeps_its_paragraphs():
    paragraphs = [f"第{n}段:全面推进乡村振兴,加快建设农业强省,坚持农业农村优先发展,巩固拓展脱贫攻坚成果。" * 2
                  for n in (1, 2)]
    html = ("<html><body><table><tr><td>首页</td><td><p>第一章 乡村振兴</p>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td></tr></table></body></html>")
    (chapter,) = parse_text(html).sections
    assert [p.text for p in chapter.paragraphs] == paragraphs


def test_em_spaces_that_indent_a_paragraph_are_spaces():
    text = "“十四五”时期,全市经济社会发展取得新的重大成就,综合实力迈上新台阶。"
    doc = parse_text(f"某某市规划纲要\n\u2003\u2003一、砥砺五载耕实景\n\u2003\u2003{text}\n")
    found = [(s.label, s.title, [p.text for p in s.paragraphs]) for s in doc.sections]
    assert found == [("一、", "砥砺五载耕实景", [text])]


def test_a_title_on_two_lines_is_joined_where_the_contents_has_it_whole():
    doc = parse_text(
        "某某市国民经济和社会发展第十五个五年规划纲要\n目 录\n"
        "第一篇 立足新起点,建设世界一流的社会主义现代化国际大都市\t1\n第二篇 坚持创新驱动\t13\n"
        "第一篇 立足新起点,建设\n世界一流的社会主义现代化国际大都市\n“十五五”时期是关键时期。\n"
        "第二篇 坚持创新驱动\n全力打造创新高地\n创新是第一动力。\n"
    )
    assert doc.toc[1:] == ["第一篇 立足新起点,建设世界一流的社会主义现代化国际大都市", "第二篇 坚持创新驱动"]
    assert [s.title for s in doc.sections] == ["立足新起点,建设世界一流的社会主义现代化国际大都市", "坚持创新驱动"]
    # A line under a title that the contents does not have with it is the section's text.
    assert [p.text for p in doc.sections[1].paragraphs] == ["全力打造创新高地", "创新是第一动力。"]


@pytest.mark.parametrize("first", ["前言", "第一章 发展基础"])
def test_unnumbered_contents_entries_are_entries(first):
    # 前言 and 名词解释 are listed in the contents without a number and begin blocks of the body further on.
    entries = ["前言", "第一章 发展基础", "第二章 主要目标", "名词解释"][["前言", "第一章 发展基础"].index(first):]
    doc = parse_text(
        "某某市国民经济和社会发展第十五个五年规划纲要\n目 录\n" + "\n".join(entries) + "\n"
        + ("前言\n本纲要是未来五年的行动纲领。\n" if first == "前言" else "")
        + "第一章 发展基础\n综合实力迈上新台阶。\n第二章 主要目标\n到2030年基本实现现代化。\n"
        "名词解释\n1.双碳:碳达峰和碳中和。\n"
    )
    assert doc.toc == ["目录", *entries]
    assert [s.heading for s in doc.sections] == [*(["前言"] if first == "前言" else []),
                                                 "第一章 发展基础", "第二章 主要目标", "名词解释"]
    assert doc.sections[-1].kind == "glossary"


@pytest.mark.parametrize("title", ["※名词解释※", "附:名词解释", "【名词解释】", "※注释※", "附件一:名词解释",
                                   "附:短语说明"])
def test_a_glossary_set_off_by_marks_or_attached_is_a_glossary_of_its_notes(title):
    doc = parse_text(
        "某某县政府工作报告\n一、2026年工作安排\n新增高新技术企业10家。\n"
        f"{title}\n[1]“六稳”“六保”任务:“六稳”即稳就业、稳金融。\n[2]“独角兽”企业:指估值超过10亿美元的未上市企业。\n"
    )
    glossary = doc.sections[-1]
    assert (glossary.kind, glossary.title) == ("glossary", title)
    assert [(g.label, g.term) for g in glossary.glossary] == [("[1]", "“六稳”“六保”任务"), ("[2]", "“独角兽”企业")]
    assert doc.sections[0].paragraphs[-1].text == "新增高新技术企业10家。"  # the notes are not the body's
    assert [t.indicator for t in extract(doc)] == ["新增高新技术企业"]  # nor their figures targets


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # named after the document it explains, an appendix's title over two lines, a heading above indicators
        (["《政府工作报告》名词解释"], "《政府工作报告》名词解释"),
        (["附件", "《政府工作报告》有关内容名词注释"], "附件 《政府工作报告》有关内容名词注释"),
        (["附录", "《纲要》有关指标及名词解释"], "附录 《纲要》有关指标及名词解释"),
    ],
)
def test_a_glossary_named_after_its_document_takes_its_entries_whatever_their_layout(lines, title):
    doc = parse_text(
        "某某县政府工作报告\n一、2026年工作安排\n新增高新技术企业10家。\n" + "\n".join(lines) + "\n"
        "1.“四上”企业:\n对达到一定规模、资质或限额的法人单位的一种习惯称谓。\n"  # the definition on the next line
        "2.[三个收官]即实现脱贫攻坚、全面建成小康社会。\n"  # the term in brackets
        "[3] :“四个不摘”:即摘帽不摘责任。\n"
    )
    glossary = doc.sections[-1]
    assert (len(doc.sections), glossary.kind, glossary.title) == (2, "glossary", title)
    assert [(g.label, g.term, g.definition) for g in glossary.glossary] == [
        ("1.", "“四上”企业", "对达到一定规模、资质或限额的法人单位的一种习惯称谓。"),
        ("2.", "三个收官", "即实现脱贫攻坚、全面建成小康社会。"),
        ("[3]", "“四个不摘”", "即摘帽不摘责任。"),
    ]
    assert not glossary.paragraphs and not glossary.children


def test_an_appendix_with_text_is_no_title_of_the_glossary_after_it():
    doc = parse_text("某某县规划\n一、总体要求\n加快发展。\n附件\n重大项目表见附表。\n"
                     "名词解释\n1.双碳:碳达峰和碳中和。\n")
    assert [(s.kind, s.title) for s in doc.sections[1:]] == [("appendix", "附件"), ("glossary", "名词解释")]


def _section(text: str):
    """The one numbered section of a report body: (its title, [(topic, text) of each paragraph])."""
    doc = parse_text("某某县政府工作报告\n各位代表:\n" + text)
    (section,) = [s for _, s in doc.walk() if s.label]
    return section.title, [(p.topic, p.text) for p in section.paragraphs]


@pytest.mark.parametrize(
    ("line", "title", "body"),
    [
        # Full-width ； and ！ (half-width once normalised) end a title as 。 does.
        ("7．实施公路安全生命防护工程1500公里；开展城市重点区域交通通行质量提升行动。",
         "实施公路安全生命防护工程1500公里", "开展城市重点区域交通通行质量提升行动。"),
        ("1．坚持创新驱动！加快建设创新型县。", "坚持创新驱动", "加快建设创新型县。"),
        # A colon before the first sentence end: a term and what it means.
        ("二、主要目标：到2025年，全县地区生产总值达到300亿元。",
         "主要目标", "到2025年,全县地区生产总值达到300亿元。"),
        ("9．“三线一单”：指生态保护红线、环境质量底线；资源利用上线。",
         "“三线一单”", "指生态保护红线、环境质量底线;资源利用上线。"),
    ],
)
def test_a_title_ends_at_the_first_sentence_end_or_colon(line, title, body):
    found, paragraphs = _section(line + "\n")
    assert (found, [text for _, text in paragraphs]) == (title, [body])


def test_text_after_a_title_on_its_line_does_not_lead_the_next_paragraph():
    _, paragraphs = _section("(一)深化改革。推进重点领域改革。\n持续打好污染防治攻坚战。抓好秸秆禁烧。\n")
    assert paragraphs == [
        ("推进重点领域改革", "推进重点领域改革。"),
        ("持续打好污染防治攻坚战", "持续打好污染防治攻坚战。抓好秸秆禁烧。"),
    ]


def test_lead_phrases_are_sentences_of_their_own():
    _, paragraphs = _section(
        "一、今年工作安排\n"
        "构建办事方便的营商环境。深化“放管服”改革。\n"
        "保定要强，农业必须强；保定要富，农民必须富。\n"  # a list of clauses, not a lead phrase
        "各位代表！蓝图已经绘就，实干创造未来。\n"  # an address to the audience
    )
    assert [topic for topic, _ in paragraphs] == ["构建办事方便的营商环境", None, None]


def test_a_titles_explanation_is_its_own_paragraph_and_no_lead_phrase():
    _, paragraphs = _section(
        "4．全域美丽：融合山水与人文特色，激发多片特色发展的魅力圈。\n\n"
        "推动中部地区功能与活力焕新。进一步提升高能级要素、高品质环境。\n"
    )
    assert paragraphs == [
        (None, "融合山水与人文特色,激发多片特色发展的魅力圈。"),
        ("推动中部地区功能与活力焕新", "推动中部地区功能与活力焕新。进一步提升高能级要素、高品质环境。"),
    ]


def test_a_damaged_line_after_a_short_title_is_not_joined_to_it():
    title, paragraphs = _section("一、工作回顾\n\ufffd\ufffd\ufffd broken bytes 经济\n过去一年，全县经济稳中有进。\n")
    assert title == "工作回顾"
    assert paragraphs[0][1] == "\ufffd\ufffd\ufffd broken bytes 经济"


def test_a_question_mark_ending_a_question_is_no_damage_one_inside_a_word_is():
    doc = parse_text("某某县政府工作报告\n一、工作回顾\n长者模式 是否继续?\n我们拿什么回报人民的馈赠呢?我们要实干。\n"
                     "优化营?环境。\n")
    assert [w.message for w in doc.warnings] == [
        "damaged text “优化营?环境。” (mis-converted bytes in the file); kept as is"]


def test_character_references_left_by_a_web_page_are_decoded_in_plain_text():
    doc = parse_text(
        "某某县2019年政府工作报告\n某某县人民政府县长&nbsp;张三\n&nbsp;\n一、工作回顾\n"
        "研发(R&D)投入增长5%&#65292;居全市第一&#10;。\n"
    )
    assert [p.text for p in doc.front_matter] == ["某某县2019年政府工作报告", "某某县人民政府县长张三"]
    (section,) = doc.sections
    assert [(p.text, p.line) for p in section.paragraphs] == [("研发(R&D)投入增长5%,居全市第一。", 5)]


def test_numbers_inside_sentences_are_not_headings():
    doc = parse_text("第一章 目标\n1.5亿元的投资已经到位。\n2020年完成建设。\n5G基站建成100个。\n")
    assert [s.label for _, s in doc.walk()] == ["第一章"]
    assert len(doc.sections[0].paragraphs) == 3


def test_a_title_opening_on_a_numeral_is_a_heading_a_list_of_numerals_is_not():
    doc = parse_text(
        "某省政府工作报告\n一、一年接着一年干,新进展新成效\n一年来成绩显著。\n二、2026年主要任务\n"
        "一、二季度经济增长5%。\n二、三产业融合发展。\n三、千方百计促进经济增长\n正文。\n四、二〇二七年展望\n正文。\n"
    )
    assert [s.title for s in doc.sections] == ["一年接着一年干,新进展新成效", "2026年主要任务", "千方百计促进经济增长",
                                               "二〇二七年展望"]
    assert "".join(p.text for p in doc.sections[1].paragraphs) == "一、二季度经济增长5%。二、三产业融合发展。"


def test_a_work_reports_parts_titled_without_numbers_hold_its_numbered_sections():
    doc = parse_text(
        "某某县2025年政府工作报告\n各位代表:\n2024年工作回顾\n一年来,地区生产总值增长5.2%。\n"
        "2025年工作安排\n今年主要预期目标是:地区生产总值增长6%。\n(一)壮大实体经济\n新增规上企业10家。\n"
        "加强政府自身建设\n始终把忠诚作为为政之魂。\n附件1\n2025年十件民生实事\n1.新建幼儿园3所。\n"
    )
    assert [(s.kind, s.title, [c.title for c in s.children]) for s in doc.sections] == [
        ("section", "2024年工作回顾", []), ("section", "2025年工作安排", ["壮大实体经济"]),
        ("section", "加强政府自身建设", []), ("appendix", "附件1", ["新建幼儿园3所"]),
    ]
    # a part on the year before is its results, not targets
    assert [(t.indicator, t.display(), t.year) for t in extract(doc)][:2] == [
        ("地区生产总值", "+6%", 2025), ("新增规上企业", "10家", 2025)]


def test_a_part_right_under_the_title_opens_the_body_not_the_title_block():
    doc = parse_text("某县2025年政府工作报告\n2024年工作回顾\n一年来,地区生产总值增长5%。\n"
                     "2025年工作安排\n地区生产总值增长6%。\n")
    assert [p.text for p in doc.front_matter] == ["某县2025年政府工作报告"]
    assert [s.title for s in doc.sections] == ["2024年工作回顾", "2025年工作安排"]


def test_parts_named_as_a_review_or_proposals_and_an_appendix_numbered_afresh():
    doc = parse_text(
        "某省2003年政府工作报告\n各位代表:\n过去五年回顾和2002年工作情况\n一、经济持续快速发展\n生产总值增长9.6%。\n"
        "对今后五年和2003年政府工作的建议\n一、扩大内需\n国内生产总值增长9%。\n二、增加农民收入\n正文。\n"
        "附件1\n2003年十件民生实事\n一、稳定和扩大就业\n新增就业10万人。\n二、实施交通惠民工程\n正文。\n"
    )
    assert [(s.kind, s.title, [c.title for c in s.children]) for s in doc.sections] == [
        ("section", "过去五年回顾和2002年工作情况", ["经济持续快速发展"]),
        ("section", "对今后五年和2003年政府工作的建议", ["扩大内需", "增加农民收入"]),
        ("appendix", "附件1", ["稳定和扩大就业", "实施交通惠民工程"]),  # 一、 again: the appendix's own numbering
    ]
    assert [(t.indicator, t.display()) for t in extract(doc)][:1] == [("国内生产总值", "+9%")]  # not the review's


def test_one_line_table_of_contents():
    doc = parse_text(
        "某某区规划纲要\n目录 第一章 总体要求 第二章 主要任务\n第一章 总体要求\n正文。\n第二章 主要任务\n正文。\n"
    )
    assert doc.toc == ["第一章 总体要求", "第二章 主要任务"]
    assert [s.label for s in doc.sections] == ["第一章", "第二章"]


def test_numbering_restarts_in_an_appendix():
    doc = parse_text("一、总体要求\n(一)指导思想\n正文。\n附件\n1.重点项目表\n2.资金安排\n")
    appendix = doc.sections[-1]
    assert appendix.kind == "appendix"
    assert [c.label for c in appendix.children] == ["1.", "2."]


def test_a_boxs_numbered_items_are_its_text_not_headings():
    doc = parse_text(
        "第四章 建设先进制造业基地\n第二节 实施新兴产业登高计划\n聚焦人工智能、生物医药。\n"
        "专栏3 “1026”先进制造业集群体系\n产业集群    产业链\n1．人工智能（软件和信息服务）    1．人工智能\n"
        "    2．工业软件\n2．智能电网    3．智能电网高端装备及系统\n"  # two columns copied side by side
        "第三节 实施未来产业蓄能计划\n1.未来制造\n布局人形机器人。\n"  # the text's own 1. after the box
        "专栏4 重点领域\n\n1.信息服务\n提升软件能力。\n"  # a blank line ends a box
        "专栏5 加快重点产业空间聚集发展 集成电路以张江、临港、嘉定为核心,生物医药以张江为核心。\n"
        "2.深入实施扩大内需战略\n坚持惠民生和促消费。\n"  # a box written on one line is over; 2. is the text's
    )
    assert [s.heading for _, s in doc.walk()] == [
        "第四章 建设先进制造业基地", "第二节 实施新兴产业登高计划", "第三节 实施未来产业蓄能计划", "1.未来制造",
        "1.信息服务", "2.深入实施扩大内需战略",
    ]
    second = doc.sections[0].children[0]
    assert [p.text for p in second.paragraphs] == ["聚焦人工智能、生物医药。"]  # the box's title is not its text
    (table,) = second.tables  # the box's columns, set apart by spaces
    assert table.caption == "专栏3 “1026”先进制造业集群体系"
    assert table.rows[-2:] == [["", "2.工业软件"], ["2.智能电网", "3.智能电网高端装备及系统"]]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00", ".docx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_binary_files_are_refused_with_what_to_do(data, fragment):
    with pytest.raises(NotTextError, match=fragment):
        decode(data)
