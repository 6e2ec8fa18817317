"""Figures computed from the printed ones: what people ask of the numbers the facts give.

「R1→R5で参加者は何人増えた？」, "How many more ALTs than CIRs?", 「ALTの比率は？」, 「CIRの継続者数
（総数−新規）」: each is a sum the reader would otherwise do by hand. :func:`derive` reads the operation
and its operands from a question and computes it from the ``figures`` of the knowledge (each one a
number printed in a fact, ``knowledge/figures.yaml``); anything it cannot read exactly is left to the
matcher (``None``). The reply shows the sum with its operands, so the reader can check it.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.core.figure_asked import Asked, Operation, read
from bot.core.knowledge_model import Knowledge


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


def _find(figures: tuple[Figure, ...], measure: str, year: int | None = None, role: str | None = None,
          part: str | None = None) -> Figure | None:
    return next((f for f in figures if f.measure == measure and f.role == role and f.part == part
                 and (year is None or f.year == year)), None)


def _latest(figures: tuple[Figure, ...], measure: str, role: str | None) -> int | None:
    """The latest year a figure of this kind is held for (a question naming no year asks the latest)."""
    years = [f.year for f in figures if f.measure == measure and f.role == role and f.year is not None]
    return max(years) if years else None


def derive(figures: tuple[Figure, ...], text: str) -> Derivation | None:
    """The figure a (cleaned, synonym-applied) question asks to compute, or ``None`` when it asks none or its
    operands are not all held (the matcher then answers, or says what is not held)."""
    asked = read(text) if figures else None
    if asked is None:
        return None
    roles, years = list(asked.roles), list(asked.years)
    if not (asked.counted or roles or years):  # 「継続は？」 alone: of whom?
        return None
    if asked.operation == "elapsed":
        return _elapsed(figures, years)
    if asked.operation == "excluding":
        if roles or len(asked.left_out) != 1 or len(years) > 1:
            return None
        year = years[0] if years else _latest(figures, "participants", asked.left_out[0])
        return _computed("excluding", _find(figures, "participants", year), _find(figures, "participants", year,
                                                                                   asked.left_out[0]))
    if asked.measure == "cases":
        return _of_cases(figures, asked)
    if asked.operation == "continuing":
        return _continuing(figures, roles, years)
    if asked.operation == "share" and len(roles) == 2 and len(years) <= 1:
        return _share_of_two(figures, asked)
    if len(roles) <= 1 and (asked.operation in ("difference", "growth") or asked.operation == "share" and len(years) == 2):
        return _between_years(figures, asked)
    if asked.operation == "share":
        return _share(figures, asked.measure, roles, years, asked.of_all)
    if len(roles) == 2 and len(years) <= 1:  # two roles in one year
        year = years[0] if years else _latest(figures, asked.measure, roles[0])
        pair = _larger_first(asked.operation, [_find(figures, asked.measure, year, r) for r in roles])
        if asked.per_one is not None and pair[0] is not None and pair[0].role == asked.per_one:
            return None  # (「ALT1人あたりCIRは何人？」: a fraction of one, not "ALT is 11.4 times CIR")
        return _computed(asked.operation, *pair)
    return None


def _between_years(figures: tuple[Figure, ...], asked: Asked) -> Derivation | None:
    """One count in two years: the change, or the change in per cent (the later year against the earlier)."""
    role = asked.roles[0] if asked.roles else None
    held = sorted({f.year for f in figures if f.measure == asked.measure and f.role == role and f.year is not None})
    years = list(asked.years)
    if len(years) < 2 and len(held) == 2 and set(years) <= set(held) and (asked.trend or years) and not asked.relative:
        # 「参加者は増えている？」, "How many countries fewer than in 2019?": between the two years held (not
        # 「昨年より」: that year is not held)
        years = held
    if len(years) != 2:
        return None
    earlier, later = (_find(figures, asked.measure, y, role) for y in years)
    return _computed("difference" if asked.operation == "difference" else "growth", later, earlier)


def _elapsed(figures: tuple[Figure, ...], years: list[int]) -> Derivation | None:
    """Years since the programme was founded, as of the year named or the latest year figures are held for."""
    founded = _find(figures, "founded")
    at = [y for y in years if founded is None or y != founded.year]
    year = at[-1] if at else max((f.year for f in figures if f.year is not None and f.measure != "founded"),
                                 default=None)
    if founded is None or year is None or year <= founded.value:
        return None
    return _computed("elapsed", Figure("year", year, str(year), founded.fact, year), founded)


def _larger_first(operation: Operation, pair: list[Figure | None]) -> list[Figure | None]:
    """Two things compared, the larger first (「SEAとCIRはどっちが多い？」: CIR has 460 more; 「SEAとCIRの比は？」: CIR
    has about 58.5 times as many, not "SEA has 0.0 times")."""
    if operation in ("difference", "ratio") and all(pair):
        return sorted(pair, key=lambda f: -f.value)  # type: ignore[union-attr]
    return pair


def _computed(operation: Operation, first: Figure | None, second: Figure | None) -> Derivation | None:
    if first is None or second is None or first == second:
        return None
    if operation in ("ratio", "share", "growth"):
        if not second.value:
            return None
        change = first.value - second.value if operation == "growth" else first.value
        return Derivation(operation, first, second, change / second.value)
    if operation == "sum":
        return Derivation(operation, first, second, first.value + second.value)
    return Derivation(operation, first, second, first.value - second.value)


def _continuing(figures: tuple[Figure, ...], roles: list[str], years: list[int]) -> Derivation | None:
    """Participants who are not new: the total minus the new ones."""
    if len(roles) > 1 or len(years) > 1:
        return None
    role = roles[0] if roles else None
    year = years[0] if years else _latest(figures, "new", role)
    return _computed("continuing", _find(figures, "participants", year, role), _find(figures, "new", year, role))


def _share(figures: tuple[Figure, ...], measure: str, roles: list[str], years: list[int], of_all: bool
           ) -> Derivation | None:
    """One role's share of all participants, or the new ones' share of a role's (or everyone's) total."""
    if len(roles) > 1 or len(years) > 1 or (not roles and measure not in ("new", "continuing")):
        return None
    role = roles[0] if roles else None
    year = years[0] if years else _latest(figures, "new" if measure == "continuing" else measure, role)
    if measure == "continuing":  # the total less the new ones, of the role's total (or everyone's)
        total, new = _find(figures, "participants", year, role), _find(figures, "new", year, role)
        if total is None or new is None:
            return None
        continuing = Figure("continuing", total.value - new.value, f"({total.printed} − {new.printed})", total.fact,
                            year, role)
        return _computed("share", continuing, _find(figures, "participants", year) if of_all and role else total)
    if measure == "new":  # of the role's total, or of everyone when asked so (「新規のALTは全体の何%？」)
        whole = None if of_all else role
        return _computed("share", _find(figures, "new", year, role), _find(figures, "participants", year, whole))
    return _computed("share", _find(figures, "participants", year, role), _find(figures, "participants", year))


def _share_of_two(figures: tuple[Figure, ...], asked: Asked) -> Derivation | None:
    """Two roles: one as a share of the other (「CIRはALTの何%？」), or both together as a share of everyone
    (「ALTとCIRを合わせると全体の何%？」); ``None`` when the question does not say which (「ALTとCIRの割合は？」)."""
    measure = asked.measure  # (「新規のALTとCIRを合わせると」: the new ones)
    year = asked.years[0] if asked.years else _latest(figures, "participants", asked.roles[0])
    first, second = (_find(figures, measure, year, r) for r in asked.roles)
    if measure not in ("participants", "new") or first is None or second is None:
        return None
    if asked.together and asked.of_all:
        both = Figure(measure, first.value + second.value, f"({first.printed} + {second.printed})", first.fact,
                      year, f"{first.role}+{second.role}")
        return _computed("share", both, _find(figures, "participants", year))
    if asked.whole in asked.roles and not asked.together:
        part, whole = (second, first) if first.role == asked.whole else (first, second)
        return _computed("share", part, whole)
    return None


def _of_cases(figures: tuple[Figure, ...], asked: Asked) -> Derivation | None:
    """The casebook's cases: one field's share of all, or the two fields against each other (or together)."""
    total, parts = _find(figures, "cases"), asked.parts
    if not parts and asked.operation in ("difference", "ratio"):  # 「差は？」 after the casebook's breakdown
        parts = ("school", "community")
    if asked.operation == "share" and len(parts) == 1:
        return _computed("share", _find(figures, "cases", part=parts[0]), total)
    if asked.operation in ("difference", "ratio", "sum", "share") and len(parts) == 2:  # (「…の比率」 of two: a ratio)
        operation: Operation = "ratio" if asked.operation == "share" else asked.operation
        pair = [_find(figures, "cases", part=p) for p in parts]
        return _computed(operation, *_larger_first(operation, pair))
    return None
