"""A yes/no question that checks a figure the user half remembers (「ALTって6,000人くらいいるんだっけ？」,
「事例集は20事例でしたよね？」, 「JETは1988年からでしたっけ？」, "Are there about 6000 ALTs?"): the number said is the
user's guess, not words of the topic, and it may be wrong. The question is read as asking for the figure
(「ALTって何人くらいいるんだっけ？」), so the reply gives the printed one, whatever was guessed.

Only a number said to be what there is (「5,000人以上いますか」, 「20事例でしたよね」, "there are 30 cases") is a guess:
one the user plans with is not (「ALTを3人任用していますが」, 「1人だけ受け入れる」, "2 ALTs in one school"), and a number
the knowledge prints stays (「新規は2,091人でしたっけ？」 names the year it is of). Only the last sentence is read (a
long message's background keeps its numbers), and only when it asks nothing else (no 何, いつ, how many…). A year is
a guess only where the question asks when something began or which year it is for (「1988年から」, 「令和5年度分」,
"start in 1988"); 「令和5年度のALTは5,000人以上？」 keeps its year and checks the count.
"""
from __future__ import annotations

import re
from typing import Callable, Collection

from bot.core.orthography import clean

_NUMBER = r"(?:約|およそ|だいたい)?(\d[\d,]*(?:\.\d+)?)(?:千|万)?"  # (the number: a group of its own)
# … said to be what there is: what follows the number and its counter
_IS = (r"(?=(?:くらい|ぐらい|ほど|程度|以上|前後|弱|強|ちょっと|も)?(?:は|が)?(?:を?超え(?:てる|ている|ています|ますか)|"
       r"いる|い(?:ます|まし)|いた|です|でし|だっ|だよ|だね|だっけ|ある|あり|あった|で(?:合|あ)って|で正しい|じゃ|なの|って|"
       r"か[？?]|[？?。]|$))")
# number + counter -> the question word that asks for it
_JA_COUNTS = (
    (re.compile(rf"(){_NUMBER}(?:人|名){_IS}"), "何人"),
    (re.compile(rf"(){_NUMBER}(?:事例|例){_IS}"), "何事例"),
    (re.compile(rf"(){_NUMBER}件{_IS}"), "何件"),
    (re.compile(rf"(){_NUMBER}(?:か|ヶ|ケ|カ|箇)国{_IS}"), "何か国"),
    (re.compile(rf"(?<![\d元和成])()(\d{{1,2}})年間?(?!度){_IS}"), "何年"),  # a duration (任期は3年), not a year (1988年)
)
_JA_YEAR = re.compile(r"(?:(?:昭和|平成|令和)(?:\d{1,2}|元)|\d{4})年度?(?=から|分|に?(?:始|創|開始|スタート)|に(?:公表|発表|出|作|閣議決定)|の(?:調査|分))")
_EN_COUNT = re.compile(rf"((?:there are|there were|are there|were there) )(?:about |around |over |more than |at least |"
                       rf"almost |nearly |roughly )?{_NUMBER}\+? (?=(?:jet )?(?:alts?|cirs?|seas?|participants|people|cases|"
                       r"countries)(?![a-z]))")
_EN_YEAR = re.compile(r"(?<![a-z])(?:in|since|from|for) (?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d(?![\d])")
_YES_NO = re.compile(r"^(?:so |and |but )?(?:there )?(?:is|are|was|were|do|does|did|has|have|had|isn't|aren't|wasn't|didn't)"
                     r"(?![a-z])|.*(?:, |\b)(?:right|correct|isn't it|aren't there|is that (?:right|correct))\??$")
# a question word: the sentence asks for something, it checks nothing
_ASKS = re.compile(r"何|なん|いくつ|いつ|どこ|どれ|どの|どちら|誰|だれ|どう|どんな|なぜ|いくら|"
                   r"(?<![a-z])(?:how|what|when|which|who|where|why)(?![a-z])")
# the sentence is a yes/no question or a check: ends in か, っけ, よね…, or is an English yes/no question
_CHECKS = re.compile(r"(?:か|っけ|よね|ですね|だね|でいい|で(?:合|あ)って(?:る|ます)|で正しい|かな|なの|の)[？?。!！]*$|[？?]$")
_LAST_SENTENCE = re.compile(r"[^。！!\n]*[。！!\n]?$")


def asked_plainly(text: str, printed: Collection[int] = ()) -> str:
    """The question with a guessed figure replaced by the question word that asks for it (unchanged when the
    message checks no figure); ``printed``: the numbers the knowledge prints (kept: they name their year)."""
    cleaned = clean(text)
    sentence = _LAST_SENTENCE.search(cleaned.rstrip("。！! ")).group(0) if cleaned else ""
    if not sentence or _ASKS.search(sentence) or not _CHECKS.search(sentence.strip()):
        return text

    def guessed(word: str) -> Callable[[re.Match[str]], str]:  # (group 1: what comes before; 2: the number)
        return lambda m: m.group(0) if _value(m.group(2)) in printed else m.group(1) + word

    plain = _JA_YEAR.sub(lambda m: "何年度" if m.group(0).endswith("年度") else "いつ", sentence)
    for pattern, word in _JA_COUNTS:
        plain = pattern.sub(guessed(word), plain)
    if _YES_NO.match(plain):
        if _EN_COUNT.search(plain):  # ("5355 ALTs in 2023?": the count is checked, of 2023)
            plain = _EN_COUNT.sub(guessed("how many "), plain)
        else:
            plain = _EN_YEAR.sub(lambda m: "for which year" if m.group(0).startswith("for") else "when", plain)
    if plain == sentence:
        return text
    return cleaned[: len(cleaned.rstrip("。！! ")) - len(sentence)] + plain


def _value(digits: str) -> float:
    return float(digits.replace(",", ""))
