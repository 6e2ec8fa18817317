"""The sentence of a computed figure: both operands, the result, and the sum written out so it can be checked."""
from __future__ import annotations

from bot.core.figures import Derivation, Figure
from bot.core.types import Language
from bot.core.years import era_label

_UNIT = {"countries": "か国", "cases": "事例", "contract_years": "年"}
_PART = {"ja": {"school": "学校における活動", "community": "地域における活動", "since_start": "創設以来の累計参加国",
                "usual": "通常の上限（通算）", "longest": "特に優秀と認められた場合の上限（通算）"},
         "en": {"school": "school cases", "community": "community cases", "since_start": "countries since 1987",
                "usual": "years as the usual limit", "longest": "years for especially good participants"}}
NOTE = {"ja": "（公表された数字からの計算です）", "en": "(calculated from the published figures)"}  # every computed figure says so


def _year(year: int | None, language: Language) -> str:
    """「令和5年度（2023年度）の」, "In fiscal 2023, "; nothing for a figure of no year (the casebook's)."""
    if year is None:
        return ""
    return f"In fiscal {year}, " if language == "en" else f"{era_label(year)}の"


def _what(figure: Figure, language: Language) -> str:
    """What a figure counts: 「ALTの新規」, "new ALTs", 「参加国」."""
    if figure.part:
        return _PART[language][figure.part]
    roles = figure.role.split("+") if figure.role else []  # ALT+CIR: two roles added up
    if language == "en":
        base = {"countries": "countries", "cumulative": "participants in total since 1987", "cases": "cases"}.get(
            figure.measure, " and ".join(f"{r}s" for r in roles) or "participants")
        return f"{ {'new': 'new ', 'continuing': 'continuing '}.get(figure.measure, '')}{base}"
    base = {"countries": "参加国", "cumulative": "累計参加者", "cases": "事例集の全"}.get(figure.measure,
                                                                             "と".join(roles) or "参加者")
    if figure.measure == "continuing":
        return f"{figure.role}の継続（新規以外）" if figure.role else "継続参加者（新規以外）"
    return (f"{'と'.join(roles)}の新規" if roles else "新規参加者") if figure.measure == "new" else base


def _amount(value: float, figure: Figure, language: Language) -> str:
    """「4,887人」, 「7か国」, "4,887"."""
    return f"{value:,.0f}" if language == "en" else f"{value:,.0f}{_UNIT.get(figure.measure, '人')}"


def _counted(figure: Figure, language: Language) -> str:
    """「CIR 468人」, 「参加者5,831人」, "468 CIRs": what a figure counts, with its value."""
    if language == "en":
        return f"{figure.value:,} {_what(figure, language)}"
    what = _what(figure, language)
    return f"{what}{' ' if what[-1].isascii() else ''}{_amount(figure.value, figure, language)}"


def _sum(d: Derivation) -> str:
    """The sum written out: 5,831 − 5,761 = 70; 5,355 ÷ 5,831 ≈ 91.8%; (5,831 − 5,761) ÷ 5,761 ≈ 1.2%."""
    a, b = d.first.printed, d.second.printed
    if d.operation == "ratio":
        return f"{a} ÷ {b} ≈ {d.result:.1f}"
    if d.operation == "share":
        return f"{a} ÷ {b} ≈ {d.result * 100:.1f}%"
    if d.operation == "growth":
        return f"({a} − {b}) ÷ {b} ≈ " + f"{d.result * 100:.1f}%".replace("-", "−")
    if d.operation == "sum":
        return f"{a} + {b} = {d.result:,.0f}"
    return f"{a} − {b} = " + f"{d.result:,.0f}".replace("-", "−")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _english(d: Derivation, where: str) -> str:
    a, b, change, en = d.first, d.second, abs(d.result), "en"
    if d.operation == "elapsed":
        return (f"The JET Programme was founded in fiscal {b.value}; by fiscal {a.value} it had been running "
                f"{d.result:,.0f} years (its {_ordinal(int(d.result) + 1)} year)")
    if d.operation in ("difference", "growth") and a.year != b.year and None not in (a.year, b.year):
        trend = "up" if d.result >= 0 else "down"
        by = f"about {change * 100:.1f}%" if d.operation == "growth" else f"{change:,.0f}"
        return (f"In fiscal {b.year} there were {_counted(b, en)}; in fiscal {a.year}, {_counted(a, en)}: "
                f"{trend} by {by}")
    if d.operation == "difference" and a.year != b.year:  # (the countries since 1987 against one year's)
        return f"{a.value:,} {_what(a, en)}; in fiscal {b.year}, {_counted(b, en)}: a difference of {change:,.0f}"
    if a.measure == "contract_years":
        return f"{a.value} {_what(a, en)}, {b.value} {_what(b, en)}: {change:,.0f} years longer"
    said = {
        "difference": f"there were {_counted(a, en)} and {_counted(b, en)}: a difference of {change:,.0f}",
        "ratio": f"there were {_counted(a, en)} and {_counted(b, en)}: about {d.result:.1f} times as many",
        "sum": f"there were {_counted(a, en)} and {_counted(b, en)}: {d.result:,.0f} together",
        "share": f"{_counted(a, en)} and {_counted(b, en)}: the {_what(a, en)} are about {d.result * 100:.1f}% of "
                 f"the {_what(b, en)}' number" if _of_another_role(d) else
                 f"{_counted(a, en)} out of {_counted(b, en)}: about {d.result * 100:.1f}%",
        "continuing": f"{_counted(a, en)}, of whom {b.value:,} were new: {change:,.0f} continuing",
        "excluding": f"{_counted(a, en)}, less {_counted(b, en)}: {change:,.0f}",
    }[d.operation]
    return where + (said if where else said[0].upper() + said[1:])


def _japanese(d: Derivation, where: str) -> str:
    a, b, ja = d.first, d.second, "ja"
    x, y, diff = _amount(a.value, a, ja), _amount(b.value, b, ja), _amount(abs(d.result), a, ja)
    if d.operation == "elapsed":
        return (f"JETプログラムは{era_label(b.value)}に創設され、{era_label(a.value)}の時点で{d.result:,.0f}年が"
                f"経っています（{d.result + 1:,.0f}年目）")
    if d.operation in ("difference", "growth") and a.year != b.year and None not in (a.year, b.year):
        trend = "増えています" if d.result >= 0 else "減っています"
        by = f"約{abs(d.result) * 100:.1f}%" if d.operation == "growth" else diff
        return f"{_what(a, ja)}は{_year(b.year, ja)}{y}から{_year(a.year, ja)}{x}へ、{by}{trend}"
    if d.operation == "difference" and a.year != b.year:  # (the countries since 1987 against one year's)
        return f"{_what(a, ja)}は{x}、{_year(b.year, ja)}{_what(b, ja)}は{y}で、差は{diff}です"
    more = "長い" if a.measure == "contract_years" else "多い"
    return where + {
        "difference": f"{_what(a, ja)}は{x}、{_what(b, ja)}は{y}で、{_what(a, ja)}のほうが{diff}{more}です",
        "ratio": f"{_what(a, ja)}は{x}、{_what(b, ja)}は{y}で、{_what(a, ja)}は{_what(b, ja)}の約{d.result:.1f}倍です",
        "sum": f"{_what(a, ja)}は{x}、{_what(b, ja)}は{y}で、合計{_amount(d.result, a, ja)}です",
        "share": f"{_what(a, ja)}は{x}、{_what(b, ja)}は{y}で、{_what(a, ja)}は{_what(b, ja)}の約{d.result * 100:.1f}%です"
                 if _of_another_role(d) else f"{_counted(b, ja)}のうち{_part(a, b)}は{x}で、約{d.result * 100:.1f}%です",
        "continuing": f"{_counted(a, ja)}のうち新規は{y}で、新規以外（継続）は{diff}です",
        "excluding": f"{_counted(a, ja)}から{_counted(b, ja)}を除くと{diff}です",
    }[d.operation]


def _part(a: Figure, whole: Figure) -> str:
    """What a share counts, in Japanese: 「ALT 5,355人のうち継続（新規以外）は…」, not 「…のうちALTの継続は」."""
    return "継続（新規以外）" if a.measure == "continuing" and a.role == whole.role else _what(a, "ja")


def _of_another_role(d: Derivation) -> bool:
    """「CIRはALTの何%？」: a share of a role the counted ones are not among."""
    return d.operation == "share" and d.first.measure == d.second.measure in ("participants", "new") \
        and bool(d.first.role and d.second.role) and d.first.role != d.second.role


def sentence(d: Derivation, language: Language) -> str:
    """The computed figure in one sentence, with the sum written out."""
    where, worked = _year(d.first.year if d.operation != "elapsed" else None, language), _sum(d)
    if language == "en":
        return f"{_english(d, where)} ({worked}) {NOTE[language]}."
    return f"{_japanese(d, where)}（{worked.replace('≈', '≒')}）{NOTE[language]}。"
