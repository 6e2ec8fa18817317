"""The three roles added up (「ALTとCIRとSEAの合計は？」, "ALT + CIR + SEA?", 「SEAも入れると合計は？」 after the ALTs'
and the CIRs' counts): a sum of three printed figures, which is the year's published total of participants. (A
computed figure has two operands, :class:`bot.core.figures.Derivation`; this is the one sum of three people ask.)"""
from __future__ import annotations

import re

from bot.core.figure_asked import roles_named, together
from bot.core.figure_sentence import NOTE
from bot.core.figures import Figure
from bot.core.years import era_label, years_in

ROLES = ("alt", "cir", "sea")
# all of them asked after one or two roles were counted (「全部でいくつ？」: not the reference materials), read with
# synonyms applied (何人 and "how many" are "headcount", "total" is 累計); 合計 after two roles counted is their sum
# (「ALTは？」「CIRは？」「合計は？」 is 5,823)
_ALL_OF_THEM = re.compile(r"^(?:じゃあ|では|で|and )?(?:全部|全体|みんな)(?:で|は|の人数は)? ?(?:いくつ|headcount|何名)?"
                          r" ?(?:ですか|になる|になりますか)?[？?]*$|^headcount (?:in 累計|altogether) ?\??$")
# 「合計は？」 after one role's count: the whole, as 「全部で？」 (after two roles it is their sum: figure_asked)
_TOTAL_ALONE = re.compile(r"^(?:じゃあ|では|で|and )?(?:合計|トータル|総計)(?:で|は|すると|だと)? ?(?:いくつ|headcount|何名)?"
                          r" ?(?:ですか|になる|になりますか)?[？?]*$")
# "Total?" after the roles' counts asks their sum (alone, "total" reads as the cumulative total, 累計)
_TOTAL_EN = re.compile(r"^(?:and |so |ok,? )?(?:what(?:'s| is) )?(?:the |in )?total(?: number| then)? ?\??$")
_ADDED = re.compile(r"(?:alt|cir|sea)s? ?も|全体|(?<![a-z])(?:too|also|as well)(?![a-z])")
# the new ones (not counted for SEA) or a role left out (「SEA除く」): no sum of all three heads
_NOT_ALL = re.compile(r"新規|新しく|新人|初年度|1年目|除|以外|抜き|"
                      r"(?<![a-z])(?:new|first[- ]year|exclud\w*|except|without|minus)(?![a-z])")


def all_roles_summed(figures: tuple[Figure, ...], question: str, remembered: tuple[str, ...],
                     language: str, topic_years: frozenset[int] = frozenset(), new_counted: bool = False
                     ) -> tuple[str, tuple[Figure, ...]] | None:
    """The sentence of the three roles' sum and the figures it adds (with the year's total when printed), or
    ``None`` when the question adds up no three roles. ``question``: cleaned, synonyms applied; ``remembered``:
    the roles the conversation counted (role codes, lower case); ``topic_years``: the one year the conversation's
    figures are of, when the question names none (「全体は？」 after 2019's CIRs: 2019's total); ``new_counted``: the
    conversation counted the new ones (「ALTの新規は？」: a total then is not the three roles' heads)."""
    everyone = bool(remembered) and (_ALL_OF_THEM.match(question) or len(remembered) == 1 and not new_counted
                                     and _TOTAL_ALONE.match(question))  # 「全部で何人？」 after a role's count
    named = roles_named(question)  # (two roles named are those two: 「CIRとSEAを足すと？」 after all three counted,
    # unless added to what was counted: 「ALTとSEAも足した全体は？」 after the CIRs')
    alone = len(named) > 1 and not _ADDED.search(question)
    if not (everyone or together(question) and (named if alone else named | set(remembered)) == set(ROLES)) \
            or _NOT_ALL.search(question):
        return None
    asked = years_in(question) or (set(topic_years) if everyone and len(topic_years) == 1 else set())
    by_year: dict[int, dict[str, Figure]] = {}
    for f in figures:
        if f.measure == "participants" and f.year is not None and f.role and f.role.lower() in ROLES:
            by_year.setdefault(f.year, {})[f.role.lower()] = f
    years = sorted(y for y, roles in by_year.items() if len(roles) == len(ROLES) and (not asked or y in asked))
    if not years:  # 「令和元年度のALTとCIRとSEAの合計は？」: no roles that year, but all of them together are its total
        return _total_only(figures, asked, language)
    year = years[-1]
    parts = [by_year[year][r] for r in ROLES]
    total = sum(f.value for f in parts)
    printed = next((f for f in figures if f.measure == "participants" and f.year == year and not f.role
                    and not f.part and f.value == total), None)
    written = " + ".join(f"{f.value:,}" for f in parts)
    if language == "en":
        line = (f"In fiscal {year}, ALTs, CIRs and SEAs add up to {total:,} ({written} = {total:,}) {NOTE['en']}"
                + (", the published number of all participants." if printed else "."))
    else:
        listed = "、".join(f"{f.role} {f.value:,}人" for f in parts)
        line = (f"{era_label(year)}の{listed}の合計は{total:,}人です（{written} = {total:,}）{NOTE['ja']}。"
                + ("公表されている参加者全体の人数と同じです。" if printed else ""))
    return line, tuple(parts) + ((printed,) if printed else ())


def _total_only(figures: tuple[Figure, ...], asked: set[int], language: str) -> tuple[str, tuple[Figure, ...]] | None:
    total = next((f for f in figures if f.measure == "participants" and f.year in asked and not f.role and not f.part), None)
    if total is None or len(asked) != 1:
        return None
    if language == "en":
        return (f"Figures by role for fiscal {total.year} are not held; all participants that year (the three roles "
                f"together) numbered {total.value:,}.", (total,))
    return (f"{era_label(total.year)}の職種別の人数は資料にありませんが、3職種を合わせた参加者全体の人数は"
            f"{total.value:,}人です。", (total,))


def total_asked(question: str) -> bool:
    """Whether a cleaned question is an English "Total?" alone (after counts: 「合計は？」)."""
    return bool(_TOTAL_EN.match(question))
