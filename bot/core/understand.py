"""Read a message before deciding: noise or a question, slips corrected, the question found in a long text, a
phrase quoted from the notice looked up. :func:`understand` returns the ranking to decide on and what was done to
get it (the corrections made, so that the reply can say what was understood)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from bot.core import focus, reading
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Matcher, Scored
from bot.core.narrow import kind_of
from bot.core.analysis import Analysis
from bot.core.orthography import clean, fold_kana
from bot.core.quoted import with_quoted
from bot.core.subjects import places_unknown
from bot.core.types import Correction

_KANA_ONE = re.compile(r"[\u3040-\u30ff]")
MAX_SPELLED = 400
# a correction is kept only when it makes the match clearly better: in a large knowledge base
# many real words are one edit away from some term
SPELLING_GAIN = 5.0  # characters: longer messages are not spell-checked (cost grows with length)
BACKGROUND_LIMIT = 12  # known words kept from the background of a long message


@dataclass(frozen=True)
class Understanding:
    """What the bot made of a message."""

    analysis: Analysis
    ranked: list[Scored]
    corrections: tuple[Correction, ...] = ()
    noise: bool = False
    text: str = ""  # the text matched (corrected, greetings and self-introductions removed)
    vector: np.ndarray | None = field(default=None, compare=False)  # its sentence vector


def words(analysis: Analysis) -> list[str]:
    """The message's words, without bare numbers and repeated letters (ｗｗｗ, あああ)."""
    return [w for w, _, _ in analysis.units if not w.isdigit() and not _KANA_ONE.fullmatch(w)
            and not (len(w) > 1 and len(set(w)) == 1)]


def knows_any(matcher: Matcher, analysis: Analysis) -> bool:
    """Whether the message has a word the knowledge uses."""
    return bool(analysis.synonyms_applied) or any(matcher.knows(w) for w in words(analysis))


def is_noise(matcher: Matcher, analysis: Analysis) -> bool:
    """No word of any language (3, 😀, ？？？, asdfghjkl, qwerty, ｗｗｗ) and none the knowledge knows.

    A real word the knowledge does not use (駐車場はありますか) makes a question: it gets the
    apology and the contact, not the help text."""
    real = [w for w in words(analysis) if w not in analysis.nonwords]
    return not real and not knows_any(matcher, analysis) and not _printed_number(matcher, analysis)


def _printed_number(matcher: Matcher, analysis: Analysis) -> bool:
    """Whether the message has a number of four digits or more the knowledge prints (「6734-3480 どこ？」: part of
    a phone number; a lone 「3」 stays noise)."""
    return any(w.isdigit() and len(w) >= 4 and matcher.knows(w) for w, _, _ in analysis.units)


def _all_known(matcher: Matcher, analysis: Analysis) -> bool:
    found = words(analysis)
    return bool(found) and all(matcher.knows(w) for w in found)


def _has_unknown(matcher: Matcher, analysis: Analysis) -> bool:
    return any(not matcher.knows(w) for w in words(analysis))


def _merge(matcher: Matcher, question: Analysis, background: Analysis) -> Analysis:
    """The question sentence plus the words of the background that the knowledge knows, and the background's
    places it never mentions (「事例集に大阪府の事例は載っていますか？内容も知りたい」 asks about Osaka's case: a
    reading without 大阪府 would answer for a case the knowledge does not hold)."""
    asked = {u[0] for u in question.units}
    extra = [u for u in background.units if u[0] not in asked and matcher.knows(u[0])][:BACKGROUND_LIMIT]
    strangers = tuple(places_unknown(matcher, background, question))
    if strangers:
        question = replace(question, names=question.names + strangers)
    if not extra:
        return question
    units = question.units + tuple(extra)
    kept = {u[0] for u in extra}
    synonyms = question.synonyms_applied + tuple(s for s in background.synonyms_applied if s[1] in kept
                                                 or s[1].lower() in kept)
    return replace(question, units=units, terms=tuple(t for w, _, parts in units for t in (w, *parts)),
                   synonyms_applied=synonyms, kana_only=False,
                   original=" ".join(u[0] for u in extra) + " " + question.original)


def _readings(matcher: Matcher, text: str, parts: focus.MessageParts | None = None
              ) -> tuple[Analysis, focus.MessageParts, list[tuple[str, str, bool]], list[Analysis]]:
    """The whole text's analysis, its parts (``parts``: found already), the readings to try (sentence, background,
    alone) and their analyses."""
    parts = parts or focus.parts(text)
    readings = ([(parts.question, parts.background, True)] if parts.background else []) + list(parts.alternatives)
    return matcher.analyse(text), parts, readings, [matcher.analyse(sentence) for sentence, _, _ in readings]


def sentences(matcher: Matcher, text: str) -> list[Analysis]:
    """The readings of ``text`` whose sentence vectors understanding it starts with (to encode ahead, in a batch)."""
    whole, _, _, questions = _readings(matcher, text)
    return [whole, *questions]


def _names_missing(matcher: Matcher, background: Analysis, question: Analysis) -> set[str]:
    """The roles and organisations (SEA, 文部科学省…) the background names and the question sentence does not
    (no role or office when the question sentence names a ministry of its own: 「…CIRは総務省と聞いておりますが…。
    外務省の電話番号を」; no role when it names a role: 「CIRとALTの話はよく聞くのですが…。なぜSEAの活用が…」), and
    the places it names that the knowledge never mentions (大阪府: no reading may drop them)."""
    said = fold_kana(question.original.lower())  # 「CIRの活用事例集」 reads as one synonym, yet it names CIR
    kinds = {kind_of(t) for t in matcher.named.intersection(question.terms)}
    strangers = set(places_unknown(matcher, background, question))
    if "office" in kinds:
        return strangers
    return strangers | {term for term in matcher.named.intersection(background.terms) - set(question.terms)
                        - reading.WRITERS if term not in said and not ("role" in kinds and kind_of(term) == "role")}


ROLES = frozenset({"alt", "cir", "sea", "jet"})  # named in passing in a background; offices are asked about
ABOUT_MARGIN = 15.0  # how far below the sentence's best an intent about the background's office may rank


def _about(matcher: Matcher, ranked: list[Scored], named: set[str]) -> list[Scored]:
    """The ranking kept to intents about ``named`` (the offices the background names), when one ranks
    close to the best: 「外務省に聞きたい。連絡先は」 wants MOFA's contact, not the list of all three."""
    kept = [s for s in ranked if named <= matcher.about(s.intent_id)]
    return kept if kept and ranked[0].score - kept[0].score <= ABOUT_MARGIN else []


def _rank_focused(matcher: Matcher, text: str, answered: float | None, parts: focus.MessageParts | None = None
                  ) -> tuple[Analysis, list[Scored], str, np.ndarray | None, Analysis]:
    """Rank the whole text and, for a long message, its readings: :func:`reading.choose` picks one
    (``answered``: the score from which the bot answers).

    Returns the analysis, ranking, text and sentence vector chosen, and the whole text's analysis."""
    whole, parts, readings, questions = _readings(matcher, text, parts)
    matcher.prime([whole, *questions])
    vector = matcher.encode(whole)
    best = (whole, matcher.rank(whole, vector=vector), text, vector)
    # a message read with its greeting and self-introduction is no reading of it: 「県私学振興課です。…私立学校にも
    # 関係があるのでしょうか」 found the prefecture's request, the office's 県 and 課 weighing like the question's words
    options = [best] if best[1] and parts.read_whole else []
    tries = []
    if parts.dropped:
        tries.append((matcher.analyse(parts.text), parts.text))
    # (a question quoted is read with its own meaning: the words around it are who asked, no topic)
    own = matcher.encode(tries[0][0]) if parts.quoted and tries else vector
    tries = [(candidate, shown, own) for candidate, shown in tries]
    missing: dict[int, set[str]] = {}  # reading number -> named things of the background it lacks
    # the message without greetings and self-introductions: its question sentence and background
    message = [tries[0][0] if parts.dropped else whole]
    for (sentence, background, alone), question in zip(readings, questions):
        asked = matcher.encode(question)  # the question sentence's meaning, shared by its two readings
        context = matcher.analyse(background)
        if sentence == parts.question and background == parts.background:
            message = [question, context]
        tries.append((_merge(matcher, question, context), sentence, asked))
        if alone:
            tries.append((question, sentence, asked))
            missing[len(tries) - 1] = _names_missing(matcher, context, question)
    # a reading that reads as another (a sentence whose background adds nothing) is ranked once
    done: dict[tuple[Analysis, int], list[Scored]] = {}
    for n, (candidate, shown, meaning) in enumerate(tries):
        ranked = done.get((candidate, id(meaning))) or matcher.rank(candidate, vector=meaning)
        done[candidate, id(meaning)] = ranked
        # the question sentence alone must not answer about another office or role than the background
        # names (「文部科学省に相談したい…。担当部署と連絡先を教えてください」: not MIC's contact)
        lacking = missing.get(n, set())
        if "jet" in candidate.terms:  # (a question of the programme as a whole: 「JETプログラムを運営しているのは
            lacking = lacking - ROLES  # どこ？」 after 「CIRの任用を検討するよう言われ」 asks no CIR's part)
        if ranked and any(not matcher.mentions(ranked[0].intent_id, term) for term in lacking):
            continue
        offices = {term for term in lacking if term not in ROLES}
        if ranked and offices and not offices <= matcher.about(ranked[0].intent_id):
            ranked = _about(matcher, ranked, offices)
        if ranked:
            options.append((candidate, ranked, shown, meaning))
    if options:  # what each reading leaves out of the message counts against it
        best = options[reading.choose(matcher, message, [(candidate, ranked) for candidate, ranked, _, _ in options],
                                      len(parts.text), answered)]
    return (*best, whole)


def understand(kb: KnowledgeBase, text: str, answered: float | None = None,
               parts: focus.MessageParts | None = None) -> Understanding:
    """Noise check, spelling correction and focus on the question; the ranking to decide on.

    ``answered``: the score from which the bot answers (a long message is then answered from the reading,
    among those reaching it, that leaves out the least of the message); ``parts``: the message's parts if the
    caller has found them already (:func:`bot.core.focus.parts` of ``text``)."""
    matcher = kb.matcher
    analysis, ranked, shown, vector, whole = _rank_focused(matcher, text, answered, parts)
    corrections: tuple[Correction, ...] = ()
    if kb.speller is not None and len(text) <= MAX_SPELLED and _has_unknown(matcher, whole):
        fixed, found = kb.speller.correct(clean(text), text, matcher.analyzer.reading,
                                          lambda piece: _all_known(matcher, matcher.analyse(piece)),
                                          matcher.analyzer.sounds)
        if found:
            fixed = _rank_focused(matcher, fixed, answered)
            gain = fixed[1][0].score - (ranked[0].score if ranked else 0.0) if fixed[1] else 0.0
            if fixed[1] and (gain >= SPELLING_GAIN or not knows_any(matcher, whole)):
                (analysis, ranked, shown, vector, whole), corrections = fixed, found
    noise = is_noise(matcher, whole)
    if answered is not None and not noise:  # 「相互理解の増進」って何の説明？: where the quoted phrase stands
        ranked = with_quoted(kb, text, ranked, answered)
    return Understanding(analysis, [] if noise else ranked, corrections, noise, shown, vector)
