"""Hand-judged pairs of items that should align across the sample plans, and how to score them.

Each pair: (theme, plan A, item in A, plan B, item in B). An item is a sub-heading or topic phrase
as it appears in a `compare --theme` table. The pairs were read off the samples by hand, not off
planctl's output; the share of them that land in one row is the alignment quality figure in the
README.
"""

from __future__ import annotations

GOLD_PAIRS = [
    ("营商环境", "000", "提升全社会办事方便水平", "001", "构建办事方便的营商环境"),
    ("营商环境", "000", "提高成本竞争能力", "001", "构建成本竞争力强的营商环境"),
    ("营商环境", "001", "构建办事方便的营商环境", "002", "办事方便"),
    ("营商环境", "001", "构建法治良好的营商环境", "002", "法治良好"),
    ("营商环境", "001", "构建成本竞争力强的营商环境", "002", "增强成本竞争力"),
    ("营商环境", "000", "提高成本竞争能力", "002", "增强成本竞争力"),
    ("营商环境", "000", "推进法治社会建设", "002", "法治良好"),
    ("营商环境", "004", "加快社会信用体系建设", "001", "加强诚信海城建设"),
    ("指导思想与目标", "000", "坚持党的领导", "001", "坚持党的全面领导"),
    ("指导思想与目标", "001", "坚持以人民为中心", "002", "坚持以人民为中心"),
    ("指导思想与目标", "001", "坚持新发展理念", "002", "坚持新发展理念"),
    ("指导思想与目标", "001", "坚持系统观念", "004", "坚持系统观念"),
    ("指导思想与目标", "002", "坚持深化改革开放", "004", "坚持深化改革开放"),
    ("指导思想与目标", "000", "坚持党的领导", "004", "坚持党的全面领导"),
    ("社会保障与养老", "000", "完善社会保障体系", "002", "健全多层次社会保障体系"),
    ("社会保障与养老", "000", "开展应对人口老龄化行动", "002", "积极应对人口老龄化"),
    ("社会保障与养老", "001", "积极应对人口老龄化", "002", "积极应对人口老龄化"),
    ("教育", "000", "建成全省一流的现代化教育强区", "001", "积极打造区域教育强市"),
    ("教育", "002", "提升各级教育发展水平", "004", "高品质特色化发展基础教育"),
    ("医疗卫生", "002", "提升医疗卫生服务水平", "004", "高水平全方位提升卫生服务"),
    ("医疗卫生", "000", "优化医疗管理机制", "002", "优化医疗资源配置"),
    ("规划实施", "001", "加强规划衔接", "004", "强化规划衔接落实"),
    ("规划实施", "001", "重视评估监督", "004", "强化实施监督评估"),
    ("规划实施", "001", "重视评估监督", "002", "健全评估机制"),
    ("党的建设", "000", "加强党的全面领导", "001", "坚持和加强党的全面领导"),
    ("党的建设", "002", "加强党的领导", "001", "坚持和加强党的全面领导"),
    ("党的建设", "004", "充分发挥党的领导核心作用", "002", "加强党的领导"),
    ("就业与收入", "001", "全面提升劳动者就业创业能力", "000", "大力促进就业创业"),
]


def evaluate(compare_pair) -> tuple[int, list[tuple[str, ...]]]:
    """Count the gold pairs whose two items share a row; also return the misses.

    `compare_pair(theme, a, b)` returns the rows of a two-plan comparison as lists of two titles
    (None for a blank cell).
    """
    hits = 0
    misses = []
    for theme, a, title_a, b, title_b in GOLD_PAIRS:
        rows = compare_pair(theme, a, b)
        if any(row[0] == title_a and row[1] == title_b for row in rows):
            hits += 1
        else:
            misses.append((theme, a, title_a, b, title_b))
    return hits, misses

# Items of the same theme that are not counterparts: aligning them is a mistake.
NON_PAIRS = [
    ("营商环境", "000", "建设生态宜居兴隆", "001", "构建法治良好的营商环境"),
    ("营商环境", "004", "深化“放管服”改革", "002", "法治良好"),
    ("营商环境", "000", "提高成本竞争能力", "001", "构建办事方便的营商环境"),
    ("指导思想与目标", "001", "坚持系统观念", "002", "坚持新发展理念"),
    ("指导思想与目标", "000", "坚持生态优先", "001", "坚持党的全面领导"),
    ("指导思想与目标", "000", "坚持民生福祉", "004", "坚持解放思想"),
    ("社会保障与养老", "000", "完善社会保障体系", "002", "积极应对人口老龄化"),
    ("规划实施", "001", "推进项目落地", "004", "强化实施监督评估"),
    ("党的建设", "000", "营造良好干事创业环境", "001", "坚持和加强党的全面领导"),
    ("教育", "002", "培养高质量教师队伍", "004", "高品质特色化发展基础教育"),
]


def false_alignments(compare_pair) -> list[tuple[str, ...]]:
    """The non-pairs that a comparison puts in one row."""
    wrong = []
    for theme, a, title_a, b, title_b in NON_PAIRS:
        rows = compare_pair(theme, a, b)
        if any(row[0] == title_a and row[1] == title_b for row in rows):
            wrong.append((theme, a, title_a, b, title_b))
    return wrong
