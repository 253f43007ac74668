"""Alignment quality on hand-judged pairs, and properties of the alignment."""

from __future__ import annotations

import itertools

import pytest
from alignment_pairs import GOLD_PAIRS, NON_PAIRS, evaluate, false_alignments

from planctl.align import Item, Similarity, align
from planctl.compare import compare_theme, prepare_plans
from planctl.corpus import open_corpus
from planctl.themes import load_theme_map


@pytest.fixture(scope="module")
def setup():
    corpus = open_corpus()
    return corpus, load_theme_map(), {e.id[:3]: e for e in corpus}


def rows_for(setup, theme, *keys):
    corpus, tmap, ids = setup
    plans = prepare_plans([ids[k] for k in keys], tmap)
    result = compare_theme(corpus, plans, tmap.require(theme))
    return [[c.title if c else None for c in row.cells] for row in result.rows]


def test_hand_judged_pairs_align(setup):
    hits, misses = evaluate(lambda theme, a, b: rows_for(setup, theme, a, b))
    share = hits / len(GOLD_PAIRS)
    # Measured 26/28 (93%) when the weights were set; the README records the figure.
    assert share >= 0.9, misses


def test_non_pairs_do_not_align(setup):
    wrong = false_alignments(lambda theme, a, b: rows_for(setup, theme, a, b))
    assert wrong == [], f"{len(wrong)} of {len(NON_PAIRS)} non-pairs aligned"


def test_alignment_does_not_depend_on_plan_order(setup):
    keys = ["000", "001", "002"]
    reference = None
    for order in itertools.permutations(keys):
        rows = rows_for(setup, "营商环境", *order)
        # Re-key each row by plan so rows can be compared across column orders.
        as_sets = sorted(tuple(sorted((k, t) for k, t in zip(order, row, strict=True) if t)) for row in rows)
        if reference is None:
            reference = as_sets
        assert as_sets == reference


def items(plan, *titles):
    return [Item(plan, t, "", t, "heading", i) for i, t in enumerate(titles)]


def test_one_item_can_answer_two_of_another_plan():
    a = items(0, "优化营商环境")
    b = items(1, "优化政务营商环境", "持续优化营商环境", "发展数字经济")
    rows = align([a, b], Similarity(["优化营商环境", "优化政务营商环境", "持续优化营商环境", "发展数字经济"]))
    pairs = [[c.title if c else None for c in r.cells] for r in rows]
    assert ["优化营商环境", "优化政务营商环境"] in pairs
    assert ["优化营商环境", "持续优化营商环境"] in pairs
    assert [None, "发展数字经济"] in pairs


def test_every_item_appears_and_blanks_mark_missing_counterparts():
    a = items(0, "加快发展数字经济", "推进乡村振兴")
    b = items(1, "大力发展数字经济")
    c = items(2, "全面推进乡村振兴", "建设数字政府")
    sim = Similarity([i.title for i in a + b + c])
    rows = align([a, b, c], sim)
    seen = {cell.title for r in rows for cell in r.cells if cell}
    assert seen == {i.title for i in a + b + c}
    assert [r.cells[1] is None for r in rows].count(True) >= 1
