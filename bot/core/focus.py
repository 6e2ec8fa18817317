"""Find the question inside a long, polite message (the LINE style of municipal staff).

A typical message is: a greeting, a self-introduction (office and name), some background,
and the question at the end. Greetings and self-introductions say nothing about the topic and
are dropped; the background may name the topic (インバウンド…) but also brings many words
the knowledge does not use, which would dilute the match. :func:`parts` splits a message into
its question sentence and its background so that the caller can weigh them differently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.core.asks import added, added_after, each_asked, numbered, two_asked
from bot.core.courtesy import (about_the_writer, announced_topics, announces, is_introduction, is_question,
                                names_an_office, only_an_office, without_greeting, without_writer)
from bot.core.office_wish import is_wish, with_wish
from bot.core.premise import CHECK_ONLY
from bot.core.sentences import quoted_asked, sentences

# 「え、文科省じゃないんですか？じゃあ…」, 「そうなんですか？」: surprise at the last answer, not a question of its own
_REACTION = re.compile(r"^(?:え|えっ|ええ|あれ|あ)[、,]?(?:[^。？?]{1,12}(?:じゃ|では)ない(?:ん|の)?(?:です)?か|そうなん(?:です)?か|"
                       r"本当(?:です)?か|ほんと(?:です)?か)[？?]*$|^(?:really|wait,? really|is that so)[?]*$", re.IGNORECASE)
# "〜について相談したいのですが、担当部署を教えてください": the clause after the last "…が、" is what is asked
_CLAUSE = re.compile(r"(?:のですが|んですが|ですが|ますが|ましたが|でしたが|けれども|けれど|けども|けど|ので|場合は?|際は?|ていて|でいて|"
                     r"(?:て|で)おり(?:まして)?|予定で|ところ)[、,]")
# 「通知を読むと調査があるようですが、」: what the writer gathered, an aside before the question
_ASIDE = re.compile(r"(?:よう|そう|みたい|とのこと|と聞きました|と聞いています|とあります|とありました|と書いてあります|と思います|"
                    r"と思うの)$")
# 「研修資料に書き込みたいので教えてください」: a request that only gives its purpose; the question is an earlier sentence
_OBJECT_ONLY = re.compile(r"^[^、。？?]{1,10}を[。.！!]?$")  # 「手続きの流れを」: a request cut short, its verb left unsaid
# (or only if so: 「…載っていますか？載っていたら内容を教えてください。」)
_PURPOSE_REQUEST = re.compile(r"(?:(?:ので|ため|ために|から)[、,]?(?:ぜひ)?|(?:ていたら|てたら|ていれば|てれば|あれば|あったら)[、,]?(?:その)?"
                              r"(?:内容|詳細|中身|概要)?(?:を|も)?)(?:教えて|ご教示|お教え|知りたい)[^。？?]{0,12}[。.！!\s]*$")
# 「…最新の数字を入れたいです。わかりますか。」, 「お手数ですが教えていただけますか。」: a last sentence that asks
# nothing but whether the bot knows
# a short fragment after the question that narrows it (「新規だけ」, 「ALTのみで」)
_QUALIFIER = re.compile(r"^(?!それ|これ|あれ)[^。？?]{1,8}(?:だけ|のみ|限定)(?:で(?:お願いします)?)?[。.!！]?$")
# 「…と思っていたのですが念のため確認させてください」 after the question: what was believed, not what is asked
_CONFIRM = re.compile(r"(?:確認|ご確認)(?:させて|して)(?:ください|いただけますか|いただきたく|もらえますか)[。.]?$")
# a question that only narrows the one before it to a thing alone (「…財政措置ってあるの？ALTだけ？」)
_ONLY_ASKED = re.compile(r"^(?!それ|これ|あれ)[^。？?]{1,8}(?:だけ|のみ)(?:なの|ですか|でしょうか)?[？?]$")
# a question that only asks on about the one before it (「何かきっかけがあったのでしょうか」)
_FOLLOW_ON = re.compile(r"^(?:何か|なにか)?(?:きっかけ|理由|背景|経緯|根拠)(?:が|は|って|とか)?(?:あった|ある|あります|ありました)?"
                        r"(?:の|ん)?(?:でしょうか|ですか|ですかね|かな|か)?[。？?]?$")
# 「令和6年度の参加者数ってもう出てる？何人？」: the count asked of the question before
_COUNT_ON = re.compile(r"^(?:で、?)?(?:何人|なんにん|何名|いくつ|何か国|何カ国)(?:くらい|ぐらい|ほど)?(?:いる|います)?(?:ですか|でしょうか|なの|か)?"
                       r"[。？?]?$")
# (「基本的な質問で恐縮ですがご教示ください」: the apology's reason before it too)
_BARE_REQUEST = re.compile(r"^(?:[^。？?、,]{0,10}?(?:質問|お尋ね|こと|お願い)で(?=恐縮|申し訳|すみません))?"
                           r"(?:お手数(?:です|をおかけします|をおかけいたします)が|恐れ入りますが|恐縮ですが|すみませんが|"
                           r"申し訳(?:ありません|ございません)が)?[、,]?(?:もし)?(?:(?:数字|数|内容|詳細|情報|こと|事)が)?(?:(?:ご存じ|ご存知|御存知|御存じ|お分かり|おわかり)(?:でしたら|であれば|なら|になれば|になりましたら)、?|"
                           r"よろしければ、?)?(?:(?:お|ご)?(?:わかり|分かり|存じ|存知)(?:ます|でしょう|になります)か|"
                           r"(?:教えて|ご教示|お教え)(?:ください|下さい|いただけますか|いただけませんか|もらえますか|願います|"
                           r"いただければ幸いです|いただきたく存じます)?|いかがでしょうか|どうでしょうか)[。.？?！!\s]*$")
# 「通知ではSEAについて何と書いてある？」: the notice is where to look, SEA is what is asked about
_SAYS_ABOUT = re.compile(r"^(?:この|その|今回の|本)?(?:通知|事務連絡|文書)(?:の中|本文)?(?:で|に)は?[、,]?(.{1,40}?)"
                         r"(?:について|に関して|のこと)(?:は|も)?[、,]?(?:何と|なんと|なんて|どう|どのように|どんなこと(?:が|を)?|何が|何を)?"
                         r"(?:書いて|書かれて|記載|記され|述べられ|説明され|言って|触れられ)")
# 「SEAについては通知でどう書かれてる？」: the same, the topic said first
_SAYS_OF = re.compile(r"^(.{1,40}?)(?:について|に関して|のこと)(?:は|も)?[、,]?(?:この|その|今回の|本)?(?:通知|事務連絡|文書)(?:の中|本文)?"
                      r"(?:で|に)は?[、,]?(?:何を|何が|何と|なんと|なんて|どう|どのように)(?:書い|書か|記載|言っ|述べ|説明)")
# 「なぜSEAの活用が勧められているのか、通知ではどう説明されていますか」: the same, after what is asked
# (「…お願いできるのか、国の資料に例が挙げられていれば教えてください」, 「ALTを増やしたほうがいい理由って通知にはなんて書いてあります？」)
_SAYS_AFTER = re.compile(r"(?:[、,]|って|は[、,])(?:この|その|今回の|本|国の)?(?:通知|事務連絡|文書|資料)(?:の中|本文)?(?:で|に)は?[、,]?"
                         r"(?:(?:どう|どのように|何と|なんと|なんて)(?:説明|書かれ|書いて|記載|述べられ|記され)|"
                         r"(?:例|具体例|記載|記述)?(?:が|は)?(?:挙げられて|載って|書かれて|示されて|記載されて)(?:いれば|いたら))"
                         r"[^。？?]*[。？?]?$")
# a sentence of nothing but the answers the writer guesses (「県でしょうか、総務省でしょうか。」): their words are no topic
_GUESSES = re.compile(r"^(?:[^。？?、,]{1,12}(?:でしょうか|ですか|なのか)[、,]\s*){1,3}(?:それとも)?[^。？?、,]{1,12}"
                      r"(?:でしょうか|ですか|なのか)[。？?]*$")
# 「水谷さんは外務省？文科省？」, 「窓口はクレア？それとも総務省？」: a bare name asked after a question that also ends on
# a name is the other half of an either-or question, not a question of its own
_BARE_NAME_ASKED = re.compile(r"[\u4e00-\u9fff\u30a1-\u30ffA-Za-z0-9ー]{2,10}[？?]$")
_WHICH_ONE = re.compile(r"^(?:どっち|どちら|どれ)(?:ですか|でしょうか|なの|だっけ|でしたっけ)?[？?]*$")
OTHER_QUESTIONS = 2  # earlier question sentences also read on their own (…か。出典もあわせて教えてください。)


@dataclass(frozen=True)
class MessageParts:
    """A message split for matching: ``question`` (the sentence asked) and ``background`` (the rest)."""

    question: str
    background: str = ""
    dropped: bool = False  # a greeting or self-introduction was removed
    # other readings of what is asked, (question, background, alone): an earlier question sentence, or
    # the question sentence's last clause (never alone: "…文部科学省に相談したいのですが、連絡先は？")
    alternatives: tuple[tuple[str, str, bool], ...] = ()
    # the message as written is a reading too: no greeting or Japanese self-introduction was dropped (an
    # English one names the writer's role, which may be what is asked)
    read_whole: bool = True
    asks: tuple[str, ...] = ()  # two things asked in the question sentence (「AとB、あとC」): each, as written
    # nothing but greetings and self-introductions (「○○市国際課の田中です。」: "greeting"), or that a question
    # follows (「いくつか伺ってもよろしいでしょうか」: "announcement"), naming what about (「SEAの件でご相談です」: "topic",
    # the question is then the topic alone)
    courtesy: Literal["", "greeting", "announcement", "topic"] = ""
    quoted: bool = False  # a question the writer quotes is what is asked (the words around it: who asked)
    listed: bool = False  # ``asks`` are the items of a numbered list (「①SEAの日本語名 ②SEAの人数」), each answered

    @property
    def text(self) -> str:
        """Background and question together (without greetings and self-introductions)."""
        return f"{self.background}{self.question}" if self.background else self.question


def _topic_said(sentence: str, dropped: bool) -> tuple[str, bool]:
    """「通知ではSEAについて何と書いてある？」: the topic the notice is asked about (and whether words were dropped)."""
    if (about := _SAYS_ABOUT.match(sentence) or _SAYS_OF.match(sentence)) is not None:
        return about.group(1) + "について", True
    if (where := _SAYS_AFTER.search(sentence)) is not None and where.start() >= 4:
        return sentence[:where.start()] + "？", True
    return sentence, dropped


def parts(text: str) -> MessageParts:
    """Drop greetings and self-introductions; the last question sentence is the question."""
    kept: list[str] = []
    dropped = polite = False
    wanting = ""  # the office's wish said in an introduction, the last one
    own = about_the_writer(text)  # (then where the writer works is part of the question: "MOFA here - our role?")
    for sentence in sentences(text):
        rest = without_greeting(sentence)
        if rest != sentence:
            dropped = polite = True
        # the whole message stays a reading: the writer's role may be what the question is about
        # ("I'm a CIR and I was wondering whether I can extend to five years.")
        if (who := without_writer(rest, keep_place=own)) != rest:
            rest, dropped = who, True
        if not rest or is_introduction(rest) and not (own and names_an_office(rest)):
            dropped = polite = dropped or bool(rest)
            wanting = rest if rest and is_wish(rest) else ""
            continue
        kept.append(rest)
    if wanting:
        kept = with_wish(wanting, kept)
    if quoted := quoted_asked(kept):
        return MessageParts(quoted, dropped=True, read_whole=False, quoted=True)  # (who asked it is no topic)
    if not kept and only_an_office(text):  # 「文科省です」 alone: that office
        return MessageParts(text)
    if all(map(announces, kept)):  # (an announcement before a question is its background)
        if asked := announced_topics(kept, english=text.isascii()):  # 「ALTについて質問です」: what is asked about
            return MessageParts(asked, dropped=True, read_whole=False, courtesy="topic")
        return MessageParts(text, courtesy="announcement" if kept else "greeting" if dropped else "")
    if listed := next(((i, items) for i, s in enumerate(kept) if (items := numbered(s))), None):
        # 「2点教えてください。①SEAの日本語名 ②SEAの人数」: the items, each answered in order (bot.core.answer)
        return MessageParts(listed[1][0], "".join(kept[:listed[0]] + kept[listed[0] + 1:]), dropped, read_whole=False,
                            asks=listed[1], listed=True)
    reacting = [s for s in kept[:-1] if _REACTION.match(s)] if is_question(kept[-1]) else []
    if reacting:
        kept, dropped = [s for s in kept[:-1] if s not in reacting] + kept[-1:], True
    if len(kept) > 1 and _OBJECT_ONLY.match(kept[-1]) and not is_question(kept[-2]):
        kept[-2:] = [kept[-2] + kept[-1]]  # 「解雇を検討しています。手続きの流れを」: the request of the sentence before
    asked = max((i for i, s in enumerate(kept) if is_question(s)), default=len(kept) - 1)
    if asked == len(kept) - 2 and _QUALIFIER.match(kept[-1]):  # 「SEAは？新規だけ」: the question narrowed
        kept[asked] += kept.pop()
    elif asked == len(kept) - 1 and asked > 0 and (_FOLLOW_ON.match(kept[-1]) or _ONLY_ASKED.match(kept[-1])
                                                   or _COUNT_ON.match(kept[-1])) and is_question(kept[-2]):
        asked -= 1  # 「…SEAを勧めているのはどうして？何かきっかけが？」: the reason asked again
        kept[asked] += kept.pop()
    if asked > 0 and _GUESSES.match(kept[asked]) and is_question(kept[asked - 1]):
        kept.pop(asked)  # 「…どこが実施するのでしょうか。県でしょうか、総務省でしょうか。」: the writer's guesses
        asked, dropped = asked - 1, True
    kept[asked], dropped = _topic_said(kept[asked], dropped)
    choice = kept.pop(asked) if asked > 1 and _WHICH_ONE.match(kept[asked]) else ""  # (「…？…？どっち？」)
    asked -= bool(choice)
    either = kept[asked].startswith("それとも") or _BARE_NAME_ASKED.fullmatch(kept[asked])
    if asked > 0 and either and _BARE_NAME_ASKED.search(kept[asked - 1]):
        kept[asked - 1:asked + 1] = [kept[asked - 1] + kept[asked]]
        asked -= 1
    kept[asked] += choice
    earlier = [i for i in range(asked) if is_question(kept[i])]
    also: tuple[str, ...] = ()
    if earlier and _PURPOSE_REQUEST.search(kept[asked]):
        asked = earlier[-1]
    elif earlier and added(kept[asked]) and is_question(kept[asked]):
        # the first is answered, the added one offered (no reading of its own: it is not what is asked)
        also, asked = (kept[asked],), earlier[-1]
        kept[asked], dropped = _topic_said(kept[asked], dropped)
    elif asked > 0 and CHECK_ONLY.match(kept[asked].strip()):
        asked -= 1
    elif asked > 0 and (_BARE_REQUEST.match(kept[asked]) or _CONFIRM.search(kept[asked]) and earlier):
        asked = earlier[-1] if earlier and not _BARE_REQUEST.match(kept[asked]) else asked - 1
    also = also or added_after(kept, asked)
    background = "".join(kept[:asked] + kept[asked + 1:])
    others = [i for i, s in enumerate(kept) if i != asked and is_question(s) and not _BARE_REQUEST.match(s)
              and not _PURPOSE_REQUEST.search(s) and s not in also][-OTHER_QUESTIONS:]
    # (not 「数字がお分かりでしたら…」, 「比較のために知りたいです」)
    alternatives = [(kept[i], "".join(kept[:i] + kept[i + 1:]), True) for i in reversed(others)]
    if asked > 0:  # the sentence before the question often names its topic (「…事例集ですが、…。どちらで閲覧できますか。」)
        alternatives.append((kept[asked - 1] + kept[asked], "".join(kept[:asked - 1] + kept[asked + 1:]), True))
    clauses = _CLAUSE.split(kept[asked])
    if len(clauses) > 1 and len(clauses[-1]) >= 4:
        alternatives.append((clauses[-1], background + "".join(clauses[:-1]), False))
    if len(clauses) > 2 and (first := _CLAUSE.search(kept[asked])) is not None and _ASIDE.search(clauses[0]):
        # 「通知を読むと調査があるようですが、うちの町が希望する場合、どこを通して…」: what follows the aside
        alternatives.append((kept[asked][first.end():], background + clauses[0], False))
    asks = also or two_asked(kept[asked])
    if asks and not also:  # (the first of two is a reading too)
        alternatives.append((asks[0], background + asks[1], True))
    asks = asks or each_asked(kept, asked, earlier)
    return MessageParts(kept[asked], background, dropped, tuple(alternatives), not polite, asks)
