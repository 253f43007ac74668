"""The theme map: the bundled one, user maps, exact errors, and classification."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planctl.cli import cli
from planctl.themes import load_theme_map, parse_theme_map
from planctl.yamlconfig import ConfigError


def test_bundled_map_is_real():
    tmap = load_theme_map()
    assert len(tmap.themes) >= 25
    names = {t.name for t in tmap.themes}
    for needed in ("营商环境", "数字经济", "科技创新", "产业体系", "现代服务业", "对外开放", "区域协调与城镇化",
                   "城市更新与基础设施", "生态环境与绿色低碳", "教育", "医疗卫生", "社会保障与养老", "文化",
                   "社会治理", "安全与应急", "法治", "改革", "党的建设", "规划实施"):
        assert needed in names
    assert tmap.get("农业农村").name == "乡村振兴"  # an alias
    # No alias names one place: a chapter called 着力建设数字海城 is not, for that name, on 数字经济.
    assert tmap.get("数字海城") is None
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


def test_exclusions_are_not_matched():
    tmap = load_theme_map()
    rural = tmap.require("乡村振兴")
    business = tmap.require("营商环境")
    assert tmap.theme_terms(rural, "解决农民工欠薪问题,推进农业转移人口市民化") == []
    assert tmap.theme_terms(rural, "促进农民增收,解决农民工欠薪") == ["农民"]
    assert tmap.theme_terms(business, "联合产业运营商开展开发建设") == []
    assert tmap.theme_terms(business, "打造一流营商环境") == ["营商环境"]


def test_each_theme_is_matched_on_its_own():
    """A term of one theme inside a longer term of another still counts for its own theme."""
    tmap = load_theme_map()
    assert tmap.theme_terms(tmap.require("乡村振兴"), "确保粮食安全") == ["粮食"]
    assert "粮食安全" in tmap.theme_terms(tmap.require("安全与应急"), "确保粮食安全")


def test_exclude_must_be_a_list():
    with pytest.raises(ConfigError, match="exclusions must be a list"):
        parse_theme_map("themes:\n  - name: a\n    keywords: [x]\n    exclude: y\n", "t.yaml")
