"""Counts a question asks that the answer holds for something else only: the cases of another attachment (「CIR活用
事例集には何件？」: the 30 are the JET-ALT casebook's), one role's share of what is counted of all participants (「CIR
の累計は？」, 「令和5年度のCIRは何か国から？」), the cases of a field the casebook does not have."""
from __future__ import annotations

import re

from bot.core.analysis import Analysis
from bot.core.figure_asked import a_years_count, counts_asked
from bot.core.follow_up_forms import follow_up_form
from bot.core.gaps import Gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import kind_of, label
from bot.core.orthography import clean
from bot.core.sentences import sentences
from bot.core.types import Reply

# a count asked (「何件」, "how many cases"); the reference materials are the synonym groups ref1…ref4
_COUNT_ASKED = re.compile(r"何件|何事例|何例|事例数|件数|いくつ|(?<![a-z])(?:how many|number of)(?![a-z])")
_DOCUMENT = re.compile(r"ref\d")
_CASES_ASKED = re.compile(r"何件|何事例|何例|事例数|件数|事例|(?<![a-z])cases?(?![a-z])")
_SHORT = 12  # characters of a short question (naming nothing else, it asks about the topic)
_COUNTED = re.compile(r"\d+\s*(?:件|事例|例|cases?)(?![a-z])")  # a count of cases given
_COUNT_LABEL = {"ja": "{thing}に掲載されている事例の数", "en": "The number of cases in the {thing}"}
_PARTICIPANTS = re.compile(r"参加者|participants", re.IGNORECASE)
# what is counted of all participants only: a role's share of it is not held
_OF_ALL = {"累計": {"ja": "{thing}だけの累計の人数（資料にある累計は参加者全体のもの）",
                  "en": "A cumulative number of {thing}s alone (the cumulative figure held is for all participants)"},
           "参加国": {"ja": "{thing}だけの出身国の数（資料にある参加国の数は参加者全体のもの）",
                   "en": "The number of countries {thing}s alone come from (the count held is for all participants)"}}


def counted_of_another_document(kb: KnowledgeBase, reply: Reply, text: str, question: Analysis,
                                topic: str | None = None) -> Gap | None:
    """A count asked of one attachment that the answer, a count of another document, never names (「CIR活用事例集
    には何件の事例が載っていますか」: the 30 cases are the JET-ALT casebook's): that count is not held, and the
    attachment's own answer and the count given are offered."""
    documents = {t for t in question.terms if _DOCUMENT.fullmatch(t)}
    short = len(clean(text)) <= _SHORT and not kb.matcher.named.intersection(question.terms)
    if not documents and topic in kb.intents and (short or follow_up_form(text)) and (
            _CASES_ASKED.search(clean(text)) or _CASES_ASKED.search(kb.intents[topic].title)) \
            and not _names_its_own_subject(kb, reply.intent_id, question, topic):
        # 「件数は？」 after 参考資料1 (a bare "How many?" after local finance, whose answer cites 参考資料2, asks no
        # document's cases: "The number of cases in the Costs, pay and local finance is not given" was said)
        documents = {t for t in (f"ref{n}" for n in range(1, 10)) if kb.matcher.asks_of(topic, t)}
    if len(documents) != 1 or not _COUNT_ASKED.search(clean(text)):
        return None
    document = next(iter(documents))
    own = next((i.id for i in kb.knowledge.intents if not i.fallback and kb.matcher.asks_of(i.id, document)), None)
    if own is None or _COUNTED.search(reply.text) and (
            kb.matcher.mentions(reply.intent_id, document) or reply.intent_id in kb.intents[own].follow_ups
            or own in kb.intents[reply.intent_id].follow_ups):
        return None  # (参考資料4 is the casebook whose count the answer gives: its own answer leads to that count)
    intent = kb.intents[own]
    thing = re.sub(r"^the ", "", intent.title_en or intent.title, flags=re.IGNORECASE) if reply.language == "en" \
        else intent.title  # ("The number of cases in the The JET-ALT casebook" was said)
    return Gap("count", related=tuple(dict.fromkeys((own, reply.intent_id))),
               detail=(thing, _COUNT_LABEL[reply.language].format(thing=thing)))


def _names_its_own_subject(kb: KnowledgeBase, intent_id: str, question: Analysis, topic: str) -> bool:
    """「事例集の件数は？」 after local finance names the answer's own subject (a word of its title the topic never uses,
    the casebook), not the topic's document."""
    titled = set(kb.matcher.analyse(kb.intents[intent_id].title).terms)
    return any(len(w) > 1 and w in titled and not kb.matcher.mentions(topic, w) and not _CASES_ASKED.fullmatch(w)
               and not _COUNT_ASKED.fullmatch(w) for w, _, _ in question.units)


def cumulative_of_a_role(kb: KnowledgeBase, reply: Reply, text: str) -> Gap | None:
    """A cumulative total or the countries asked of one role (「CIRの累計は何人？」, 「令和5年度のCIRは何か国から来ている？」):
    only everyone's are held. A year named as more than a starting point makes "total" that year's count ("FY2023
    CIR total?")."""
    if reply.intent_id not in kb.figure_years:
        return None
    # the role and the count asked in one sentence (not a role the writer's background names)
    said, measure = next(((s, m) for s in sentences(text) for m in counts_asked(
        kb.matcher.analyzer.apply_synonyms(clean(s))[0]) if m in _OF_ALL), (None, None))
    roles = sorted(t for t in kb.matcher.analyse(said).terms if kind_of(t) == "role") if said else []
    if len(set(roles)) != 1 or measure == "累計" and a_years_count(clean(said)) or _PARTICIPANTS.search(said):
        return None  # (「累計参加者とALTの人数」, 「CIRとして働いていますが、累計参加者数は」: everyone's total is asked)
    thing = label(roles[0])
    return Gap("count", related=(reply.intent_id,), detail=(thing, _OF_ALL[measure][reply.language].format(thing=thing)))


# 「スポーツ分野の事例は何件？」: the casebook's two fields are ①学校における活動 and ②地域における活動
_FIELD = re.compile(r"([^\s、。,のはがを]{1,8})(?:分野|関係|関連|系)の(?:事例|活動事例)")
# … or a theme inside them (「地域の事例のうち多文化共生は何件？」, 「その中で多文化共生の事例は何件？」)
_THEME = re.compile(r"(?:のうち|の中で|その中で|うち)、?([^\s、。,のはがを]{2,8}?)(?:の(?:事例|活動))?(?:は|が|って)?"
                    r"(?:何件|何事例|いくつ)")
_FIELDS_HELD = re.compile(r"学校|地域|school|community|alt|jet|cir|事例|全部|全体|合計|[市町村県都府道]$")
_FIELD_LABEL = {"ja": "事例集の「{field}」分野の事例の数（事例集の分野は①学校における活動と②地域における活動の2つです）",
                "en": "A count of \"{field}\" cases (the casebook's two fields are school and community activities)"}


_THEME_LABEL = {"ja": "事例集の「{field}」の事例の数（事例集の事例は①学校における活動と②地域における活動に分かれ、その中の"
                      "テーマごとの数は示されていません）",
                "en": "A count of \"{field}\" cases (the casebook's cases are counted as school and community "
                      "activities only)"}


# a school level: the casebook's cases are counted by field only (「事例集のうち、高校での事例は何件？」)
_LEVEL = re.compile(r"(小学校|中学校|高等学校|高校|小学|中学)(?:で|に|における)?の(?:事例|活動事例)")
_LEVEL_LABEL = {"ja": "事例集の{field}の事例の数（事例集の事例は①学校における活動と②地域における活動に分かれ、学校の種類別の数は"
                      "示されていません）",
                "en": "A count of the casebook's {field} cases (its cases are counted as school and community "
                      "activities, not by school level)"}


def cases_of_another_field(reply: Reply, text: str) -> Gap | None:
    """A count of casebook cases asked for a field the casebook does not have (「事例集のスポーツ分野の事例は何件？」)
    or for one school level (「高校での事例は何件？」): not held, rather than the 30 cases of all fields."""
    cleaned = clean(text)
    if not _COUNT_ASKED.search(cleaned) or not _COUNTED.search(reply.text):
        return None
    level = _LEVEL.search(cleaned)
    theme = _THEME.search(cleaned) if level is None else None
    field = _FIELD.search(cleaned) or theme
    if field is theme and theme is not None and not _FIELDS_HELD.search(theme.group(1)):
        # (what the casebook's count gives stays: ② has 13 cases, as reported)
        held = next((line for line in reply.text.split("\n") if len(_COUNTED.findall(line)) >= 2), "")
        return Gap("count", related=(reply.intent_id,), detail=(theme.group(1), _THEME_LABEL[reply.language].format(
            field=theme.group(1)), held))
    if field is not None and not _FIELDS_HELD.search(field.group(1)):
        label = _FIELD_LABEL
    elif level is not None:
        field, label = level, _LEVEL_LABEL
    else:
        return None
    return Gap("count", related=(reply.intent_id,), detail=(field.group(1), label[reply.language].format(
        field=field.group(1))))
