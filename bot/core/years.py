"""Years as people write them: 令和5年度, 2023年度, FY2023, R5, 令和元年 -- one form for matching,
and the fiscal years a question or an answer names.

:func:`normalise` rewrites every Gregorian or abbreviated year into the Japanese era form the
notice uses (2023年度 -> 令和5年度, FY2019 -> 令和1年度), so that a year matches however it is
written. :func:`years_in` lists the years (as Gregorian numbers) a text names, and
:func:`relative_year` tells whether a question asks about "this year", "the latest" or
"next year" without naming one.
"""
from __future__ import annotations

import re
from typing import Literal

_ERAS = (("令和", 2018), ("平成", 1988), ("昭和", 1925))
_GREGORIAN = re.compile(r"(?<![0-9a-z,])(?:fy\s?|fiscal\s(?:year\s)?)?((?:19|20)\d\d)(?:\s?(年度|年))?(?![0-9人名円件か年]|,\d)")
_SHORT_FY = re.compile(r"(?<![0-9a-z])fy\s?([0-9]{2})(?![0-9])")  # FY23: fiscal 2023
_SHORT_ERA = re.compile(r"(?<![0-9a-z])([rh])\s?(\d{1,2})(?:\s?(年度|年))?(?![0-9a-z])")
_GANNEN = re.compile(r"(令和|平成)元(年度|年)")
# an era in Latin letters ("Reiwa 5", "Heisei 31", "reiwa gannen"): typed without Japanese input
_LATIN_ERA = re.compile(r"(?<![a-z])(reiwa|heisei|showa|shouwa)\s?(\d{1,2}|gannen)(?![0-9])(?:\s?(年度|年))?")
_LATIN_ERAS = {"reiwa": "令和", "heisei": "平成", "showa": "昭和", "shouwa": "昭和"}
_SHORT_GANNEN = re.compile(r"(?<![a-z])([rh])\s?元")  # R元, H元年度: an era's first year abbreviated (R1, H1年度)
# a year in an era as people write it, the era by name or by letter (令和5, 平成元, R5, H元): for patterns around years
WRITTEN_ERA_YEAR = r"(?:(?:昭和|平成|令和)(?:\d{1,2}|元)|(?<![a-z])[shr] ?(?:\d{1,2}|元))"
# 「元年度 累計」: the present era's first (not 地元年度, H元年度 or JET元年度: the programme's first year)
_BARE_GANNEN = re.compile(r"(?<![\u3400-\u9fffa-z])元年度")
_LATE_HEISEI = re.compile(r"平成(3[1-9])(?![0-9])")
_ERA_YEAR = re.compile(r"(令和|平成|昭和)(\d{1,2})(?:年度|年)?")
ERA_YEAR = _ERA_YEAR  # for removing a year from a text
Relative = Literal["current", "next", "previous"]
_RELATIVE = (
    ("next", re.compile(r"来年度|次年度|来年|らいねんど|next (?:fiscal )?year|upcoming year")),
    ("previous", re.compile(r"昨年度|前年度|昨年|去年|last (?:fiscal )?year|previous year")),
    ("current", re.compile(r"今年度|本年度|今年|こんねんど|現在|最新|直近|今の|(?<![a-z])(?:latest|most recent|current|"
                           r"currently|this year|now|today)(?![a-z])")),
)
_NOW = re.compile(r"現在|最新|直近|(?<![a-z])(?:latest|most recent|currently)(?![a-z])")
# 予定 of the programme, not the writer's plans (「資料に記載する予定です」, 「説明会を開く予定で、」)
PLANNED = r"予定(?!です(?!か)|で(?!す|しょう))"
_PLANNED = re.compile(PLANNED + r"|見込み|見通し|予測|目標|(?<![a-z])(?:planned|expected|forecast|projected)(?![a-z])")


def _era(year: int, suffix: str) -> str:
    for name, offset in _ERAS:
        if year > offset:
            return f"{name}{year - offset}{suffix}"
    return f"{year}{suffix}"


def normalise(text: str) -> str:
    """Every year in one form: 2023年度, FY2023, FY23 and R5 become 令和5年度; 令和元年 becomes 令和1年, R元 令和1年度, and 元年度
    alone 令和1年度.

    ``text`` is already cleaned (NFKC, lower case). A bare four-digit number counts as a year
    only between 1987 (the programme's first year) and 2099.
    """
    text = _LATIN_ERA.sub(lambda m: f"{_LATIN_ERAS[m.group(1)]}{1 if m.group(2) == 'gannen' else int(m.group(2))}"
                                  f"{m.group(3) or '年度'}", text)
    text = _SHORT_GANNEN.sub(r"\g<1>1", text)
    text = _GANNEN.sub(lambda m: f"{m.group(1)}1{m.group(2)}", text)
    text = _BARE_GANNEN.sub("令和1年度", text)

    def gregorian(match: re.Match[str]) -> str:
        year = int(match.group(1))
        if not 1987 <= year <= 2040:
            return match.group(0)
        return _era(year, match.group(2) or "年度")

    text = _GREGORIAN.sub(gregorian, _SHORT_FY.sub(lambda m: f"fy20{m.group(1)}", text))
    text = _SHORT_ERA.sub(lambda m: f"{'令和' if m.group(1) == 'r' else '平成'}{int(m.group(2))}"
                                    f"{m.group(3) or '年度'}", text)
    # 平成31年度 (H31) is the fiscal year the notice calls 令和元年度: the era changed in its first month
    return _LATE_HEISEI.sub(lambda m: f"令和{int(m.group(1)) - 30}", text)


def years_in(text: str, fiscal_only: bool = False) -> set[int]:
    """The Gregorian years a (cleaned) text names, however written (``fiscal_only``: only 年度)."""
    found = set()
    for match in _ERA_YEAR.finditer(normalise(text)):
        if fiscal_only and not match.group(0).endswith("年度"):
            continue
        offset = dict(_ERAS)[match.group(1)]
        found.add(offset + int(match.group(2)))
    return found


def era_label(year: int) -> str:
    """令和5年度（2023年度）: how answers write a fiscal year."""
    era = _era(year, "年度").replace("令和1年度", "令和元年度").replace("平成1年度", "平成元年度")
    return f"{era}（{year}年度）"


def relative_year(text: str) -> Relative | None:
    """Whether a (cleaned) question asks about this year / the latest, next year or last year."""
    # 「来年度予算の資料に現在の人数を」: what is asked is now, next year is the purpose; but "the latest
    # forecast for next year" (最新の見込み) still asks about next year
    if _NOW.search(text) and not _PLANNED.search(text):
        return "current"
    for kind, pattern in _RELATIVE:
        if pattern.search(text):
            return kind  # type: ignore[return-value]
    return None
