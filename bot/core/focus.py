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

# (not after "Mr." / "Ms." / "Dr.": "the mobile number of Mr. Higo" is one sentence)
_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])|(?<=\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Dr\.)(?<!No\.)\s+")
_GREETING = re.compile(
    r"^(?:いつも|大変|たいへん)*(?:お世話になっております|(?:誠に|どうも)?ありがとう(?:ございます|ございました)?|お世話になってます|お世話になります|お世話様です|"
    r"お疲れ様です|お疲れさまです|おつかれさまです|ご苦労様です|こんにちは|こんばんは|おはよう(?:ございます)?|どうも|"
    r"はじめまして|初めまして|突然のご連絡失礼いたします|突然のご連絡失礼します|突然失礼します|失礼します|"
    r"失礼いたします|お忙しいところ(?:恐れ入ります|恐縮です|すみません|申し訳ございません|申し訳ありません)|"
    r"(?:今後とも|今後共|何卒|なにとぞ|どうぞ|どうか|引き続き|本日も|今日も|今回も)*(?:よろしく|宜しく)?お願い(?:申し上げます|いたします|致します|します)|"
    r"なるほど(?:です)?|了解(?:です|しました)?|承知しました|(?:わかり|分かり)ました|へえ+|へー+|ふーん|"
    # 「あ、ごめんなさい、CIRの方です」: an apology for a slip, then the correction
    r"(?:あ|あっ|あー)?[、,]?(?:ごめんなさい|すみません|すいません|失礼しました|間違えました)|"
    r"(?:(?:hello|hi|hey) there|hello|hi|hey|hiya|good (?:morning|afternoon|evening)|dear [a-z ]+|thanks|thank you|ok|"
    r"okay|great|i see|got it|noted|lol|"
    # … and a Japanese one typed in Latin letters ("Konnichiwa. What is JET?", "arigatou, CIR wa?")
    r"konnichi[wh]a|konban[wh]a|ohayou?(?: gozaimasu)?|otsukaresama(?: ?desu)?|arigato[u]?(?: ?gozaima(?:su|shita))?|"
    r"dou?mo|sumimasen|yoroshiku(?: onegaishimasu)?)(?![a-z]))[、,。.!！\s]*",
    re.IGNORECASE)  # (an English greeting is a whole word: "Higo" is a name)
# "○○市教育委員会の田中です" / "県の国際課です" / "佐藤と申します" / "指導主事をしております" / "近藤です（CIR担当）" /
# "国際交流を担当しております田中です" / "市教委の指導主事、村上です" / "スポーツ振興を担当している清水です"
_INTRODUCTION = re.compile(
    r"(?:と申します|と申す者です|でございます|の者です|をしております|をしています|を担当しております|"
    r"を担当しています|担当です|担当の[^\s、。]{1,8}です|(?:市|町|村|区|県|都|府|道|課|室|局|庁|委員会|事務局|係|部|"
    r"主事|主査|主任|主幹|参事|係長|課長|室長|補佐|職員|担当者)"
    r"(?:の[^\s、。？?]{1,8})?です|(?:主事|主査|主任|主幹|参事|係長|課長|室長|補佐|職員|担当者?)、[\u4e00-\u9fff々]{1,4}です|"
    # 「指導主事をしております渡辺です」: a name after what the writer humbly does (not 「検討しております段階です」,
    # nor 「SEAを活用している団体です」: who the writer's office is may name the topic); 「…を担当している者です」
    r"(?:ている|ておる)者です|(?:ております|を担当している)(?!段階|状況|状態|予定|最中|次第|所存|団体|法人|自治体|組織|機関|部署|学校|"
    r"市|町|村|県)[\u4e00-\u9fff々]{1,4}です)(?:[（(][^）)]{1,20}[）)])?[。.!！\s]*$|"
    # "I'm new to this.": who writes ("new" is no question of new participants)
    r"^(?i:i'm|i am) (?i:quite |very |totally |pretty )?(?i:new)(?i: to (?:this|all this|jet|the jet program(?:me)?|"
    r"this job|the job)| here)?[.!\s]*$")
# "I'm a CIR and need to email MIC…", "I'm the ALT coordinator at Minami Town, and…": who writes, not what is asked
# (the role named is the writer's, like the office of a Japanese self-introduction)
_WHO_WRITES = re.compile(r"^(?:i'm|i am|i work as) (?:an? |the )?(?:[a-z]+ ){0,2}?(?:alt|cir|sea|jet|coordinator|"
                         r"teacher|officer|staff member|supervisor)s?(?: (?:at|in|for|from|of|with) [^,.;]{1,40}?)?"
                         r"(?:,? and |[,;] ?|\. |\.?$)", re.IGNORECASE)
# how many questions are coming (「いくつか」, 「もう一点」, 「3点ほど」): no topic of their own
_HOW_MANY = (r"(?:(?:(?:もう|あと)?(?:一点|1点|一つ|ひとつ|1つ|一個)(?:だけ)?|ちょっと|少し|すこし|いくつか|何点か|数点|"
             r"[1-3一二三]点)(?:ほど)?)")
# 「JETについて伺いたいことがあります。」, "I have a question about the survey.": that a question follows, not
# the question (a message of only this is answered like a greeting: ask away)
_ANNOUNCES = re.compile(r"^[^。？?]{0,30}?(?:伺い|うかがい|お伺いし|お聞きし|お尋ねし|質問し|確認し|相談し|ご相談し|"
                        r"教えていただき|ご教示いただき)たい(?:こと|事|点)が(?:あります|ございます|ありまして|あって)[。.！!\s]*$|"
                        rf"^(?:[^。？?]{{0,30}}?(?:について|に関して|の件で|のことで|で)[、,]?)?{_HOW_MANY}?"
                        r"(?:ご?質問|ご?相談)(?:があります|がございます|です)[。.！!\s]*$|"
                        rf"^{_HOW_MANY}?(?:ご?相談|ご?質問|確認)させて(?:ください|下さい|"
                        r"いただけますか|いただけませんか|もらえますか|いただきたいです)[。.！!\s]*$|"
                        rf"^(?:[^。？?を]{{1,20}}?(?:について|に関して|の件で)[、,]?)?{_HOW_MANY}?"
                        r"(?:伺って|お伺いして|お聞きして|質問して|聞いて|お尋ねして|ご?相談して)も(?:よろしい|いい|良い)"
                        r"(?:でしょうか|ですか)[？?。.\s]*$|"
                        r"^(?:もう|あと)(?:一点|1点|１点|一つ|ひとつ|1つ|一個)(?:だけ)?(?:質問|確認|お聞きしたいこと|伺いたいこと)?"
                        r"(?:よろしいでしょうか|いいですか|よいですか|してもいいですか|させてください|があります|がございます)[？?。.\s]*$|"
                        r"^(?:(?:and|also|ok|thanks),? )?(?:i (?:have|had|'ve got) )?"
                        r"(?:(?:a|some|one|two|a few|another|one more) (?:quick |more )?|quick )?"
                        r"questions?(?: (?:about|on|regarding|re:?) [^.?]{1,40})?[.!:\s]*$", re.IGNORECASE)
# what an announcement names (「ALTの任期について伺ってもよろしいでしょうか」, "a question about the survey"): the topic
# asked about, answered as a question (JET or the notice as a whole names none)
# (the words before the announcing verb, without the particle: 「SEAのことでお聞きしたい…」, 「総務省の窓口にお尋ねしたい…」)
_ANNOUNCED_TOPIC = re.compile(rf"^{_HOW_MANY}?(.{{0,30}}?)(?:について|に関して|の件で|の件|のことで|で|に|を)?[、,]?{_HOW_MANY}?"
                              r"(?:伺|うかが|お伺|お聞き|お尋ね|ご?質問|確認|ご?相談|教えていただき|ご教示|聞いて)|"
                              r"((?<![a-z])(?:about|on|regarding|re:?) [^.?]{1,40})", re.IGNORECASE)
_ABOUT = re.compile(r"^(?:regarding|on|re:?) ", re.IGNORECASE)
_NO_TOPIC = re.compile(r"^(?:(?:この|今回の|本)?(?:jet|ｊｅｔ|JET)(?:プログラム)?|(?:この|今回の|本)?(?:通知|件)|the jet "
                       r"program(?:me)?|jet|the notice|this|it)$|"
                       r"^(?:about|on|regarding|re:?) (?:the jet program(?:me)?|jet|the notice|"
                       r"this|it)$", re.IGNORECASE)


def _topic_named(sentence: str) -> str:
    """The topic an announcement names (「ALTの任期について伺っても…」: ALTの任期), or ""."""
    found = _ANNOUNCED_TOPIC.search(sentence)
    topic = (found.group(1) or found.group(2) or "").strip() if found is not None else ""
    return "" if _NO_TOPIC.match(topic) else topic
_QUESTION = re.compile(r"[？?]|(?:か|かね|かな|ください|下さい|教えて|知りたい|たいです|ますか|でしょう|だろう)[。.\s]*$")
# 「え、文科省じゃないんですか？じゃあ…」, 「そうなんですか？」: surprise at the last answer, not a question of its own
_REACTION = re.compile(r"^(?:え|えっ|ええ|あれ|あ)[、,]?(?:[^。？?]{1,12}(?:じゃ|では)ない(?:ん|の)?(?:です)?か|そうなん(?:です)?か|"
                       r"本当(?:です)?か|ほんと(?:です)?か)[？?]*$|^(?:really|wait,? really|is that so)[?]*$", re.IGNORECASE)
# 「…どのような役割でしょうか。また財政措置についても教えてください。」: a question added to the one before
_ALSO = re.compile(r"^(?:また|あと|それと(?!も)|それから|あわせて|併せて|さらに|ついでに)[、,]?")
# "〜について相談したいのですが、担当部署を教えてください": the clause after the last "…が、" is what is asked
_CLAUSE = re.compile(r"(?:のですが|んですが|ですが|ますが|ましたが|でしたが|けれども|けれど|けども|けど|ので|場合は?|際は?|ていて|でいて|"
                     r"(?:て|で)おり(?:まして)?|予定で|ところ)[、,]")
# 「通知を読むと調査があるようですが、」: what the writer gathered, an aside before the question
_ASIDE = re.compile(r"(?:よう|そう|みたい|とのこと|と聞きました|と聞いています|とあります|とありました|と書いてあります|と思います|"
                    r"と思うの)$")
# 「研修資料に書き込みたいので教えてください」: a request that only gives its purpose; the question is an earlier sentence
_PURPOSE_REQUEST = re.compile(r"(?:ので|ため|ために|から)[、,]?(?:ぜひ)?(?:教えて|ご教示|お教え|知りたい)[^。？?]{0,12}[。.！!\s]*$")
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
_BARE_REQUEST = re.compile(r"^(?:お手数(?:です|をおかけします|をおかけいたします)が|恐れ入りますが|恐縮ですが|すみませんが|"
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
# two things asked in one sentence (「ALTとCIRの人数と、問い合わせ先の電話番号を教えて」, "CIR numbers + MOFA phone?"): the
# first is a reading of its own (both together dilute each other's words)
# (と after a noun: 「人数と、」; after a verb it is a condition, 「受け入れると、」)
_TWO_ASKS = re.compile(r"(?<=[^\s、,\u3041-\u309f])と[、,]|(?<=[^\s、,])(?:[、,] ?(?:あと|それと|それから|また|併せて|あわせて)[、,]?|"
                       r"\s(?:\+|＆|&)\s?|(?<=\S) \+|,? and also |; )")


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

    @property
    def text(self) -> str:
        """Background and question together (without greetings and self-introductions)."""
        return f"{self.background}{self.question}" if self.background else self.question


def added(sentence: str) -> bool:
    """「また、メールアドレスも教えてください」: a question added to the one before (read after its answer)."""
    return _ALSO.match(sentence) is not None


def sentences(text: str) -> list[str]:
    """The message cut after 。！？ and line breaks (each sentence keeps its punctuation), not inside brackets:
    「議員から『JETって評価されてるの？』と聞かれた。」 is one sentence."""
    found: list[str] = []
    for part in (p.strip() for p in _SENTENCE_END.split(text)):
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


_CLOSED_BEFORE_SENTENCE = re.compile(r'^(["”])\s+(?=[A-Z])')


def _open_quote(text: str) -> bool:
    return text.count("「") > text.count("」") or text.count("『") > text.count("』") \
        or text.count("“") > text.count("”") or text.count('"') % 2 == 1


# 「議員さんから『JETって評価されてるの？』って聞かれた。何て答えればいい？」, 'My boss asked "why do we need an
# ALT?" What should I tell him?': the question quoted is what is asked, the writer asks how to answer it
_HOW_TO_ANSWER = re.compile(r"^(?:何て|なんて|何と|なんと|どう|どのように)"
                            r"(?:答え|こたえ|説明す|説明し|せつめいす|言え|いえ|返せ|回答す|回答し)(?:れば|たら|ば)"
                            r"|^(?:what|how) (?:should|do|can|would) i "
                            r"(?:tell|say to|answer|reply to|respond to|explain)",
                            re.IGNORECASE)
MIN_QUOTED = 3  # letters a quoted question needs to have a topic of its own
_QUOTED_QUESTION = re.compile(r"[「『“\"]([^「」『』“”\"\n]{3,80}?[？?])[」』”\"]")


# 「JETを新しく入れたい市です。どうすればいい？」, 「事例集を読みたい市です。どうすれば？」: what the writer's office wants is
# the topic of a question asking only what to do (not of 「…入れたい市です。CLAIRへの要望はどういうルートで？」, a question
# of its own; nor 「ALTを減らしたい町です。」: a wish the notice says nothing of, which would read as taking more on)
_OFFICE_IS = r"(?:と(?:考えて|思って)(?:いる|おる))?(?:市|町|村|区|県|団体|自治体)です"  # (「…たいと考えている市です」)
_WANTING_OFFICE = re.compile(r"(?<!減らし)(?<!やめ)(?<!辞め)(?<!止め)(?<!中止し)(?<!打ち切り)(?<!断り)(?<!見学し)(?<!減員し)(?<!交代させ)(?<!入れ替え)"
                             r"(?<!替え)(?<!変え)(?<!移し)(?<!帰国させ)たい"
                             + _OFFICE_IS +
                             # 「CIRの導入を検討している町です」: taking JET on (not 「ALTを減らすことを検討している町です」)
                             r"|(?:導入|受け入れ|受入れ?|活用|増員|招致|配置|採用)(?:を|の)?"
                             r"検討(?:して(?:いる|おる)|中の)(?:市|町|村|区|県|団体|自治体)です")
_WHAT_IS_ASKED = "どうすればいい？"  # … the question a wish alone leaves unsaid
# … or the wish itself (「ALTの人数を知りたい市です」 asks the count; 市 is no topic of it)
_OFFICE_SAID = re.compile(_OFFICE_IS + r"[。.!！\s]*$")
# … a wish to take JET on or take more participants (「入れたい」 is no word of the knowledge): how to do that
_TAKING_ON = re.compile(r"入れ|増や|導入|受け入れ|受入|招致|迎え|雇|採用|活用")
_TAKING_ON_ASKED = "導入や増員をするには"
_WHAT_TO_DO = re.compile(r"^(?:まず|まずは)?(?:どうすれば|どうしたら|何をすれば|なにをすれば|何から|なにから)[^。？?]{0,12}[。？?]?$")


def _is_introduction(sentence: str) -> bool:
    return len(sentence) <= 60 and _INTRODUCTION.search(sentence) is not None and not _QUESTION.search(sentence)


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
    for sentence in sentences(text):
        rest = _GREETING.sub("", sentence)
        if rest != sentence:
            dropped = polite = True
        # the whole message stays a reading: the writer's role may be what the question is about
        # ("I'm a CIR and I was wondering whether I can extend to five years.")
        if (who := _WHO_WRITES.sub("", rest)) != rest:
            rest, dropped = who, True
        if not rest or _is_introduction(rest):
            dropped = polite = dropped or bool(rest)
            wanting = rest if rest and _WANTING_OFFICE.search(rest) else ""
            continue
        kept.append(rest)
    taking_on = _TAKING_ON.search(wanting) is not None  # (「ALTを入れたい市です」: how to take JET on or more)
    if wanting and kept and _WHAT_TO_DO.match(kept[-1]):
        kept[-1:] = [wanting, _TAKING_ON_ASKED + kept[-1] if taking_on else kept[-1]]
    elif wanting and not kept:  # 「ALTを入れたい市です」 alone: how to do it is what the writer asks, not a greeting
        kept = [wanting, _TAKING_ON_ASKED + _WHAT_IS_ASKED] if taking_on else [_OFFICE_SAID.sub("", wanting)]
    if len(kept) > 1 and _HOW_TO_ANSWER.match(kept[-1]):
        quoted = "".join(q for s in kept[:-1] for q in _QUOTED_QUESTION.findall(s))  # (『CIRは何人？』『ALTは？』: both)
        if len(re.sub(r"\W|why|なぜ|なんで", "", quoted, flags=re.IGNORECASE)) >= MIN_QUOTED:  # (not "why?" alone)
            return MessageParts(quoted, dropped=True, read_whole=False)  # (who asked it is no topic)
    if all(_ANNOUNCES.match(s) for s in kept):  # (an announcement before a question is its background)
        if topics := [t for t in map(_topic_named, kept) if t]:  # 「ALTについて質問です」: what is asked about
            # ("regarding MEXT", "on CLAIR": read as "about MEXT", the form the examples are matched best in)
            asked = " and ".join(_ABOUT.sub("about ", t) for t in topics) if text.isascii() \
                else f"{'、'.join(topics)}について"
            return MessageParts(asked, dropped=True, read_whole=False, courtesy="topic")
        return MessageParts(text, courtesy="announcement" if kept else "greeting" if dropped else "")
    reacting = [s for s in kept[:-1] if _REACTION.match(s)] if _QUESTION.search(kept[-1]) else []
    if reacting:
        kept, dropped = [s for s in kept[:-1] if s not in reacting] + kept[-1:], True
    asked = max((i for i, s in enumerate(kept) if _QUESTION.search(s)), default=len(kept) - 1)
    if asked == len(kept) - 2 and _QUALIFIER.match(kept[-1]):  # 「SEAは？新規だけ」: the question narrowed
        kept[asked] += kept.pop()
    elif asked == len(kept) - 1 and asked > 0 and (_FOLLOW_ON.match(kept[-1]) or _ONLY_ASKED.match(kept[-1])) \
            and _QUESTION.search(kept[-2]):
        asked -= 1  # 「…SEAを勧めているのはどうして？何かきっかけが？」: the reason asked again
        kept[asked] += kept.pop()
    if asked > 0 and _GUESSES.match(kept[asked]) and _QUESTION.search(kept[asked - 1]):
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
    earlier = [i for i in range(asked) if _QUESTION.search(kept[i])]
    also: tuple[str, ...] = ()
    if earlier and _PURPOSE_REQUEST.search(kept[asked]):
        asked = earlier[-1]
    elif earlier and added(kept[asked]) and _QUESTION.search(kept[asked]):
        # the first is answered, the added one offered (no reading of its own: it is not what is asked)
        also, asked = (kept[asked],), earlier[-1]
        kept[asked], dropped = _topic_said(kept[asked], dropped)
    elif asked > 0 and (_BARE_REQUEST.match(kept[asked]) or _CONFIRM.search(kept[asked]) and earlier):
        asked = earlier[-1] if earlier and not _BARE_REQUEST.match(kept[asked]) else asked - 1
    background = "".join(kept[:asked] + kept[asked + 1:])
    others = [i for i, s in enumerate(kept) if i != asked and _QUESTION.search(s) and not _BARE_REQUEST.match(s)
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
    two = _TWO_ASKS.split(kept[asked], maxsplit=1)
    asks = also or (tuple(two) if len(two) == 2 and len(two[0]) >= 3 and len(two[1]) >= 3 else ())
    if asks and not also:
        alternatives.append((two[0], background + two[1], True))
    return MessageParts(kept[asked], background, dropped, tuple(alternatives), not polite, asks)
