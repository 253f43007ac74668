# ruff: noqa: E501  (a table of hand-checked figures: one figure a line, the report's words beside it)
"""Figures of work reports checked by hand: what each is (reached, or a goal for the coming year), the year
it is for, the indicator and the value, each with the words of the report it was read from.

Read off the reports themselves (../shared/corpus and the samples), sentence by sentence: a figure in the
look back on last year is `reached` for that year; one in this year's 预期目标 is a `goal` for this year.
Values as written (亿元, 元, %); growth goals as their rate.
"""

from __future__ import annotations

# (file, kind, year, indicator, measure, value, the report's words)
FIGURES = [
    ("003_657c2d959349a28d.txt", "reached", 2022, "地区生产总值", "level", 424.0, "地区生产总值预计实现424亿元,增速-2.6%"),
    ("003_657c2d959349a28d.txt", "reached", 2022, "社会消费品零售总额", "level", 200.0, "社会消费品零售总额预计完成200亿元,增速-4%"),
    ("003_657c2d959349a28d.txt", "goal", 2023, "地区生产总值", "level", 468.0, "2023年…主要预期目标是:地区生产总值完成468亿元,增长5%"),
    ("003_657c2d959349a28d.txt", "goal", 2023, "社会消费品零售总额", "level", 214.0, "社会消费品零售总额完成214亿元,增长7%"),
    ("003_657c2d959349a28d.txt", "goal", 2023, "一般公共预算收入", "level", 20.0, "一般公共预算收入完成20亿元,增长11.6%"),
    ("海拉尔区_report_2012.txt", "reached", 2011, "地区生产总值", "level", 198.5, "2011年,地区生产总值完成198.5亿元,同比增长22.3%"),
    ("海拉尔区_report_2012.txt", "reached", 2011, "城镇居民人均可支配收入", "level", 20251.0, "城镇居民人均可支配收入完成20251元,同比增长17%"),
    ("海拉尔区_report_2012.txt", "goal", 2012, "地区生产总值", "level", 240.0, "预期目标是:地区生产总值达到240亿元,同比增长21%"),
    ("海拉尔区_report_2012.txt", "goal", 2012, "社会消费品零售总额", "level", 100.8, "社会消费品零售总额达到100.8亿元,同比增长20%"),
    ("海拉尔区_report_2013.txt", "reached", 2012, "地区生产总值", "level", 235.2, "全年地区生产总值完成235.2亿元,同比增长18.5%"),
    ("海拉尔区_report_2013.txt", "reached", 2012, "社会消费品零售总额", "level", 97.9, "全年社会消费品零售总额完成97.9亿元,同比增长16.2%"),
    ("海拉尔区_report_2013.txt", "goal", 2013, "地区生产总值", "growth", 20.0, "主要预期目标是:地区生产总值增长20%,达到282亿元"),
    ("海拉尔区_report_2013.txt", "goal", 2013, "社会消费品零售总额", "growth", 22.0, "社会消费品零售总额增长22%,达到120亿元"),
    ("海拉尔区_report_2014.txt", "reached", 2013, "地区生产总值", "level", 253.7, "全年地区生产总值完成253.7亿元,同比增长10.1%"),
    ("海拉尔区_report_2014.txt", "reached", 2013, "社会消费品零售总额", "level", 110.6, "社会消费品零售总额完成110.6亿元,同比增长13%"),
    ("海拉尔区_report_2014.txt", "goal", 2014, "地区生产总值", "growth", 11.0, "主要预期目标是:地区生产总值增长11%,达到282亿元"),
    ("海拉尔区_report_2014.txt", "goal", 2014, "城镇居民人均可支配收入", "growth", 12.0, "城镇居民人均可支配收入增长12%"),
    ("海拉尔区_report_2015.txt", "reached", 2014, "地区生产总值", "level", 274.4, "2014年,全区地区生产总值完成274.4亿元,同比增长9.1%"),
    ("海拉尔区_report_2015.txt", "reached", 2014, "一般公共预算收入", "level", 13.7, "公共财政预算收入完成13.7亿元,同比增长22.9%"),
    ("海拉尔区_report_2015.txt", "goal", 2015, "地区生产总值", "growth", 8.0, "主要预期目标是:地区生产总值增长8%,达到296亿元"),
    ("海拉尔区_report_2015.txt", "goal", 2015, "一般公共预算收入", "growth", 7.0, "公共财政预算收入增长7%,达到14.6亿元"),
    ("海拉尔区_report_2016.txt", "reached", 2015, "地区生产总值", "level", 287.9, "地区生产总值达到287.9亿元,同比增长8.9%"),
    ("海拉尔区_report_2016.txt", "reached", 2015, "一般公共预算收入", "level", 15.07, "地方公共财政预算收入达到15.07亿元,同比增长10.3%"),
    ("海拉尔区_report_2016.txt", "goal", 2016, "地区生产总值", "growth", 7.5, "主要预期目标是:地区生产总值增长7.5%,达到309亿元"),
    ("海拉尔区_report_2016.txt", "goal", 2016, "社会消费品零售总额", "growth", 9.0, "社会消费品零售总额增长9%"),
    ("海拉尔区_report_2017.txt", "reached", 2016, "地区生产总值", "level", 303.6, "2016年,地区生产总值完成303.6亿元,同比增长7.2%"),
    ("海拉尔区_report_2017.txt", "reached", 2016, "社会消费品零售总额", "level", 149.2, "社会消费品零售总额完成149.2亿元,同比增长9.5%"),
    ("海拉尔区_report_2017.txt", "goal", 2017, "地区生产总值", "growth", 7.5, "主要预期目标是:地区生产总值增长7.5%,达到326.4亿元"),
    ("海拉尔区_report_2018.txt", "reached", 2017, "社会消费品零售总额", "level", 159.5, "社会消费品零售总额完成159.5亿元,同比增长6.9%"),
    ("海拉尔区_report_2018.txt", "goal", 2018, "地区生产总值", "growth", 6.0, "主要预期目标是:地区生产总值增长6%左右"),
    ("海拉尔区_report_2019.txt", "reached", 2018, "地区生产总值", "level", 192.3, "全年地区生产总值完成192.3亿元,按可比价计算,同比增长6.0%"),
    ("海拉尔区_report_2019.txt", "reached", 2018, "社会消费品零售总额", "level", 174.2, "社会消费品零售总额完成174.2亿元,同比增长6.2%"),
    ("海拉尔区_report_2019.txt", "goal", 2019, "地区生产总值", "growth", 3.5, "主要预期目标是:地区生产总值增长3.5%左右"),
    ("易县_report_2019.txt", "reached", 2018, "地区生产总值", "level", 122.4, "预计全县生产总值完成122.4亿元"),
    ("易县_report_2019.txt", "reached", 2018, "社会消费品零售总额", "level", 58.55, "社会消费品零售总额完成58.55亿元,增长11%"),
    ("易县_report_2019.txt", "goal", 2019, "地区生产总值", "growth", 7.0, "主要预期目标是:生产总值增长7%"),
    ("易县_report_2019.txt", "goal", 2019, "社会消费品零售总额", "growth", 9.5, "社会消费品零售总额增长9.5%"),
    ("易县_report_2022.txt", "reached", 2021, "地区生产总值", "level", 124.6, "2021年全县生产总值完成124.6亿元,增长6.3%"),
    ("易县_report_2022.txt", "reached", 2021, "一般公共预算收入", "level", 8.9, "一般公共预算收入完成8.9亿元,同比增长29%"),
    ("易县_report_2022.txt", "goal", 2022, "地区生产总值", "growth", 8.0, "主要预期目标是:地区生产总值增长8%以上"),
    ("河北省_report_2021.txt", "reached", 2020, "地区生产总值", "growth", 3.9, "全年生产总值增长3.9%,一般公共预算收入增长2.3%"),
    ("河北省_report_2021.txt", "goal", 2021, "地区生产总值", "growth", 6.5, "今年全省…主要预期目标是:生产总值增长6.5%"),
    ("河北省_report_2021.txt", "goal", 2021, "社会消费品零售总额", "growth", 8.0, "社会消费品零售总额增长8%左右"),
]

# Figures that are no one year's: a five-year total looking back, a part of an indicator.
NOT_A_YEAR = [
    ("海拉尔区_report_2016.txt", 615.0, "“十二五”期间,累积完成全社会固定资产投资615亿元"),
]
