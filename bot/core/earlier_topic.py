"""A question that refers back past the last answer: 「さっきの人数のうちALTは何人？」, "And the phone number of the office
you mentioned first?", "Is the cumulative figure you gave the latest one?" after another question came between. The
conversation remembers the topics it moved away from (:attr:`Context.earlier`); such a question is read with the topic
it points back to (the first of the conversation when it says first, else the one before the last)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from bot.core.types import Context

KEPT = 3  # topics remembered besides the last one

# (not 「まず最初に何をすれば」, "an earlier edition": first steps and other documents)
_BACK = re.compile(
    r"さっき|先ほど|先程|前の(?:話|質問|回答|答え)|最初に(?:聞|教|言|出|答|見)|最初の(?:話|質問|回答|答え|窓口|部署|人数|数字|リンク)"
    r"|話を?戻|元の話"
    r"|(?<![a-z])(?:you (?:gave|mentioned|told|described|linked|said|showed|listed|named|quoted)"
    r"|from earlier|earlier (?:answer|reply)|going back|first (?:answer|one|question|reply)"
    r"|previous (?:answer|one|question|reply))",
    re.IGNORECASE)
_FIRST = re.compile(r"最初|(?<![a-z])first(?![a-z])", re.IGNORECASE)


# the pointing phrase itself, when what it points at is named by no word of its own (「最初に聞いた窓口の担当者は？」:
# 窓口 found the list of every office; "the phone number of the office you mentioned first": the same)
_POINTER_JA = re.compile(r"(?:さっき|先ほど|先程|最初に(?:聞い|教えてもらっ|言っ|出)た)の?(?:窓口|部署|話|回答|答え|もの|やつ)の?")
_POINTER_EN = re.compile(r"\s*(?:of |for |from )?the (?:office|one|answer|reply)s? you (?:gave|mentioned|told me about|told me|"
                         r"described|linked|said|showed|listed|named|quoted)(?: me)?(?: first| earlier| before)?",
                         re.IGNORECASE)


def pointed_text(text: str) -> str:
    """``text`` with a phrase that only points back replaced by a plain pointer (「最初に聞いた窓口の担当者は？」:
    「その担当者は？」; "the phone number of the office you mentioned first?": "the phone number?")."""
    return _POINTER_EN.sub("", _POINTER_JA.sub("その", text))


def refers_back(text: str) -> bool:
    """Whether the message points back at an earlier answer (「さっきの」, "you mentioned", "going back")."""
    return bool(_BACK.search(text))


# 「さっきの部署」: what 「さっき」 points at, named
_JUST_NOW = re.compile(r"(?:さっき|先ほど|先程)の([\u3400-\u9fff\u30a1-\u30fa\u30fc]{2,})")


def earlier_context(context: Context | None, text: str,
                    of_last: Callable[[str, str], bool] = lambda topic, word: False) -> Context | None:
    """The context of the earlier topic a message refers back to, or None (no such words, no earlier topic): the
    conversation's first topic when it says first (「最初に聞いた窓口」, "the office you mentioned first"), else the
    one before the last, unless what 「さっき」 names is a word of the last topic (``of_last(topic, word)``):
    「さっきの部署、電話は？」 right after one office's card is about that office."""
    if context is None or not context.earlier or not refers_back(text):
        return None
    named = _JUST_NOW.search(text)
    if named and not _FIRST.search(text) and of_last(context.intent_id, named.group(1)):
        return None
    topic = context.earlier[-1] if _FIRST.search(text) else context.earlier[0]
    return replace(context, intent_id=topic, names=(), earlier=())


def moved_on(previous: Context | None, topic: str) -> tuple[str, ...]:
    """The earlier topics to remember when the conversation's topic becomes ``topic`` (the latest first, each once,
    :data:`KEPT` at most)."""
    if previous is None:
        return ()
    was = (previous.intent_id, *previous.earlier)
    return tuple(dict.fromkeys(t for t in was if t != topic))[:KEPT]
