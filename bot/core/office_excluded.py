"""An office named to be left out of a contact question (「この通知の問い合わせ先、総務省以外にもある？」, "Who can I
ask other than MEXT?"): the other offices' contacts, not the card of the office named; the office asked for by the
way to reach it (「じゃあメールで聞ける窓口は？」 after MOFA's missing e-mail), which is not the one talked about; and
two offices named with a contact detail (「外務省と文科省、それぞれの電話番号」): their two cards.

The office's name is the strongest word of such a question, so without this reading it finds that office's card,
the one thing the user said they do not want.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of
from bot.core.replies import intent_reply
from bot.core.focus import MessageParts
from bot.core.orthography import clean
from bot.core.sentences import is_opening, sentences
from bot.core.types import Language, Reply

CONTACTS_INTENT = "contact_list"
# what comes after the office left out (「総務省以外」, 「文科省じゃなくて」, 「外務省のほかに」)
# (not 「総務省のほかの部署」: MIC's other desks; not 「外務省じゃなくて？」 ending the question: that office, checked)
_BESIDES_JA = re.compile(r"(?:以外|(?:のほか|の他)(?!の(?:部署|課|室|担当|人|方))|(?:じゃなく|ではなく|でなく)(?!て?[？?]?$))")
_AS_WELL = re.compile(r"(?:以外|のほか|の他)にも")
# a field of the office left out ("MIC's email"), not one asked of the others ("MIC have a phone number?")
_FIELD = re.compile(r"^(?:the )?\S+(?:'s)? (?:(?:office|ministry)(?:'s)? )?(?:e-?mail|mail|phone|number|address|fax)")
_OFFICE_LAST = re.compile(r"(?:省|文科|総務|外務|clair|クレア|mic|mofa|mext)$")  # the word left out is an office
# … or before it, in English ("other than MIC", "besides the MOFA")
_BESIDES_EN = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|instead of) (?:the )?"
                         r"([^\s,?.!]+(?: [^\s,?.!]+){0,5})")
# a contact is asked: where to ask, whom to call, which desk
_CONTACT_ASKED = re.compile(r"問い?合わ?せ|窓口|連絡先|聞け|聞く|きける|相談|電話|メール(?:アドレス)?|アドレス|メアド|担当|(?:だと|なら|では)どこ|"
                            r"(?<![a-z])(?:contacts?|ask|call|reach|e-?mail(?: address(?:es)?)?|phone|get in touch|inquir(?:y|ies))"
                            r"(?![a-z])")


# 「総務省以外は？」 alone with nothing talked about (``fresh``): the other offices (this bot's offices are its contacts)
_BARE_BESIDES = re.compile(r"^[^、。？?\s]{1,12}(?:以外|のほか|の他)(?:は|だと|では|に(?:は|も)?)?(?:どこ|ある|あります)?(?:か|の)?[？?。]*$")


# which office can be reached one way: 「メールで聞ける窓口は？」, 「電話で相談できるところ」, "Which office can I email?"
_OFFICE_BY_MEANS = re.compile(r"(?:メール|電話|mail)で(?:の)?(?:聞け|きけ|問い?合わ?せ(?:でき|られ)|相談でき|連絡(?:でき|が?取れ|が?とれ)|"
                              r"やり取りでき|質問でき)[^。？?]{0,4}(?:窓口|ところ|所|部署|省庁|省|先|とこ)|"
                              r"\b(?:which|what) (?:office|ministry|desk|contact)(?:s)? (?:can|could|do) (?:i|we) "
                              r"(?:e-?mail|call|phone)\b|\bwho (?:can|could) (?:i|we) e-?mail\b")


EMAIL_INTENT = "contact_email"
_BESIDE_MEANS = 8  # characters a question asking only for the offices reached one way has besides (「じゃあ…は？」)


def office_by_means_reply(kb: KnowledgeBase, text: str, language: Language) -> Reply | None:
    """「メールで聞ける窓口は？」 (a cleaned question): the offices' e-mail addresses, or all the contacts for a phone,
    whichever office was talked about; ``None`` when no office is asked for by the way to reach it."""
    found = _OFFICE_BY_MEANS.search(text)
    # (not 「文科省でメールで聞ける窓口は？」: that office's; nor "Which office can I email about funding?": the routing)
    if found is None or len(text) - len(found.group(0)) > _BESIDE_MEANS or offices_named(kb, text):
        return None
    by_mail = re.search(r"メール|mail", found.group(0)) is not None
    intent_id = EMAIL_INTENT if by_mail else CONTACTS_INTENT
    return intent_reply(kb, intent_id, language) if intent_id in kb.intents else None


def offices_named(kb: KnowledgeBase, words: str) -> set[str]:
    """The offices (their canonical names, …省) the cleaned words name."""
    return {t for t in kb.matcher.analyse(words).terms if kind_of(t) == "office" and t != "省"}  # (省 alone: none)


def offices_reply(kb: KnowledgeBase, parts: MessageParts, message: str, language: Language,
                  after_contact: str | None = None, fresh: bool = False) -> Reply | None:
    """The contact cards a message sets apart, if it does: the offices reached one way, the others than one left
    out, or the two named (``parts``: the message's, as written ``message``; ``after_contact``: the contact intent
    just answered; ``fresh``: nothing was talked about). A greeting or who writes before the question is no
    sentence of its own ("hi, BOE here — besides MIC who can I contact?")."""
    text = clean(parts.question if not parts.background or is_opening(parts.background) else message)
    return office_by_means_reply(kb, text, language) \
        or other_offices_reply(kb, text, language, after_contact, fresh) or named_offices_reply(kb, text, language)


def offices_left_out(kb: KnowledgeBase, text: str) -> set[str]:
    """The offices (their canonical names, …省) the cleaned question asks to leave out (「総務省以外の省庁の役割は？」:
    the others' roles, not MIC's)."""
    left: set[str] = set()
    for found in _BESIDES_JA.finditer(text):
        before = re.split(r"[、。,.!?？！\s]", text[max(0, found.start() - 16):found.start()].rstrip())[-1]
        if _OFFICE_LAST.search(before):  # (not 「総務省の比護補佐以外の担当者」: a person is left out)
            left |= offices_named(kb, before)
    for found in _BESIDES_EN.finditer(text):
        if not _FIELD.match(found.group(1)):  # (not "Besides MIC's email, is there a phone?": a field left out)
            left |= offices_named(kb, found.group(1))
    return left


def other_offices_reply(kb: KnowledgeBase, text: str, language: Language, after_contact: str | None = None,
                        fresh: bool = False) -> Reply | None:
    """The contacts overview with the cards of the offices not left out, when the question leaves one out;
    ``after_contact``: the contact intent just answered (「文科省以外は？」 after MEXT's card asks for the others', and
    so do 「それ以外だとどこ？」, 「他には？」, "anyone else?")."""
    shown = _offices_shown(kb, after_contact)
    if shown and _OTHERS_OF_IT.match(text) and not offices_named(kb, text):
        return _cards_of(kb, language, shown, shown=False)
    asked = after_contact or _CONTACT_ASKED.search(text) or fresh and _BARE_BESIDES.match(text)
    left = offices_left_out(kb, text) if asked else set()
    if not left or len(sentences(text)) > 1 or _about_a_topic(kb, text):
        return None
    named = offices_named(kb, text) - left  # 「総務省じゃなくて文科省の電話番号は？」: MEXT's alone
    if named and _AS_WELL.search(text):  # 「文科省以外にも、総務省の連絡先も教えて」: both
        named |= left
    return _cards_of(kb, language, named, shown=True) if named else _cards_of(kb, language, left, shown=False)


# 「それ以外だとどこ？」, 「他には？」, "other than them?", "anyone else?" after one office's card: the other offices
_OTHERS_OF_IT = re.compile(r"^(?:じゃあ|では|で、?)?(?:それ|そこ|その(?:窓口|部署|省))?(?:以外|のほか|の他|他|ほか)(?:だと|では|で|に|"
                           r"にも|の(?:窓口|ところ|部署|省庁|省|連絡先|問い合わせ先))?(?:は|って)?(?:どこ|誰|だれ|ある|あります)?(?:か|の)?[？?。]*$|"
                           r"^(?:and |so )?(?:other than (?:them|that|this|it)|any ?one else|any ?body else|who else|"
                           r"(?:any )?other (?:offices?|contacts?|ministr(?:y|ies))|(?:what|how) about the others?|"
                           r"the others?|others?)\??$", re.IGNORECASE)


def _offices_shown(kb: KnowledgeBase, intent_id: str | None) -> set[str]:
    """The office of the one card the contact intent shows (none if it shows several, or is no contact intent)."""
    cards = kb.answers[intent_id]["ja"].contacts if intent_id in kb.answers else ()
    return offices_named(kb, cards[0].name) if len(cards) == 1 else set()


def asks_other_offices(kb: KnowledgeBase, text: str, intent_id: str | None) -> bool:
    """Whether the message asks for the other offices after the intent just answered showed one office's card
    (「他には？」, "anyone else?"; not "anything else?", the related topics)."""
    return bool(_OTHERS_OF_IT.match(text.strip())) and bool(_offices_shown(kb, intent_id))


# the words of a contact question that name no topic of its own (「この通知の問い合わせ先、総務省以外にもある？」); any
# other word left once the offices and the contact words are taken out is one (「要望調査は総務省以外に…」: the survey's
# route, 「財政措置のことは…」: the finance measures')
_NO_TOPIC = frozenset({"以外", "別", "他", "先", "通知", "省", "省庁", "所", "ところ", "とこ", "部署", "人", "番号", "number", "offic",
                       "ministri"})
_LEAVING_OUT_EN = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|instead of)\b")


def _about_a_topic(kb: KnowledgeBase, text: str) -> bool:
    # (the offices are known by their kind; the English words of leaving out would read as words of their own)
    rest = kb.matcher.analyse(_CONTACT_ASKED.sub(" ", _LEAVING_OUT_EN.sub(" ", text)))
    return any(weight >= 0.75 and word not in _NO_TOPIC and kind_of(word) != "office" for word, weight, _ in rest.units)


def named_offices_reply(kb: KnowledgeBase, text: str, language: Language) -> Reply | None:
    """「外務省と文科省、それぞれの電話番号ください」: the cards of the two offices (or more) named with a contact
    detail asked (was the ministries' roles), none of the others'."""
    if not _DETAIL_ASKED.search(text) or len(sentences(text)) > 1:  # (offices a long message's background names)
        return None
    named = offices_named(kb, text) - offices_left_out(kb, text)
    if len(named) < 2:
        return None
    return _cards_of(kb, language, named, shown=True)


def _cards_of(kb: KnowledgeBase, language: Language, offices: set[str], shown: bool) -> Reply | None:
    """The contacts overview with the cards (and the staff) of ``offices`` (``shown``) or of the others, led by what
    it shows; all of them named: the overview as it is."""
    if CONTACTS_INTENT not in kb.intents:
        return None
    reply = intent_reply(kb, CONTACTS_INTENT, language)
    kept = tuple(c for c in reply.contacts if any(c.name.startswith(office) for office in offices) == shown)
    if shown and len(kept) == len(reply.contacts):
        return reply  # 「総務省と外務省と文科省の電話番号」
    if not kept or len(kept) == len(reply.contacts):
        return None
    # (in the notice's order)
    said = "・".join(o for c in reply.contacts for o in sorted(offices) if c.name.startswith(o))
    lead = (_LEAD_NAMED if shown else _LEAD_OTHERS)[language].format(offices=said)
    ids = {c.id for c in kept}
    names = [n for c in reply.contacts if c.id not in ids for n in (c.name, f"the {c.id.upper()} office")]
    # the staff printed for the offices not shown are not repeated (「通知には、総務省…の担当者として…」)
    text = "\n".join(_without_staff_of(line, names) for line in reply.text.split("\n")).strip()
    shown_offices = tuple(t for c in kept for t in sorted(offices_named(kb, c.name)))  # (what 「2番目」 picks from next)
    return replace(reply, text=f"{lead}\n{text}", contacts=kept, names=shown_offices,
                   suggestions=tuple(s for s in reply.suggestions if s.intent_id.removeprefix("contact_") in ids))


def _without_staff_of(line: str, names: list[str]) -> str:
    """The line without its sentences printing the staff of the offices ``names``."""
    kept = [s for s in re.split(r"(?<=。)|(?<=\.) ", line) if not (any(n in s for n in names)
                                                                 and re.search(r"担当者|staff", s))]
    return ("" if "。" in line else " ").join(kept).strip()


_LEAD_OTHERS = {"ja": "{offices}以外の問い合わせ先は、下のカードのとおりです。",
                "en": "The other contact points are on the cards below."}
_LEAD_NAMED = {"ja": "{offices}の問い合わせ先は、下のカードのとおりです。",
               "en": "The contact points you named are on the cards below."}
# a contact detail asked (not 「総務省と文科省の役割は？」: their roles)
_DETAIL_ASKED = re.compile(r"電話|番号|メール|連絡先|問い?合わ?せ|窓口|(?<![a-z])(?:phone|e-?mails?|contacts?)(?![a-z])")
