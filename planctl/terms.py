"""Words: segmentation with jieba (cached per document), shared and distinctive terms, word diffs."""

from __future__ import annotations

import difflib
import marshal
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, BinaryIO

from .text import CJK

# Words every plan uses whatever its subject; they are never reported as shared or distinctive.
COMMON_WORDS = frozenset({
    "加强", "推进", "坚持", "推动", "加快", "积极", "大力", "持续", "深入", "不断", "着力", "全面",
    "进一步", "提升", "强化", "完善", "建设", "发展", "实施", "构建", "打造", "提高", "促进", "深化",
    "健全", "优化", "落实", "开展", "推广", "支持", "鼓励", "引导", "培育", "做好", "形成", "实现",
    "确保", "保障", "围绕", "依托", "结合", "按照", "通过", "以及", "我们", "我区", "全区", "全市",
    "我市", "工作", "体系", "机制", "水平", "能力", "质量", "重点", "重要", "主要", "相关", "有关",
    "各类", "各项", "一批", "一流", "一体", "新型", "现代", "高质量", "取得", "成效", "显著", "稳步",
    "有效", "良好", "服务", "管理", "项目", "企业", "社会", "经济", "城市", "城区", "政府", "部门",
    "单位", "地区", "区域", "年度", "期间", "十四五", "十三五", "五年", "同时", "其中", "已经", "正在",
    "进行", "继续", "加大", "力度", "规模", "标准", "方面", "领域", "任务", "目标", "政策", "措施",
    "行动", "工程", "计划", "方案", "基础", "条件", "环境", "作用", "提供",
})

_WORD = re.compile(rf"^([{CJK}]{{2,}}|[A-Za-z][A-Za-z0-9]+|\d+[A-Za-z]+)$")


class _WholeFileMarshal:
    """marshal for jieba's dictionary cache: marshal.load(file) reads a 9 MB file object by object (1.3-1.6 s
    here), marshal.loads of the file's bytes takes 0.4-0.6 s. The same data either way."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file: BinaryIO) -> Any:
        return marshal.loads(file.read())


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import sys
    import warnings

    # jieba finds its own files through pkg_resources when it can import it (0.2 s, and a deprecation
    # warning); when it cannot, it opens them beside its module, which is all it needs.
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.marshal = _WholeFileMarshal

    import logging  # jieba has imported it; planctl asks for it only here (4 ms a start otherwise)

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokenize(text: str) -> list[str]:
    """All words of a text, in order (punctuation dropped)."""
    return [w for w in _jieba().lcut(text) if w.strip() and not re.fullmatch(r"[\W_]+", w)]


def content_words(tokens: list[str]) -> list[str]:
    return [w for w in tokens if _WORD.match(w) and w not in COMMON_WORDS]


@dataclass(frozen=True)
class Term:
    term: str
    weight: float
    counts: tuple[int, ...]  # occurrences in each plan

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "weight": round(self.weight, 4), "counts": list(self.counts)}


def shared_and_distinctive(
    plan_words: list[list[str]], background_df: Counter[str], background_n: int, limit: int = 12
) -> tuple[list[Term], list[list[Term]]]:
    """Terms all plans use, and each plan's own, weighted tf·idf against a background of sections."""
    counts = [Counter(words) for words in plan_words]
    totals = [max(sum(c.values()), 1) for c in counts]

    def idf(term: str) -> float:
        return math.log((1 + background_n) / (1 + background_df.get(term, 0))) + 1.0

    vocab = set().union(*counts) if counts else set()
    shared: list[Term] = []
    distinctive: list[list[Term]] = [[] for _ in counts]
    for term in vocab:
        per_plan = tuple(c.get(term, 0) for c in counts)
        tf = [per_plan[i] / totals[i] for i in range(len(counts))]
        if len(counts) > 1 and all(per_plan):
            shared.append(Term(term, min(tf) * idf(term) * 1000, per_plan))
        present = [i for i, n in enumerate(per_plan) if n]
        if len(present) == 1 and (len(counts) == 1 or per_plan[present[0]] >= 1):
            i = present[0]
            distinctive[i].append(Term(term, tf[i] * idf(term) * 1000, per_plan))

    def top(terms: list[Term]) -> list[Term]:
        return sorted(terms, key=lambda t: (-t.weight, t.term))[:limit]

    return top(shared), [top(d) for d in distinctive]


@dataclass(frozen=True)
class DiffOp:
    op: str  # equal | delete (only in the first text) | insert (only in the second)
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-level inline diff of two texts."""
    ta, tb = _jieba().lcut(a), _jieba().lcut(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(DiffOp("equal", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            ops.append(DiffOp("delete", "".join(ta[i1:i2])))
        if j2 > j1:
            ops.append(DiffOp("insert", "".join(tb[j1:j2])))
    return ops
