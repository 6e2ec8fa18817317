"""A date asked in a follow-up: of the answer just given (「日付は？」 after the cabinet decision cited), or of another
thing after an answer about a date (「事例集の公表日は？」→「通知は？」: when the notice came out)."""
from __future__ import annotations

import re

from bot.core.gap_patterns import DATE_GIVEN
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import roles_among
from bot.core.orthography import clean, is_english
from bot.core.types import Context
from bot.core.years import years_in


# 「日付は？」, "The date?": a bare date asked
_BARE_DATE = re.compile(r"^(?:その|それの|で|では|じゃあ)?(?:日付|日にち|年月日)(?:は|を教えて(?:ください)?)?[？?。]?$|"
                        r"^(?:and |so )?(?:the |what |which )?date\??$", re.IGNORECASE)


def date_of_it(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """「いつ？」 for a bare date asked after an answer that gives one (「日付は？」 after the cabinet decision cited:
    its date, not the notice's)."""
    answer = kb.answers.get(context.intent_id, {}).get("ja")
    if answer is None or not _BARE_DATE.match(clean(text)) or not DATE_GIVEN.search(answer.text):
        return None
    return "when?" if is_english(text) else "いつ？"


# 「通知は？」 after when the casebook came out: the same asked of another thing (a date asked before it)
_BARE_OTHER = re.compile(r"^(?:じゃあ|では|で)?((?:この|その)?(?:通知|事例集|参考資料\d?|マニュアル|概要|閣議決定|計画|基本方針))"
                         r"(?:のほう|の方)?(?:は|って)[？?]?$")
_DATE_TITLE = re.compile(r"日付|公表日|発出日")


def when_of_another(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """「いつ？」 added to a bare 「Xは？」 after an answer about a date (「事例集の公表日は？」→「通知は？」: the notice's)."""
    other = _BARE_OTHER.match(clean(text))
    if other is None or not _DATE_TITLE.search(kb.intents[context.intent_id].title or ""):
        return None
    return f"{other.group(1)}はいつ？"


# 「前年度は？」, 「その前の年は何人だった？」, 「去年は？」 after a year's figures: the year before that one (not the other
# year the knowledge holds; neither that year nor last year from today is held)
_YEAR_BEFORE = re.compile(r"^(?:じゃあ|では|で)?(?:その)?(?:前(?:の)?年度?|去年|昨年度?|1年前)(?:の(?:人数|数字|数))?(?:は|って|だと|では)?"
                          r"(?:どう|何人|何名|何か国|何カ国|いくつ|どのくらい|どれくらい|どのぐらい|どれぐらい)?(?:だった|でした)?(?:か|の)?"
                          r"[？?]?$|^(?:and |what about |how about )?(?:in )?the year before(?: that)?\??$|"
                          r"^(?:and |what about )?(?:the )?(?:previous|prior) (?:fiscal )?year\??$", re.IGNORECASE)


def _title_years(kb: KnowledgeBase, intent_id: str) -> frozenset[int]:
    """The years an intent's title names (the figures' own year: 2019's answer also names 2023's figures)."""
    intent = kb.intents.get(intent_id)
    return frozenset(years_in(clean(intent.title))) if intent is not None else frozenset()


def _figures_years(kb: KnowledgeBase, intent_id: str) -> frozenset[int]:
    """The years of the figures an intent gives: its title's, else all it holds figures for."""
    return _title_years(kb, intent_id) or kb.figure_years.get(intent_id, frozenset())


def year_before(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """The year before the figures just given, asked (「前年度は？」 after 令和5年度: 2022年度の人数は？)."""
    years = _figures_years(kb, context.intent_id)
    if len(years) != 1 or not _YEAR_BEFORE.match(clean(text)):
        return None
    # (the count named: a Heisei year, 平成30年度, shares no word with the figures' answers)
    return f"How many in FY{min(years) - 1}?" if is_english(text) else f"{min(years) - 1}年度の人数は？"


# 「何か国から？」, 「そのうち新規は？」, "How many countries?" naming no year: what the figures just given count
_COUNT_OF_IT = re.compile(r"^(?:じゃあ|では|で)?、?(?:その年度?の?)?(?:(?:何|なん)(?:か|カ|ヶ|ヵ|ケ)国(?:から|の人)?|参加国数?|国数|"
                          r"(?:その)?うち新規(?:の人数)?|新規(?:の人数)?)(?:は|って)?(?:何人|何名)?"
                          r"(?:(?:来て|参加して)(?:た|いた|る|いる|ました|います))?(?:の|ん)?(?:ですか|だった|か)?[？?]*$|"
                          r"^(?:and )?(?:from )?how many countries(?: (?:were they from|did they come from))?\??$|"
                          r"^(?:and )?(?:how many )?(?:of them )?(?:were )?new(?: ones| participants)?\??$",
                          re.IGNORECASE)


_NEW = re.compile(r"新規|(?<![a-z])new(?![a-z])")


def of_the_same_year(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """A count asked of the one year whose figures were just given (「令和元年度の参加者数は？」 then 「何か国から？」:
    2019's 57 countries, not the 78 since 1987), with that year named; ``None`` otherwise."""
    years = _title_years(kb, context.intent_id)
    if len(years) != 1 or not _COUNT_OF_IT.match(clean(text)) or roles_among(context.names):
        return None  # (「そのうち新規は？」 after the ALTs of 2023: the new ALTs, read with the role elsewhere)
    year = min(years)
    if _NEW.search(clean(text)) and not any(f.measure == "new" and f.year == year and f.role is None
                                            for f in kb.figures):
        return None  # (2023's new ones are counted by role only: the counts by type answer them)
    return f"{text} in FY{year}" if is_english(text) else f"{year}年度の{text}"


# 「その年のSEAは？」, "How many ALTs that year?", 「同じ年度の国数は」: the year of the figures just given, named (その年 and
# "year" alone found the contract's length in years, "that year" the survey of the next fiscal year; not その年齢, その年間)
_THAT_YEAR = re.compile(r"(?:その|同じ)年度?の?(?!齢|間|代|末|始|収|金|次)|(?<![a-z])(?:(?:in|for|of) )?(?:that|the same) (?:fiscal )?year(?![a-z])",
                        re.IGNORECASE)


def in_that_year(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """The question with "that year" replaced by the one year of the figures just given (「その年のSEAは？」 after
    2023's CIRs: 「2023年度のSEAは？」); ``None`` when it names no such year or the topic has no single year."""
    if _THAT_YEAR.search(text) is None:
        return None
    # (the year of a date just given too: 「その年の参加者は？」 after when JET began, 1987)
    years = _figures_years(kb, context.intent_id) or kb.intent_years.get(context.intent_id, frozenset())
    if len(years) != 1:
        return None
    year = min(years)
    return _THAT_YEAR.sub(f"in FY{year}" if is_english(text) else f"{year}年度の", text, count=1)


# 「ALTだけだと何人だった？」, "How many ALTs?": a role's count asked bare (not "How many ALTs are there?": now;
# not 「ALTを増やしたいんだけど何人まで？」, "how many ALTs can we request?": a plan)
_BARE_ROLE_COUNT = re.compile(r"^(?:じゃあ|では|で)?、?(?:その)?(?:うち|中で)?(?:の)?(?:alt|cir|sea|外国語指導助手|国際交流員)"
                              r"(?:だけ|のみ)?(?:だと|では|は|って|の)?(?:何人|何名|人数|数)(?:は)?(?:だった|でした)?(?:の|か)?[？?]?$|"
                              r"^(?:and |so )?(?:how many|the number of) (?:alts?|cirs?|seas?)"
                              r"(?: then| only| alone)?\??$")


def role_count_of_that_year(kb: KnowledgeBase, text: str, context: Context) -> str | None:
    """A role's count asked with no year after an older year's figures (「ALTだけだと何人だった？」 after 令和元年度's
    participants): asked of that year (its figures by role are not held), not of the newest year's, which the
    question alone would find; ``None`` otherwise."""
    years = _title_years(kb, context.intent_id)
    newest = max((y for held in kb.figure_years.values() for y in held), default=None)
    cleaned = clean(text)
    if len(years) != 1 or min(years) == newest or not _BARE_ROLE_COUNT.match(cleaned):
        return None
    return f"{text} in FY{min(years)}" if is_english(text) else f"{min(years)}年度の{text}"
