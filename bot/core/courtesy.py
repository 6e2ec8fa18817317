"""What in a message is courtesy, not the question: greetings, self-introductions, and announcements that a
question follows (「いくつか伺ってもよろしいでしょうか」), which may name the topic asked about (「SEAの件でご相談です」).

:mod:`bot.core.focus` drops them before it finds the question sentence.
"""
from __future__ import annotations

import re

_GREETING = re.compile(
    r"^(?:いつも|大変|たいへん)*(?:お世話になっております|(?:誠に|どうも)?ありがとう(?:ございます|ございました)?|お世話になってます|お世話になります|お世話様です|"
    r"お疲れ様です|お疲れさまです|おつかれさまです|ご苦労様です|こんにちは|こんばんは|おはよう(?:ございます)?|どうも|"
    r"はじめまして|初めまして|突然のご連絡失礼いたします|突然のご連絡失礼します|突然失礼します|失礼します|"
    r"失礼いたします|お忙しいところ(?:恐れ入ります|恐縮です|すみません|申し訳ございません|申し訳ありません)|"
    r"(?:今後とも|今後共|何卒|なにとぞ|どうぞ|どうか|引き続き|本日も|今日も|今回も)*(?:よろしく|宜しく)?お願い(?:申し上げます|いたします|致します|します)|"
    r"なるほど(?:です)?|了解(?:です|しました)?|承知しました|(?:わかり|分かり)ました|へえ+|へー+|ふーん|"
    # 「あ、ごめんなさい、CIRの方です」: an apology for a slip, then the correction
    r"(?:あ|あっ|あー)?[、,]?(?:ごめんなさい|すみません|すいません|失礼しました|間違えました)|"
    r"(?:(?:hello|hi|hey) there|hello|hi|hey|hiya|good (?:morning|afternoon|evening)|dear [a-z ]+|"
    r"thanks(?: in advance)?|many thanks|thank you|thx|tysm|ty|tia|cheers|ok|"
    r"okay|great|i see|got it|noted|lol|"
    # … and a Japanese one typed in Latin letters ("Konnichiwa. What is JET?", "arigatou, CIR wa?")
    r"konnichi[wh]a|konban[wh]a|ohayou?(?: gozaimasu)?|otsukaresama(?: ?desu)?|arigato[u]?(?: ?gozaima(?:su|shita))?|"
    r"dou?mo|sumimasen|yoroshiku(?: onegaishimasu)?)(?![a-z]))[、,。.!！\s]*",
    re.IGNORECASE)  # (an English greeting is a whole word: "Higo" is a name)
# "○○市教育委員会の田中です" / "県の国際課です" / "佐藤と申します" / "指導主事をしております" / "近藤です（CIR担当）" /
# "国際交流を担当しております田中です" / "市教委の指導主事、村上です" / "スポーツ振興を担当している清水です"
_INTRODUCTION = re.compile(
    r"(?:と申します|と申す者です|でございます|の者です|をしております|をしています|を担当しております|"
    r"を担当しています|担当です|担当の[^\s、。]{1,8}です|(?:市|町|村|区|県|都|府|道|課|室|局|庁|省|委員会|教委|事務局|係|部|"
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
# "MOFA here, how many…", "This is MIC. …", "I work at MEXT; …", "I'm new at the board of education - …": where the
# writer works, no detail asked of
_WHERE_WRITER_WORKS = re.compile(
    r"^(?:(?!(?:is|are|do|does|can|could|what|how|where|when|which|who|why|anyone|anybody|someone|"
    r"your|my|our|the|this|that|these|those|it|anything|something)\b)"
    r"[\w' ]{1,40}? here|"
    r"i work (?:at|in|for) [^,.;]{1,40}?|(?:i'm|i am) (?:new |the new one |working )?(?:at|in|with|from) "
    r"[^,.;]{1,40}?)"
    r"(?:,? and |[,;] ?|\. |\.?$| [-—–] )|"
    # (a name, then the sentence ends: not "This is CLAIR's job, right?")
    r"^this is (?-i:[A-Z])\w*(?: (?-i:[A-Z])\w*){0,2}(?: (?:at|in|from|of|with) [^,.;?']{1,40}?)?"
    r"(?:\. |\.?$)", re.IGNORECASE)
# 「外務省の者ですが、…」, 「長野県の田中ですけど、…」: who writes, in the clause before the question (not 「ALTの件ですが」,
# nor 「うちは小さな町ですが」: what the town is may narrow the question)
# (a place is named: 「長野県の」, not 「初めての市ですが」)
_WRITER_CLAUSE = re.compile(r"^[^、。？?は]{1,30}?(?:の者|(?<=[\u4e00-\u9fff々\u30a1-\u30fa])(?:市|町|村|区|県|都|府|道|"
                            r"課|室|局|庁|省|委員会|教委|事務局|係|部|"
                            r"主事|主査|主任|主幹|参事|係長|課長|室長|補佐|職員|担当者)(?:の[\u4e00-\u9fff々]{1,4})?)"
                            r"(?:です|でございます)(?:が|けど|けれど|けれども)[、,]\s*")
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


def without_greeting(sentence: str) -> str:
    """The sentence without the greetings it opens with (「お世話になっております。」, "Hi there,"); "" if only those."""
    return _GREETING.sub("", sentence)


# "our", "we", 「うち」: the question is about the writer's own office or town, which the introduction names
# (its own part, case or contact: not "we got a question", "can you send us", "our ALTs")
_FIRST_PERSON = re.compile(r"(?<![a-z])(?:our (?:own )?(?:role|part|job|case|contact|office|desk|entry|staff|"
                           r"number|e-?mail|page)s?|ours)(?![a-z])|"
                           r"(?:うち|我々|わが(?:省|庁|町|市|村|県)?|当(?:省|庁|市|町|村|県))(?:の|は|って)?(?:役割|事例|担当|連絡先|窓口|電話|"
                           r"メール|番号|ページ|仕事)", re.IGNORECASE)


def without_writer(sentence: str, keep_place: bool = False) -> str:
    """The sentence without a self-introduction opening it ("I'm a CIR and …", "MOFA here, …", 「外務省の者ですが、…」);
    ``keep_place``: where the writer works stays (the question asks about it: "MOFA here - what is our role?")."""
    sentence = _WHO_WRITES.sub("", sentence)
    return sentence if keep_place else _WRITER_CLAUSE.sub("", _WHERE_WRITER_WORKS.sub("", sentence))


_OFFICE = re.compile(r"総務省|外務省|文科省|文部科学省|自治体国際化協会|クレア|(?<![a-z])(?:mic|mofa|mext|clair)(?![a-z])",
                     re.IGNORECASE)


_NOTHING_BUT_BEING = re.compile(r"\s*(?:です|でーす|だよ|here)?\s*[。.!！]?\s*", re.IGNORECASE)


def only_an_office(message: str) -> bool:
    """「文科省です」, "MEXT here" and nothing else: the office is named for what follows (its card, which the next
    「うちの担当者は？」 asks about), not a greeting."""
    found = _OFFICE.search(message)
    return found is not None and not message[:found.start()].strip() \
        and _NOTHING_BUT_BEING.fullmatch(message[found.end():]) is not None


def names_an_office(sentence: str) -> bool:
    """Whether the sentence names one of the notice's offices (or CLAIR): a self-introduction that does is part of a
    question about the writer's own office (「文科省です。うちの担当者は誰ですか？」)."""
    return _OFFICE.search(sentence) is not None


def about_the_writer(message: str) -> bool:
    """Whether the message asks about the writer's own office or town ("MOFA here - what is our role?"): then who
    writes is what the question is about."""
    return _FIRST_PERSON.search(message) is not None


def is_question(sentence: str) -> bool:
    """「…ですか」, 「教えてください」, "…?": the sentence asks something."""
    return _QUESTION.search(sentence) is not None


def is_introduction(sentence: str) -> bool:
    """「○○市国際課の田中です」: a self-introduction, not a question."""
    return len(sentence) <= 60 and _INTRODUCTION.search(sentence) is not None and not is_question(sentence)


def announces(sentence: str) -> bool:
    """「JETについて伺いたいことがあります。」: a question follows (not the question)."""
    return _ANNOUNCES.match(sentence) is not None


def announced_topics(announcements: list[str], english: bool) -> str:
    """What the announcements name, as a question (「ALTについて質問です」: 「ALTについて」), or "" when they name none."""
    if not (topics := [t for t in map(_topic_named, announcements) if t]):
        return ""
    # ("regarding MEXT", "on CLAIR": read as "about MEXT", the form the examples are matched best in)
    return " and ".join(_ABOUT.sub("about ", t) for t in topics) if english else f"{'、'.join(topics)}について"
