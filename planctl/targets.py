"""Targets: the numbers a plan commits to, from indicator tables and from sentences.

A target has an indicator (as written and as matched to config/indicators.yaml), a value and unit
normalised (万元 → 亿元, 人 → 万人), a comparator (at least, at most, about, exactly), a year or
period, base value and growth where given, whether it is binding (约束性) or expected (预期性), and
where it came from.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from .indicators import IndicatorMap, load_indicator_map, names_share, split_measure
from .metadata import plan_period
from .numerals import cn_to_int, figure
from .outline import Document, Section, Table, indicator_column
from .text import HAN

_NUM = r"\d+(?:\.\d+)?"
# The low end of a range, before its high end: 5-5.5, 5%～5.5%, 5至6 (a dash after a figure is not a minus).
_LOW = rf"(?P<low>{_NUM})\s*(?:%|个百分点)?\s*(?:[-~～—–]|至)\s*"
UNITS = (
    "万亿元", "亿元", "万元", "元", "万美元", "亿美元", "美元", "个百分点", "%", "‰", "万人次", "万人", "人次", "人",
    "个工作日", "工作日", "万平", "万平米", "平米",
    "户", "万户", "家", "个", "件", "张", "万吨", "吨", "万亩", "亩", "万平方米", "平方米", "公顷", "公里", "千米",
    "天", "岁", "年", "条", "所", "座", "处", "项", "次", "台", "辆", "套", "间", "床", "吨标准煤", "立方米",
    "亿斤", "万斤", "斤", "百分点", "亿立方米", "万立方米", "万千瓦", "千瓦", "亿千瓦时", "万千瓦时", "亿吨", "万标箱",
    "万辆", "万元/人", "元/人",
)
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_RANGE = re.compile(rf"^约?{_LOW}(?P<high>{_NUM})\s*(?P<unit>{_UNIT_RE})?")
# Money in 亿元 and people in 万人, so that targets written either way line up.
_SYNONYMS = {"万平": "万平方米", "万平米": "万平方米", "平米": "平方米", "千米": "公里"}
_SCALE = {"万元": ("亿元", 1e-4), "万亿元": ("亿元", 1e4), "人": ("万人", 1e-4), "万美元": ("亿美元", 1e-4),
          "亿斤": ("万吨", 5), "万斤": ("万吨", 5e-4)}  # a 斤 is half a kilogram

_AT_LEAST = ("≥", "≧", ">", "﹥", "＞", "不低于", "不少于", "超过", "大于", "高于", "以上")
_AT_MOST = ("≤", "≦", "<", "﹤", "＜", "不高于", "不超过", "不多于", "低于", "以下", "以内")
_ABOUT = ("约", "左右", "近", "大约", "~")

# A five-year plan's period as the text names it: “十四五”, 十五五 (the quotation marks are optional).
PLAN_PERIOD = "“?十[一二三四五六]五”?"
# Sections that look back rather than ahead: their numbers are results, not targets.
RETROSPECTIVE = re.compile(r"回顾|成就|发展基础|坚实基础|基础与|发展环境|面临的|形势|机遇|过去|十三五")

# The verbs a target is written with, spelled once. Reaching: what a figure comes to (达到500亿元).
REACHING = (
    "完成", "实现", "达到", "达", "突破", "超过", "增长到", "增长至", "增加到", "增加至", "提高到", "提高至",
    "提升到", "提升至", "增至", "控制在", "保持在", "稳定在", "不低于", "不少于", "不超过", "降低", "下降",
    "减少", "增长", "提高", "提升", "年均增长", "力争达到", "缩短至", "缩短到", "压缩至", "压缩到", "降至", "降低到",
    "降低至", "迈上", "跨上", "跃上", "站上",
)
# Building: what is made or brought in, counted (新增社会医疗机构14家, 培育四条特色街区).
BUILDING = ("新增", "新建", "建成", "建设", "培育", "引进", "打造", "创建", "创办", "改造", "再建")
# Doing something to an indicator, then its figure: 控制全市城镇登记失业率在2.7%以下.
DOING = ("新开工", "完成", "实施", "举办", "吸引", "扶持", "发放", "争取", "储备", "盘活", "控制", "保持", "投入",
         "提升", "计划")


def _either(*verbs: str) -> str:
    """A regex alternation of verbs, the longest first (新增打造 before 新增)."""
    return "|".join(re.escape(v) for v in sorted(dict.fromkeys(verbs), key=len, reverse=True))


_VERB_RE = _either(*REACHING)
# Before a figure: about, nearly, more than, at least, at most (投资超1000亿元, 发放创业担保贷款不低于80亿元)
_PRE = "约|近|超过|超|不低于|不少于|不超过|不高于"
_CLAUSE = re.compile(
    rf"(?P<ind>[^,;。:!?()]{{2,48}}?)(?P<verb>{_VERB_RE})(?P<pre>{_PRE})?\s*"
    rf"(?:{_LOW})?(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})(?P<post>以上|以下|以内|左右)?"
)
# A share or rate with no verb: 普惠幼儿园占比85%
_RATIO = re.compile(
    rf"(?P<ind>[^,;。:!?()、]{{2,24}}?(?:率|占比|比重|比例|覆盖))(?P<num>{_NUM})\s*%(?P<post>以上|以下|以内|左右)?"
)
# The share first, then what it is a share of: 100%实现全程网办, 实现50%的义务教育阶段学校通过…验收
_SHARE_FIRST = re.compile(
    rf"(?:(?P<subj>[{HAN}“”]{{2,16}}?)(?P<num>{_NUM})%(?P<verb>实现|达到)(?P<what>[{HAN}“”]{{2,12}})"
    rf"|(?:实现|确保|力争)(?P<num2>{_NUM})%(?:以上)?的(?P<ind2>[{HAN}“”]{{4,30}}))"
)
# A list's figures taken one for each (分别) or the same for all (各): 城镇、农村居民人均可支配收入分别增长6%和7%
# (the figures they start from, given before the verb, are passed over: …补贴标准分别从每人每月202元、270元提高到…)
_EACH = re.compile(
    rf"(?:要|将)?(?:年均)?(?:分别|各)(?:年均)?(?:(?:从|由)[^{HAN}\d]*(?:[{HAN}]{{0,4}}{_NUM}[^,;。]*?))?$"
)
# The next figure of such a list: …分别达到32亿元、9亿元和13亿元
_AND_FIGURE = re.compile(rf"^\s*(?:、|和|及|与)\s*(?P<pre>{_PRE})?(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})?"
                         rf"(?P<post>以上|以下|以内|左右)?")
# What the items of a list share, written once after the last: 一产、二产、三产增加值, 生鲜乳、乳制品产量
_SHARED_TAIL = sorted((
    "居民人均可支配收入", "人均可支配收入", "可支配收入", "人均纯收入", "增加值", "产值", "营业收入", "营收", "收入",
    "投资", "产量", "排放量", "抽检合格率", "合格率", "覆盖率", "普及率", "报销比例", "出口", "进口", "利润", "总额",
    "企业", "人数", "参保率", "种植面积", "吞吐量",
), key=len, reverse=True)
# An item of such a list that is whole without them: 生产安全事故起数、死亡人数, 自来水普及率、…覆盖率
_WHOLE_ITEM = re.compile(rf"(?:{'|'.join(_SHARED_TAIL)}|率|数|量|额|人次|耗)$")
# More of the same verb after a list comma: 引进总部型企业10家、金融分支机构2家
_MORE = re.compile(rf"^、(?P<ind>[{HAN}“”]{{2,16}}?)(?P<pre>{_PRE})?(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})"
                   rf"(?P<post>以上|以下|以内|左右)?")
_GROWTH_AFTER = re.compile(
    rf"^,?(?:按可比(?:价格?|口径)(?:计算)?,?)?(?:年均|同比|比上年)?(?:增长|增速|提高)(?:为|达到)?\s*(?P<num>-?{_NUM})\s*%"
)
# Verb, then what, then how many: 新增社会医疗机构14家以上, 控制全市城镇登记失业率在2.7%以下
# (打造, 创办 and 再建 take their figure first: _BUILD)
_DO_VERBS = _either(*(v for v in BUILDING if v not in ("打造", "创办", "再建")), *DOING)
_DO = re.compile(
    rf"(?P<verb>{_DO_VERBS})"
    rf"(?P<ind>[{HAN}“”、]{{2,18}}?)(?P<at>在)?(?P<pre>{_PRE})?\s*(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})"
    rf"(?P<post>以上|以下|以内|左右)?"
)
# A name of verbs alone: 改造提升 (24个老旧小区), 新建和改造
_VERBS_ONLY = re.compile(rf"(?:{_DO_VERBS}|和|及|、)+")
# A verb of _DO that is part of a noun with the two characters before it
_NOUN_NOT_VERB = {"研发投入", "经费投入", "资金投入", "财政投入", "科技计划", "研发计划"}
_BUILD_VERBS = _either(*(v for v in BUILDING if v != "创建"), "新增打造", "累计建成", "维修改造", "实施",
                       "不超过", "不少于", "完成", "增加", "改造提升", "提升改造", "整治提升", "新建改造")
_BUILD = re.compile(
    rf"(?P<verb>{_BUILD_VERBS})"
    rf"(?P<pre>{_PRE})?"
    rf"(?P<num>{_NUM})\s*(?P<unit>家以上|个以上|条|个|家|所|座|处|项|公里|万户|户|万平方米|万平米|万平(?!方))(?P<post>左右|以上)?"
    rf"(?!以上|以下|左右)(?P<ind>[{HAN}“”]{{2,16}})"
)
# What a cell may say before its figure: the period and how the figure is counted (“十五五”年均增长5.0左右,
# “十四五”累计新增160, 2021-2024年累计降低8.2)
_CELL_PERIOD = re.compile(
    rf"(?:{PLAN_PERIOD}(?:期间|时期)?|(?:19|20)\d\d\s*[-—~～至]\s*(?:19|20)\d\d年)?"
    r"(?:力争|确保|争取)?(?:达到|保持在?|实现)?"  # 力争达到5%左右
    r"(?:年均|(?P<total>累计))?(?P<growth>增长|增速|提高)?(?:新增|降低|下降|减少)?"
)
# A rank that names no thing of its own, and the next count of a list of them: 8个国家级、36个省级(临床重点专科)
_RANKS = "世界级|国家级|国际级|省级|市级|县级|区级|区域级|省市级"
_RANK = re.compile(_RANKS)
_RANKED = re.compile(rf"、(?P<num>{_NUM})\s*(?P<unit>个|家|所|座|处|项|条)(?P<rank>{_RANKS})")
# The sides a figure may be given for, each in its own clause: 城市…达到40%,农村达到15%
_SIDES = ("城镇", "城市", "农村", "乡村", "城区", "农民", "城乡")
# A level and its unit said before a list comma and the verb of its growth: 地区生产总值5.2万亿元、(增长5.4%)
_LEVEL_THEN = re.compile(
    rf"(?P<name>.*?[{HAN}”])(?P<pre>{_PRE})?(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})(?P<post>以上|以下|以内|左右)?、"
)
# Where a figure starts from, said before its verb: 人均预期寿命从83.12岁(提高到84.18岁), 财政补助由每人每年380元
_FROM = re.compile(rf"(?P<name>.+?)(?:从|由)(?:[每人户生均年月]{{2,4}})?(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})?")
# What follows a figure that counts or measures the noun after it, not the name before it: 投资2000万元的村庄道路
# 硬化工程, 完成主城区3个警务站建设 (but a target's own words after it: 10%以上, 增长6%和7%, 迈上3万亿元新台阶,
# 45万人以上的目标, 普惠幼儿园占比85%的考核目标, 40个工作日内, 50年一遇; and a share may name its whole after
# it: 覆盖92%乡镇, 100%使用绿电).
_DESCRIBES = re.compile(rf"的(?![{HAN}]{{0,4}}?(?:目标|任务|水平|要求))")
_COUNTS = re.compile(
    rf"(?!的|以上|以下|以内|内|左右|和|与|及|或|并|新?台阶|大关|一遇|安排|标准煤|目标|任务|水平)[{HAN}]"
)
# A year, or a run of years, not an amount of time: 实施…2026年行动方案, 连续5年居全省第1
_NOT_A_SPAN = re.compile(r"连续$")
_TARGET_YEAR = re.compile(r"(?:到|至|在)\s*((?:19|20)\d\d)\s*年(?!的?水平)")  # not 稳定在2020年的水平
# A year the aims after it are set for: 2015年力争…, 2027年建成…, 2015年,全县… (not 2030年前碳达峰, 2026年1月)
_YEAR_AIMS = re.compile(
    r"((?:19|20)\d\d)\s*年(?:底|末)?(?:[,，]|(?=力争|确保|争取|要|将|计划|预计|建成|实现|达到|全[省市区县]))"
)
_PERIOD_END = re.compile(rf"{PLAN_PERIOD}\s*(?:期末|末)")
_PAST_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# A year whose level a goal is held against: 粮食产量高于2020年水平, 恢复到2019年的水平 (not 较2020年下降18%,
# which tells of results as often as of goals)
_BASE_YEAR = re.compile(r"(?:19|20)\d\d\s*年的?水平")
_AIMS = re.compile(r"预期目标(?:是|为|[:：])")  # the aims set out: 经济社会发展的主要预期目标是:…
_RATE_ONLY = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度)")  # the growth of what was named before
_LEAD = re.compile(
    r"^(?:力争|确保|争取|预计|计划|其中|同时|全年|年内|今年|提出|全[省市区县州盟旗]|我[国省市区县州盟旗]|全力|努力|实现|推动|促进|推进|加快|"
    r"使|原则上|每年|全面|整体|着力|如期|圆满|按照|连续|进一步|所有的?|[一二三四五六七八九十]+是|年底前?|年末|汛期前|\d{1,2}月底?前?|"
    r"[一二三四五两\d]年内|[\u2460-\u2473]|"
    rf"\d{{4}}年底?|到\d{{4}}年底?|至\d{{4}}年底?|{PLAN_PERIOD}(?:期间|时期|期末|末)|年均|平均|保证|落实|国家、省、市)+"
)
# What ends a name and is not part of it: 排放量分别, 办结率均 (not 日均, 人均), 投资要, 地区生产总值力争,
# 一般公共预算收入可比 (增长), 地区生产总值按 (可比价格), 人均预期寿命再 (提高), 输电能力较“十四五”末 (提高),
# 广义货币M2预期 (增长), 经济增长预期目标是, 一般公共预算收入在去年市核任务的基础上 (增长), 天然气产量2030年 (达到),
# 一般公共预算收入比2019年调整预算收入 (增长)
_TAIL = re.compile(
    r"(?:年均|累计|(?<!经济)总量|的|各|预计|力争|确保|争取|同比|比上年|较上年|分别|(?<![日人年户月])均|要|可比|按|再|将|和|及|与|全部"
    rf"|每年|全年|较{PLAN_PERIOD}末?|预期|(?:预期)?目标(?:是|为|设定为)?|在[^在]{{1,16}}基础上|(?:到|至|比|较)?(?:19|20)\d\d年(?:底|末)?"
    r"|[比较](?:19|20)\d\d年[^比较]{1,10})$"
)
# What cannot be an indicator: a preposition phrase (在全市…), a comparison (高于全国0.4个百分点), a list's tail
# (及其他) or an adverb alone (基本完成57个…, 年底超过260个; but 基本医疗保险参保率 is one).
_NOT_INDICATOR = re.compile(r"^(?:在|对|向|把|将|于|从|由|以|较|高于|低于|快于|慢于)|(?:其他|等)$|^(?:基本|年底)$")
# A row's number written into its indicator's cell: 1.地区生产总值 (not 5G基站数).
_ROW_NUMBER = re.compile(r"^\d{1,3}\s*[.、．]\s*(?=\D)")
# A header's second row: years and what its figures are (2030年, 年均[累计], 目标值), no other figure.
_HEADER_MORE = re.compile(r"^(?:(?:19|20)\d\d年?)?[^\d]{0,12}$")
_PAREN_UNIT = re.compile(r"[(（]([^()（）]{1,10})[)）]$")
_NAME_UNIT = re.compile(rf"{_UNIT_RE}|/|^[{HAN}]{{1,2}}$")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
# A percentage in words: 增长百分之六点五 → 增长6.5%
_CN_PERCENT = re.compile(r"百分之([零一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?")
# A figure in Chinese numerals right after a verb: 培育四条特色街区 → 培育4条特色街区, 达到五百亿元 → 达到500亿元.
# Only there: 三年行动, 九年一贯制 and 两个毫不动摇 are names, not figures.
_CN_FIGURE = re.compile(
    rf"(?P<verb>{_either(*BUILDING, '达到', '完成', '突破', '超过', '实现', '增长')})"
    r"(?P<cn>[一二两三四五六七八九十百千]+)(?=[个家所座处项条套]|亿元|万元|万人|万平方米|万亩|万吨)"
)


@dataclass
class Target:
    indicator: str
    canonical: str
    measure: str  # level | growth | reduction (a share is the level of an indicator named for it: …比重)
    value: float | None
    value_text: str
    unit: str | None
    comparator: str  # at least | at most | about | exactly | between (value and upper: 5-5.5%)
    year: int | None
    period: str | None
    base_value: float | None
    base_year: int | None
    growth: float | None
    growth_kind: str | None  # annual | cumulative
    binding: str | None  # 约束性 | 预期性
    source: str  # table | sentence
    path: str
    line: int
    text: str
    upper: float | None = None  # the top of a range (增长5-5.5%: value 5, upper 5.5)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def display(self) -> str:
        """The value as a reader writes it: ≥7%, 48亿元, 6%左右, 进入鞍山市前列."""
        if self.value is None:
            return self.value_text or "—"
        number = figure(self.value) + (f"–{figure(self.upper)}" if self.upper is not None else "")
        sign = {"at least": "≥", "at most": "≤", "about": "≈"}.get(self.comparator, "")
        text = f"{sign}{number}{self.unit or ''}"
        if self.measure == "growth":
            text = f"+{text}" if not sign else text
        elif self.measure == "reduction":
            text = f"−{text}"
        if self.growth_kind == "cumulative":
            text += " (5-year total)"
        return text


# -- values -----------------------------------------------------------------------------------------


@dataclass
class Value:
    number: float | None
    unit: str | None
    comparator: str
    cumulative: bool
    text: str
    upper: float | None = None  # of a range: 4.5-5
    growth: bool = False  # the cell says its figure is a growth: “十五五”年均增长5.0左右


def parse_value(text: str) -> Value:
    """A table cell or phrase: 48, ≧7, 6%左右, ﹝15﹞, ﹥100, 4.5-5, -, 进入鞍山市前列, “十五五”年均增长5.0左右."""
    raw = text.strip()
    if raw in ("", "-", "—", "--", "/", "—-"):
        return Value(None, None, "exactly", False, "")
    cumulative = bool(re.match(r"^[﹝〔\[［【(（].*[﹞〕\]］】)）]$", raw))
    inner = raw.strip("﹝﹞〔〕[]［］【】()（） ")
    said = _CELL_PERIOD.match(inner)
    if said and said.end() and re.match(rf"{_NUM}", inner[said.end() :]):
        value = parse_value(inner[said.end() :])
        value.cumulative = value.cumulative or bool(said.group("total"))
        value.growth, value.text = bool(said.group("growth")), raw
        return value
    comparator = "exactly"
    if inner.startswith(_AT_LEAST) or inner.endswith(("以上",)):
        comparator = "at least"
    elif inner.startswith(_AT_MOST) or inner.endswith(("以下", "以内")):
        comparator = "at most"
    elif inner.startswith(_ABOUT) or inner.endswith("左右"):
        comparator = "about"
    r = _RANGE.match(inner)
    if r and (r.end() == len(inner) or inner[r.end()] in ",;( " or inner[r.end():].startswith("左右")):
        # a range, and words after it: 4.5-5,努力争取更好结果
        return Value(float(r.group("low")), r.group("unit"), "between", cumulative, raw, float(r.group("high")))
    m = re.search(rf"(-?{_NUM})\s*({_UNIT_RE})?", inner)
    if not m or re.search(rf"[{HAN}]{{3,}}", re.sub(r"以上|以下|以内|左右|不低于|不超过|约", "", inner)):
        return Value(None, None, comparator, cumulative, raw)  # qualitative: 高于市平均水平
    return Value(float(m.group(1)), m.group(2), comparator, cumulative, raw)


def normalise_unit(value: float | None, unit: str | None, indicator: str = "") -> tuple[float | None, str | None]:
    """Totals of money in 亿元 (亿美元), of people in 万人 and of grain in 万吨; per-head figures (人均, 每千人口,
    劳动生产率), a village's collective income (村集体收入10万元) and yields (亩产) keep their unit."""
    if unit is None and re.search(r"(率|比重|占比|比例)$", indicator) and not indicator.endswith("劳动生产率"):
        return value, "%"  # a rate, not 劳动生产率 (output per worker)
    unit = _SYNONYMS.get(unit or "", unit)
    if value is None or unit not in _SCALE or re.search(r"人均|每|户均|劳动生产率|亩|单产|村集体|集体经济", indicator):
        return value, unit
    if unit == "人" and value < 10000:
        return value, unit
    new_unit, factor = _SCALE[unit]
    return round(value * factor, 6), new_unit


@lru_cache(maxsize=8)
def _bare(imap: IndicatorMap) -> re.Pattern[str]:
    """A known indicator directly followed by its figure, with no verb: 城镇新增就业10500人."""
    names = "|".join(re.escape(n) for n in imap.by_length if len(n) >= 3)
    return re.compile(rf"(?P<ind>{names})\s*(?P<num>{_NUM})\s*(?P<unit>{_UNIT_RE})(?P<post>以上|以下|以内|左右)?")


# -- from tables -------------------------------------------------------------------------------------


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    years: list[tuple[int, int]] = []
    indicator = indicator_column(header)
    if indicator is None:
        return None
    cols["indicator"] = indicator
    for i, cell in enumerate(header):
        if i == indicator:
            continue
        if "属性" in cell or "性质" in cell:
            cols["binding"] = i
        elif re.search(r"增速|增长|年均|累计", cell):
            cols["growth"] = i
        elif m := re.search(r"((?:19|20)\d\d)", cell):
            years.append((int(m.group(1)), i))
        elif "目标" in cell:
            cols["target"] = i
        elif "基期" in cell or "现状" in cell:
            cols["base"] = i
        elif "单位" in cell:
            cols["unit"] = i
    years.sort()
    if years:
        cols.setdefault("target", years[-1][1])
        cols["target_year"] = years[-1][0]
        if len(years) > 1:
            cols.setdefault("base", years[0][1])
            cols["base_year"] = years[0][0]
    return cols if "target" in cols or "growth" in cols else None


def _header(rows: list[list[str]]) -> tuple[list[str], int]:
    """A table's header and the number of rows it takes: a second row of years and kinds under cells that
    span two rows (“十五五”目标 over 2030年 | 年均[累计]) is read into the first."""
    header = rows[0]
    column = indicator_column(header)
    if len(rows) > 2 and column is not None:
        more = rows[1] + [""] * (len(header) - len(rows[1]))
        if not more[column].strip() and any(more) and all(_HEADER_MORE.match(c) for c in more if c.strip()):
            return [a + b for a, b in zip(header, more, strict=False)], 2
    return header, 1


def _paired(cells: list[str], cols: dict[str, int]) -> list[list[str]]:
    """A row of two indicators set with a slash, one row each: 机场旅客/货邮吞吐量 | 万人次/万吨 | 8358/244 |
    11000/350 → 机场旅客吞吐量 … 8358 | 11000 and 货邮吞吐量 … 244 | 350."""
    name, target = cells[cols["indicator"]], cells[cols["target"]] if "target" in cols else ""
    count = name.count("/") + 1
    names = _list_items(name.replace("/", "、"), count) if count > 1 and target.count("/") + 1 == count else None
    if names is None or len(names) != count:
        return [cells]
    out = []
    for i, each in enumerate(names):
        row = [c.split("/")[i].strip() if c.count("/") + 1 == count else c for c in cells]
        row[cols["indicator"]] = each
        out.append(row)
    return out


def table_targets(table: Table, path: str, period: str | None, imap: IndicatorMap) -> list[Target]:
    if not table.rows:
        return []
    header, first = _header(table.rows)
    cols = _columns(header)
    if cols is None:
        return []
    out = []
    rows = [(offset, row, cells) for offset, row in enumerate(table.rows[first:], first)
            for cells in _paired(row + [""] * (len(header) - len(row)), cols)]
    for offset, row, cells in rows:
        if sum(1 for c in cells if c.strip()) <= 1:
            continue  # a group row: 经济发展
        name = _ROW_NUMBER.sub("", cells[cols["indicator"]].strip().lstrip("★☆*＊ ")).lstrip("★☆*＊ ")
        if not name:
            continue
        unit_m = _PAREN_UNIT.search(name)
        # the bracket closing a table's indicator name holds its unit: a known one, a rate (人/万人), or a word
        # of one or two characters no list of units can hold all of (分, 岁, 床)
        name_unit = unit_m.group(1) if unit_m and _NAME_UNIT.search(unit_m.group(1)) else None
        if name_unit and unit_m:
            name = name[: unit_m.start()].strip()
        elif "unit" in cols and cells[cols["unit"]].strip() not in ("", "-", "—", "/"):
            name_unit = cells[cols["unit"]].strip()  # a column of units: %, 万元/人
        measure = split_measure(name)[1]
        target = parse_value(cells[cols["target"]]) if "target" in cols else parse_value("")
        growth = parse_value(cells[cols["growth"]]) if "growth" in cols else parse_value("")
        base = parse_value(cells[cols["base"]]) if "base" in cols else parse_value("")
        if target.growth and measure == "level":  # 地区生产总值 | “十五五”年均增长5左右
            measure = "growth"
        if target.number is None and not target.text and growth.number is None and not growth.text:
            continue
        if target.number is None and not target.text:
            # Only a growth figure: the target is the growth (全员劳动生产率增长 6%左右), but a share's is its
            # level (数字经济核心产业增加值占地区生产总值比重: 高于全省县域平均水平).
            value, unit, comparator, text = growth.number, growth.unit or name_unit, growth.comparator, growth.text
            upper = growth.upper
            measure = "growth" if measure == "level" and not names_share(name) else measure
            growth_value, growth_kind = None, ("cumulative" if growth.cumulative else None)
        else:
            value, unit, comparator, text = target.number, target.unit or name_unit, target.comparator, target.text
            upper = target.upper
            growth_value = growth.number
            if growth.number is not None:
                growth_kind = "cumulative" if growth.cumulative else "annual"
            else:  # the target itself may be a five-year total: 新增城镇就业(万人) 【6】
                growth_kind = "cumulative" if target.cumulative else None
        upper = normalise_unit(upper, unit, name)[0]
        value, unit = normalise_unit(value, unit, name)
        base_value, base_unit = normalise_unit(base.number, base.unit or name_unit, name)
        if value is None and base_value is not None:
            unit = base_unit  # a base in 亿斤 is written in 万吨: so is the target's unit, with no figure to show it
        binding = cells[cols["binding"]].strip() if "binding" in cols else None
        out.append(Target(
            indicator=name, canonical=imap.canonical_for(name, unit, measure), measure=measure, value=value,
            value_text=text, unit=unit, comparator=comparator, year=cols.get("target_year"), period=period,
            base_value=base_value, base_year=cols.get("base_year"), growth=growth_value, growth_kind=growth_kind,
            binding=binding or None, source="table", path=path, line=table.lines[offset],
            text=" | ".join(row), upper=upper,
        ))
    return out


# -- from sentences ---------------------------------------------------------------------------------


def _clean_indicator(raw: str) -> str:
    text = _unquoted(_PARENS.sub("", raw).strip(" ,、"))
    for sep in ("，", ",", "、"):
        text = text.split(sep)[-1]
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip(" ,、")
        text = _TAIL.sub("", text)
    return _unquoted(text)


def _unquoted(text: str) -> str:
    """Without a quotation mark the name does not close or open, nor quotes round the whole name: a term
    quoted inside it keeps both (“415X”集群营收, not 415X”集群营收)."""
    text = text.lstrip("”").rstrip("“")  # a quote closed before the name began, or opened after it ends
    while text[:1] == "“" and text.find("”") in (-1, len(text) - 1):
        text = text[1:-1] if text.endswith("”") else text[1:]
    while text[-1:] == "”" and "“" not in text:
        text = text[:-1]
    return text


def _list_items(names: str, count: int) -> list[str] | None:
    """The items a list names, for `count` figures (one, or one each), each with what they share at the end:
    城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入; 城乡 for two figures is
    城镇 and 农村. None when the items cannot be told apart for as many figures. (What they share at the start,
    全域旅游人次和收入, is not told.)"""
    by_comma = [i for i in names.split("、") if i]
    by_and = [i for i in re.split(r"、|和|与|及", names) if i]
    if count == 1:
        items = by_comma if len(by_comma) > 1 else by_and
    elif count in (len(by_comma), len(by_and)):
        items = by_comma if len(by_comma) == count else by_and
    elif count == 2 and names.startswith("城乡"):
        items = ["城镇" + names[2:], "农村" + names[2:]]
    else:
        return None
    items = [_clean_indicator(i) for i in items]
    if not items or not all(_named(i) for i in items):
        return None
    last = items[-1]
    tail = next((t for t in _SHARED_TAIL if last.endswith(t) and len(last) > len(t)), "")
    if len(last) > 3 and all(len(i) == 2 for i in items[:-1]) and len(last) - 2 >= len(tail) + 2:
        # two characters each, parallel, and more shared than the known end: 刑事、治安警情 → 刑事警情;
        # 厦门、福州机场旅客吞吐量 → 厦门机场旅客吞吐量 (but 原煤、天然气产量 → 原煤产量)
        tail = last[2:]
    return [i if _WHOLE_ITEM.search(i) else i + tail for i in items[:-1]] + [last]


def _comparator(cue: str) -> str:
    """A figure's own qualifier (以上, 以下, 左右) wins over its verb's (控制在, 突破, 约)."""
    for words, comparator in (
        (("以上",), "at least"), (("以下", "以内"), "at most"), (("左右",), "about"),
        (("不超过", "控制在", "不高于", "缩短", "压缩", "降至"), "at most"),
        (("超", "不低于", "不少于", "突破", "至少", "迈上", "跨上", "跃上", "站上"), "at least"),
        (("约", "近"), "about"),
    ):
        if any(w in cue for w in words):
            return comparator
    return "exactly"


def _sentence_year(sentence: str, default: int | None, start_year: int | None) -> int | None:
    """The year a sentence sets its targets for: 到2025年…; else a year of the period (or after the report's) that
    its aims follow, 2015年力争…达到30家 in a report of 2011 (not 2030年前碳达峰目标); else the document's."""
    if m := _TARGET_YEAR.search(sentence):
        return int(m.group(1))
    if start_year is not None:
        ahead = [int(y) for y in _YEAR_AIMS.findall(sentence) if start_year <= int(y) <= start_year + 15]
        if ahead:
            return ahead[0]
    return default


def _is_past(sentence: str, start_year: int | None) -> bool:
    """Whether a sentence tells of years before the document's: not one that sets out the aims (主要预期目标是:
    …一般公共预算收入比2019年调整预算收入增长7%), nor one that names such a year only as the level a goal is
    held against (粮食产量高于2020年水平)."""
    if start_year is None or _TARGET_YEAR.search(sentence) or _PERIOD_END.search(sentence) or _AIMS.search(sentence):
        return False
    return _only_earlier_years(_BASE_YEAR.sub("", sentence), start_year) or "十二五" in sentence


def _only_earlier_years(text: str, start_year: int) -> bool:
    """Whether a text names years, all of them before `start_year`."""
    years = [int(y) for y in _PAST_YEAR.findall(text)]
    return bool(years) and max(years) < start_year


@dataclass
class _Sentence:
    """Where a sentence's targets come from, shared by every figure found in it."""

    text: str
    path: str
    line: int
    year: int | None
    period: str | None
    imap: IndicatorMap

    def target(self, indicator: str, measure: str, number: str, unit: str, cue: str, value_text: str,
               growth: float | None = None, low: str | None = None) -> Target:
        """A figure's target; with `low`, the figure is the top of a range (增长5-5.5%)."""
        measure = measure or split_measure(indicator)[1]
        value, unit_ = normalise_unit(float(low if low else number), unit, indicator)
        upper = normalise_unit(float(number), unit, indicator)[0] if low else None
        return Target(
            indicator=indicator, canonical=self.imap.canonical_for(indicator, unit_, measure), measure=measure,
            value=value, value_text=value_text.strip(), unit=unit_, comparator="between" if low else _comparator(cue),
            year=self.year, period=self.period, base_value=None, base_year=None, growth=growth,
            growth_kind="annual" if growth is not None else None, binding=None, source="sentence", path=self.path,
            line=self.line, text=self.text.strip(), upper=upper,
        )


def _verb_measure(verb: str, unit: str, indicator: str) -> str:
    if verb in ("增长", "提高", "提升", "年均增长") and unit in ("%", "个百分点", "岁", "元", "万元", "亿元"):
        return "growth"  # by how much: 增长5%, 提高2个百分点, 人均预期寿命提高1岁 (not 改造提升24个: a count)
    if verb in ("降低", "下降", "减少"):
        return "reduction"
    return split_measure(indicator)[1]


def _named(name: str) -> bool:
    """Whether what stands before a figure names an indicator (not 2021年, 在全市, 高于全国)."""
    return len(name) >= 2 and not re.fullmatch(r"[\d.%年月日个]+", name) and not _NOT_INDICATOR.search(name)


def _names_with(verb: str, name: str) -> bool:
    """Whether a name is said with the verb before it, the verb saying what is counted: 新增社会医疗机构, 引进内资,
    实施项目 (a project's stage, not 储备项目); not 控制, 完成 or 计划, nor 实施 of works (实施城中村改造6万户)."""
    return verb not in ("控制", "保持", "完成", "计划") and (verb != "实施" or name.endswith("项目"))


def _clause_targets(clause: str, at: _Sentence) -> list[Target]:
    return _Clause(clause, at).targets()


class _Clause:
    """The figures of one clause, each found by the first of the readings (in `targets`) that claims it."""

    def __init__(self, text: str, at: _Sentence) -> None:
        self.text, self.at = text, at
        self.found: list[tuple[int, Target]] = []
        self.taken: list[tuple[int, int]] = []

    def targets(self) -> list[Target]:
        for read in (self._by_verb, self._ratios, self._shares_first, self._known, self._counted, self._done):
            read()
        return [target for _, target in sorted(self.found, key=lambda pair: pair[0])]

    def free(self, m: re.Match[str], group: str = "num") -> bool:
        return not any(a <= m.start(group) < b for a, b in self.taken)

    def take(self, m: re.Match[str], target: Target, offset: int = 0, name_after: bool = False) -> None:
        """Record a figure's target; not one whose figure describes the noun after it (unless the reading took
        its name from there), nor a calendar year or a run of years."""
        start, end = offset + m.start(), offset + m.end()
        if not name_after and self.describes_next(end, target.unit):
            return  # left for a reading that names it from what follows (_counted)
        self.taken.append((start, end))
        if target.unit == "年" and target.value is not None and (
            1900 <= target.value <= 2100 or _NOT_A_SPAN.search(self.text, 0, offset + m.start("num"))
        ):
            return
        self.found.append((start, target))

    def describes_next(self, end: int, unit: str | None) -> bool:
        """Whether the figure ending at `end` is said of the noun after it (投资2000万元的村庄道路硬化工程)."""
        return bool(_DESCRIBES.match(self.text, end) or (unit != "%" and _COUNTS.match(self.text, end)))

    def before(self, m: re.Match[str]) -> str:  # 每年至少建成1家…, but not the last clause's 以上
        return re.split(r"[,，;；]", self.text[max(0, m.start() - 3) : m.start()])[-1]

    def more(self, end: int, measure: str, prefix: str, cue: str, subject: str) -> None:
        """The rest of a list that shares one verb: …10家、金融分支机构2家; or the same indicator's figure
        by another verb: 地区生产总值年均增长5%、迈上3万亿元台阶."""
        at = self.at
        while m := _MORE.match(self.text[end:]):
            said = (m.group("pre") or "") + (m.group("post") or "")
            if re.fullmatch(_VERB_RE, m.group("ind")):
                measure_ = self.measure_going_on(m.group("ind"), m.group("unit"), subject)  # 达到4900亿元、增长10%
                self.take(m, at.target(subject, measure_, m.group("num"), m.group("unit"), said + m.group("ind"),
                                       m.group(0)[len(m.group("ind")) + 1 :]), offset=end)
            elif re.search(_VERB_RE, m.group("ind")) or not _named(m.group("ind")):
                return  # (…增长5.4%、高于全国0.4个百分点: a comparison, not another indicator)
            else:
                if re.match(_DO_VERBS, m.group("ind")):
                    prefix = ""  # …25项、引进内资115亿元 names its own verb
                name = prefix + m.group("ind") if _names_with(prefix, m.group("ind")) else m.group("ind")
                if _RANK.fullmatch(m.group("ind")) and (rank := _RANK.search(subject)):
                    name = subject[: rank.start()] + m.group("ind") + subject[rank.end() :]  # 省级重点项目5个、市级20个
                self.take(m, at.target(name, measure, m.group("num"), m.group("unit"), cue + said,
                                       m.group(0)[len(m.group("ind")) + 1 :]), offset=end)
            end += m.end()

    def each(self, m: re.Match[str], names: str) -> None:
        """A list and its figures, one each or one for all: 生鲜乳、乳制品产量分别达到510万吨、380万吨,
        电竞企业、直播企业各达到10家."""
        figures: list[tuple[re.Match[str], int, str]] = [(m, 0, m.group("unit"))]
        end = m.end()
        while f := _AND_FIGURE.match(self.text[end:]):
            # 达到32亿元、9亿元和13: the unit said before; 400亿方 (a unit no list holds): none
            unit = f.group("unit") or ("" if re.match(f"[{HAN}]", self.text[end + f.end() :]) else figures[-1][2])
            figures.append((f, end, unit))
            end += f.end()
        items = _list_items(names, len(figures))
        if items is None:  # as many figures as items could not be told: none is taken for another's
            for f, offset, _ in figures:
                self.taken.append((offset + f.start(), offset + f.end()))
            return
        verb = m.group("verb")
        for name, (f, offset, unit) in zip(items, figures * len(items) if len(figures) == 1 else figures, strict=True):
            said = (f.group("pre") or "") + (f.group("post") or "")
            low = f.group("low") if f is m and len(figures) == 1 and unit != "年" else None
            text = f.group(0)[len(f.group("ind")) :] if f is m else f.group(0)
            self.take(f, self.at.target(name, _verb_measure(verb, unit, name), f.group("num"), unit, said + verb, text,
                                        low=low), offset=offset)

    def parallel(self, name: str) -> str:
        """A name that is only the other side of the last one read takes the rest of it: 城市居民健康档案规范化建档率
        达到40%,农村达到15% (农村居民健康档案规范化建档率)."""
        if name not in _SIDES or not self.found:
            return name
        last = self.found[-1][1].indicator
        side = next((s for s in _SIDES if last.startswith(s) and len(last) > len(s) + 1), None)
        return name + last[len(side) :] if side and side != name else name

    def last_before(self, m: re.Match[str]) -> Target | None:
        """The last target read, when no other figure stands between it and this clause's verb."""
        if not self.found:
            return None
        start, last = self.found[-1]
        end = max(b for a, b in self.taken if a == start)
        return None if re.search(r"\d", self.text[end : m.start("verb")]) else last

    def goes_on(self, m: re.Match[str]) -> str:
        """The indicator that words of time or resolve alone (三年内, 力争) go on with: the last one read, when no
        other figure stands between and this one is of its kind, by its unit or by how much it grows
        (森林覆盖率每年提高1.3个百分点,三年内达到26.5%; not …办结率达到95%,年内完成3800户)."""
        if (last := self.last_before(m)) is None:
            return ""
        verb, unit = m.group("verb"), m.group("unit")
        if _verb_measure(verb, unit, last.indicator) != "level":
            return last.indicator
        same = normalise_unit(1.0, unit, last.indicator)[1] == last.unit or {unit, last.unit} <= {"%", "个百分点"}
        return last.indicator if same else ""

    def rate_of(self, name: str, m: re.Match[str]) -> str:
        """The indicator whose growth a clause names only as a rate (地区生产总值超过5万亿元,年均增速力争保持在5%
        以上): the last one read, when no other figure stands between."""
        if not _RATE_ONLY.fullmatch(name) or m.group("unit") != "%" or (last := self.last_before(m)) is None:
            return ""
        return last.indicator

    def measure_going_on(self, verb: str, unit: str, indicator: str) -> str:
        """The measure of a figure that goes on with the indicator of the last one read: by its verb, but a
        level in the unit of the growth before it is more of that growth (地区生产总值增长7%以上、力争达到8%,
        三年内实现10%: a growth of 8%, of 10%; not 森林覆盖率每年提高1.3个百分点,三年内达到26.5%)."""
        measure = _verb_measure(verb, unit, indicator)
        last = self.found[-1][1] if self.found else None
        if last is None or last.indicator != indicator or last.measure != "growth" or last.unit != unit:
            return measure
        return "growth" if measure == "level" else measure

    def _by_verb(self) -> None:
        """1. indicator, verb, figure: 地区生产总值完成468亿元,增长5%"""
        for m in _CLAUSE.finditer(self.text):
            raw = _PARENS.sub("", m.group("ind")).rstrip()
            if not self.free(m):
                continue
            if listed := _EACH.search(raw):
                self.each(m, raw[: listed.start()])
                continue
            if said := _LEVEL_THEN.fullmatch(raw):  # 地区生产总值5.2万亿元、增长5.4%: the level, then its growth
                raw = said.group("name")
                if _named(level := _clean_indicator(raw)):
                    cue = (said.group("pre") or "") + (said.group("post") or "")
                    self.found.append((m.start(), self.at.target(level, "", said.group("num"), said.group("unit"), cue,
                                                                 said.group(0)[len(raw) :])))
            own = self.parallel(_clean_indicator(raw))
            rate_of = self.rate_of(own, m)  # …超过5万亿元,年均增速力争保持在5%以上: that indicator's growth
            names = [n for n in [rate_of or own or self.goes_on(m)] if _named(n)]
            if names and _VERBS_ONLY.fullmatch(names[0]):
                continue  # 改造提升24个老旧小区: a verb of two, its object after the figure (_counted)
            verb, unit = m.group("verb"), m.group("unit")
            cue = (m.group("pre") or "") + (m.group("post") or "") + verb + self.before(m)
            for named in names:
                start = _FROM.fullmatch(named)
                indicator = start.group("name") if start else named
                if rate_of:
                    measure = "growth"
                elif own:
                    measure = _verb_measure(verb, unit, indicator)
                else:  # a clause going on with the indicator before it may go on with its growth too
                    measure = self.measure_going_on(verb, unit, indicator)
                g = _GROWTH_AFTER.match(self.text[m.end() :])
                growth = float(g.group("num")) if g and measure == "level" else None
                low = m.group("low") if unit != "年" else None  # 2021-2025年 is a period, not a range
                target = self.at.target(indicator, measure, m.group("num"), unit, cue,
                                        m.group(0)[len(m.group("ind")) :], growth, low)
                if start:
                    base = normalise_unit(float(start.group("num")), start.group("unit") or unit, indicator)[0]
                    target = replace(target, base_value=base)
                self.take(m, target)
            if names:
                self.more(m.end(), _verb_measure(verb, unit, names[-1]), "", cue, names[-1])

    def _ratios(self) -> None:
        """2. a share or rate with no verb: 普惠幼儿园占比85%"""
        for m in _RATIO.finditer(self.text):
            if self.free(m):
                indicator = _clean_indicator(m.group("ind"))
                indicator += "率" if indicator.endswith("覆盖") else ""
                text = m.group(0)[len(m.group("ind")) :]
                self.take(m, self.at.target(indicator, "", m.group("num"), "%", m.group("post") or "", text))

    def _shares_first(self) -> None:
        """3. the share first: 100%实现全程网办, 实现50%的学校通过验收"""
        for m in _SHARE_FIRST.finditer(self.text):
            group = "num" if m.group("num") else "num2"
            if not self.free(m, group):
                continue
            if m.group("num"):
                indicator = f"{_clean_indicator(m.group('subj'))}{m.group('what')}比例"
            else:
                indicator = f"{m.group('ind2')}比例"
            target = self.at.target(indicator, "level", m.group(group), "%", m.group(0), m.group(0))
            self.take(m, target, name_after=True)

    def _known(self) -> None:
        """4. a known indicator and its figure: 城镇新增就业10500人"""
        for m in _bare(self.at.imap).finditer(self.text):
            if self.free(m):
                flow = "新增" if self.text[max(0, m.start() - 2) : m.start()] == "新增" else ""  # 新增高新技术企业150家
                self.take(m, self.at.target(flow + m.group("ind"), "level", m.group("num"), m.group("unit"),
                                            m.group("post") or "", m.group(0)[len(m.group("ind")) :]))

    def _counted(self) -> None:
        """5. verb, figure, what: 新增打造7条特色商业街区, 不超过2家采矿企业"""
        for m in _BUILD.finditer(self.text):
            if self.free(m):
                unit = m.group("unit").replace("以上", "")
                said = "以上" if "以上" in m.group("unit") else m.group("post") or m.group("pre") or ""  # 10个左右
                cue = said + m.group("verb") + self.before(m)
                name = _unquoted(m.group("ind")).removeprefix("的")  # 10条以上的背街小巷
                if _RANK.fullmatch(name):
                    self.ranked(m, name, unit, cue)
                    continue
                self.take(m, self.at.target(name, "level", m.group("num"), unit, cue, m.group(0)), name_after=True)

    def ranked(self, m: re.Match[str], rank: str, unit: str, cue: str) -> None:
        """Counts by rank that share what they count, named after the last: 新建8个国家级、36个省级临床重点专科."""
        items: list[tuple[re.Match[str], str, str]] = [(m, rank, unit)]
        while more := _RANKED.match(self.text, items[-1][0].end()):
            items.append((more, more.group("rank"), more.group("unit")))
        counted = re.match(rf"[{HAN}“”]{{2,16}}", self.text[items[-1][0].end() :])
        if len(items) == 1 or not counted:
            return
        for found, rank_, unit_ in items:
            self.take(found, self.at.target(rank_ + counted.group(0), "level", found.group("num"), unit_, cue,
                                            found.group(0)), name_after=True)

    def _done(self) -> None:
        """6. verb, what, figure: 新增社会医疗机构14家以上, 控制全市城镇登记失业率在2.7%以下"""
        for m in _DO.finditer(self.text):
            verb = m.group("verb")
            if self.text[max(0, m.start() - 2) : m.start() + len(verb)] in _NOUN_NOT_VERB:
                continue  # 研发投入强度, 科技计划项目: the verb is part of a noun
            indicator = _clean_indicator(m.group("ind"))
            if (not self.free(m) or (verb in ("控制", "保持")) != bool(m.group("at"))
                    or not _named(indicator)):
                continue  # (完成今年1470人…: no name before the figure)
            cue = ((m.group("pre") or "") + (m.group("post") or "") + ("控制在" if verb == "控制" else "")
                   + self.before(m))
            prefix = verb if _names_with(verb, indicator) and not indicator.startswith("新") else ""
            self.take(m, self.at.target(prefix + indicator, "level", m.group("num"), m.group("unit"), cue, m.group(0)))
            self.more(m.end(), "level", prefix, "", prefix + indicator)


def _percent(m: re.Match[str]) -> str:
    whole = cn_to_int(m.group(1))
    fraction = "".join(str(cn_to_int(c)) for c in m.group(2) or "")
    return f"{whole}.{fraction}%" if fraction else f"{whole}%"


def sentence_targets(
    text: str, path: str, line: int, default_year: int | None, start_year: int | None, period: str | None,
    imap: IndicatorMap,
) -> list[Target]:
    out: list[Target] = []
    # Asides in parentheses (其中:区本级完成143亿元…) are sub-targets of the figure before them.
    text = _CN_FIGURE.sub(lambda m: f"{m.group('verb')}{cn_to_int(m.group('cn'))}", _PARENS.sub("", text))
    text = _CN_PERCENT.sub(_percent, text)
    for sentence in re.split(r"(?<=[。!?])", text):
        if not re.search(r"\d", sentence) or _is_past(sentence, start_year):
            continue
        at = _Sentence(sentence, path, line, _sentence_year(sentence, default_year, start_year), period, imap)
        for clause in re.split(r"[;；]", sentence):
            out.extend(_clause_targets(clause, at))
    return out


def target_year(doc: Document) -> int | None:
    """The year a document's targets are for unless they say otherwise: a plan's last, a report's own."""
    return _years(doc)[0]


def _years(doc: Document) -> tuple[int | None, int | None]:
    """(default target year, first year of the period) of a document."""
    if doc.period:
        start, end = (int(x) for x in doc.period.split("-"))
        return end, start
    return doc.year, doc.year


def extract(doc: Document, imap: IndicatorMap | None = None) -> list[Target]:
    """Every target of a document, in document order."""
    imap = imap or load_indicator_map()
    default_year, start_year = _years(doc)
    out: list[Target] = []
    for table in doc.tables:
        out.extend(table_targets(table, "", doc.period, imap))
    for path, section in doc.walk():
        looks_back = any(RETROSPECTIVE.search(s.title) for s in path) or _looks_back(path, start_year)
        if looks_back or section.kind == "glossary":
            continue
        where = " > ".join(s.heading for s in path)
        year = _section_year(path, default_year)
        for table in section.tables:
            out.extend(table_targets(table, where, doc.period, imap))
        for para in section.paragraphs:
            out.extend(sentence_targets(para.text, where, para.line, year, start_year, doc.period, imap))
    return out


def _looks_back(path: tuple[Section, ...], start_year: int | None) -> bool:
    """A section whose headings name only years before the document's: 关于2012年政府工作 in a report of 2013."""
    return start_year is not None and _only_earlier_years(" ".join(s.title for s in path), start_year)


def _section_year(path: tuple[Section, ...], default: int | None) -> int | None:
    """A work report's 2023年工作安排 sets targets for 2023, its “十五五”时期主要目标任务 for 2030."""
    for s in reversed(path):
        m = re.match(r"^((?:19|20)\d\d)年", s.title)
        if m:
            return int(m.group(1))
        named = re.search(rf"{PLAN_PERIOD}(?:时期|期间|规划)", s.title)
        years = plan_period(named.group(0)) if named else None
        if years and default is not None and not _PAST_YEAR.search(s.title):  # (not …和2026年工作安排)
            return max(int(years[-4:]), default)
    return default
