"""One item picked from a list just given: 「2番目のは？」, 「最後の電話は？」, "the second one's email?" after the
attachments, the contact points or the roles, read as the question about that item (「参考資料2は？」,
"MOFA's email?").

An intent whose answer lists things names them, in the answer's order, in its ``items`` (参考資料1…; MIC, MOFA,
MEXT). After the answer of one of the items (a follow-up of the list whose title names the item), the list still
counts: 「参考資料3は？」 then 「1は？」.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from bot.core.knowledge_model import Intent
from bot.core.references import facts_stated
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.orthography import clean
from bot.core.types import Context

_KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_ENGLISH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "last": -1}
# 「2番は何？」, 「1は？」: a number alone, the whole message
_BARE = re.compile(r"^(?:じゃあ|では|それでは)?([1-9])(?:番目?|つ目)?(?:の(?:資料|もの|やつ))?(?:は|って)?(?:何|なに|なん|どれ|"
                   r"どんな(?:資料|もの))?(?:ですか|でしょうか)?[？?]?$")
# what is asked of the item picked: 「最後の電話は？」, 「1番目の継続の人は何人？」 (not 「最初の事例集」: the first ever)
_ATTRIBUTE = r"電話|メール|番号|連絡先|担当|url|リンク|名前|正式名称|英語名|人数|新規|継続|割合|内容|中身|詳細|概要|タイトル|事例(?!集)"
# 「その2番目のは」, 「じゃあ三つ目の電話は」, 「最後のは？」, 「3番のやつはどこからDL？」: an order opening the question (not
# 「最初に連絡するのは」, 「3番目に多い国」, 「2つ目の質問です」, 「最後の年度」, 「一番新しい」)
_JAPANESE = re.compile(r"^(?:じゃあ|じゃ|では|それでは|あと)?、?\s?(?:さっきの|先ほどの|さきほどの|その|この)?"
                       r"(?:([1-9一二三四五])(?:番目|つ目|個目|(?<=[1-9])番)|(最初|最後|ラスト))"
                       r"(の(?:もの|やつ|資料|ところ|とこ|窓口|部署|省|方|ほう)?)?"
                       rf"(?=は|って|を|も|[？?]|$|(?<=の)(?:{_ATTRIBUTE})|の(?:{_ATTRIBUTE})|(?<=やつ)[、,])")
# (not 「最後、」: lastly; 「一つ目のやつ、もうちょい詳しく」 is)
_SO = r"^(?:じゃあ|じゃ|では|あと)?、?"  # (「じゃあ、…」 opening a follow-up)
# 「もう一つの方は？」, "and the other one?": of a list of two, the one the conversation is not at
_OTHER = re.compile(_SO + r"(?:もう一つ|もうひとつ|もう1つ|もう片方|もう一方|他方|残り)(?:の(?:方|ほう|やつ|事例|もの|ところ))?"
                    r"(?:は|って|も)?(?:どう|どんな(?:の|もの)?|何|なに)?(?:ですか|でしょうか)?[？?]?$|"
                    r"^(?:(?:and|what about|how about)\s+)?the (?:other(?: one)?|rest)[?.]?$")
_WHOLE_LIST = re.compile(r"^(?:じゃあ|じゃ|では|で)?、?(?:全部で|合計で|合計すると|合わせると|あわせると|全部合わせると|"
                          r"足すと|トータルで|総数は|合計は|全部では)(?:何件|何事例|いくつ)?[？?]?$|^(?:and )?(?:in total|altogether)[?.]?$")
# 「地域の方は？」, 「学校のは？」: a word of one item of the list, the whole message
_HEAD = re.compile(_SO + r"([^\s、。？?のはっ]{1,6})(?:の(?:方|ほう|もの|分)?)(?:は|って)?[？?]?$")
# "the second one's email?", "and the last one?", "the 3rd office, email?", "what about the first?": an order opening
# the question, naming the list's kind of thing or followed by what is asked of it (not "Which do I call first?",
# "Second, what is…", "the last question: …", "so the first step is…")
_ORDINAL = r"(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)"
_EN = re.compile(r"^(?:(?:and|so|then|ok|what about|how about|what's|what is|give me|tell me)\W+)?the\s+" + _ORDINAL +
                 r"(?:\s+(?:one|item|office|ministry|contact|attachment|document|role|group)(?![a-z])|"
                 r"(?=\s*(?:'s|’s|[?.!]|$)|\s+(?:e-?mail|mail|phone|number|url|link|name|address|staff|headcount)))")
_CIRCLED = re.compile(r"[\u2460-\u2473\u2776-\u277f]")  # ①…⑳, ❶…❿ as the casebook's answer numbers its kinds
SHORT_JA = 25  # characters of a Japanese question read this way (a LINE message naming an order means more)
SHORT_EN = 8   # words of an English one


def _list_of(kb: KnowledgeBase, context: Context | None, circled: bool = False) -> tuple[str, ...]:
    """The items of the list the conversation is at: the topic's own, or the list's it is a follow-up of (first
    when the pick is circled, 「②は？」 after 「①は？」: the numbered list, not the cases the item's answer names)."""
    if context is None or context.intent_id not in kb.intents:
        return ()
    topic = kb.intents[context.intent_id]
    if circled and topic.items and topic.title and (parent := _parent_list(kb, context.intent_id).items):
        return parent
    if circled and not topic.items and _numbers_a_list(kb, topic):  # 「②は？」 after what the casebook is (its
        # kinds ① and ② shown): the list a follow-up of it itemises, as the answer numbered it
        return next((kb.intents[f].items for f in topic.follow_ups if f in kb.intents and kb.intents[f].items), ())
    if topic.items or not topic.title:  # (「ALTは何人？」 showed ALT's count only: no list to pick from; all three
        # named, 「ALT、CIR、SEAの違いは」, showed the whole list)
        whole = {item.casefold() for item in topic.items} <= {name.casefold() for name in context.names}
        if not context.names or whole:
            return topic.items
        # (「外務省と文科省の電話番号」 showed two offices' cards: 「2番目」 is MEXT)
        shown = tuple(i for i in topic.items if set(kb.matcher.analyse(clean(i)).terms) & set(context.names))
        return shown if len(shown) > 1 else ()
    return _parent_list(kb, context.intent_id).items


def _numbers_a_list(kb: KnowledgeBase, intent: Intent) -> bool:
    """Whether a fact of the intent's answer numbers a list with circled numbers (the casebook's ① and ②)."""
    facts = kb.knowledge.table("facts")
    return any(_CIRCLED.search(str(facts[i].get("text", ""))) for i in facts_stated(intent) if i in facts)


class Parent(NamedTuple):
    """The list an intent is an item of: the list's intent, its items and the item the intent answers."""

    intent_id: str | None = None
    items: tuple[str, ...] = ()
    item: str | None = None


def _parent_list(kb: KnowledgeBase, intent_id: str) -> Parent:
    """The list whose answer leads to ``intent_id`` and names it among its items: by the title, else by what
    the item asked alone is answered with (学校における活動: 学校での活動事例)."""
    return _parent_by(kb, intent_id, False) or _parent_by(kb, intent_id, True) or Parent()


def _parent_by(kb: KnowledgeBase, intent_id: str, by_answer: bool) -> Parent | None:
    title = kb.intents[intent_id].title
    named = set(kb.matcher.analyse(clean(title)).terms)  # (「外務省の問い合わせ先」 names MOFA)
    for intent in kb.intents.values():
        if intent_id in intent.follow_ups:
            for item in intent.items:
                if by_answer and _answered_by(kb, item) == intent_id or not by_answer and (
                        item in title or set(kb.matcher.analyse(clean(item)).terms) <= named):
                    return Parent(intent.id, intent.items, item)
    return None


def _answered_by(kb: KnowledgeBase, item: str) -> str | None:
    ranked = kb.matcher.rank(kb.matcher.analyse(clean(item)), limit=1)
    return ranked[0].intent_id if ranked else None


def _named_item(kb: KnowledgeBase, context: Context, words: str) -> str | None:
    """The one item of the list just given that ``words`` name part of (「地域の方は？」: 地域の国際化に資する活動)."""
    if context.intent_id not in kb.intents or not (asked := set(kb.matcher.analyse(words).terms)):
        return None
    # the topic's own list, else the list it is an item of (「地域の方は？」 after the school cases)
    for items in (kb.intents[context.intent_id].items, _parent_list(kb, context.intent_id).items):
        named = [item for item in items if asked <= set(kb.matcher.analyse(clean(item)).terms)]
        if len(named) == 1:
            return f"{named[0]}は？" if named[0].casefold() != words.casefold() else None
    return None


def _whole_of(kb: KnowledgeBase, intent_id: str) -> str | None:
    """「全部で？」 after an item of a list: the list at the top, asked as its title (after 立山町, a school case:
    the casebook's 30; after one office: the contact list); not a count of roles (「ALTとは？」「全部で？」)."""
    seen, top = {intent_id}, _parent_list(kb, intent_id).intent_id
    while top is not None and top not in seen and kb.intents[top].title:
        seen.add(top)
        if (up := _parent_list(kb, top).intent_id) is None:
            break
        top = up
    if top is None or top in seen - {top} or top in kb.figure_years or not kb.intents[top].title:
        return None
    return f"{kb.intents[top].title}は？"


def _other_of(kb: KnowledgeBase, context: Context) -> str | None:
    """Of a list of two, the item the conversation is not at (after 柏崎市の事例: 「立山町は？」; after the school
    cases, 「残りは？」: the community ones)."""
    if context.intent_id not in kb.intents or not kb.intents[context.intent_id].title:
        return None
    _, items, current = _parent_list(kb, context.intent_id)
    if len(items) != 2 or current is None:
        return None
    return next(item for item in items if item != current) + "は？"


def _the_list(kb: KnowledgeBase, context: Context, items: tuple[str, ...]) -> str | None:
    """The list picked from, asked by its title (its own intent's, or the one it is an item of)."""
    own = kb.intents[context.intent_id]
    listed = context.intent_id if own.items == items else _parent_list(kb, context.intent_id).intent_id
    return f"{kb.intents[listed].title}は？" if listed is not None and kb.intents[listed].title else None


def _nth(items: tuple[str, ...], number: int) -> str | None:
    return items[number - 1] if 0 < number <= len(items) else items[-1] if number == -1 else None


def picked(kb: KnowledgeBase, text: str, context: Context | None) -> str | None:
    """The question with the item it picks named (「2番目の電話は？」 after the contact points: 「MOFAの電話は？」),
    or ``None`` when it picks none (no order named, a long message, no list talked about)."""
    if context is None:
        return None
    cleaned = clean(text).strip()
    # (the order first: most messages name none, and finding the list reads intents)
    if _OTHER.match(cleaned):
        return _other_of(kb, context)
    if _WHOLE_LIST.match(cleaned) and context.intent_id in kb.intents and kb.intents[context.intent_id].title:
        return _whole_of(kb, context.intent_id)
    if (head := _HEAD.match(cleaned)) is not None and (item := _named_item(kb, context, head.group(1))):
        return item  # 「地域の方は？」 after the casebook's two kinds of case
    bare = _BARE.match(cleaned)
    english = None if bare or len(cleaned.split()) > SHORT_EN else _EN.search(cleaned)
    found = None if bare or english or len(cleaned) > SHORT_JA else _JAPANESE.search(cleaned)
    if not (bare or english or found) or not (items := _list_of(kb, context, _CIRCLED.search(text) is not None)):
        return None
    # (an order past the list's end, "the 4th one?" of three: the list again, not the 4th Basic Plan)
    if bare is not None:
        item = _nth(items, int(bare.group(1)))
        return _the_list(kb, context, items) if item is None else f"{item}は？"
    if english is not None:
        item = _nth(items, _ENGLISH[english.group(1)])
        return _the_list(kb, context, items) if item is None else \
            cleaned[:english.start()] + item + cleaned[english.end():]
    assert found is not None
    digit, word, of = found.groups()
    item = _nth(items, -1 if word in ("最後", "ラスト") else 1 if word == "最初" else _KANJI.get(digit) or int(digit))
    if item is None:
        return _the_list(kb, context, items)
    rest = cleaned[found.end():]
    # 「最後の電話」: MEXTの電話; 「2番目のは」: 参考資料2は
    joined = "の" if of == "の" and rest and not rest.startswith(("は", "って", "を", "も", "が", "？", "?")) else ""
    return cleaned[:found.start()] + item + joined + rest


def the_list_again(kb: KnowledgeBase, pick: str, context: Context | None, ranked: list[Scored], own: list[Scored],
                   threshold: float) -> bool:
    """Whether an item picked, read with the conversation's topic, is answered by the list it was picked from while
    the item asked alone is answered by another intent (「3番目は？」 after the attachments: the manual, not the
    list again). A role or an office picked narrows the list's own answer (「2番目は？」 after the counts: CIR's)."""
    return bool(context is not None and ranked and own and ranked[0].intent_id == context.intent_id
                and own[0].intent_id != context.intent_id and own[0].score >= threshold
                and not kb.matcher.named.intersection(kb.matcher.analyse(clean(pick)).terms))
