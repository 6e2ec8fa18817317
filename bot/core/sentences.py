"""Cut a message into sentences, and find a question the writer quotes in order to ask how to answer it.

Both read a message before its parts are weighed (:mod:`bot.core.focus`): a sentence is not cut inside
quotation marks (「議員から『JETって評価されてるの？』と聞かれた。」 is one sentence), and a question quoted before
「何て答えればいい？」 is what the writer needs answered.
"""
from __future__ import annotations

import re

# (not after "Mr." / "Ms." / "Dr.": "the mobile number of Mr. Higo" is one sentence)
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])|(?<=\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Dr\.)(?<!No\.)(?<!i\.e\.)(?<!e\.g\.)"
                           r"\s+")
# a dash between spaces after a greeting or a self-introduction ends a sentence ("hi, BOE in Nagano here — what year
# did JET start?"); not after a topic ("SEA — how many in 2023?"), nor before a pronoun ("we're thinking of hiring a
# CIR — what do they do?")
_DASH = re.compile(r"(?:\s(?:[—–]|--)|(?<=\S):)\s+(?![^.?!]*\b(?:they|them|their|it|its|this|that|these|those)\b)")
# (greetings only, or who writes: "hi, BOE in Nagano here"; not "we're a small town —", "quick question about SEA —",
# "Is there a casebook here —": what is asked of)
_OPENING = re.compile(r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?: there| all| team)?[,!.]?\s*)*"
                      r"(?:(?!(?:is|are|do|does|can|could|what|how|where|when|which|who|why|quick)\b)"
                      r"[\w' ]{1,40} here)?$|"
                      r"^(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))[,!.]?\s*)?"
                      r"(?:this is|it's) [\w' ]{1,40}$|"
                      # "Quick check: …", "Question:": what kind of message follows, no topic
                      r"^(?:(?:hi|hello|hey)[,!.]?\s*)?(?:just )?(?:an? )?(?:quick |small |sanity |short )?"
                      r"(?:check|question|q|query)$",
                      re.IGNORECASE)


def is_opening(text: str) -> bool:
    """Whether ``text`` only greets or says who writes ("hi, BOE in Nagano here —")."""
    return bool(text.strip(" —–-")) and _OPENING.match(text.strip(" —–-")) is not None


# "we're thinking of hiring a CIR — what do they do?": "they" after a dash are the one role named before it
# (what they are or do, or how many: not "The prefecture has an ALT quota — do they decide the numbers?", where
# "they" may be another thing named; nor "…a CIR — how much do they cost?": the costs, asked as written)
_DASH_BEFORE_THEY = re.compile(r"\s(?:[—–]|--)\s+(?=(?:so |and |but )?(?:what (?:do|does|would|will) they "
                               r"(?:actually |really |usually |exactly )?do\b|what (?:are|were) they\b|who are they\b|"
                               r"how many of them\b))",
                               re.IGNORECASE)
_ROLE = re.compile(r"(?<![a-z])(alt|cir|sea)s?(?![a-z])", re.IGNORECASE)
_THEY = re.compile(r"\b(?:they|them)\b")


def _at_dashes(part: str) -> list[str]:
    found = _DASH.search(part)
    if found is None or not is_opening(part[:found.start()]):
        return _role_for_they(part)
    return [part[:found.end()].strip(), *_at_dashes(part[found.end():])]


def _role_for_they(part: str) -> list[str]:
    # (the last dash: "Hi — … a CIR — what do they do?")
    found = next(reversed(list(_DASH_BEFORE_THEY.finditer(part))), None)
    roles = {r.upper() for r in _ROLE.findall(part[:found.start()])} if found is not None else set()
    if found is None or len(roles) != 1 or _ROLE.search(part[found.end():]):
        return [part]
    return [part[:found.start()].strip() + ".", _THEY.sub(f"{roles.pop()}s", part[found.end():])]
_CLOSED_BEFORE_SENTENCE = re.compile(r'^(["”])\s+(?=[A-Z])')

# 「議員さんから『JETって評価されてるの？』って聞かれた。何て答えればいい？」, 'My boss asked "why do we need an
# ALT?" What should I tell him?': the question quoted is what is asked, the writer asks how to answer it
_HOW_TO_ANSWER = re.compile(r"^(?:何て|なんて|何と|なんと|どう|どのように)"
                            r"(?:答え|こたえ|説明す|説明し|せつめいす|言え|いえ|返せ|回答す|回答し)(?:れば|たら|ば)"
                            r"|^(?:what|how) (?:should|do|can|would) i "
                            r"(?:tell|say to|answer|reply to|respond to|explain)",
                            re.IGNORECASE)
MIN_QUOTED = 3  # letters a quoted question needs to have a topic of its own
_QUOTED_QUESTION = re.compile(r"[「『“\"]([^「」『』“”\"\n]{3,80}?[？?])[」』”\"]")


def sentences(text: str) -> list[str]:
    """The message cut after 。！？ and line breaks (each sentence keeps its punctuation), not inside brackets:
    「議員から『JETって評価されてるの？』と聞かれた。」 is one sentence."""
    found: list[str] = []
    for part in (piece for p in _SENTENCE_END.split(text) for piece in _at_dashes(p.strip())):
        if found and _open_quote(found[-1]):
            if (end := _CLOSED_BEFORE_SENTENCE.match(part)) is not None:  # ('…asked "why?" What should I…')
                found[-1] += end.group(1)
                part = part[end.end():]
            else:
                found[-1] += (" " if found[-1].endswith(".") else "") + part
                continue
        if part:
            found.append(part)
    return found


def _open_quote(text: str) -> bool:
    return text.count("「") > text.count("」") or text.count("『") > text.count("』") \
        or text.count("“") > text.count("”") or text.count('"') % 2 == 1


# 「議会で「JETの経費はどうなってるんだ」と聞かれたら、どう答えるのが正解？」: the quote and the request to answer it
# in one sentence (the quote then needs no question mark)
_QUOTE_THEN_HOW = re.compile(r"[「『“\"]([^「」『』“”\"\n]{3,80})[」』”\"](?:と|って)(?:聞かれ|言われ|質問され|問われ|尋ねられ)"
                             r"[^。？?]{0,12}?(?:何て|なんて|何と|なんと|どう|どのように)(?:答え|こたえ|説明|返|回答)")


# 「住民から「SEAって何？」と問い合わせがありました」, 'A resident asked us "what is an SEA?"': a question reported
# as the message's last sentence is what the writer needs answered (nothing else is asked)
_QUOTE_REPORTED = re.compile(r"[「『“\"]([^「」『』“”\"\n]{3,80}?[？?])[」』”\"](?:と|って)(?:いう)?(?:の)?"
                             r"(?:聞かれ|問い合わせ|お問い合わせ|質問|尋ねられ|相談|電話)[^。？?「」]{0,16}[。.！!]?$|"
                             r"(?<![a-z])(?:asked|asks|wants to know|wanted to know)(?: (?:me|us|our office|the office))?"
                             r"[:,]? [“\"]([^“”\"\n]{3,80}?\?)[”\"]\.?$", re.IGNORECASE)


# 「下書きに「JETは昭和63年度に創設」と書きました。合っていますか？」, "Our slide says: '…' Is that right?": a statement
# quoted and checked (in the last sentence, or the check alone after it) is what is asked (the document or who said it is no topic; not a value
# after its topic, 「正式名称って「…」で合ってますよね？」, which is read whole)
_QUOTE_CHECKED = re.compile(r"(?:(?<![はもて])[「『“\"]|(?<![a-z])')([^「」『』“”\"\n]{6,160}?)[。.]?(?:[」』”\"]|'(?![a-z]))"
                            r"(?:と|って|で|(?<=[”\"'])[.,]?(?=\s))[^「」『』“”\"]{0,40}?(?:合って|あって|正しい|本当|間違い(?:ない|ありません)|"
                            r"大丈夫|問題(?:ない|ありません)|(?<![a-z])(?:right|correct|accurate|true)(?![a-z]))"
                            r"[^「」『』“”\"]{0,12}$", re.IGNORECASE)


_CHECK_ALONE = 16  # characters of a last sentence that only checks the one before (「合っていますか？」)


def quoted_asked(kept: list[str]) -> str:
    """The questions quoted before a last sentence asking how to answer them (『CIRは何人？』『ALTは？』: both), a
    question reported as the last sentence, or a statement quoted and checked (as a question: 「JETは昭和63年度に
    創設された？」); "" (no such sentence, or a quote without a topic of its own: "why?" alone)."""
    if kept and (one := _QUOTE_THEN_HOW.search(kept[-1])) is not None:  # (with what is said before it: 「ALTのことで、
        return kept[-1][:one.start()] + one.group(1)  # 議員から「何人いるの？」と…」 asks the ALTs' count)
    if kept and (reported := _QUOTE_REPORTED.search(kept[-1])) is not None:
        return reported.group(1) or reported.group(2)
    # (「…」と書きました。合っていますか？: the check may be a sentence of its own)
    last = "".join(kept[-2:]) if len(kept) > 1 and len(kept[-1]) <= _CHECK_ALONE else kept[-1] if kept else ""
    if (checked := _QUOTE_CHECKED.search(last)) is not None:
        return checked.group(1) + ("?" if checked.group(1).isascii() else "？")
    if len(kept) < 2 or not _HOW_TO_ANSWER.match(kept[-1]):
        return ""
    quoted = "".join(q for s in kept[:-1] for q in _QUOTED_QUESTION.findall(s))
    return quoted if len(re.sub(r"\W|why|なぜ|なんで", "", quoted, flags=re.IGNORECASE)) >= MIN_QUOTED else ""


# 「…延べ何人？新任ALT向けの研修資料に入れたくて」: what the answer is for, said after the question, of a document or a
# meeting (not 「外務省に電話したいので」: the office asked; not 「CIRも知りたいので」: asked too)
_PURPOSE = re.compile(r"(?=.*(?:資料|議会|会議|研修|説明|配り|配布|報告|スピーチ|発表|答弁|プレゼン|記事|広報|周知))"
                      r".*(?:たくて|たいので|たいため|ために|用に|向けに)[。.！!\s]*$")
_WANTS_TO_KNOW = re.compile(r"知りたい|教えて|聞きたい|欲しい|ほしい|伺いたい|確認したい")
_ASKS = re.compile(r"[？?]\s*$")


def purposes(text: str) -> list[str]:
    """The sentences after the last question of ``text`` that only say what the answer is for."""
    found = sentences(text)
    last = max((i for i, s in enumerate(found) if _ASKS.search(s)), default=None)
    after = found[last + 1:] if last is not None else []
    return after if after and all(_PURPOSE.search(s) and not _WANTS_TO_KNOW.search(s) for s in after) else []
