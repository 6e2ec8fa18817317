"""An office named to be left out of a contact question (「この通知の問い合わせ先、総務省以外にもある？」, "Who can I
ask other than MEXT?"): the other offices' contacts, not the card of the office named; and the office asked for by
the way to reach it (「じゃあメールで聞ける窓口は？」 after MOFA's missing e-mail), which is not the one talked about.

The office's name is the strongest word of such a question, so without this reading it finds that office's card,
the one thing the user said they do not want.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of
from bot.core.replies import intent_reply
from bot.core.types import Language, Reply

CONTACTS_INTENT = "contact_list"
# what comes after the office left out (「総務省以外」, 「文科省じゃなくて」, 「外務省のほかに」)
_BESIDES_JA = re.compile(r"(?:以外|のほか|の他|じゃなく|ではなく|でなく)")
_OFFICE_LAST = re.compile(r"(?:省|文科|総務|外務|clair|クレア|mic|mofa|mext)$")  # the word left out is an office
# … or before it, in English ("other than MIC", "besides the MOFA")
_BESIDES_EN = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|instead of|not) (?:the )?"
                         r"([a-z]+(?: [a-z]+){0,4})")
# a contact is asked: where to ask, whom to call, which desk
_CONTACT_ASKED = re.compile(r"問い?合わ?せ|窓口|連絡先|聞け|聞く|きける|相談|電話|メール|担当|(?:だと|なら|では|は)どこ|"
                            r"(?<![a-z])(?:contacts?|ask|call|reach|e-?mail|phone|get in touch)(?![a-z])")


# which office can be reached one way: 「メールで聞ける窓口は？」, 「電話で相談できるところ」, "Which office can I email?"
_OFFICE_BY_MEANS = re.compile(r"(?:メール|電話|mail)で(?:の)?(?:聞け|きけ|問い?合わ?せ(?:でき|られ)|相談でき|連絡(?:でき|が?取れ|が?とれ)|"
                              r"やり取りでき|質問でき)[^。？?]{0,4}(?:窓口|ところ|所|部署|省庁|省|先|とこ)|"
                              r"\b(?:which|what) (?:office|ministry|desk|contact)(?:s)? (?:can|could|do) (?:i|we) "
                              r"(?:e-?mail|call|phone)\b|\bwho (?:can|could) (?:i|we) e-?mail\b")


EMAIL_INTENT = "contact_email"


def office_by_means_reply(kb: KnowledgeBase, text: str, language: Language) -> Reply | None:
    """「メールで聞ける窓口は？」 (a cleaned question): the offices' e-mail addresses, or all the contacts for a phone,
    whichever office was talked about; ``None`` when no office is asked for by the way to reach it."""
    found = _OFFICE_BY_MEANS.search(text)
    if found is None:
        return None
    by_mail = re.search(r"メール|mail", found.group(0)) is not None
    intent_id = EMAIL_INTENT if by_mail else CONTACTS_INTENT
    return intent_reply(kb, intent_id, language) if intent_id in kb.intents else None


def _offices(kb: KnowledgeBase, words: str) -> set[str]:
    return {t for t in kb.matcher.analyse(words).terms if kind_of(t) == "office" and t != "省"}  # (省 alone: none)


def offices_left_out(kb: KnowledgeBase, text: str) -> set[str]:
    """The offices (their canonical names, …省) the cleaned question asks to leave out (「総務省以外の省庁の役割は？」:
    the others' roles, not MIC's)."""
    left: set[str] = set()
    for found in _BESIDES_JA.finditer(text):
        before = re.split(r"[、。,.!?？！\s]", text[max(0, found.start() - 16):found.start()].rstrip())[-1]
        if _OFFICE_LAST.search(before):  # (not 「総務省の比護補佐以外の担当者」: a person is left out)
            left |= _offices(kb, before)
    for found in _BESIDES_EN.finditer(text):
        left |= _offices(kb, found.group(1))
    return left


def other_offices_reply(kb: KnowledgeBase, text: str, language: Language, after_contact: bool = False) -> Reply | None:
    """The contacts overview with the cards of the offices not left out, when the question leaves one out;
    ``after_contact``: an office's contact was just given (「文科省以外は？」 after MEXT's card asks for the others')."""
    left = offices_left_out(kb, text) if after_contact or _CONTACT_ASKED.search(text) else set()
    if not left or CONTACTS_INTENT not in kb.intents:
        return None
    reply = intent_reply(kb, CONTACTS_INTENT, language)
    kept = tuple(c for c in reply.contacts if not any(c.name.startswith(office) for office in left))
    if not kept or len(kept) == len(reply.contacts):
        return None
    shown = {c.id for c in kept}
    names = [n for c in reply.contacts if c.id not in shown for n in (c.name, f"the {c.id.upper()} office")]
    # the staff printed for the offices left out are not repeated (「通知には、総務省…の担当者として…」)
    text = "\n".join(_without_staff_of(line, names) for line in reply.text.split("\n")).strip()
    lead = _LEAD[language].format(offices="・".join(sorted(left)))
    return replace(reply, text=f"{lead}\n{text}", contacts=kept,
                   suggestions=tuple(s for s in reply.suggestions if s.intent_id.removeprefix("contact_") in shown))


def _without_staff_of(line: str, names: list[str]) -> str:
    """The line without its sentences printing the staff of the offices ``names``."""
    kept = [s for s in re.split(r"(?<=。)|(?<=\.) ", line) if not (any(n in s for n in names)
                                                                 and re.search(r"担当者|staff", s))]
    return ("" if "。" in line else " ").join(kept).strip()


_LEAD = {"ja": "{offices}以外の問い合わせ先は、下のカードのとおりです。", "en": "The other contact points are on the cards below."}
