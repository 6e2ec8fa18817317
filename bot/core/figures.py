"""Figures computed from the printed ones: what people ask of the numbers the facts give.

「R1→R5で参加者は何人増えた？」, "How many more ALTs than CIRs?", 「ALTの比率は？」, 「CIRの継続者数
（総数−新規）」: each is a sum the reader would otherwise do by hand. :func:`derive` reads the operation
and its operands from a question and computes it from the ``figures`` of the knowledge (each one a
number printed in a fact, ``knowledge/figures.yaml``); anything it cannot read exactly is left to the
matcher (``None``). The reply shows the sum with its operands, so the reader can check it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.core.knowledge_model import Knowledge
from bot.core.years import relative_year, years_in

Operation = Literal["difference", "ratio", "share", "continuing"]


@dataclass(frozen=True)
class Figure:
    """One printed number: what it counts (``measure``), for which year, role or part, and its fact."""

    measure: str
    value: int
    printed: str
    fact: str
    year: int | None = None
    role: str | None = None
    part: str | None = None


@dataclass(frozen=True)
class Derivation:
    """A computed figure: the operation, its two operands (``first`` op ``second``) and the result."""

    operation: Operation
    first: Figure
    second: Figure
    result: float

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts the operands are printed in, once each."""
        return tuple(dict.fromkeys((self.first.fact, self.second.fact)))


def figures_of(knowledge: Knowledge) -> tuple[Figure, ...]:
    """The knowledge's figures as numbers."""
    return tuple(Figure(str(r.get("measure")), int(str(r.get("value")).replace(",", "")), str(r.get("value")),
                        str(r.get("fact")), r.get("year"), r.get("role"), r.get("part"))
                 for r in knowledge.table("figures").values())


# What is asked of the numbers (the question is cleaned: NFKC, lower case, synonyms applied)
_OPERATIONS: tuple[tuple[Operation, re.Pattern[str]], ...] = (
    ("continuing", re.compile(r"継続|新規以外|新規を除|新規じゃない|2年目以降|returning|continuing|non-new|not new")),
    ("share", re.compile(r"割合|比率|パーセント|[%％]|シェア|占め|何割|percent|percentage|share|proportion")),
    ("ratio", re.compile(r"何倍|[0-9何約]倍|倍(?:です|くらい|ぐらい|程度|\?|？|$)|比(?![率較べ])|ratio|times (?:as|more)")),
    ("difference", re.compile(r"差|増減|増え|減っ|減少|増加|伸び|変化|(?:何(?:人|か国|事例|件)|headcount) ?(?:多|少|ちが|違)|"
                              r"(?:どっち|どちら|より|どれだけ|どれくらい|どのくらい)(?:が)?(?:多|少)|"
                              r"(?:人数|数|何人|headcount) ?の?(?:違い|ちがい)|どう変わ|変わった|"
                              r"difference|differ|(?:more|fewer|less) (?:\w+ )?than|(?:headcount|how many) (?:more|fewer)|"
                              r"increase|decrease|chang|grow|grew|gap|drop|compared|go(?:ing|es)? (?:up|down)|rising|falling")),
)
# A difference must be one of counts (「ALTとCIRの違いは？」 asks what sets the roles apart)
_COUNT = re.compile(r"headcount|人数|何人|\d+人|(?<!複)数|件|か国|カ国|ヶ国|number|participants|people|countries|"
                    r"cases|figures?|totals?|(?:どっちが|どちらが|より)(?:多|少)|which (?:has|had|is|was) (?:more|bigger|"
                    r"larger)|increas|decreas|grow|grew|go(?:ing)? up|go(?:ing)? down|増え|減っ|増加|減少|伸び")
# … and no sum of heads is asked of money (「ALTの報酬は100%国費？」, 「ALTを増やすと交付税も増える？」)
_NOT_COUNTED = re.compile(r"報酬|給|費|税|予算|財政|円|salary|pay|cost|fund|cover|tax|budget|yen")
_OF_ALL = re.compile(r"全体|全参加者|全て|すべて|(?:of )?all (?:the )?(?:jet )?participants|of the total")
_ROLE = re.compile(r"(?<![a-z])(alt|cir|sea)s?(?![a-z])")
_MEASURES = (
    ("cumulative", re.compile(r"累計|延べ|のべ|総計|これまで|cumulative|since 19|in total since|all time")),
    ("countries", re.compile(r"参加国|か国|カ国|ヶ国|国数|何国|countries|nations")),
    ("cases", re.compile(r"事例|cases?(?![a-z])|examples")),
    ("new", re.compile(r"新規|新しく|(?<![a-z])new|first-year|first year")),
)
_PARTS = (("school", re.compile(r"学校|school")), ("community", re.compile(r"地域|community|local")))


_HEADS = re.compile(r"参加者数|人数|何人|headcount|participants|people")


def _measure(text: str) -> str | None:
    """What is counted; ``None`` when both heads and countries are asked (「参加者数と参加国数」)."""
    measure = next((name for name, pattern in _MEASURES if pattern.search(text)), "participants")
    return None if measure == "countries" and _HEADS.search(text) else measure


def _find(figures: tuple[Figure, ...], measure: str, year: int | None = None, role: str | None = None,
          part: str | None = None) -> Figure | None:
    return next((f for f in figures if f.measure == measure and f.role == role and f.part == part
                 and (year is None or f.year == year)), None)


def _latest(figures: tuple[Figure, ...], measure: str, role: str | None) -> int | None:
    """The latest year a figure of this kind is held for (a question naming no year asks the latest)."""
    years = [f.year for f in figures if f.measure == measure and f.role == role and f.year is not None]
    return max(years) if years else None


def operation_asked(text: str) -> Operation | None:
    """The computation a (cleaned, synonym-applied) question asks for, if any."""
    for operation, pattern in _OPERATIONS:
        if not pattern.search(text):
            continue
        if operation == "difference" and not _COUNT.search(text) or _NOT_COUNTED.search(text):
            return None
        return operation
    return None


def derive(figures: tuple[Figure, ...], text: str) -> Derivation | None:
    """The figure a (cleaned, synonym-applied) question asks to compute, or ``None`` when it asks none or its
    operands are not all held (the matcher then answers, or says what is not held)."""
    operation = operation_asked(text)
    if operation is None or not figures:
        return None
    measure = _measure(text)
    if measure is None:
        return None
    roles = list(dict.fromkeys(m.group(1).upper() for m in _ROLE.finditer(text)))
    years = sorted(years_in(text))
    if measure == "cases":
        return _of_cases(figures, operation, text)
    if operation == "continuing":
        return _continuing(figures, roles, years)
    if operation == "share":
        return _share(figures, measure, roles, years, text)
    if len(roles) <= 1 and operation == "difference" and len(years) <= 2:  # one count in two years
        role = roles[0] if roles else None
        held = sorted({f.year for f in figures if f.measure == measure and f.role == role and f.year is not None})
        if len(years) < 2 and len(held) == 2 and set(years) <= set(held) and not relative_year(text):
            # 「参加者は増えている？」: between the two years held (not 「昨年より増えた？」: that year is not held)
            years = held
        if len(years) != 2:
            return None
        earlier, later = (_find(figures, measure, y, role) for y in years)
        return _computed(operation, later, earlier)  # "up 70 from 2019": the later year against the earlier
    if len(roles) == 2 and len(years) <= 1:  # two roles in one year
        year = years[0] if years else _latest(figures, measure, roles[0])
        return _computed(operation, *_larger_first(operation, [_find(figures, measure, year, r) for r in roles]))
    return None


def _larger_first(operation: Operation, pair: list[Figure | None]) -> list[Figure | None]:
    """Two things compared by difference, the larger first (「SEAとCIRはどっちが多い？」: CIR has 460 more)."""
    if operation == "difference" and all(pair):
        return sorted(pair, key=lambda f: -f.value)  # type: ignore[union-attr]
    return pair


def _computed(operation: Operation, first: Figure | None, second: Figure | None) -> Derivation | None:
    if first is None or second is None or first == second:
        return None
    if operation in ("ratio", "share"):
        return Derivation(operation, first, second, first.value / second.value) if second.value else None
    return Derivation(operation, first, second, first.value - second.value)


def _continuing(figures: tuple[Figure, ...], roles: list[str], years: list[int]) -> Derivation | None:
    """Participants who are not new: the total minus the new ones."""
    if len(roles) > 1 or len(years) > 1:
        return None
    role = roles[0] if roles else None
    year = years[0] if years else _latest(figures, "new", role)
    return _computed("continuing", _find(figures, "participants", year, role), _find(figures, "new", year, role))


def _share(figures: tuple[Figure, ...], measure: str, roles: list[str], years: list[int], text: str
           ) -> Derivation | None:
    """One role's share of all participants, or the new ones' share of a role's (or everyone's) total."""
    if len(roles) > 1 or len(years) > 1 or (not roles and measure != "new"):
        return None
    role = roles[0] if roles else None
    year = years[0] if years else _latest(figures, measure, role)
    if measure == "new":  # of the role's total, or of everyone when asked so (「新規のALTは全体の何%？」)
        whole = None if _OF_ALL.search(text) else role
        return _computed("share", _find(figures, "new", year, role), _find(figures, "participants", year, whole))
    return _computed("share", _find(figures, "participants", year, role), _find(figures, "participants", year))


def _of_cases(figures: tuple[Figure, ...], operation: Operation, text: str) -> Derivation | None:
    """The casebook's cases: one field's share of all, or the two fields against each other."""
    parts = [name for name, pattern in _PARTS if pattern.search(text)]
    total = _find(figures, "cases")
    if operation == "share" and len(parts) == 1:
        return _computed("share", _find(figures, "cases", part=parts[0]), total)
    if operation in ("difference", "ratio") and len(parts) == 2:
        return _computed(operation, *_larger_first(operation, [_find(figures, "cases", part=p) for p in parts]))
    return None
