"""One item picked from a list just given: 「2番目のは？」, 「最後の電話は？」, "the second one's email?" after the
attachments, the contact points or the roles, read as the question about that item (「参考資料2は？」,
"MOFA's email?").

An intent whose answer lists things names them, in the answer's order, in its ``items`` (参考資料1…; MIC, MOFA,
MEXT). After the answer of one of the items (a follow-up of the list whose title names the item), the list still
counts: 「参考資料3は？」 then 「1は？」.
"""
from __future__ import annotations

import re

from bot.core.knowledge_base import KnowledgeBase
from bot.core.orthography import clean
from bot.core.types import Context

_KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_ENGLISH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "last": -1}
# 「2番は何？」, 「1は？」: a number alone, the whole message
_BARE = re.compile(r"^(?:じゃあ|では|それでは)?([1-9])(?:番目?|つ目)?(?:の(?:資料|もの|やつ))?(?:は|って)?(?:何|なに|なん|どれ|"
                   r"どんな(?:資料|もの))?(?:ですか|でしょうか)?[？?]?$")
# what is asked of the item picked: 「最後の電話は？」, 「1番目の継続の人は何人？」 (not 「最初の事例集」: the first ever)
_ATTRIBUTE = r"電話|メール|番号|連絡先|担当|url|リンク|名前|正式名称|英語名|人数|新規|継続|割合|内容|タイトル|事例(?!集)"
# 「その2番目のは」, 「じゃあ三つ目の電話は」, 「最後のは？」: an order opening the question (not 「最初に連絡するのは」,
# 「3番目に多い国」, 「2つ目の質問です」, 「最後の年度」)
_JAPANESE = re.compile(r"^(?:じゃあ|じゃ|では|それでは|あと)?、?\s?(?:その|この)?(?:([1-9一二三四五])(?:番目|つ目|個目)|(最初|最後|ラスト))"
                       r"(の(?:もの|やつ|資料|ところ|とこ|窓口|部署|省|方)?)?"
                       rf"(?=は|って|を|も|[？?]|$|(?<=の)(?:{_ATTRIBUTE})|の(?:{_ATTRIBUTE}))")  # (not 「最後、」: lastly)
# "the second one's email?", "and the last one?", "the 3rd office, email?", "what about the first?": an order opening
# the question, naming the list's kind of thing or followed by what is asked of it (not "Which do I call first?",
# "Second, what is…", "the last question: …", "so the first step is…")
_ORDINAL = r"(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
_EN = re.compile(r"^(?:(?:and|so|then|ok|what about|how about)\W+)?the\s+" + _ORDINAL +
                 r"(?:\s+(?:one|item|office|ministry|contact|attachment|document|role|group)(?![a-z])|"
                 r"(?=\s*(?:'s|’s|[?.!]|$)|\s+(?:e-?mail|mail|phone|number|url|link|name|address|staff|headcount)))")
SHORT_JA = 25  # characters of a Japanese question read this way (a LINE message naming an order means more)
SHORT_EN = 8   # words of an English one


def _list_of(kb: KnowledgeBase, context: Context | None) -> tuple[str, ...]:
    """The items of the list the conversation is at: the topic's own, or the list's it is a follow-up of."""
    if context is None or context.intent_id not in kb.intents:
        return ()
    topic = kb.intents[context.intent_id]
    if topic.items or not topic.title:  # (「ALTは何人？」 showed ALT's count only: no list to pick from)
        return () if context.names else topic.items
    named = set(kb.matcher.analyse(clean(topic.title)).terms)  # (「外務省の問い合わせ先」 names MOFA)
    return next((i.items for i in kb.intents.values() if context.intent_id in i.follow_ups and any(
        item in topic.title or set(kb.matcher.analyse(clean(item)).terms) <= named for item in i.items)), ())


def _nth(items: tuple[str, ...], number: int) -> str | None:
    return items[number - 1] if 0 < number <= len(items) else items[-1] if number == -1 else None


def picked(kb: KnowledgeBase, text: str, context: Context | None) -> str | None:
    """The question with the item it picks named (「2番目の電話は？」 after the contact points: 「MOFAの電話は？」),
    or ``None`` when it picks none (no order named, a long message, no list talked about)."""
    if context is None:
        return None
    cleaned = clean(text).strip()
    # (the order first: most messages name none, and finding the list reads intents)
    bare = _BARE.match(cleaned)
    english = None if bare or len(cleaned.split()) > SHORT_EN else _EN.search(cleaned)
    found = None if bare or english or len(cleaned) > SHORT_JA else _JAPANESE.search(cleaned)
    if not (bare or english or found) or not (items := _list_of(kb, context)):
        return None
    if bare is not None:
        item = _nth(items, int(bare.group(1)))
        return None if item is None else f"{item}は？"
    if english is not None:
        item = _nth(items, _ENGLISH[english.group(1)])
        return None if item is None else cleaned[:english.start()] + item + cleaned[english.end():]
    assert found is not None
    digit, word, of = found.groups()
    item = _nth(items, -1 if word in ("最後", "ラスト") else 1 if word == "最初" else _KANJI.get(digit) or int(digit))
    if item is None:
        return None
    rest = cleaned[found.end():]
    # 「最後の電話」: MEXTの電話; 「2番目のは」: 参考資料2は
    joined = "の" if of == "の" and rest and not rest.startswith(("は", "って", "を", "も", "が", "？", "?")) else ""
    return cleaned[:found.start()] + item + joined + rest
