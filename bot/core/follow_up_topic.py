"""The conversation's topic: which reply leaves one, whether it is something to follow up on, whether a short
question asks about it (「どこで見られる？」) or names a new one, and a question read with it (「令和元年度は？」 after a
令和5年度 answer, "MIC?" after MEXT's contact)."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core import asked_kind
from bot.core.knowledge_base import ASKED, KnowledgeBase
from bot.core.analysis import Analysis
from bot.core.follow_up_forms import (asks_of_what_was_said, link_of_it, more_asked, source_of_it,
                                     with_the_office_for_contact, with_the_role_for_they)
from bot.core.narrow import ATTRIBUTES, NOT_PRINTED, kind_of, label, roles_among
from bot.core.orthography import clean, fold_kana, is_english
from bot.core.place_asked import about_the_cases_school
from bot.core.types import Context, Reply
from bot.core.years import ERA_YEAR, normalise as normalise_years, years_in


# the whole rather than the role just asked about: 「全部で何人？」, 「参加者全体は？」, "altogether"
_WHOLE = re.compile(r"全部|全体|合計|総数|総計|累計|通算|トータル|すべて|全て|全員|全職種|(?<![a-z])(?:all|altogether|total|overall|"
                    r"in all|whole)(?![a-z])")


def with_topic(kb: KnowledgeBase, query: Analysis, text: str, context: Context) -> str:
    """The question read with the conversation's previous topic (for an incomplete question)."""
    previous = kb.intents[context.intent_id]
    anchor = previous.title or previous.examples[0]
    if years_in(clean(text)):  # 「令和元年度は？」 after a 令和5年度 answer: the new year replaces the old one
        anchor = ERA_YEAR.sub("", normalise_years(clean(anchor)))
    named = kb.matcher.named - ASKED
    if named.intersection(query.terms):  # "MIC?" after a MEXT answer: the new office replaces the old one
        anchor, applied = kb.matcher.analyzer.apply_synonyms(clean(anchor))
        for _, canonical in applied:
            if fold_kana(canonical) in named and fold_kana(canonical) not in query.terms:
                anchor = anchor.replace(canonical, " ")
    # what the conversation asked about stays asked about (「令和元年度は？」 after 「令和5年度のALTの人数」),
    # unless the question names another of its kind (「CIRは？」) or asks about the whole (「全体では？」)
    roles = roles_among(context.names)
    if not roles or _WHOLE.search(clean(text)) or more_asked(text):  # (「ほかは？」 after CIRs: the others too)
        return f"{anchor} {text}"
    kinds = {kind_of(t) for t in named.intersection(query.terms)}
    in_anchor = kb.matcher.analyse(clean(anchor)).terms
    carried = [label(n) for n in roles if kind_of(n) not in kinds and n not in query.terms and n not in in_anchor]
    return " ".join([anchor, *carried, text])


def roles_carried(kb: KnowledgeBase, query: Analysis, text: str, context: Context) -> list[str]:
    """The roles the conversation asked about that a follow-up naming none keeps asking about (as shown: SEA),
    unless it asks about the whole (「全体では？」)."""
    if _WHOLE.search(clean(text)) or more_asked(text) or {kind_of(t) for t in (kb.matcher.named - ASKED).intersection(query.terms)} & {"role"}:
        return []
    return [label(n) for n in roles_among(context.names)]


def analyse_with_topic(kb: KnowledgeBase, query: Analysis, text: str, context: Context) -> tuple[str, Analysis]:
    """:func:`with_topic`'s text and its analysis, which asks for the kind of answer the question itself asks
    (a date, a party, a count: :mod:`bot.core.asked_kind`), not the topic's title."""
    combined = with_topic(kb, query, text, context)
    return combined, replace(kb.matcher.analyse(combined), asks=asked_kind.asked(query))


# 「それは何県？」: 何県, 何市 of what was just said ask which one, they name nothing new (「何県に多い？」 does)
_WHICH_OF_IT = re.compile(r"^(?:それ|そこ|その|あれ|これ|ここ)[^。？?]{0,4}何[県市町村]")
_WHICH = re.compile(r"何[県市町村]")

# who / when / where / why asked without naming what about (「どこで見られる？」, 「誰が作ったの？」, "Where can I find it?")
_ASKS = re.compile(r"どこ|どちら|どなた|誰|だれ|いつ|なぜ|なんで|どうして|何の?ため|なんの?ため|目的|理由|根拠|"
                   f"{_WHICH_OF_IT.pattern}|"  # 「それって何県にある？」 after a town's case
                   r"(?<![a-z])(?:where|when|who|whom|why|what for|how come|(?:which|what) (?:prefecture|city|town)"
                   r"(?= is (?:that|it)))(?![a-z])", re.IGNORECASE)
SHORT_JA = 10  # characters (without punctuation) of a Japanese question that asks about "it"
SHORT_EN = 6   # words of an English one


def asks_about_it(kb: KnowledgeBase, query: Analysis, text: str) -> bool:
    """A short who / when / where / why question naming no role or office: it asks about the previous topic."""
    short = len(text.split()) <= SHORT_EN if is_english(text) else len(re.sub(r"[\s？?！!。、]", "", text)) <= SHORT_JA
    return short and bool(_ASKS.search(text)) and not (kb.matcher.named - ASKED).intersection(query.terms)


def new_topic(kb: KnowledgeBase, query: Analysis, shortest: int = 1) -> bool:
    """A noun (of at least ``shortest`` characters) the knowledge never uses: a new topic, not a follow-up."""
    of_it = _WHICH_OF_IT.search(query.original) is not None
    beyond = any(word in _BEYOND for word, _, _ in query.units)
    return any(weight == 1.0 and len(word) >= shortest and not kb.matcher.knows(word) and word not in _POINTING
               and not (beyond and word in _ON_BEYOND) and not (of_it and _WHICH.fullmatch(word))
               for word, weight, _ in query.units)


_POINTING = frozenset({"以上"})  # 「それ以上延ばせる？」 after the contract: "beyond that" names no new topic
# … nor "impossible" and "more" beside "beyond" or "longer" (「それ以上は無理？」, 「もっと長くは無理？」; not 「もっと早く出すのは
# 無理？」 after the survey: a new question); the words as the analyser gives them
_BEYOND = frozenset({"以上", "長イ"})
_ON_BEYOND = frozenset({"無理", "モツト"})


def has_topic(kb: KnowledgeBase, context: Context | None) -> bool:
    """Whether the conversation's last answer was about something: one that states nothing from the
    knowledge (a greeting, thanks, the help text) is no topic to follow up on; an honest "not held" answer
    is (numbers by country: 「CIRは？」 next asks the CIR's)."""
    return context is not None and _about_something(kb, context.intent_id)


def _about_something(kb: KnowledgeBase, intent_id: str) -> bool:
    intent = kb.intents.get(intent_id)
    return intent is not None and bool(intent.fallback or intent.facts or intent.contacts or intent.links
                                       or intent.cases or "{fact:" in intent.answer or "{contact:" in intent.answer)


def topic_of(kb: KnowledgeBase, reply: Reply) -> str | None:
    """The intent a reply leaves as the conversation's topic: an answer, or an honest "not held" reply (the
    ALT's eligibility: 「CIRは？」 next asks the CIR's; MOFA's e-mail: 「では電話番号は？」 next asks MOFA's); a plain
    apology, a bare choice or the help text leaves none, nor does small talk (「なるほど」, thanks): the topic before
    it stays the conversation's (「なるほど」 then 「じゃあCIRは？」)."""
    if reply.intent_id is None or not _about_something(kb, reply.intent_id):
        return None
    held = not reply.fallback or kb.intents[reply.intent_id].fallback or reply.kind == "fallback"
    return reply.intent_id if held else None


DOWNLOAD = "ダウンロード"  # the synonym group of getting a document (入手, download…)
LIST_OF_LINKS = 3


def _a_document(kb: KnowledgeBase, intent_id: str) -> bool:
    """The intent is about a document (its examples ask where to get it) or lists several with their links."""
    return kb.matcher.asks_of(intent_id, DOWNLOAD) or len(kb.intents[intent_id].links) >= LIST_OF_LINKS


# where a case just shown took place (「何県？」, 「それはどこの町？」, "Which prefecture?"): the case's answer names it
_PLACE_OF_IT = re.compile(r"^(?:それ|その(?:事例|町|市|学校)|そこ|場所)?(?:は|って)?(?:(?:何県|どこの県)(?:の(?:市|町|村|自治体))?|"
                          r"どこの(?:町|市|自治体)|何(?:市|町)|どこ|都道府県|場所)(?:ですか|でしょうか|なの|だっけ|ですっけ)?[？?]*$|"
                          r"^(?:and |so )?(?:which|what) (?:prefecture|town|city)(?: (?:is|was) (?:it|that|this))?\??$|"
                          r"^where(?: (?:is|was) (?:it|that|this))?\??$")


_LINK_ALONE = re.compile(r"^(?:the |its )?(?:link|url)s?[?？]?$|^(?:url|リンク)(?:は)?[？?]?$", re.IGNORECASE)


def shown_again(kb: KnowledgeBase, text: str, previous: str) -> str | None:
    """What "where does it come from / where can I see it" shows: the previous answer (with its sources, or a
    document's links), or after an honest "not held" reply the document its facts come from (「どこで確認できる？」
    after 'the amounts are not given': 参考資料2); where a case took place, or its school, is asked of the case. After another answer, None: the question is read with its topic."""
    intent = kb.intents[previous]
    # (a bare "url" after figures: the answer again with its links, the release's; not the official sites)
    if source_of_it(text) or (link_of_it(text) and (_a_document(kb, previous) or _LINK_ALONE.match(text.strip())
                                                     and intent.links and not intent.fallback)) or (
            intent.cases and (_PLACE_OF_IT.match(clean(text)) or about_the_cases_school(text))):
        return previous
    if not link_of_it(text) or not intent.fallback:
        return None
    return next((i for i in (*intent.follow_ups, *intent.facts) if i in kb.intents and _a_document(kb, i)), None)


def contact_only(kb: KnowledgeBase, query: Analysis) -> bool:
    """The question asks for a contact detail and nothing else (「電話番号は？」, 「担当者は？」, "Who do I contact?",
    「電話は何番？」, 「その部署の電話は？」)."""
    return bool(query.terms) and set(query.terms) <= ATTRIBUTES.union(kb.matcher.analyse(_CONTACT_WORDS).terms)


_CONTACT_WORDS = "問い合わせ先 担当者 番号 何番 部署"  # what else a question asking only for a contact detail says


_THERE = re.compile(r"そこ|その(?:団体|協会|組織)|(?<![a-z])there(?![a-z])")
# the name of the office just given (its card prints it in Japanese, with a descriptive English translation)
_OFFICE_NAME = re.compile(r"(?<![a-z])(?:office|section|division)(?:'s)? (?:full )?names?(?![a-z])|(?<![a-z])names? of "
                          r"(?:the|that|this|their) (?:office|section|division)|部署名|部署の(?:正式)?名|課の(?:正式)?名|室の(?:正式)?名|室名")
_WHERE_TO_ASK = re.compile(r"^(?:じゃあ|では|で、?)?(?:それ|その件|この件|そのこと|これ)?(?:は|って|について(?:は)?)?[、,]?(?:どこ|誰|だれ|どなた|どちら)"
                           r"(?:に|へ)(?:聞け|聞い|きけ|問い合わせ|問合せ|相談|確認|連絡)[^？?。]{0,8}[？?。]?$|^(?:so |then )?(?:who|where) "
                           r"(?:should|do|can) (?:i|we) ask(?: about (?:it|that|this))?\??$", re.IGNORECASE)


def contact_of_the_topic(kb: KnowledgeBase, context: Context, text: str, query: Analysis) -> str | None:
    """The question read as asked of the conversation's office: a contact detail after the roles of one office
    (「外務省の役割は？」→「電話番号は？」), the staff after an answer with one office's card (「担当者は？」 after
    what an SEA is: that office's staff, as printed), or its address or fax (「住所は？」: not printed, its card);
    ``None`` for any other question."""
    cards = kb.intents[context.intent_id].contacts
    if _WHERE_TO_ASK.match(clean(text)):
        # 「それはどこに聞けば？」 after a topic (one not held too): its office's card, or the list of the offices with
        # what suits each; after the survey, the route a request takes (through the coordinating body to CLAIR)
        if "要望調査" in kb.answers[context.intent_id]["ja"].text:
            return "要望の提出先は"
        return f"{kb.knowledge.table('contacts')[cards[0]].get('name')}の問い合わせ先" if len(cards) == 1 else "問い合わせ先"
    if len(cards) != 1:  # (after the list led by the office for the topic asked: that office's)
        office = with_the_office_for_contact(text, query.terms, kb.matcher.named, context.names)
        if office is not None or not cards:
            return office
    # "office name in jp" after MEXT's e-mail: its card (not 「外務省のぶしょ名」 after MIC's: the office named)
    if len(cards) == 1 and _OFFICE_NAME.search(clean(text)) and not kb.matcher.named.intersection(query.terms):
        return f"{kb.knowledge.table('contacts')[cards[0]].get('name')}の問い合わせ先"
    staff = set(kb.matcher.analyse("担当者").terms)
    terms = set(query.terms)
    # an address or fax asked (「住所と電話は？」 too) is the card's office's, not after an answer naming CLAIR
    # (「住所は？」 / 「そこの住所は？」 after who runs the survey: CLAIR's, whose details are not held either)
    lacking = bool(terms & NOT_PRINTED) and terms <= staff | ATTRIBUTES and not _THERE.search(clean(text)) \
        and "自治体国際化協会" not in kb.answers[context.intent_id]["ja"].text
    # 「電話は何番？」, 「その部署の電話は？」 right after one office's card: that office's (not every office's)
    # (a detail alone, 「メールは？」, is read as before: that one detail leads the reply)
    card_itself = "{contact:" in kb.intents[context.intent_id].answer and contact_only(kb, query) \
        and not terms & NOT_PRINTED and not terms <= ATTRIBUTES | staff
    if len(cards) == 1 and terms and (terms <= staff or lacking or card_itself) \
            and not kb.matcher.named.intersection(terms):
        return f"{kb.knowledge.table('contacts')[cards[0]].get('name')}の{text}"
    if _staff_detail(clean(text)) and not kb.matcher.named.intersection(terms):
        # 「役職は？」, 「その下の人は？」, 「担当者の役職を教えて」: the staff as printed (all the offices' after the list)
        return f"{kb.knowledge.table('contacts')[cards[0]].get('name')}の担当者" if len(cards) == 1 else "問い合わせ先の担当者"
    return None


def _staff_detail(text: str) -> bool:
    """A short message asking what the staff printed are (their titles, how a name is read, who comes next)."""
    short = re.sub(r"^(?:ありがとうございます|ありがとう|すみません|了解です|わかりました)[。、！!]*", "", text)
    return len(short) <= _STAFF_DETAIL_CHARS and bool(_STAFF_DETAIL.match(short) or _STAFF_WORD.search(short))


_STAFF_DETAIL_CHARS = 20  # characters of a message that asks only that (「名字の読み方も教えていただけますか？」)
_STAFF_WORD = re.compile(r"(?:担当者?の|その人の|その方の|名字の|苗字の|名前の)?(?:役職|肩書き?|読み方|よみかた|ふりがな|フリガナ)"
                         r"(?:は|って|も|を)?(?:教えて|知りたい|わかる|分かる)?")
# what is asked of the staff an office's card prints: their titles, how a name is read, who comes next, whom to ask for
_STAFF_DETAIL = re.compile(r"^(?:じゃあ|では|で、?)?(?:(?:その人|その方|名字|苗字|名前)の)?(?:役職|肩書き?|読み方|よみかた|ふりがな|フリガナ|"
                           r"その下の人|下の人|上の人|部下|上司)(?:は|って)?(?:誰|だれ|どなた|何|なに|なん)?(?:ですか|でしょうか)?[？?]*$|^(?:誰|だれ|どなた)(?:あて|宛て?)に(?:電話|連絡|メール|問い合わせ|問合せ|かけ)")


def about_the_topic(kb: KnowledgeBase, analysis: Analysis, text: str, context: Context | None) -> bool:
    """A message of no word the knowledge uses that still asks about the previous topic: "Where can I find it?",
    「その根拠は？」, 「何してるの？」 (but not after a count, where it is small talk, unless "they" are a role asked
    about: "What do most of them do?" after the ALTs' count)."""
    if context is None or not has_topic(kb, context):
        return False
    pointing = asks_of_what_was_said(text) and (context.intent_id not in kb.figure_years or with_the_role_for_they(
        text, context.names) is not None)
    return asks_about_it(kb, analysis, text) or source_of_it(text) or pointing
