"""A phrase quoted from the notice (「相互理解の増進」って何の説明？, "The notice says 'about 77,000'"): the
answers that state it. Staff reading the notice on paper ask about a phrase by quoting it; its words alone
may score too low, but where it stands in the knowledge says what they are reading."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Sequence

from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.narrow import kind_of
from bot.core.references import facts_stated

# 「…」『…』“…”"…", and '…' between non-letters (not the apostrophes of "don't … isn't")
_QUOTED = re.compile(r"[「『“\"]([^「」『』“”\"\n]{2,40})[」』”\"]|(?<![A-Za-z])'([^'\n]{2,40})'(?![A-Za-z])")
MIN_CHARS = 4  # a quoted phrase shorter than this (「ALT」) names a thing, it is no phrase of the notice
MAX_STATED = 2  # facts (or cases) holding it: a phrase found in more (「JETプログラム」, 「国際交流員」) is a name


def _plain(text: str) -> str:
    """Compared without width, case or spaces: 「約７７，０００人」 is 約77,000人."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def quoted_phrases(text: str) -> tuple[str, ...]:
    """The phrases in quotation marks of a message, compared form (:func:`_plain`), long enough to look up."""
    found = (_plain(a or b) for a, b in _QUOTED.findall(text))
    return tuple(p for p in found if len(p) >= MIN_CHARS)


def intents_stating(kb: KnowledgeBase, phrase: str) -> frozenset[str]:
    """The answering intents whose answer states a fact or a case holding ``phrase`` (in either language); none
    when more than :data:`MAX_STATED` facts and cases hold it (a name, not a phrase that says where one is reading)."""
    def holds(kind: str) -> set[str]:
        return {r.id for r in kb.knowledge.table(kind).values()
                if any(phrase in _plain(str(r.get(f, ""))) for f in ("text", "text_en", "summary", "summary_en"))}

    facts, cases = holds("facts"), holds("cases")
    if not facts and not cases or len(facts) + len(cases) > MAX_STATED:
        return frozenset()
    return frozenset(i.id for i in kb.intents.values()
                     if not i.fallback and (facts & facts_stated(i) or cases & set(i.cases)))


# a phone number or an e-mail address as printed ("Whose number is 03-6734-3480?"): it says whose it is, when
# whose is what is asked (not 「03-5253-5527は何時まで？」, nor 「文科省の番号は03-5253-5527ですよね？」: an office named)
_WHOSE = re.compile(r"誰の|だれの|って誰|は誰|どこの|どちらの|何の|なんの|どの(?:省|部署|課|室|機関)|(?<![a-z])(?:whose|which (?:office|ministry|"
                    r"department)|what office|who(?:'s| is) (?:this|that|it))(?![a-z])", re.IGNORECASE)
_PRINTED = re.compile(r"(?<![0-9])0[0-9]{1,3}-?[0-9]{3,4}-?[0-9]{4}(?![0-9])|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def printed_details(text: str) -> frozenset[str]:
    """The phone numbers (digits only) and e-mail addresses (lower case) written in ``text``."""
    return frozenset(re.sub(r"-", "", d) for d in _PRINTED.findall(_plain(text).replace("‐", "-").replace("－", "-")))


def intents_printing(kb: KnowledgeBase, detail: str) -> frozenset[str]:
    """The answering intents whose Japanese answer prints a phone number or an e-mail address."""
    return frozenset(i.id for i in kb.intents.values()
                     if not i.fallback and detail in printed_details(kb.answers[i.id]["ja"].text))


def _names_an_office(kb: KnowledgeBase, text: str) -> bool:
    return any(kind_of(t) == "office" for t in kb.matcher.named.intersection(kb.matcher.analyse(text).terms))


def with_quoted(kb: KnowledgeBase, text: str, ranked: Sequence[Scored], threshold: float) -> list[Scored]:
    """``ranked``, with the best-ranked intent stating a quoted phrase (or printing a phone number or an e-mail
    address the message writes) first and answered (at ``threshold``) when no intent was sure: the quotation is
    the evidence its words could not give. Unchanged when nothing is quoted, the quote is not in the knowledge,
    or the best answer is sure already."""
    ranked = list(ranked)
    if ranked and ranked[0].score >= threshold:
        return ranked
    # (「…or 03-6734-3480?」: which to call is not whose; the message is read again only then)
    details = printed_details(text)
    if len(details) != 1 or not _WHOSE.search(text) or _names_an_office(kb, text):
        details = frozenset()
    for phrase in (*quoted_phrases(text), *details):
        stating = intents_printing(kb, phrase) if phrase in details else intents_stating(kb, phrase)
        best = next((s for s in ranked if s.intent_id in stating), None)
        if best is None and phrase not in details and _WHAT_IS.search(text):
            best = next((s for s in ranked[:NAMED_RANK] if _titled(kb, s.intent_id, phrase)), None)
        if best is not None:
            return [replace(best, score=max(best.score, threshold))] + [s for s in ranked if s is not best]
    return ranked


# 「通知にある「取りまとめ団体」というのは具体的にどこを指すのか、…」: a name quoted and asked what it is
_WHAT_IS = re.compile(r"というのは|とは|って(?:何|なに|どこ|誰|だれ)|は(?:何|なに)|を?指(?:す|して)|の意味|"
                      r"(?<![a-z])(?:mean|means|meant|refer to|refers to|what is|what are)(?![a-z])", re.IGNORECASE)
NAMED_RANK = 3  # candidates looked at for the one titled by the name


def _titled(kb: KnowledgeBase, intent_id: str, name: str) -> bool:
    """Whether the answering intent's title (in either language) holds the quoted name: the answer about it."""
    intent = kb.intents[intent_id]
    return not intent.fallback and any(name in _plain(t or "") for t in (intent.title, intent.title_en))
