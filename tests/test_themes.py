"""The theme map: the bundled one, user maps, exact errors, and classification."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import sample

from planctl.cli import cli
from planctl.themes import classify, load_theme_map, parse_theme_map
from planctl.yamlconfig import ConfigError


def test_bundled_map_is_real():
    tmap = load_theme_map()
    assert len(tmap.themes) >= 25
    names = {t.name for t in tmap.themes}
    for needed in ("营商环境", "数字经济", "科技创新", "产业体系", "现代服务业", "对外开放", "区域协调与城镇化",
                   "城市更新与基础设施", "生态环境与绿色低碳", "教育", "医疗卫生", "社会保障与养老", "文化",
                   "社会治理", "安全与应急", "法治", "改革", "党的建设", "规划实施"):
        assert needed in names
    assert tmap.get("乡村振兴").name == "农业农村"  # an alias
    assert len(tmap.parents) >= 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("themes:\n  - name: a\n    keywords: [x\n", "t.yaml:4: invalid YAML"),
        ("themes:\n  - name: a\n    keyword: [x]\n",
         "t.yaml:3: unknown key “keyword” in a theme; did you mean “keywords”?"),
        ("themes:\n  - name: a\n    keywords: []\n",
         "t.yaml:3: theme “a” has an empty keyword list; give at least one keyword"),
        ("themes:\n  - name: a\n    keywords: [x]\n  - name: a\n    keywords: [y]\n",
         "t.yaml:4: duplicate theme name “a” (first at line 2); merge the two or rename one"),
        ("themes:\n  - name: a\n    keywords: [x]\n  - name: b\n    aliases: [a]\n    keywords: [y]\n",
         "t.yaml:4: “a” names both theme “a” (line 2) and “b”; names and aliases must be unique"),
        ("themes: 营商环境\n", "t.yaml:1: `themes:` must be a non-empty list"),
        ("themes:\n  - name: a\n    keywords: x\n", "t.yaml:3: theme “a”'s keywords must be a list"),
        ("themse:\n  - name: a\n", "t.yaml:1: unknown key “themse” in the theme map; did you mean “themes”?"),
        ("", "t.yaml: the theme map is empty"),
        ("themes:\n  - name: a\n", "t.yaml:2: theme “a” has no `keywords:`"),
    ],
)
def test_bad_maps_name_file_line_and_fix(text, message):
    with pytest.raises(ConfigError) as info:
        parse_theme_map(text, "t.yaml")
    assert str(info.value).startswith(message)


def test_yaml_tags_are_not_executed():
    with pytest.raises(ConfigError, match="must be a single text value"):
        parse_theme_map("themes:\n  - name: !!python/object/apply:os.system ['true']\n    keywords: [x]\n", "t.yaml")


def test_user_map_through_the_cli(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("themes:\n  - name: 双碳\n    keywords: [碳达峰, 碳中和, 低碳]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["themes", "--themes", str(user), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "其他,双碳,,碳达峰、碳中和、低碳"
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  - name: x\n    keywords: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", "兴隆台", "沙河口", "--themes", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}:3: theme “x” has an empty keyword list; give at least one keyword\n"
    check = CliRunner().invoke(cli, ["themes", "--check", str(user)])
    assert check.stdout == f"{user}: valid, 1 themes under 1 parent topics\n"


def test_longest_keyword_wins():
    tmap = parse_theme_map(
        "themes:\n  - name: 东南亚\n    keywords: [印度尼西亚]\n  - name: 南亚\n    keywords: [印度]\n", "t.yaml"
    )
    assert tmap.find_terms("与印度尼西亚和印度合作") == ["印度尼西亚", "印度"]


def test_headings_weigh_more_than_body_mentions():
    tmap = load_theme_map()
    by_title = {st.section.title: st for st in classify(tmap, sample("001"))}
    section = by_title["坚持不懈优化营商环境"]
    assert section.primary == "营商环境"
    assert section.evidence["营商环境"][0].where == "heading"
    assert by_title["大力发展数字经济"].primary == "数字经济"
    assert by_title["持续实施污染防治攻坚战"].primary == "生态环境与绿色低碳"
    assert by_title["促进更加充分更高质量就业"].primary == "就业与收入"
