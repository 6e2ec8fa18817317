"""Figures that are no year's count, compared: the contract's two limits and the countries since 1987.

「通常の上限と特に優秀な場合の上限、何年違う？」 (5 − 3 = 2 years) and 「累計の参加国数と令和5年度の参加国数の差は？」
(78 − 50 = 28 countries) are sums the reader would otherwise do by hand, like those of :mod:`bot.core.figures`. Their
operands are figures of the knowledge (``knowledge/figures.yaml``) told apart by their ``part``: the contract's
``usual`` and ``longest`` limits, and the countries ``since_start``. Anything else is no computation (``None``).
"""
from __future__ import annotations

import re

from bot.core.figures import Derivation, Figure
from bot.core.years import years_in

# the contract's limits compared (the question is cleaned, synonyms applied)
_CONTRACT = re.compile(r"任期|任用期間|契約|通算|特に優秀|最長|contract|(?:longest|maximum|usual|normal) (?:term|stay)")
_YEARS_MORE = re.compile(r"何年(?:違|ちが|長|多|延|の差)|何年間?(?:長|多)|差|違い|(?:how many|headcount) (?:more )?years (?:longer|more)|"
                         r"(?:how much|how many years|headcount years|年数) (?:longer|more)|difference")  # ("how many years": 年数)
# the countries since 1987 and a year's (「累計の参加国数と令和5年度の参加国数の差は？」)
_SINCE_START = re.compile(r"累計|創設以来|これまで|延べ|since (?:1987|it began|the start)|in total|cumulative")
_YEARLY = re.compile(r"令和\d|平成\d|(?:19|20)\d\d|単年|その年|年度|fy ?\d|fiscal")
_COUNTRIES = re.compile(r"参加国|か国|カ国|ヶ国|countries|国数")
_DIFFERENCE = re.compile(r"差|違|ちが|何か国(?:多|少)|(?:どれだけ|どのくらい|どれくらい|いくつ)(?:多|少)|difference|"
                         r"(?:how many|headcount) (?:more|fewer)|(?:more|fewer|less) (?:\w+ ){0,4}than")
_RANKING = re.compile(r"一番|最も|もっとも|最多|(?<![a-z])(?:most|top|largest|biggest)(?![a-z])")  # (「一番多い国は？」)


def derive_limits(figures: tuple[Figure, ...], text: str) -> Derivation | None:
    """The difference a (cleaned, synonym-applied) question asks between the contract's limits, or between the
    countries since 1987 and one year's (the year named, else the latest held)."""
    named = years_in(text)
    year = next(iter(named)) if len(named) == 1 else None
    if _CONTRACT.search(text) and _YEARS_MORE.search(text):
        return _between(figures, "contract_years", "longest", "usual")
    if _COUNTRIES.search(text) and _SINCE_START.search(text) and _YEARLY.search(text) and _DIFFERENCE.search(text) \
            and not _RANKING.search(text):
        held = [f for f in figures if f.measure == "countries" and f.part is None and f.year is not None
                and (year is None or f.year == year)]
        since = next((f for f in figures if f.measure == "countries" and f.part == "since_start"), None)
        latest = max(held, key=lambda f: f.year or 0, default=None)
        return Derivation("difference", since, latest, since.value - latest.value) if since and latest else None
    return None


def _between(figures: tuple[Figure, ...], measure: str, larger: str, smaller: str) -> Derivation | None:
    first = next((f for f in figures if f.measure == measure and f.part == larger), None)
    second = next((f for f in figures if f.measure == measure and f.part == smaller), None)
    return Derivation("difference", first, second, first.value - second.value) if first and second else None
