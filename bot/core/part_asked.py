"""What a question asks of one part of an answer: a contact card's phone or e-mail (the cards with only that, the
attribute led with, or said not to be held when the office's card lacks it: MOFA has no e-mail in the notice), or
one role's figure that the answer gives only for the others (「SEAの新規は？」)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from bot.core.analysis import Analysis
from bot.core.compose import contact_of
from bot.core.counts_not_held import cases_of_another_field, counted_of_another_document, cumulative_of_a_role
from bot.core.follow_up_forms import asks_contact
from bot.core.gaps import Gap
from bot.core.cited_for import role_not_cited
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import ATTRIBUTES, NOT_PRINTED, ONLY, Names, kind_of, label, lost_in_narrowing, narrow
from bot.core.orthography import clean, is_english
from bot.core.place_asked import asked_of_a_case_town
from bot.core.types import Contact, Reply


def contact_fields(contacts: Iterable[Contact], question: str, asked: Iterable[str]) -> tuple[Contact, ...]:
    """The contact cards with only the one attribute asked (「電話番号だけ」, "e-mail only")."""
    wanted = ATTRIBUTES.intersection(asked)
    if len(wanted) != 1 or not ONLY.search(clean(question)):
        return tuple(contacts)
    keep = next(iter(wanted))
    # an office without the field asked (MOFA has no e-mail) keeps what it has: the reply says so
    return tuple(replace(c, phone=c.phone if keep == "電話" else None, email=c.email if keep == "メール" else None)
                 if (c.phone if keep == "電話" else c.email) else c for c in contacts)


_FIELD_LABELS = {"電話": {"ja": "電話番号", "en": "phone number"}, "メール": {"ja": "メールアドレス", "en": "e-mail address"},
                 "fax": {"ja": "FAX番号", "en": "fax number"}, "住所": {"ja": "住所（所在地）", "en": "postal address"},
                 "受付時間": {"ja": "受付時間（電話がつながる時間帯）", "en": "office hours"},
                 "携帯": {"ja": "直通・内線・携帯の番号", "en": "direct, extension or mobile number"}}
# an office's hours and direct or extension numbers (synonym groups' first words): printed for no office either
# (「外務省って何時まで電話つながりますか」: the phone is how the hours are asked, not a second thing asked)
_NO_OFFICE_PRINTS = ("受付時間", "携帯")
# … asked as such: an office's hours (not 「要望調査は何時まで？」, 「外務省は何時からJETに関わってますか」: a deadline, a
# start) and its numbers (not 「ALTに携帯を持たせる費用」: a cost)
_SAID_AS_SUCH = {"受付時間": re.compile(r"受付時間|受け付け時間|営業時間|開庁時間|電話[^。？?]{0,6}(?:つなが|繋が|受け付|受付)|"
                                    r"(?:窓口|問い?合わ?せ)[^。？?]{0,8}何時(?:から|まで)|何時から何時まで|"
                                    r"(?:office|opening|business) hours|(?:opening|closing) time|until what time|"
                                    r"what time does [a-z ]{2,30} (?:open|close)"),
                 "携帯": re.compile(r"^(?![^。？?]*(?:費用|代|経費|措置|交付税|costs?|cover|pay))[^。？?]*(?:直通|内線|extension|"
                                  r"direct (?:line|number)|(?:携帯|mobile)[^。？?]{0,4}(?:番号|電話|number|phone))")}
# a person asked about by title or honorific (「比護補佐の携帯」, "Mr. Higo's mobile"): the refusal of personal details
_A_PERSON = re.compile(r"補佐|主査|係長|事務官|さん|(?<!疲れ)様|(?<![a-z])(?:mr|ms|mrs|dr)(?![a-z])")


def _value(card: Contact, field: str) -> str | None:
    """The card's phone or e-mail address (no card holds a fax number or an address: the notice prints none)."""
    return card.phone if field == "電話" else card.email if field == "メール" else None


# 「載っていますか」, "Is there an e-mail address…? If not, …": whether it is given, which "no, only a phone" answers
_WHETHER = re.compile(r"載って(?:い)?(?:ます|る)(?:か|の|でしょうか)|(?:あり|ござい|でき)ます(?:か|でしょうか)|(?:ある|できる)(?:の|か)|"
                      r"(?<![a-z])(?:is there|are there|if not|do(?:es)? (?:they|it|the notice|mofa) (?:have|give|list))(?![a-z])")

_NAMES = re.compile(r"名前|氏名|(?<![a-z])names?(?![a-z])")
# what a card holds asked beside a missing attribute (「住所とか部署とかを教えて」): the card answers, not "missing"
_CARD_ASKED = re.compile(r"部署|担当者|担当の方|窓口(?![^。？?]{0,6}何時)|連絡先|問い合わせ先|"  # (「窓口って何時から？」: its hours)
                         r"(?<![a-z])(?:staff|contact details|which (?:department|division|office)|in charge|"
                         r"who (?:should|do|can) (?:i|we) (?:ask|contact|speak))(?![a-z])")


def missing_field(contacts: Iterable[Contact], question: str, asked: Iterable[str], language: str
                  ) -> tuple[str, str] | None:
    """(the office, the attribute) when a question asks for one attribute of a contact (「外務省のメールアドレスは？」)
    and no contact card of the answer has it: the thing asked is not held, only the office's other details. Not
    when it asks whether the notice gives it (「…アドレスは載っていますか」): "no, only a phone" answers that."""
    wanted = ATTRIBUTES.intersection(asked)
    cards = list(contacts)
    said = clean(question)
    if len(wanted) != 1 or not cards or _NAMES.search(said) or wanted <= NOT_PRINTED and _CARD_ASKED.search(said):
        return None  # (「担当者のお名前とメールを」, 「住所とか部署とか」: what is asked beside it is held)
    field = next(iter(wanted))
    # (whether a fax or an address is given: no office has one, which the cards alone would not say)
    if any(_value(c, field) for c in cards) or _WHETHER.search(said) and field not in NOT_PRINTED:
        return None
    office = cards[0].name if language == "ja" else (cards[0].name_en or cards[0].name)
    return office, _FIELD_LABELS[field][language]


def office_field_missing(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], question: str, language: str
                         ) -> tuple[Gap, bool] | None:
    """「総務省の住所は？」, "MOFA's fax number?": what no card of the one office named holds (an address or a fax: the
    notice prints none), as a gap about that office, its topic the best-ranked answer with that office's card; and
    whether the card answers the rest of the question (「文科省の住所と電話番号」: the card, said to lack the address).
    Settled apart from the ranking, which weighs such words against the intent of CLAIR's details and asks which
    was meant."""
    terms = set(query.terms)
    offices = [t for t in kb.matcher.named.intersection(terms) if kind_of(t) == "office"]
    wanted = ATTRIBUTES.intersection(terms)
    said = clean(question)
    unprinted = [t for t in _NO_OFFICE_PRINTS if t in terms and _SAID_AS_SUCH[t].search(said)]
    missing = sorted(wanted & NOT_PRINTED, key=("住所", "fax").index) + unprinted
    if len(offices) != 1 or not missing or unprinted and (_NAMES.search(said) or _CARD_ASKED.search(said)
                                                          or _A_PERSON.search(said)):
        return None  # (「総務省の担当者の携帯番号」: a person's number, which the refusal of personal details answers)
    records = [r for r in kb.knowledge.table("contacts").values() if str(r.get("name", "")).startswith(offices[0])]
    # the best-ranked answer with that office's card only (contact_mic for 総務省)
    owners = [s.intent_id for s in ranked if len(records) == 1 and not kb.intents[s.intent_id].fallback
              and kb.intents[s.intent_id].contacts == (records[0].id,)]
    if not owners:
        return None
    card = contact_of(records[0], "ja" if language == "ja" else "en")
    office = card.name if language == "ja" else (card.name_en or card.name)
    fields = ("・" if language == "ja" else " or ").join(_FIELD_LABELS[f][language] for f in missing)
    held = bool(wanted - NOT_PRINTED - ({"電話"} if unprinted else set())) or bool(_NAMES.search(said)
                                                                                or _CARD_ASKED.search(said))
    return Gap("field", related=(owners[0],), detail=(office, fields), topic=owners[0]), held


def field_first(text: str, contacts: Iterable[Contact], question: str, asked: Iterable[str], language: str) -> str:
    """The reply led by the one attribute asked when one card of it has that attribute and the reply neither gives
    it first nor is about that office (「電話番号は？」 after the reasons for ALTs: MEXT's number first, then the reasons
    again; an answer naming the office has its card, with the number, right below)."""
    wanted = ATTRIBUTES.intersection(asked)
    # (only a question asking nothing else: "Who should a municipality contact to increase its CIRs?" is the route)
    if not wanted and asks_contact(clean(question)) and _bare(clean(question)) and len(cards := list(contacts)) == 1:
        return _card_first(text, cards[0], language)  # 「問い合わせ先は？」 after what an SEA is
    if len(wanted) != 1 or _NAMES.search(clean(question)):
        return text
    field = next(iter(wanted))
    cards = [c for c in contacts if _value(c, field)]
    if len(cards) != 1:
        return text
    card = cards[0]
    value = _value(card, field) or ""
    if value in text.split("\n")[0] or card.name in text or card.name_en and card.name_en in text:
        return text
    if language == "en":
        return f"The {_FIELD_LABELS[field]['en']} of {card.name_en or card.name} is {value}.\n{text}"
    return f"{card.name}の{_FIELD_LABELS[field]['ja']}は{value}です。\n{text}"

_SHORT = 12  # characters of a short question (naming nothing else, it asks about the contact only)


def _bare(question: str) -> bool:
    """A short question that asks nothing beside what it names (「問い合わせ先は？」, "Who do I contact?")."""
    return len(question.split()) <= 5 if is_english(question) else len(question) <= _SHORT


def _card_first(text: str, card: Contact, language: str) -> str:
    """``text`` led by the one contact point of the answer, unless it starts with it already."""
    if card.name in text.split("\n")[0] or card.name_en and card.name_en in text.split("\n")[0]:
        return text
    details = [d for d in (card.phone, card.email) if d]
    if language == "en":
        return f"Contact point (as printed in the notice): {card.name_en or card.name} ({', '.join(details)})\n{text}"
    return f"問い合わせ先（通知に記載）：{card.name}（{'、'.join(details)}）\n{text}"


def held_for_others_only(kb: KnowledgeBase, reply: Reply, text: str, asked: set[str], names: Names,
                          question: Analysis, topic: str | None = None, remembered: tuple[str, ...] = ()) -> Gap | None:
    """A head count asked of one named role that the answer gives only for the others (「SEAの新規は？」: the
    answer counts new participants for ALT and CIR), or a contact attribute the answer's office lacks
    (「外務省のメールアドレスは？」: a phone only): the thing asked is not held, whether or not the reply would
    have been narrowed to that role or office. ``remembered``: what the conversation counted (a bare role,
    「SEA?」 after the new ALTs and CIRs, asks that role's new ones)."""
    if "新規" in remembered and _bare_role(kb, text):
        text = f"{text} {'new' if reply.language == 'en' else '新規'}"
        question = kb.matcher.analyse(text)
    lacking = missing_field(reply.contacts, text, asked, reply.language)
    if lacking is not None:
        return Gap("field", related=(reply.intent_id,), detail=lacking)
    other = counted_of_another_document(kb, reply, text, question, topic) or cumulative_of_a_role(kb, reply, text) \
        or asked_of_a_case_town(kb, reply.intent_id, reply.language, text, topic) or cases_of_another_field(reply, text) \
        or role_not_cited(kb, reply, text, asked)
    if other is not None:
        return other
    thing = next((label(t) for t in sorted(asked) if kind_of(t) in ("role", "office")), None)
    if thing is None or reply.intent_id not in kb.figure_years:
        return None
    own_part = narrow(reply.text, text, asked, names, only=True)
    words = [t for w, _, parts in question.units if w not in asked for t in (w, *parts)]
    lost = lost_in_narrowing(reply.text, own_part, words) if own_part != reply.text else None
    if lost is None:
        return None
    # what is held of the thing asked comes with it (「SEAは？」 after the new CIRs: SEA's 8, with no new ones counted)
    held = "".join(s for s in re.split(r"(?<=。)|(?<=\.) ", own_part) if thing in s and s.strip()).strip()
    return Gap("detail", related=(reply.intent_id,), detail=(thing, lost, held))


_BARE_ROLE = re.compile(r"^(?:(?:じゃあ|では|それでは|で|and|what about|how about) ?)?(?:alt|cir|sea)s? ?"
                        r"(?:は|の方は|のほうは|も|って)?[？?。.]?$")


def _bare_role(kb: KnowledgeBase, text: str) -> bool:
    """「SEA?」, "And CIRs?": a role named and nothing else (not 「SEAについて教えて」)."""
    return bool(_BARE_ROLE.match(kb.matcher.analyzer.apply_synonyms(clean(text))[0].strip()))
