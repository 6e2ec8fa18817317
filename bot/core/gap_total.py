"""A year's total that is printed only by role (「令和5年度の新規参加者の総数は？」, "How many new participants in
2023?"): MIC's release gives the new participants of 2023 for ALT and CIR only (none for SEA), so their total is not
known. The roles' figures are given beside it, not summed as if they were the whole.
"""
from __future__ import annotations

import re

from bot.core.figures import Figure
from bot.core.years import years_in

# new participants counted (not 新規招致者配置要望調査: the survey's name)
_NEW_COUNTED = re.compile(r"新規(?:参加者|の参加者|の人|者|招致者数|で来た|は)?(?=[^。？?]{0,12}(?:何人|何名|人数|総数|合計|全体|全部|数|トータル))|"
                          r"(?:何人|人数)[^。？?]{0,6}新規|"
                          r"(?<![a-z])(?:how many new|new (?:participants|ones|jets|arrivals|recruits|people)|newcomers)"
                          r"(?![a-z])", re.IGNORECASE)
_SURVEY = re.compile(r"要望調査|配置要望|招致者配置")
# a role in words the reading may miss (「がいこくご指導助手のしんき参加者数」: typed half in kana)
_ROLE_WORDS = re.compile(r"指導助手|しどうじょしゅ|交流員|こうりゅういん|スポーツ|すぽーつ|(?<![a-z])(?:alt|cir|sea)s?(?![a-z])",
                         re.IGNORECASE)
# not the new ones (「いや、新規だけじゃなく全体で」): the whole is asked, which is printed
_NOT_NEW = re.compile(r"新規(?:だけ|のみ)?(?:じゃ|では|で)なく|新規以外|(?<![a-z])not (?:just |only )?(?:the )?new", re.IGNORECASE)


def total_by_role_only(figures: tuple[Figure, ...], text: str, role_named: bool) -> tuple[int, tuple[Figure, ...]] | None:
    """The year and the roles' figures when the cleaned question asks the new participants of one year, of no role
    (``role_named``: its words name one), and that year's new participants are printed by role only; ``None``
    otherwise."""
    if role_named or _ROLE_WORDS.search(text) or not _NEW_COUNTED.search(text) or _SURVEY.search(text) or _NOT_NEW.search(text):
        return None
    asked = years_in(text)
    if len(asked) != 1:
        return None
    year = next(iter(asked))
    new = [f for f in figures if f.measure == "new" and f.year == year and f.part is None]
    if not new or any(f.role is None for f in new):  # (2019: the year's new participants are printed whole)
        return None
    return year, tuple(new)
