"""What a question asks of the printed figures: the sum, what is counted, and the years, roles and parts named.

The question is read cleaned (NFKC, lower case) with the synonyms applied (何人 and "how many" read as
headcount, 国際交流員 as cir). :mod:`bot.core.figures` computes what is read here; anything it cannot read
exactly is no computation (``None``), and the matcher answers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.core.gap_patterns import PLACE, SHARE_NOUN, SINCE
from bot.core.years import PLANNED, relative_year, years_in

Operation = Literal["difference", "ratio", "share", "continuing", "sum", "growth", "elapsed", "excluding"]

# 「何年たつの？」, "How many years has JET been running?": the years since the programme began (not 「何年目まで更新
# できる？」: a participant's limit)
_SINCE_FOUNDED = re.compile(r"何年(?:たつ|経つ|経った|たった|経ち|たち|経過|になる|目(?!まで)|続いて(?:いる|る|き))|"
                            r"今年で何年|何周年|(?:how many|headcount) years|"
                            r"how long has|been running|(?:創設|開始|始まって|始まり|できて) ?から[^。？?]{0,14}(?:何年|年数)|できて ?何年|"
                            r"(?:創設|開始|発足|スタート) ?の ?[^。？?]{0,12}から[^。？?]{0,14}(?:何年|年数)|"
                            r"(?:years|年数) since (?:it |jet |the programme )?(?:was )?(?:創設|founded|started|launched|began)|(?:years|年数) ago|何年前")
_SHARE = re.compile(r"割合|比率|パーセント|[%％]|シェア|占め|何割|(?:継続|新規)率|percent|percentage|proportion|fraction|"
                    r"(?:retention|continuation) rate|" + SHARE_NOUN)
_SUM = re.compile(r"合計|足す|足した|足すと|(?:合わせ|あわせ)(?:ると|た(?:数|人数)|て ?(?:何|なん|いくつ|headcount))|[+＋]|plus|"
                  r"combined|altogether|together|(?<![a-z])sum(?![a-z])")
_OPERATIONS: tuple[tuple[Operation, re.Pattern[str]], ...] = (
    ("elapsed", _SINCE_FOUNDED),
    ("growth", re.compile(r"増加率|減少率|伸び率|何(?:%|％|パーセント)(?:増|減|伸)|growth rate|by (?:how many|headcount) percent|"
                          r"by what percent|percent(?:age)? (?:change|increase|decrease|growth)")),
    ("continuing", re.compile(r"継続|新規以外|新規を除|新規じゃない|[2２二]年目以[降上]|returning|continuing|retention|retained|"
                              r"continuation|non-new|not new|"
                              r"not (?:in their )?first[- ]year")),
    ("share", _SHARE),
    ("ratio", re.compile(r"何倍|何ばい|何分の ?[1一]|[0-9何約]倍|倍(?:です|くらい|ぐらい|程度|\?|？|$)|(?<![\d元度])比(?![率較べ])|ratio|times (?:as|more)|(?:how many|headcount) times|"
                         r"(?:[1一] ?人|ひとり|headcount) ?(?:あたり|当たり|に対して|に対し|につき)|for every (?:one|1)|per (?:one|1)? ?(?:alt|cir|sea)")),
    ("sum", _SUM),
    ("difference", re.compile(r"差|増減|増え|減っ|減り|増し|減少|増加|伸び|変化|(?:何(?:人|か国|事例|件)|headcount|件数) ?(?:多|少|ちが|違)|"
                              r"(?:どっち|どちら|より|どれだけ|どれくらい|どのくらい)(?:が)?(?:多|少)|(?:どっち|どちら)(?:が|の方が|のほうが)?(?:高|低)|"
                              r"(?:人数|数|何人|headcount) ?の?(?:違い|ちがい)|どう変わ|変わった|どう違|どれだけ違|"
                              r"difference|differ|(?:more|fewer|less) (?:\w+ ){0,4}than|(?:headcount|how many) (?:more|fewer)|"
                              r"increase|decrease|(?<![a-z])chang|grow|grew|gap|drop|compared|(?:go(?:ing|es)?|went) (?:up|down)|"
                              r"by how many|rising|falling")),
)
# A difference must be one of counts (「ALTとCIRの違いは？」 asks what sets the roles apart)
_COUNT = re.compile(r"headcount|人数|何人|\d+人|(?<!複)数|件|事例(?!集)|か国|カ国|ヶ国|参加者|number|participants|people|countries|"
                    r"cases|figures?|totals?|(?:どっちが|どちらが|より)(?:多|少)|which (?:has|had|is|was) (?:more|bigger|"
                    r"larger)|increas|decreas|grow|grew|go(?:ing)? up|go(?:ing)? down|増え|減っ|減り|増し|増加|減少|伸び")
# Nothing is computed of money (「ALTの報酬は100%国費？」), of a breakdown the figures lack (英語の, 女性, by school
# level, nationality or place: 「女性ALTの割合は？」, 「愛知県のALTの割合は？」), of a forecast or an opinion (「今後増える見込み？」, 「増やすべき？」)
_NOT_COMPUTED = re.compile(
    r"報酬|給|費|税|予算|財政|円|salary|pay|cost|fund|cover|tax|budget|yen|"
    r"英語の|女性|男性|女の|男の|小学校|中学校|高校|高等学校|国別|国籍|出身|都道府県|県別|市町村別|言語|"
    r"female|(?<![a-z])male|women|(?<![a-z])men(?![a-z])|teach|elementary|junior|high school|nationalit|country of origin|prefectur|"
    r"更新|再任|renew|re-?contract|"  # (how many renew: a rate the figures do not hold)
    r"今後|見込|" + PLANNED + r"|予測|将来|べき|した方が|forecast|expected|future|next year|will (?:it|they|the)|should|"
    # … nor of time (「柏崎の事例って子ども1人あたり何分ALTと話す？」: a case's minutes per child, as printed)
    r"何分(?! ?の)|分間|何時間|minutes|hours")
_TREND = re.compile(r"増え|減っ|減り|増し|増加|減少|伸び|増減|変化|変わ|推移|increas|decreas|grow|grew|(?<![a-z])chang|go(?:ing|es)? (?:up|down)|"
                    r"rising|falling|drop|trend")
_PEOPLE = re.compile(r"参加者|人数|何人|participants|people")
_HEADS = re.compile(f"{_PEOPLE.pattern}|headcount")  # (何人 and "how many" read as headcount)
_MEASURES = (
    ("founded", _SINCE_FOUNDED),
    ("cumulative", re.compile(r"累計|延べ|のべ|総計|これまで|cumulative|since 19|in total since|all time")),
    ("countries", re.compile(r"参加国|か国|カ国|ヶ国|国数|国の数|何国|countries|nations")),
    ("cases", re.compile(r"事例|件数|何件|cases?(?![a-z])|examples")),
    ("new", re.compile(r"新規|新しく|(?<![a-z])new|first-year|first year")),
)
_CUMULATIVE_COUNTRIES = re.compile(r"累計 ?の? ?(?:参加国|何か国)|(?:参加国|何か国) ?の? ?累計|何か国 (?:in 累計|since)")  # (synonyms applied)
_AMONG_NEW = re.compile(r"新規(?:参加者)?の?(?:うち|中で|中の)|新規(?:参加者)?(?:全体|総数)|"
                        r"among (?:the |all )?new (?:participants|ones)|of all (?:the )?new")
_AMONG_ROLES = re.compile(r"(?:alt|cir|sea)s? ?[、,・/と ]+ ?(?:alt|cir|sea)s? ?[、,・/と ]+ ?(?:alt|cir|sea)s? ?の? ?(?:うち|中で)|"
                          r"among (?:the )?(?:alt|cir|sea)s? ?, ?(?:alt|cir|sea)s? ?,? and (?:alt|cir|sea)s?")
_OF_ALL = re.compile(r"全体|全参加者|全て|すべて|(?:of )?all (?:the )?(?:(?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d |r\d )?"
                     r"(?:jet )?participants|of the total|"  # … "of 2023 JET
                     r"of (?:the )?(?:(?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d |r\d )?(?:jet )?participants")  # participants"
_ROLE_WHOLE = re.compile(r"(?<![a-z])(?:alt|cir|sea)s? ?の?全体|全体の? ?(?:alt|cir|sea)|(?<![a-z])(?:of )?all (?:the )?(?:alt|cir|sea)s(?![a-z])")
_ROLE = re.compile(r"(?<![a-z])(alt|cir|sea)s?(?![a-z])")
# 「CIRはALTの何%？」, "CIRs as a percentage of ALTs": the role a share is taken of, when two are named
_OF_ROLE = re.compile(r"(?<![a-z])(alt|cir|sea)s? ?(?:の ?新規 ?)?(?:の ?(?:何|約)|に対して|に対する|と比べ(?:て|ると)?|に比べ(?:て|ると)?) ?"
                      r"(?:何|約)? ?(?:割合|比率|%|％|パーセント|割|シェア)|"
                      r"(?:percent(?:age)?|share|proportion|%) of (?:the |all )?(alt|cir|sea)s?(?![a-z])")
_LEFT_OUT = re.compile(r"(?<![a-z])(alt|cir|sea)s? ?(?:を|は)?(?:除[くいきけ]|抜[きいく]|以外|じゃない|ではない|でない)|"
                       r"(?:excluding|except|without|not counting|other than|besides|apart from|aside from|non-?|"
                       r"^(?:and |but |what about |how about )?not(?!.*(?:either|too|as well)))"  # "And not CIRs?"
                       r" ?(?:the |an? )?(alt|cir|sea)|"
                       # "How many … were not ALTs?" (not "Isn't the ALT count 5,355?": a figure checked)
                       r"(?:how many|headcount|number of)[^?？]*? (?:were|are|was|is)(?: not|n't) "
                       r"(?:the |an? )?(alt|cir|sea)")
# the role a ratio is asked per one of (「CIR1人に対してALTは何人？」, "How many ALTs for every one CIR?": CIR)
_PER_ONE = re.compile(r"(?<![a-z])(alt|cir|sea)s? ?(?:の ?新規 ?)?(?:[1一] ?人|ひとり) ?(?:あたり|当たり|に対して|に対し|につき)|"
                      r"(?:for every|per) (?:one |1 )?(?:new )?(alt|cir|sea)(?![a-z])")
_PARTS = (("school", re.compile(r"学校|school")), ("community", re.compile(r"地域|community|local")))


@dataclass(frozen=True)
class Asked:
    """The sum a question asks for and its operands as named (roles left out are not named)."""

    operation: Operation
    measure: str
    roles: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    of_all: bool = False    # 「全体の何%」: a share of everyone, not of the role's own total
    relative: bool = False  # 「昨年より」, 「今年度」: a year named only relative to now
    trend: bool = False     # 「増えている？」: a change over time, between the years held when none is named
    counted: bool = False   # what is counted is named (heads, countries, cases…), not only a sum
    left_out: tuple[str, ...] = ()  # roles the question leaves out (「SEA除く」)
    whole: str | None = None  # the role a share of another role is taken of (「CIRはALTの何%？」: ALT)
    together: bool = False  # a share of two roles added up (「ALTとCIRを合わせると全体の何%？」)
    per_one: str | None = None  # the role a ratio is asked per one of (「CIR1人に対してALTは何人？」: CIR)


def operation_asked(text: str) -> Operation | None:
    """The computation a (cleaned, synonym-applied) question asks for, if any."""
    for operation, pattern in _OPERATIONS:
        if pattern.search(text):
            if _NOT_COMPUTED.search(text) or PLACE.search(text) or operation == "difference" and not _COUNT.search(text) and not (
                    "差" in text and len(set(_ROLE.findall(text))) >= 2):  # (「R5 ALT CIR 差」: of their counts)
                return None
            return operation
    return None


def of_a_roles_whole(text: str) -> bool:
    """「CIR全体に対して何%？」: the role named is what the share is taken of, not what is counted."""
    return bool(_ROLE_WHOLE.search(text))


def of_another_role(text: str) -> bool:
    """「ALTの何%？」 after the CIRs' count: the role named is what the share is taken of."""
    return bool(_OF_ROLE.search(text))


def names_its_own(text: str) -> bool:
    """Whether a question names what it counts (heads, countries, cases…) and of what (a role, a year, a part):
    「継続は？」 after the new ALTs' count names neither, 「2019年からどれくらい増えた？」 after the cumulative
    total names no count; both are read with the conversation's topic."""
    return counts_named(text) and operands_named(text)


def a_years_count(text: str) -> bool:
    """"FY2023 CIR total?": a total with a year named, other than as a starting point ("since 1987"), is that
    year's count, not the cumulative one."""
    return bool(years_in(text)) and not SINCE.search(text)


def roles_named(text: str) -> set[str]:
    """The role codes a (cleaned, synonym-applied) question names."""
    return {m.group(1) for m in _ROLE.finditer(text)}


def operands_named(text: str, years: bool = True) -> bool:
    """Whether a question names a role, a casebook part or (``years``) a year."""
    return bool(_ROLE.search(text) or _parts(text) or years and years_in(text))


_PEOPLE_WRITTEN = re.compile(r"参加者|人数|何人|何名|participants|people|persons")


def people_asked(text: str) -> bool:
    """Whether a cleaned question, as written (no synonyms applied), asks for people: 何人, 人数, "people"…
    ("how many fewer?" alone asks for more of whatever was just counted)."""
    return bool(_PEOPLE_WRITTEN.search(text))


def counts_named(text: str, heads: bool = True) -> bool:
    """Whether a question names what it counts (countries, cases, new ones… and, with ``heads``, a head count:
    「継続は何人？」 counts heads, but whose is the conversation's)."""
    return bool(heads and _HEADS.search(text) or any(p.search(text) for _, p in _MEASURES) or _parts(text))


# what a count was of, as a conversation remembers it (a word every reading of a follow-up knows)
_REMEMBERED_AS = {"countries": "参加国", "cases": "事例", "new": "新規", "cumulative": "累計"}
REMEMBERED = frozenset(_REMEMBERED_AS.values()) | {"継続"}  # (継続: the continuing ones, an operation's operand)
OF_ALL_ONLY = frozenset({"参加国", "累計"})  # counted of all participants, never by role
NOT_HEADS = frozenset({"参加国", "事例"})  # what a head count asked since replaces (累計 and 新規 count heads too)


def counts_asked(text: str) -> tuple[str, ...]:
    """What a (cleaned, synonym-applied) question counted other than heads, for its follow-ups: 「令和5年度の参加国数は？」
    then 「令和元年度との差は？」 compares countries, not participants."""
    return tuple(_REMEMBERED_AS[name] for name, pattern in _MEASURES if name in _REMEMBERED_AS and pattern.search(text))


def _parts(text: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in _PARTS if pattern.search(text))


def read(text: str) -> Asked | None:
    """The sum asked and its operands, or ``None`` when no sum is asked or what is counted is unclear
    (「参加者数と参加国数」 asks heads and countries at once)."""
    operation = operation_asked(text)
    left_out = {next(g for g in m.groups() if g).upper() for m in _LEFT_OUT.finditer(text)}
    if operation is None and left_out and _HEADS.search(text) and not _NOT_COMPUTED.search(text):
        operation = "excluding"  # 「CIR除いた参加者数は？」: all participants less that role
    if operation is None or operation == "share" and (_AMONG_NEW.search(text)
                                                       or _TREND.search(text) and _ROLE.search(text)):
        return None  # 「新規のうちCIRの割合は？」: the new ones are not counted for all roles; 「CIRの割合は増えている？」
    parts = _parts(text)
    measure = next((name for name, pattern in _MEASURES if pattern.search(text)), "cases" if parts else "participants")
    if operation == "continuing" and _SHARE.search(text):  # 「継続の割合は？」: the continuing ones' share
        operation, measure = "share", "continuing"
    if measure == "countries" and _PEOPLE.search(text) or measure == "cumulative" and _CUMULATIVE_COUNTRIES.search(text):
        return None  # (「何か国」 reads as a headcount too; the countries since 1987, 78, are printed, not counted by year)
    among = _AMONG_ROLES.search(text)  # 「ALT、CIR、SEAのうちCIRは何%？」: the roles listed first are everyone
    named_text = text[among.end():] if among and operation == "share" else text
    roles = tuple(r for r in dict.fromkeys(m.group(1).upper() for m in _ROLE.finditer(named_text)) if r not in left_out)
    of_all = (bool(_OF_ALL.search(text)) or bool(among)) and not _ROLE_WHOLE.search(text)  # 「ALT全体の何割」: of the ALTs
    whole = next(((m.group(1) or m.group(2)).upper() for m in _OF_ROLE.finditer(text)), None)
    return Asked(operation, measure, roles, tuple(sorted(years_in(text))), parts, of_all,
                 relative_year(text) is not None, bool(_TREND.search(text)), counts_named(text), tuple(sorted(left_out)),
                 whole, bool(_SUM.search(text)),
                 next(((m.group(1) or m.group(2)).upper() for m in _PER_ONE.finditer(text)), None))


def together(text: str) -> bool:
    """Whether a (cleaned, synonym-applied) question adds things up (「合わせると全体の何%？」 asks a sum's share)."""
    return bool(_SUM.search(text))
