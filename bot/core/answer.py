"""The pure core: ``answer(message, kb, context, now) -> Reply``. No I/O, no clock, no globals."""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Sequence

from bot.core import focus, messages
from bot.core.amounts import AMOUNT_WORD, asks_the_pay_itself
from bot.core.asks import without_added_contact, without_list_marks
from bot.core.count_of_it import asks_the_count_of_it, example_asked
from bot.core.decide import (LONG_MESSAGE, LONG_THRESHOLD, LOW_CONFIDENCE, MARGIN, THRESHOLD, UNSURE_BAND, decide,
                             threshold_for)
from bot.core.everyday_words import figures_asked_bare
from bot.core.figure_reply import computed, names_remembered
from bot.core.focused import focused
from bot.core.follow_up import with_context
from bot.core.follow_up_forms import more_asked, names_asked
from bot.core.follow_up_casebook import casebook_of_role
from bot.core.follow_up_picks import picked, the_list_again
from bot.core.follow_up_topic import about_the_topic, has_topic, new_topic, with_topic
from bot.core.gaps import find_gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.language_asked import language_asked, language_wanted, name_asked
from bot.core.narrow import roles_among
from bot.core.orthography import MAX_CHARS, clean, language_of
from bot.core.other_ask import each_listed, with_other_ask
from bot.core.redirected import what_is_meant
from bot.core.part_asked import office_field_missing
from bot.core.place_asked import asked_of_a_cases_alt
from bot.core.office_email import one_office_email
from bot.core.office_excluded import asks_other_offices, offices_left_out, offices_reply
from bot.core.role_excluded import other_roles_reply
from bot.core.case_excluded import other_cases_reply
from bot.core.premise import asked_plainly, printed_phones, without_comparisons
from bot.core.premise_claims import claim_as_check, claimed_guess
from bot.core.premise_note import guessed, with_correction, with_word_correction
from bot.core.threshold import bound_asked, count_asked, with_verdict
from bot.core.reasons import only_why, topic_of_why
from bot.core.earlier_topic import earlier_context, pointed_text
from bot.core.read_by_sound import read_as, terms_by_sound, typed_by_sound
from bot.core.gap_reply import gap_reply, with_latest
from bot.core.replies import (GREETING_INTENT, HELP_INTENT, candidates, courtesy_reply, help_reply, intent_reply,
                              more_reply, with_corrections)
from bot.core.stop_words import EN_STOP
from bot.core.types import Candidate, Context, IncomingMessage, Language, Reply
from bot.core.understand import Understanding, sentences, understand

__all__ = ["answer", "ranking", "help_reply", "intent_reply", "language_of", "Context", "THRESHOLD", "MARGIN",
           "LOW_CONFIDENCE", "UNSURE_BAND", "CONTEXT_TTL", "HELP_INTENT", "GREETING_INTENT", "threshold_for",
           "LONG_MESSAGE", "LONG_THRESHOLD"]

CONTEXT_TTL = 600.0  # seconds a conversation's last topic completes a follow-up


def ranking(kb: KnowledgeBase, text: str, top: int = 5) -> tuple[Candidate, ...]:
    """The best ``top`` intents for a question as the bot reads it (slips corrected, the question sentence
    of a long message found), without conversation context: for ``jetbot ask --top`` and ranking measures."""
    text = text[:MAX_CHARS]
    parts = focus.parts(text)
    understood = understand(kb, text, threshold_for(text, parts), parts)  # noise too is ranked here: the reply is the help text
    return candidates(kb.matcher.rank(understood.analysis, limit=top, vector=understood.vector), top)


def prepare(messages: Sequence[IncomingMessage], kb: KnowledgeBase,
            contexts: Sequence[Context | None] = (), now: float = 0.0) -> None:
    """Encode the questions of several messages in one batch before they are answered one by one
    (:func:`answer` then finds their sentence vectors: about a fifth of the encoder's cost per question
    at a batch of 16); the answers are the same as without it. ``contexts`` (one per message): each
    question read with its conversation's previous topic is encoded too, as :func:`answer` needs it
    when the question alone is not clear."""
    matcher, queries = kb.matcher, []
    for message, context in itertools.zip_longest(messages, contexts[:len(messages)]):
        text = message.text[:MAX_CHARS]
        if message.kind != "message" or message.choice or not text.strip():
            continue
        readings = sentences(matcher, text)
        queries += readings
        if context is not None and now - context.at <= CONTEXT_TTL and context.intent_id in kb.intents \
                and not new_topic(kb, readings[0]):
            queries.append(matcher.analyse(with_topic(kb, readings[0], text, context)))
    if len(queries) > 1:
        matcher.prime(queries)


# 「それを英語に訳して」, 「英語版ください」 with nothing said before: no translating, no English version held
_TRANSLATE = re.compile(r"訳|版|translate|version", re.IGNORECASE)


def _words_language(text: str) -> Language:
    """English for a message of English words only ("What do they do?"), Japanese for anything else (mashing)."""
    words = re.findall(r"[a-z']+", text.casefold())
    return "en" if len(words) > 1 and all(w in EN_STOP for w in words) else "ja"


def _corrected(text: str, understood: Understanding) -> str:
    """The message with its slips corrected (「JETプログラムの創説は？」: 創設 is no subject the knowledge lacks)."""
    if not understood.corrections:
        return text
    fixed = clean(text)
    for correction in understood.corrections:  # (an abbreviation's correction is shown in upper case: CRI -> CIR)
        fixed = re.sub(re.escape(correction.wrong), correction.right, fixed, flags=re.IGNORECASE)
    return fixed


def answer(message: IncomingMessage, kb: KnowledgeBase, context: Context | None = None,
           now: float = 0.0) -> Reply:
    """Answer one message. ``context`` is the conversation's last topic (ignored when stale; a message pointing back
    past it is read with the earlier topic it points to); a message in romaji (「monkashou no denwa」), or the
    notice's terms in romaji inside English, are answered as read in Japanese, saying so."""
    if not message.choice:  # 「いや、SEAのほうです」, "not MIC, MEXT": what was meant; "stats" alone: the figures
        message = replace(message, text=figures_asked_bare(what_is_meant(message.text)))
    back = None if message.choice else earlier_context(context, message.text[:MAX_CHARS], kb.matcher.mentions)
    if back is not None and now - back.at <= CONTEXT_TTL:  # 「さっきの人数のうちALTは？」: the topic pointed back to
        # (back holds no earlier topics: the message is answered once more at most)
        pointed = answer(replace(message, text=pointed_text(message.text)), kb, back, now)
        if not pointed.fallback:
            return pointed
    read = None if message.choice else typed_by_sound(kb, message.text[:MAX_CHARS])
    terms = None if message.choice or read is not None else terms_by_sound(kb, message.text[:MAX_CHARS])
    if terms is not None:  # "Which sankō shiryō is it?": the terms read in Japanese, the reply in English
        reply = with_corrections(_answer(replace(message, text=terms[0]), kb, context, now, "en"), terms[1])
    elif read is None:
        reply = _answer(message, kb, context, now)
    else:
        reply = read_as(_answer(replace(message, text=read.text), kb, context, now), read.typed, read.text)
    if message.choice or reply.fallback:
        return reply
    # a figure, year, phone number or office checked and not printed: said so first (not a list's 「②人数」, nor
    # 「500人より多い？」: a number compared with)
    bound = bound_asked(message.text[:MAX_CHARS])
    if bound is not None:  # (「500人より多い？」: yes or no first; the number is no guess to correct)
        return with_verdict(reply, bound, message.text[:MAX_CHARS], kb.figures)
    text = without_comparisons(without_list_marks(message.text[:MAX_CHARS]))
    asked = asked_plainly(text, kb.figures, printed_phones(kb.knowledge.table("contacts").values()))
    # (「…外務省が作ったんですよね？」 is kept as asked; 「…けど文科省に電話すればいい？」 asks where, no office is guessed)
    guesses = guessed(claim_as_check(clean(text)), asked)
    return with_correction(reply, guesses, text) if guesses else \
        with_word_correction(reply, claimed_guess(clean(text)), text)  # (「…JICAが運営してるんですよね」)


def _each_alone(kb: KnowledgeBase, asks: tuple[str, ...], context: Context | None, now: float) -> list[Reply]:
    """The replies to the items of a list, each read after the one before as its topic (「(1)参考資料3の名前
    (2)どこでダウンロードできるか」: material 3's download), the first after the conversation's."""
    replies: list[Reply] = []
    for ask in asks:
        replies.append(answer(IncomingMessage(ask), kb, context, now))
        last = replies[-1]
        if last.intent_id and not last.fallback:
            context = Context(last.intent_id, now, last.language, last.names)
    return replies


def _answer(message: IncomingMessage, kb: KnowledgeBase, context: Context | None, now: float,
            language_written: Language | None = None) -> Reply:
    text = message.text[:MAX_CHARS]
    if message.choice:
        if message.choice in kb.intents:
            return intent_reply(kb, message.choice, language_of(message.text) if text.strip() else "ja")
        return help_reply(kb, language_of(text))  # a button of a knowledge since changed
    if context is not None and now - context.at > CONTEXT_TTL:
        context = None
    wanted, text = language_wanted(text)  # 「ALTの人数を英語で教えて」: the question, answered in English
    language = wanted or language_written or language_of(text, context.language if context is not None else None)
    # 「2番目は？」 after a list (the attachments, the offices); a figure checked is asked (「ALTって6,000人だっけ？」)
    pick = picked(kb, text, context) or casebook_of_role(kb, text, context)  # (「CIRのは？」 after the ALT casebook's)
    phones = printed_phones(kb.knowledge.table("contacts").values())
    text = pick or asked_plainly(count_asked(text), kb.figures, phones)  # (「500人より多い？」: how many)
    if not text.strip():
        return help_reply(kb, language)
    switched = language_asked(text)
    if switched is not None and has_topic(kb, context) and (named := name_asked(text, context.language)):
        text, switched = named, None  # 「日本語では？」 after a Japanese answer: what it is called (not a Japanese level)
    if switched is not None and context is not None and has_topic(kb, context) and switched != context.language:
        # "English please?" after a Japanese answer: that answer again (in English already, "In English?" asks
        # whether there is an English version of what was talked about)
        return replace(intent_reply(kb, context.intent_id, switched), names=context.names)
    if switched is not None and not has_topic(kb, context) and not _TRANSLATE.search(text):
        return help_reply(kb, switched)  # "English please" first: what the bot answers, in that language
    after_contact = context.intent_id if has_topic(kb, context) and context.intent_id.startswith("contact") else None
    if more_asked(text) and (not has_topic(kb, context) or context.intent_id not in kb.figure_years) \
            and not asks_other_offices(kb, text, after_contact):
        # 「ほかには？」: the related topics, not the answer again (no topic: what the bot answers); after a role's
        # count 「ほかは？」 asks for the other roles', after one office's card the other offices'
        return (has_topic(kb, context) and more_reply(kb, context.intent_id, language)) or help_reply(kb, language)
    if has_topic(kb, context) and asks_the_count_of_it(text, kb.answers[context.intent_id]["ja"].text,
                                                       context.intent_id in kb.figure_years):
        # 「全部で？」 after the casebook's contents: its answer gives the count
        return replace(intent_reply(kb, context.intent_id, language), names=context.names)
    if has_topic(kb, context) and (example := example_asked(text, kb.answers[context.intent_id]["ja"].text)):
        text = example  # 「例えば？」, "Name one" after the casebook's count: one of its cases
    parts = focus.parts(text)  # found once: the threshold and the reading of the message both need them
    if parts.listed:  # 「2点教えてください。①SEAの日本語名 ②SEAの人数」: each item read after the one before
        return each_listed(kb, _each_alone(kb, parts.asks, context, now))
    if parts.quoted:  # a statement quoted and checked (「下書きに「累計は約7万人」と書きました。合っていますか？」)
        parts = replace(parts, question=asked_plainly(parts.question, kb.figures, phones))
    if parts.courtesy == "topic":  # 「SEAの件でご相談です」: asked as 「SEAについて」, nothing else of it read
        # (a topic of its own: "One more question about CIRs." after what ALTs do is not "about CIRs?" of that topic;
        # after a count it stays a count, so a sum asked next adds both)
        text, parts = parts.question, focus.parts(parts.question)
        context = context if context is not None and context.intent_id in kb.figure_years else None
    threshold = threshold_for(text, parts)
    understood = understand(kb, text, threshold, parts)
    if parts.courtesy in ("greeting", "announcement"):  # an opening line sent before the question (「○○市の田中です。」)
        return courtesy_reply(kb, understood.ranked if parts.courtesy == "greeting" else [], threshold, language,
                              talking=has_topic(kb, context))
    talked_about = context.intent_id if has_topic(kb, context) else None
    plain = clean(parts.question if not parts.background else text)
    besides = offices_reply(kb, parts, text, language, after_contact, talked_about is None) or other_roles_reply(
        kb, plain, language, talked_about) or other_cases_reply(kb, plain, language, talked_about)
    if besides is not None:  # 「総務省以外の問い合わせ先は？」, 「ALT以外の職種は？」: not the office or role named
        # ("other than them?" after MEXT's card: words of no topic, yet the other offices)
        return with_corrections(besides, understood.corrections)
    if understood.noise and not about_the_topic(kb, understood.analysis, text, context):
        # keyboard mashing, a lone digit, symbols: help in the conversation's language
        # ("What do they do?" with nothing talked about: English words, help in English)
        language = context.language if context is not None else _words_language(text)
        return replace(help_reply(kb, language), fallback=True)
    whole = (_corrected(text, understood),) if len(text) < LONG_MESSAGE else ()  # 「事例の割合 %で。ざっくりでOK」
    figured = computed(kb, (understood.text, *whole), language, context)
    if figured is not None:  # 「R1→R5で何人増えた？」: computed from the printed figures, with the sum shown
        remembered = names_remembered(kb, text, context, ())  # (the conversation's role stays: 「新規の割合は？」 next)
        return with_corrections(replace(figured, names=remembered), understood.corrections)
    own, own_ranked, own_text = understood.analysis, understood.ranked, understood.text
    if asks_the_pay_itself(text):  # 「ALTの給料は？」, "What's a CIR paid?" (after a count too): how much it is
        own_text = f"{own_text} {AMOUNT_WORD}"
        own = kb.matcher.analyse(own_text)
        own_ranked = kb.matcher.rank(own)
    query, ranked, asked = with_context(kb, own, own_ranked, context, own_text, threshold, MARGIN)
    if pick is not None and the_list_again(kb, pick, context, ranked, own_ranked, threshold):  # 「3番目は？」: 参考資料3 alone
        query, ranked, asked = own, own_ranked, own_text
    read = asked  # the question as read (with the conversation's topic: "And CIRs?" after a year's count)
    left_out = offices_left_out(kb, clean(text))  # 「総務省以外の省庁の役割は？」: the others asked about
    # the roles asked about, and one office
    asked_of = tuple(n for n in names_asked(kb.matcher.named, query.terms, clean(text)) if n not in left_out)
    vector = understood.vector if query is understood.analysis else None
    if query is understood.analysis and only_why(query):  # "Why?" with no topic to ask it about
        return replace(help_reply(kb, language), fallback=True)
    ranked = topic_of_why(kb, query, ranked, threshold, vector)
    reading = find_gap(kb, clean(asked), query, ranked, vector, understood.analysis, _corrected(text, understood),
                       threshold)
    lacking = office_field_missing(kb, query, reading.ranked, text, language) if reading.gap is None else None
    if lacking is not None and not lacking[1]:  # 「総務省の住所は？」: not printed, with the office's card
        reading = replace(reading, gap=lacking[0])
    person = asked_of_a_cases_alt(kb, text, reading.ranked, context and context.intent_id, language) \
        if reading.gap is None and lacking is None else None
    if person is not None:  # 「柏崎市のALTは何歳？」: no case prints it (not an applicant's age limits)
        reading = replace(reading, gap=person)
    if reading.gap is not None:
        reply = gap_reply(kb, reading.gap, query, language, reading.ranked)
    elif lacking is not None:  # 「文科省の住所と電話番号」: the card, said to lack the address
        office, fields = lacking[0].detail
        score = next(s.score for s in reading.ranked if s.intent_id == lacking[0].topic)
        found = intent_reply(kb, lacking[0].topic, language, score, candidates(reading.ranked))
        note = messages.text(messages.FIELD_NOTE, language).format(thing=office, detail=fields)
        reply = replace(found, text=f"{note}\n{found.text}")
    else:
        reply = decide(kb, query, reading.ranked, language, text, threshold,
                       context.intent_id if has_topic(kb, context) else None)
        # (「総務省にメールで…アドレスは？」, or 「メールアドレスは？」 after its card: that office's alone)
        reply = one_office_email(kb, reply, text, language, context.intent_id if has_topic(kb, context) else None)
        if reading.latest is not None and reply.intent_id in kb.figure_years:
            reply = with_latest(kb, reply, reading.latest)
        if reply.intent_id is not None and not reply.fallback:
            shown = replace(query, terms=tuple(t for t in query.terms if t not in left_out)) if left_out else query
            focus_text = without_added_contact(text, parts.asks) if query is understood.analysis else text
            if focus_text != text:  # ("what's the survey for? and MEXT's email": MEXT's, answered after it)
                shown = kb.matcher.analyse(clean(focus_text))
            shaped = focused(kb, reply, shown, focus_text, read, understood.analysis, context, language,
                             reading.ranked, asked_of)
            if shaped.part_missing:
                return with_corrections(shaped.reply, understood.corrections)
            reply, asked_of = shaped.reply, shaped.names
    if reply.intent_id in kb.figure_years:  # what was counted stays counted (「差は？」 after the countries)
        asked_of = names_remembered(kb, text, context, roles_among(asked_of))
    card = None if reply.fallback else reply.intent_id
    reply = with_other_ask(kb, replace(reply, names=asked_of), parts.asks,
                           # (「総務省にメールで…。アドレスは？」: 「アドレスは？」 is the office's too)
                           lambda ask, topic: one_office_email(kb, answer(IncomingMessage(ask), kb, topic, now), text,
                                                               language, card), now,
                           parts.question if parts.question.strip() != text.strip() else "")
    return with_corrections(reply, understood.corrections)
