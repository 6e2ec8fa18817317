"""The things asked in one message, each as written (「ALTの人数と、問い合わせ先を教えて」, "CIR count in FY2023 and
MOFA's phone number?", 「事例集はいつ公表？事例はどんな分野？」, 「…ありますか？あとCLAIRの正式名称も」): each is answered
(:mod:`bot.core.other_ask`)."""
from __future__ import annotations

import re

# 「…どのような役割でしょうか。また財政措置についても教えてください。」: a question added to the one before
# an office's contact detail asked (a request added for it steers no other answer: bot.core.answer)
CONTACT_FIELD = re.compile(r"mail|メール|メアド|電話|phone|number|番号|address|住所|連絡先|contact", re.IGNORECASE)
_OFFICES_DETAIL = r"(?:the )?(?:mic|mofa|mext|clair)(?:'s)? (?:phone|number|e-?mail|address|contact)"
_ALSO = re.compile(r"^(?:また|あと|それと(?!も)|それから|あわせて|併せて|さらに|ついでに|also\b|and also\b|"
                   r"and (?=" + _OFFICES_DETAIL + "))[、,]?", re.IGNORECASE)  # ("…? and MEXT's email")
MIN_ADDED = 6  # characters of a request added after the question (「あとCLAIRの正式名称も」)
TWO_QUESTIONS = 3  # sentences at most of a message whose two questions in a row are each asked
# two things asked in one sentence (「ALTとCIRの人数と、問い合わせ先の電話番号を教えて」, "CIR numbers + MOFA phone?"): the
# first is also a reading of its own (bot.core.focus) (both together dilute each other's words)
# (と after a noun: 「人数と、」; after a verb it is a condition, 「受け入れると、」)
_TWO_ASKS = re.compile(r"(?<=[^\s、,\u3041-\u309f])と[、,]|(?<=[^\s、,])(?:[、,] ?(?:あと|それと|それから|また|併せて|あわせて)[、,]?|"
                       r"\s(?:\+|＆|&)\s?|(?<=\S) \+|,? and also |; )")
# "CIR count in FY2023 and MOFA's phone number?", "…, and what year was the notice issued?": each part asked (not a
# reading of the message: "…a fee per participant, and how much?" is one thing)
_AND_ASKS = re.compile(r",? and (?=(?:what|who|whose|where|when|how|which|is|are|was|were|does|do|did|can|could)\b)|"
                       r" and (?=" + _OFFICES_DETAIL + ")",
                       re.IGNORECASE)


# 「①SEAの正式な日本語名 ②令和5年度のSEAの人数」, "(1) CIR count (2) MOFA's phone": a numbered list, each item asked
# (a marker opens the sentence or follows a space or a stop: not 参考資料1. nor 1.5)
_NUMBER_MARK = re.compile(r"[①-⑨]\s*|(?:^|(?<=[\s。、,:：]))(?:[（(][1-9１-９][)）]|[1-9１-９][)）．](?![0-9０-９])|[1-9](?:\.)(?=\s))\s*")
_CHOICE = re.compile(r"どっち|どちら|which|either", re.IGNORECASE)  # (「①と②のどっち？」: one question)
# the words before the list that only ask (「2点教えてください：」, "two questions:"), no topic of their own
_LIST_REQUEST = re.compile(r"(?:[0-9０-９二三]|two|three)\s*(?:点|つ)|questions?|things?|教えて|質問|お願い|お尋ね|以下|下記|次の",
                           re.IGNORECASE)


def numbered(sentence: str) -> tuple[str, ...]:
    """The items of a numbered list in one sentence (two or more), each with the words before the list that name
    their topic (「SEAについて①正式名称②人数」); () when the sentence holds no such list."""
    pieces = _NUMBER_MARK.split(sentence)
    if len(pieces) < 3:
        return ()
    lead, items = pieces[0].strip(" 、,:："), [p.strip(" 、,;；") for p in pieces[1:]]
    if not all(len(item) >= 2 for item in items) or _CHOICE.search(items[-1]):
        return ()  # (「①と②のどっち？」 asks which one)
    if lead and not _LIST_REQUEST.search(lead):
        items = [f"{lead} {item}" for item in items]
    return tuple(items)


def without_list_marks(text: str) -> str:
    """``text`` without the marks of a numbered list (「②人数」 is no figure of 2 checked)."""
    return _NUMBER_MARK.sub(" ", text) if len(_NUMBER_MARK.findall(text)) >= 2 else text


def added(sentence: str) -> bool:
    """「また、メールアドレスも教えてください」: a question added to the one before (read after its answer)."""
    return _ALSO.match(sentence) is not None


def two_asked(sentence: str) -> tuple[str, ...]:
    """The two things one question sentence asks (「AとB、あとC」, "A + B"); () when it asks one."""
    two = _TWO_ASKS.split(sentence, maxsplit=1)
    return tuple(two) if len(two) == 2 and len(two[0]) >= 3 and len(two[1]) >= 3 else ()


def added_after(kept: list[str], asked: int) -> tuple[str, ...]:
    """「…ページってありますか？あとCLAIRの正式名称も」: a request added after the question sentence, the last."""
    last = kept[-1] if kept else ""
    return (last,) if asked == len(kept) - 2 and added(last) and len(last) >= MIN_ADDED else ()


def each_asked(kept: list[str], asked: int, earlier: list[int]) -> tuple[str, ...]:
    """The parts of an English question joined by "and what…" / "and MOFA's phone", or two question sentences in a
    row of a short message; () when one thing is asked. (Not readings of the message: "…a fee per participant, and
    how much?" is one thing, answered as a whole.)"""
    parted = _AND_ASKS.split(kept[asked], maxsplit=1)
    if len(parted) == 2:
        return tuple(parted)
    if earlier and len(kept) <= TWO_QUESTIONS and earlier[-1] == asked - 1:
        return kept[asked - 1], kept[asked]
    return ()


def without_added_contact(text: str, asks: tuple[str, ...]) -> str:
    """``text`` without the requests added after the question that ask an office's contact detail ("what's the survey
    for? and MEXT's email": the e-mail is the added part's, not the survey answer's to lead with); ``text`` itself when
    there are none (「…あと令和5年度のCIRの人数も」 stays: the whole message may be read as the added part)."""
    for ask in asks:
        if added(ask) and ask in text and CONTACT_FIELD.search(ask):
            text = text.replace(ask, "")
    return text
