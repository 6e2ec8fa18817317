"""A question about a subject the knowledge never uses is not answered with a topic that shares a word.

"What's the weather in Tokyo?" shares Tokyo with an SEA answer (the Tokyo Olympics); 「文科省の最寄り駅は？」
shares MEXT with its contact. What is asked -- the weather, the nearest station -- is in no example,
keyword or answer: the question gets the plain apology, not the topic's answer.
"""
from __future__ import annotations

import re

from bot.core.sentences import sentences
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Matcher
from bot.core.analysis import Analysis
from bot.core.orthography import clean, is_english

# 「XのYは？」, 「XのYを教えて」: Y is what is asked about X (a short question only)
# (not 「お金の面ってどうなってる？」: Y stops before って, so 「面ってどうな」 is no word)
_HEAD = re.compile(r"の([^のはをがにでとも、。？?\sっ]{2,10})(?:は|って|を教えて|について)[^のは、。]{0,8}[？?]?$")
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
# 「参加者の総数は？」: a count or a total of X (総数, 件数, 合計) asks about X itself, not about something else
_AMOUNT = re.compile(r"数$|^(?:合計|総計|トータル)")
# 「CIRの詳細を教えて」: what is asked of X is X itself, in more words (the knowledge never writes 詳細)
_X_ITSELF = frozenset({"詳細", "全容", "全体像", "特徴", "詳しいこと", "くわしいこと"})
SHORT = 30  # characters of a Japanese question read this way


def _english(kb: KnowledgeBase, analysis: Analysis) -> bool:
    """Its unknown words weigh at least as much as its known ones, and no known word is a key term."""
    if analysis.synonyms_applied or kb.matcher.named.intersection(analysis.terms):
        return False
    known = [w for w, _, _ in analysis.units if kb.matcher.knows(w)]
    unknown = [w for w, _, _ in analysis.units if not kb.matcher.knows(w)]
    weight = kb.matcher.term_weight
    return bool(known and unknown) and sum(map(weight, unknown)) >= sum(map(weight, known))


def head_of(text: str) -> str | None:
    """The Y of a short 「XのYは？」, 「XのYを教えて」 (what is asked about X), if the question has that form."""
    found = _HEAD.search(text) if len(text) <= SHORT else None
    return None if found is None or _HIRAGANA.fullmatch(found.group(1)) else found.group(1)


def _japanese(kb: KnowledgeBase, text: str, analysis: Analysis) -> bool:
    """The Y of a short 「XのYは？」 is a word (not a kana particle like ほう) the knowledge never uses, nor part of
    a phrase the question's synonyms read (「経費の手当てはどうなってる？」: 経費の手当て is local finance)."""
    asked = head_of(clean(text))  # (as the knowledge reads it: 「事例集の全文」 is its 全体版)
    if asked is None or asked in _X_ITSELF or _AMOUNT.search(asked) \
            or any(asked in said for said, _ in analysis.synonyms_applied):
        return False
    head = kb.matcher.analyse(asked)
    # a compound of known words (契約更新: 契約 + 更新) is no new subject
    known = [kb.matcher.knows(w) or (bool(parts) and all(map(kb.matcher.knows, parts))) for w, _, parts in head.units]
    return bool(head.units) and not head.synonyms_applied and not any(known)


def about_something_else(kb: KnowledgeBase, message: str, analysis: Analysis) -> bool:
    """Whether a one-sentence question asks about a subject the knowledge never uses (``analysis``: the
    question's own words, not the previous topic's)."""
    if len(sentences(message)) > 1:
        return False
    return _english(kb, analysis) if is_english(message) else _japanese(kb, message.strip(), analysis)


# a place by its suffix: a prefecture, or a city, town, village or ward of three characters or more (not 中村)
_PLACE = re.compile(r"^\w+[都道府県]$|^\w{2,}[市町村区]$")


def places_unknown(matcher: Matcher, background: Analysis, question: Analysis) -> list[str]:
    """The places a long message's background names, its question sentence does not and the knowledge never
    mentions (「事例集に大阪府の事例は載っていますか？内容も知りたい」: 大阪府)."""
    return [n for n in background.names if n not in question.names and _PLACE.match(n) and not matcher.knows(n)]
