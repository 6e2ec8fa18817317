"""An honest "not held" intent that names what is asked: put first, or answered even below the threshold.

The knowledge's ``fallback: true`` intents say plainly what the notice and its sources do not hold (a staff
member's mobile number, a participant's eligibility, dismissal). When a question's key word is one such an
intent declares (its keywords) or is asked about (its examples), and the best answer never mentions it, the
honest reply is the right one, not the related topic.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core import focus
from bot.core.sentences import purposes, sentences
from bot.core.analysis import Analysis
from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.matcher import Scored
from bot.core.orthography import clean, english_around_a_term, fold_kana, is_english
from bot.core.subjects import head_of

FALLBACK_FLOOR = 40.0  # an honest "not held" intent this close is preferred when it names what is asked
KEY_SHARE = 0.3  # … a key word that specific (JET, used everywhere, is not)
# … when it lists that named word among its keywords (a topic its examples merely name, like 要望調査 for the
# survey's "dates not given", is no reason), this close: 「桒田主査の携帯電話の番号」 names so much of MIC's
# contact that the honest "personal numbers are not held" intent scores 31 points below it
KEYWORD_MARGIN = 35.0
MESSAGE_FLOOR = 30.0  # … read on a whole long message (its other sentences dilute the score)
DECLARED_MARGIN = 12.0  # … a plain word it declares (not a synonym group's) is weaker evidence: it must also be this close
CLEARLY_ASKED = 65.0  # a long message's reading this sure answers what is asked: another sentence's word does not veto it
# a key word only "not held" intents use puts the one declaring it first (within this many of the ranking,
# at this score or more) in a question this short (characters): 「R5 ALT 住民税」, not a LINE message's background
ONLY_NOT_HELD_RANKED = 30
ONLY_NOT_HELD_FLOOR = 10.0
COST = "経費"  # the knowledge's word for costs (intents/synonyms.yaml: 費用, お金, 財源…)
SHORT_QUESTION = 30
SHORT_QUESTION_WORDS = 12  # … or words of an English one (「…アメリカ出身者は何人？」 takes twice the letters in English)


def missing_entity(kb: KnowledgeBase, analysis: Analysis, intent_id: str) -> bool:
    """The question names a thing (ALT, SEA…) this intent never mentions."""
    return any(not kb.matcher.mentions(intent_id, e) for e in (kb.matcher.named - ASKED).intersection(analysis.terms))


def first(ranked: list[Scored], intent_id: str) -> list[Scored]:
    """``ranked`` with ``intent_id`` first (the rest in their order)."""
    return sorted(ranked, key=lambda s: s.intent_id != intent_id)


def _declares(kb: KnowledgeBase, intent_id: str, word: str) -> bool:
    """Whether an honest "not held" intent lists ``word`` among its keywords (the attributes it declares
    not held: 面接, 有給休暇, terminate…); English words are compared by their stem, with one-word keywords only
    ("working hours" declares no "work": "what kind of work do CIRs do?")."""
    return any(k == word or (word.isascii() and len(word) >= 4 and k.startswith(word) and " " not in k)
               for k in (fold_kana(clean(keyword)) for keyword in kb.intents[intent_id].keywords))


def _declared_verbatim(kb: KnowledgeBase, intent_id: str, text: str, best: str) -> bool:
    """A Japanese compound the "not held" intent declares is written in the question, and the best answer
    never writes it: 日本語能力試験 is read as 日本語能力 + 試験, neither of which it declares alone."""
    answer = kb.answers[best]["ja"].text
    return any(len(k) >= 4 and not k.isascii() and k in text and k not in answer
               for k in (fold_kana(clean(keyword)) for keyword in kb.intents[intent_id].keywords))


def _purpose_words(kb: KnowledgeBase, text: str) -> set[str]:
    """The words only the sentences saying what the answer is for use."""
    aside = purposes(text)
    if not aside:
        return set()
    rest = text
    for sentence in aside:
        rest = rest.replace(sentence, "")
    return set(kb.matcher.analyse(" ".join(aside)).terms) - set(kb.matcher.analyse(rest).terms)


def not_held_first(kb: KnowledgeBase, analysis: Analysis, ranked: list[Scored], message: str = "") -> list[Scored]:
    """Put first an intent that says honestly what is not held (携帯番号, 応募資格…) when it covers a
    key word of the question that the best answer never mentions: a named thing (a synonym group's word) it
    declares among its keywords when it scores 40 or more, a plain word it declares when it is also close to
    the best; ``message``: the message as written (the words of what the answer is for are not asked about)."""
    if not ranked or kb.intents[ranked[0].intent_id].fallback:
        return ranked
    named = {fold_kana(c) for _, c in analysis.synonyms_applied}
    aside = _purpose_words(kb, message or analysis.original)  # (研修 in 「…研修資料に入れたくて」 is not asked)
    keys = {k for k in named if kb.matcher.share(k) <= KEY_SHARE} - aside
    plain = {w for w, weight, _ in analysis.units if weight >= 0.75 and w not in named
             and kb.matcher.share(w) <= KEY_SHARE} - aside
    best = ranked[0]
    for s in ranked[1:5]:
        if s.score < FALLBACK_FLOOR or not kb.intents[s.intent_id].fallback:
            continue
        # what the honest intent is asked about, not a word its answer uses in passing (市区町村 in how the
        # survey is sent is no reason to refuse 「マニュアルを市町村に転送したい。どこからダウンロード？」)
        if any(best.score - s.score <= KEYWORD_MARGIN and _declares(kb, s.intent_id, k)
               and kb.matcher.asks_of(s.intent_id, k) and not kb.matcher.mentions(best.intent_id, k) for k in keys):
            return first(ranked, s.intent_id)
        if best.score - s.score <= DECLARED_MARGIN and (any(
                _declares(kb, s.intent_id, w) and not kb.matcher.mentions(best.intent_id, w) for w in plain)
                or _declared_verbatim(kb, s.intent_id, analysis.original, best.intent_id)):
            return first(ranked, s.intent_id)
    return _known_only_as_not_held(kb, analysis, ranked, plain | named)


def _known_only_as_not_held(kb: KnowledgeBase, analysis: Analysis, ranked: list[Scored], plain: set[str]
                            ) -> list[Scored]:
    """A short question about the figures (head counts are held by year and role only) asking for a detail that
    only honest "not held" intents name (国別, アメリカ出身, 年齢, 都道府県別, 住民税): the one declaring it,
    however far below the year's figures it ranks (「令和5年度のALTのうち、アメリカ出身者は何人？」: 31 points).
    Not for a question on another topic, which may use such a word in passing (「研修で事例集を使いたい」,
    「要望調査に応募するには？」), nor a long message (:func:`not_held_in_message` reads those)."""
    if not _short(analysis.original):
        return ranked
    # (「ALTの就労ビザの申請手続き」: the word whose procedure is asked, inside a compound of the question)
    procedure = _declaring(kb, _procedure_of(kb, analysis.original), "")
    if not (declaring := _declaring(kb, plain, analysis.original) or procedure):
        return ranked  # (most questions: no such word, and no second analysis below)
    # (the finance measures too: 「JET参加者の給料って所得税かかるの？」 asks a cost they never mention)
    counted = ranked[0].intent_id in kb.figure_years or kb.matcher.asks_of(ranked[0].intent_id, COST)
    if not counted:  # … or what a 「XのYは？」 asks about X is such words (住所)
        asked = head_of(analysis.original)  # (not 「CIRの翻訳業務について」: translation work, not a translation)
        head = {w for w, _, _ in kb.matcher.analyse(asked).units} if asked else set()
        declaring = _declaring(kb, head if head and head <= kb.not_held_words.keys() else set(), asked or "") or procedure
        if not declaring:
            return ranked
    found = next((s for s in kb.matcher.rank(analysis, limit=ONLY_NOT_HELD_RANKED)
                  if s.intent_id in declaring and s.score >= ONLY_NOT_HELD_FLOOR), None)
    if found is not None:  # as sure as the reading was: the question's other words find its topic
        return [replace(found, score=max(found.score, ranked[0].score)),
                *(r for r in ranked if r.intent_id != found.intent_id)]
    return ranked


def _short(text: str) -> bool:
    """Short in words when written in English (a year in Japanese inside too: "…from the USA in 令和5年度?"), else
    in characters."""
    english = is_english(text) or english_around_a_term(text)
    return len(text.split()) <= SHORT_QUESTION_WORDS if english else len(text) <= SHORT_QUESTION


def _procedure_of(kb: KnowledgeBase, text: str) -> set[str]:
    """The word whose procedure or conditions a short question asks (「CIRのビザの手続きってどうやるの」: ビザ; 「就労ビザの申請
    手続き」: 就労ビザ and its parts), none when it asks no procedure."""
    found = _PROCEDURE.search(clean(text))
    units = kb.matcher.analyse(found.group(1)).units if found else ()
    return {units[-1][0], *units[-1][2]} if units else set()


# 「XのY」 where Y is a procedure or condition: X is what it is asked of
_PROCEDURE = re.compile(r"([^のはをが、。？?\s]{2,12})の(?:申請|取得|更新)?(?:手続き?|申請|取り方|取得|要件|条件|必要書類|費用)")


def _declaring(kb: KnowledgeBase, words: set[str], text: str) -> set[str]:
    """The honest "not held" intents declaring one of ``words`` (or a compound written in ``text``) that only
    such intents use."""
    written = fold_kana(clean(text))
    return {i for word in words for i in kb.not_held_words.get(word, ())} | {
        i for phrase, ids in kb.not_held_phrases.items() if phrase in written for i in ids}


def not_held_in_message(kb: KnowledgeBase, message: str, ranked: list[Scored]) -> list[Scored]:
    """A long message's other sentences may say what makes it out of scope (「民間派遣会社のALTはいくら？
    JETと費用を比べたい」, 「解雇を検討しています。手続きの流れを」): the honest "not held" intent the whole
    message finds is put first when it declares one of the message's words the answer found never mentions."""
    if not ranked or kb.intents[ranked[0].intent_id].fallback or len(sentences(message)) < 2 \
            or ranked[0].score >= CLEARLY_ASKED:  # 「…何年度分の調査か。予算編成スケジュールと合わせたい」
        return ranked
    whole = kb.matcher.analyse(clean(focus.parts(message).text))  # without greetings and introductions
    aside = _purpose_words(kb, message)
    keys = [w for w, weight, _ in whole.units if weight >= 0.75 and kb.matcher.share(w) <= KEY_SHARE
            and not kb.matcher.mentions(ranked[0].intent_id, w) and w not in aside]
    for s in kb.matcher.rank(whole)[:2]:
        if s.score >= MESSAGE_FLOOR and kb.intents[s.intent_id].fallback and any(
                _declares(kb, s.intent_id, w) for w in keys):
            # as sure as the reading was: the whole message scores low only for its many words
            return [replace(s, score=max(s.score, ranked[0].score)), *(r for r in ranked if r.intent_id != s.intent_id)]
    return ranked


def declared_asked(kb: KnowledgeBase, intent_id: str, analysis: Analysis, message: str = "",
                   besides: str | None = None) -> bool:
    """Whether the honest "not held" intent ``intent_id`` declares a key word of the question or of its
    message (解雇, 給料…): its reply then says plainly what is missing, even below the threshold. ``besides``: an
    intent whose own words do not count (an office's card uses 電話; a staff member's age is not held)."""
    # 「CIR英訳」 is no question about the ALT casebook's translation; what is not held of JET participants
    # (their pay, their interview) is not held of a CIR either
    missing = missing_entity(kb, analysis, intent_id) and "jet" not in kb.matcher.about(intent_id)
    if not kb.intents[intent_id].fallback or missing:
        return False
    readings = [analysis] + ([kb.matcher.analyse(clean(focus.parts(message).text))] if message else [])
    return any(_declares(kb, intent_id, w) for reading in readings for w, weight, _ in reading.units
               if weight >= 0.75 and kb.matcher.share(w) <= KEY_SHARE
               and (besides is None or not kb.matcher.mentions(besides, w)))
