"""A yes/no question that checks a figure the user half remembers (「ALTって6,000人くらいいるんだっけ？」,
「事例集は20事例でしたよね？」, 「JETは1988年からでしたっけ？」, "Are there about 6000 ALTs?"): the number said is the
user's guess, not words of the topic, and it may be wrong. The question is read as asking for the figure
(「ALTって何人くらいいるんだっけ？」), so the reply gives the printed one, whatever was guessed.

Only the last sentence is read (a long message's background keeps its numbers: 「当町ではALTを3人雇用しています」),
and only when it asks nothing else (no 何, いつ, how many…): 「30事例のうち学校の事例は何事例？」 is no check.
A year is a guess only where the question asks when something began or which year it is for (「1988年から」,
「令和5年度分」, "start in 1988"); 「令和5年度のALTは5,000人以上？」 keeps its year and checks the count.
"""
from __future__ import annotations

import re

from bot.core.orthography import clean

_NUMBER = r"(?:約|およそ|だいたい)?\d[\d,]*(?:\.\d+)?(?:千|万)?"
# number + counter -> the question word that asks for it
_JA_COUNTS = (
    (re.compile(rf"{_NUMBER}(?:人|名)"), "何人"),
    (re.compile(rf"{_NUMBER}(?:事例|例)"), "何事例"),
    (re.compile(rf"{_NUMBER}件"), "何件"),
    (re.compile(rf"{_NUMBER}(?:か|ヶ|ケ|カ|箇)国"), "何か国"),
    (re.compile(r"(?<![\d元和成])\d{1,2}年間?(?!度)"), "何年"),  # a duration (任期は3年), not a year (1988年, 令和5年)
)
_JA_YEAR = re.compile(r"(?:(?:昭和|平成|令和)(?:\d{1,2}|元)|\d{4})年度?(?=から|分|に(?:始|創|開始|スタート|公表|発表|出|作|閣議決定)|の(?:調査|分))")
_EN_COUNT = re.compile(rf"(?:about |around |over |more than |at least |almost |nearly |roughly )?{_NUMBER}\+? "
                       r"(?=(?:jet )?(?:alts?|cirs?|seas?|participants|people|cases|countries|years)(?![a-z]))")
_EN_YEAR = re.compile(r"(?<![a-z])(?:in|since|from|for) (?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d(?![\d])")
_YES_NO = re.compile(r"^(?:so |and |but )?(?:there )?(?:is|are|was|were|do|does|did|has|have|had|isn't|aren't|wasn't|didn't)"
                     r"(?![a-z])|"
                     r".*(?:, |\b)(?:right|correct|isn't it|aren't there|is that (?:right|correct))\??$")
# a question word: the sentence asks for something, it checks nothing
_ASKS = re.compile(r"何|なん|いくつ|いつ|どこ|どれ|どの|どちら|誰|だれ|どう|どんな|なぜ|いくら|"
                   r"(?<![a-z])(?:how|what|when|which|who|where|why)(?![a-z])")
# the sentence is a yes/no question or a check: ends in か, っけ, よね…, or is an English yes/no question
_CHECKS = re.compile(r"(?:か|っけ|よね|ですね|だね|でいい|で(?:合|あ)って(?:る|ます)|で正しい|かな|なの|の)[？?。!！]*$|[？?]$")
_LAST_SENTENCE = re.compile(r"[^。！!\n]*[。！!\n]?$")


def asked_plainly(text: str) -> str:
    """The question with a guessed figure replaced by the question word that asks for it (unchanged when the
    message checks no figure)."""
    cleaned = clean(text)
    sentence = _LAST_SENTENCE.search(cleaned.rstrip("。！! ")).group(0) if cleaned else ""
    if not sentence or _ASKS.search(sentence) or not _CHECKS.search(sentence.strip()):
        return text
    plain = _JA_YEAR.sub(lambda m: "何年度" if m.group(0).endswith("年度") else "いつ", sentence)
    for pattern, word in _JA_COUNTS:
        plain = pattern.sub(word, plain)
    if _YES_NO.match(plain):
        counted = _EN_COUNT.sub("how many ", plain)  # ("5355 ALTs in 2023?": the count is checked, of 2023)
        plain = counted if counted != plain else \
            _EN_YEAR.sub(lambda m: "for which year" if m.group(0).startswith("for") else "when", plain)
    if plain == sentence:
        return text
    return cleaned[: len(cleaned.rstrip("。！! ")) - len(sentence)] + plain
