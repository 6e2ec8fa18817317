"""The forms of a follow-up question: elliptical or anaphoric (「令和元年度は？」, "And SEA?", 「その理由は？」),
or asking about another case of the previous topic (「CIRの場合は？」)."""
from __future__ import annotations

import re

from typing import Iterable

from bot.core.narrow import ATTRIBUTES, kind_of
from bot.core.orthography import is_english
from bot.core.shorthand import spelled_out

_FOLLOW_UP = re.compile(
    r"^(?:and|so|then|also|what about|how about|ほかに|他に)(?![a-z])|"
    # ("countries that year", "and the running total at that point": the year or the figures just given)
    r"(?<![a-z])(?:them|they|it|its|their|those|these|that (?:year|time|point))(?![a-z])|(?:その|それ|そちら|そこ|これ|この)(?!ぞれ)|"
    r"^\S{1,12}(?:は|って|の場合|だと|も)[？?]?$|^[a-z0-9 ]{1,20}\?$|"
    # 「担当者の名前も分かりますか」, 「メールも教えて」: "X too" adds to the previous answer
    r"^\S{1,12}も(?:分かり|わかり|教えて|知りたい|聞きたい|ある|あり)\S{0,8}$", re.IGNORECASE)


# 「CIRの場合は？」, 「SEAだったら？」, "In the case of CIRs?": 場合 / case is the form of the question, not its topic
# (場合 alone finds 増員を希望する場合の手続き): read as 「CIRは？」 / "And CIRs?"
_IN_THE_CASE = re.compile(r"^(\S{1,12}?)(?:の場合|だったら|なら)(?:は|って|だと|では|どう|はどう)?"
                          r"(?:です|でしょう)?か?[？?]?$|"
                          r"^(?:and |so |what about |how about )?(?:in the case of|in case of|for the case of) "
                          r"(.{1,30}?)[？?]?$", re.IGNORECASE)


# "What schools do they work in?" after what ALT stands for: "they" are the role the conversation asked about
# ("their phone number" is the office's, whatever role was talked about)
_PRONOUN = re.compile(r"(?<![a-z'])(they|them)(?![a-z'])", re.IGNORECASE)


# 「それは何をする人？」 after what CIR stands for: the one role asked about, at the head of the question
# (a person pointed at, or それ asked what it does: 「それはいつから？」 after a count is that count's topic)
_PRONOUN_JA = re.compile(r"^(?:その人たち|その人|彼ら|かれら)(?=(?:って|は)[^。？?]{0,6}(?:(?:何|なに)を?(?:する|し|して)|どこで(?:働|活躍)|"
                         r"どんな(?:人|仕事|役割)|役割|仕事))|^それ(?=(?:って|は)(?:何|なに)を?(?:する|している|してる)(?:人|ひと|職種|仕事))")


def with_the_role_for_they(text: str, names: Iterable[str]) -> str | None:
    """A follow-up with "they/them" (「それは…」 at its head) read with the one role the conversation asked
    about (``names``: what it named; "What schools do ALTs work in?"); ``None`` when it has no such pronoun, the
    role is not one, or an office was named too (「CIRのことで文科省の担当者は？」: 「その人たち」 are its staff)."""
    roles = [n for n in names if kind_of(n) == "role"]
    if len(roles) != 1 or any(kind_of(n) == "office" for n in names):
        return None
    if not is_english(text):
        return _PRONOUN_JA.sub(roles[0].upper(), text) if _PRONOUN_JA.search(text) else None
    return _PRONOUN.sub(f"{roles[0].upper()}s", text) if _PRONOUN.search(text) else None


def names_asked(named: Iterable[str], terms: Iterable[str], text: str = "") -> tuple[str, ...]:
    """What a conversation remembers of a question: the roles it names, and the office when it names one alone
    (「外務省の役割は？」: a contact detail asked next is that office's); not the ALT of the casebook's name ("How
    many cases are in the JET-ALT casebook?": "of those" next are its cases, not ALTs)."""
    asked = set(named).intersection(terms)
    if _CASEBOOK_NAME.search(text) and not _CASEBOOK_NAME.sub("", text).count("alt"):
        asked.discard("alt")
    offices = [t for t in asked if kind_of(t) == "office"]
    return tuple(sorted(t for t in asked if kind_of(t) == "role")) + (tuple(offices) if len(offices) == 1 else ())


def office_answered(named: Iterable[str], asked: tuple[str, ...], first_line: Iterable[str]) -> tuple[str, ...]:
    """The names to remember plus the one office the answer's first line names when the question named none
    ("Which ministry handles recruitment abroad?": MOFA, so "their number?" next is MOFA's)."""
    if any(kind_of(n) == "office" for n in asked):
        return asked
    offices = [t for t in set(named).intersection(first_line) if kind_of(t) == "office"]
    return asked + tuple(offices) if len(offices) == 1 else asked


# who says it ("According to MIC, …", 「総務省の公表（…）によると、」) and where it is published (「総務省ホームページ」)
_SOURCE = re.compile(r"according to [^,]{1,60},|[^、。]{1,40}によると、?|(?:総務省|文部科学省|外務省)(?:の)?(?:ホームページ|ページ|サイト)|"
                     r"(?:the )?(?:mic|mext|mofa)(?:'s)? (?:website|web page|page|site)", re.IGNORECASE)


def without_sources(text: str) -> str:
    """An answer's sentence without its attributions: the office a source names is no office talked about."""
    return _SOURCE.sub("", text)


_CASEBOOK_NAME = re.compile(r"(?:jet[-‐ー−]?)?alt\s?(?:活動)?(?:事例集|casebook)")  # (in a cleaned, lower-case text)
_CONTACT_ASKED = re.compile(r"連絡先|問い?合わ?せ先|窓口|(?<![a-z])contact(?![a-z])", re.IGNORECASE)


_STAFF = re.compile(r"担当者|担当の方|ご担当|(?<![a-z])(?:person in charge|who is in charge|staff)(?![a-z])", re.IGNORECASE)


def asks_contact(text: str) -> bool:
    """「問い合わせ先は？」, 「窓口は？」, "Who do I contact?": a contact point asked."""
    return bool(_CONTACT_ASKED.search(text))


def office_contact_asked(named: Iterable[str], terms: Iterable[str], text: str) -> bool:
    """「その数字について総務省に聞きたいんだけど、電話番号は？」: one office's contact detail asked, a complete question
    whatever was talked about."""
    terms = set(terms)
    offices = [t for t in set(named).intersection(terms) if kind_of(t) == "office"]
    return len(offices) == 1 and bool(ATTRIBUTES.intersection(terms) or asks_contact(text))


def with_the_office_for_contact(text: str, terms: Iterable[str], named: Iterable[str], remembered: Iterable[str]
                                ) -> str | None:
    """「電話番号は？」 after 「外務省の役割は？」: a contact detail asked of nothing named, read as asked of the one
    office the conversation asked about (the topic alone also names CLAIR, whose details are not held); ``None``
    when the question names something or asks no contact detail."""
    offices = [n for n in remembered if kind_of(n) == "office"]
    own = set(named).intersection(terms) - ATTRIBUTES - {"jet"}
    number = _NUMBER_ALONE.match(text.strip()) is not None  # ("their number?" of an office is its phone)
    if len(offices) != 1 or own or not (ATTRIBUTES.intersection(terms) or asks_contact(text) or _STAFF.search(text)
                                        or number):
        return None
    if number:
        return f"{offices[0]} phone number?" if is_english(text) else f"{offices[0]}の電話番号は？"
    return f"{offices[0]} {text}" if is_english(text) else f"{offices[0]}の{text}"


_NUMBER_ALONE = re.compile(r"^(?:and |so |ok,? )?(?:what(?:'s| is) )?(?:their|its|the|his|her) (?:contact )?number\??$|"
                           r"^(?:そこの|その)?番号(?:は|って)?[？?]?$", re.IGNORECASE)


# 「そのうち新規は？」, "Of those, how many…": a part of what was just answered (not 「うちの町では…」: "our")
_OF_THOSE = re.compile(r"^(?:その|この)うち|^うち(?![のはでもがにへと])|^その中で|(?<![a-z])of (?:those|them|these)(?![a-z])",
                       re.IGNORECASE)


def of_those(text: str) -> bool:
    """The question asks for a part of what was just answered (「そのうち学校での活動は？」)."""
    return bool(_OF_THOSE.search(text.strip()))


def in_the_case_of(text: str) -> str | None:
    """「CIRの場合は？」 as 「CIRは？」, "In the case of CIRs?" as "And CIRs?"; ``None`` for another form."""
    match = _IN_THE_CASE.match(text.strip())
    if match is None:
        return None
    return f"{match[1]}は？" if match[1] else f"And {match[2]}?"


def follow_up_form(text: str) -> bool:
    """An elliptical or anaphoric question (「令和元年度は？」, "And SEA?", "How many of them…"): it leans on the context."""
    return bool(_FOLLOW_UP.search(text.strip()))


# 「そこでALTについて何が書かれている？」, "What does it say about ALTs in there?": the question asks inside the
# document just answered, whatever other intent its words also find
_INSIDE_IT = re.compile(r"そこ(?:で|に|には|では)(?![、,]|質問|お?聞き|伺|お尋ね|相談)|その中で|(?<![a-z])(?:in it|in there)(?![a-z])",
                        re.IGNORECASE)


# "What do they do there?", 「何してるの？」: a question in words that only point back at what was just answered
_WORDS_ONLY_ASKING = re.compile(r"^(?:and |so |but )?(?:what|how|who|where|when|why|which)(?: [a-z']+){0,6}[?？]?$|"
                                r"^(?:それ|そこ|その人|彼ら)?(?:で|では|は|に|には)?(?:何|なに|なん|どう|どんな)[ぁ-ん]{0,12}"
                                r"(?:書[ぁ-ん]{0,8})?[？?]?$",  # (「何をするって書いてあるの？」: what it says)
                                re.IGNORECASE)


def asks_of_what_was_said(text: str) -> bool:
    """A question whose words say nothing but "what/how … they/it/there" (「何してるの？」): it asks about the
    previous answer."""
    return bool(_WORDS_ONLY_ASKING.match(text.strip()))


def inside_it(text: str) -> bool:
    """The question asks what the previous answer's document says (「そこで…」, "in it")."""
    return bool(_INSIDE_IT.search(text))


# 「その根拠は？」, 「出典は？」, "Source?" right after an answer: where that answer comes from (its sources), not the
# bot's own sources and not a why-question (a short question only: 「ALT配置の根拠は？」 has its own topic)
_SOURCE_OF_IT = re.compile(r"^(?:その|それの|この|今の)?(?:(?:情報|回答|答え|内容|数字|数値|データ)の)?"
                           r"(?:根拠|出典|ソース|情報源|出どころ|出所)(?:は|って)?(?:何|なに|どこ)?"
                           r"(?:ですか|でしょうか)?[？?。]?$|^(?:それ|それって|それは|その情報は)?(?:どこ|何|なに)に(?:書いて|載って)"
                           r"(?:ある|あります|いる|います)(?:の|か)?[？?。]?$"
                           # 「それは通知に書いてあるの？報道？」: which of the sources it is
                           r"|^(?:それ|これ|その(?:数字|情報|話))?(?:は|って)?(?:通知|報道|記事|新聞)(?:に|で)(?:書いて|載って|出て)"
                           r"(?:ある|あります|いる|います)(?:の|か)?[？?。]?\s?(?:(?:それとも)?(?:通知|報道|記事|新聞)(?:ですか)?[？?。]?)?$"
                           r"|^(?:is|was) (?:that|this|it) (?:official|from the notice|in the notice|from a news (?:article|report))"
                           r"(?:\?\s?(?:where(?:'s| is) the (?:exact )?(?:figure|number|source)|or (?:from )?a news (?:article|report)))?\??$"
                           # 「いつのデータ？」, "What year is that data from?": the answer again says whose figures of when
                           r"|^(?:それ|これ|その(?:数字|データ|情報)|この(?:数字|データ|情報))?(?:は|って)?いつ(?:の|時点の)"
                           r"(?:データ|数字|数値|情報|統計|もの|資料|出典)(?:ですか|でしょうか|なの)?[？?。]?$"
                           r"|^(?:what|which) year (?:is|are) (?:that|this|the|these|those) (?:data|figures?|numbers?) "
                           r"(?:from|for)\??$"
                           r"|^(?:and )?(?:what(?:'s| is| are) )?(?:the |its |your )?(?:source|sources)"
                           r"(?: (?:url|link|page)s?)?(?: (?:for|of) (?:that|this|it|(?:that|this) [a-z]+|the (?!figures|numbers|data|stat)[a-z]+))?\??$|"
                           # "Where does that rule come from?", "where's that figure from"
                           r"^where(?:'s| is| does| do) (?:that|this|it|those|these)(?: [a-z]+)? (?:from|come from)\??$"
                           # "Why do you say so?", 「なんでそう言えるの？」: what the answer just given rests on
                           r"|^(?:and )?(?:why|how) (?:do|can) you (?:say (?:so|that)|think so|know(?: (?:that|this))?)\??$"
                           r"|^(?:なんで|なぜ|どうして)(?:そう|そんなこと)(?:言える|言い切れる|言う|わかる|分かる)(?:の|ん(?:です)?)?(?:ですか|か)?[？?。]?$",
                           re.IGNORECASE)


# 「もう少し詳しく」, "Tell me more", 「正確な数は？」: the previous topic in full (its answer with every figure it holds,
# sources, links and related questions)
_MORE_OF_IT = re.compile(r"^(?:もう少し|もうちょっと|もっと|さらに|更に)?(?:詳しく|くわしく|詳細を?|具体的に(?:は|言うと)?)"
                         r"(?:教えて|知りたい|お願いします)?(?:ください|下さい)?[。？?！!]?$|"
                         # 「西暦だと？」 after a year given in the era: the answer again (it gives both)
                         r"^(?:それ(?:は|って)?)?(?:西暦|和暦)(?:だと|で(?:は|言うと|いうと)?|に(?:すると|直すと))(?:何年)?[？?。]?$|"
                         r"^(?:tell me |give me )?(?:more|more details?|more detail, please)"
                         r"(?: please)?[.?!]?$|^(?:それの|その)?正確(?:な(?:数字?|人数|値)|に)(?:は|って)?(?:何|なん)?"
                         r"(?:ですか|？|\?)?[？?]?$|^(?:the |what's the |what is the )?exact (?:number|figure|count)s?\??$|"
                         r"^(?:その|それの)?(?:数字の)?(?:端数|細かい数字|下の桁)まで(?:教えて|知りたい)?(?:ください|下さい|もらえますか|"
                         r"いただけますか|くれる)?[。？?！!]?$",
                         re.IGNORECASE)


def source_of_it(text: str) -> bool:
    """The question asks where the previous answer comes from (「その根拠は？」, "Source?") or for more of it
    (「もう少し詳しく」, "Tell me more"): the previous answer again, whole, with its sources and links."""
    text = spelled_out(text.strip().lower())  # ("src url")
    return bool(_SOURCE_OF_IT.match(text) or _MORE_OF_IT.match(text))


# 「どこでダウンロードできる？」, 「URLは？」, "Where can I download it?" right after an answer with links: those links
# (a short question only: 「事例集はどこでダウンロードできる？」 names its own topic)
_LINK_OF_IT = re.compile(r"^(?:それは|そちらは|その資料は|資料は)?(?:どこ|どちら)(?:で|から|に)(?:ダウンロード|入手|手に入|見られ|見れ|閲覧|読め|確認でき|調べられ)"
                         r"[^？?。]{0,10}[？?。]?$|^(?:その|それの)?(?:url|urlアドレス|リンク|ダウンロード先|入手先|掲載先)"
                         r"(?:は|を教えて(?:ください)?)?[？?。]?$|^(?:and )?(?:where )?(?:can|do) (?:i|we) (?:download|get|find|read|check|see|view) "
                         r"(?:it|them|that|those|these)(?: online)?\??$|^(?:the |its )?(?:link|url|download link)s?\??$",
                         re.IGNORECASE)


def link_of_it(text: str) -> bool:
    """The question asks where to get what was just answered (「どこでダウンロードできる？」, "Link?")."""
    return bool(_LINK_OF_IT.match(text.strip()))


# 「SEAとは？」, 「SEAって何？」, "What is a CIR?": what something is, a question complete on its own
# (not 「それって何県？」: 何 before a counter asks which or how many, and それ points back)
_WHAT_IT_IS = re.compile(r"とは|(?<!それ)(?<!これ)(?<!あれ)って(?:何(?![\u4e00-\u9fff])|なに|なん)|ってどんな|"
                         r"^(?:and )?what (?:is|are)(?: an?| the)? \S+\?*$|"
                         # 「SEAについて教えて」, "Tell me about SEAs": the thing itself
                         r"^[^、。？?]{1,12}について(?:教えて|知りたい)|^(?:please )?tell me about (?:the )?\S+[.?!]*$", re.IGNORECASE)


def asks_what_it_is(text: str) -> bool:
    """The question asks what something is (「SEAとは？」, "What is a CIR?")."""
    return bool(_WHAT_IT_IS.search(text.strip()))


# 「ほかには？」, 「それだけ？」, "Anything else?": what else there is on the topic, not the same answer again
_MORE = re.compile(r"^(?:それ以外|それだけ|ほか|他|その他|ほかに|他に)(?:に|には|は|って|も|にも)?(?:何か|なにか)?"
                   r"(?:ある|あります|ない|ありません)?(?:か|の)?[？?。]*$|^(?:and |so )?(?:anything|something|what) else"
                   r"(?: is there| can you tell me)?\??$|^(?:any )?others?\??$|^is that (?:all|it)\??$", re.IGNORECASE)


def more_asked(text: str) -> bool:
    """The message asks what else there is on the topic just answered (「ほかには？」, "Anything else?")."""
    return bool(_MORE.match(text.strip()))


# 「他に学校での事例は？」, "any other cases in schools?": more of a kind, other than the answer just given
_OTHER_THAN_IT = re.compile(r"^(?:他に|ほかに|その他に|それ以外に|他にも|ほかにも)(?![はも]?[？?。]*$)[^。？?]{2,}|"
                            r"^(?:他の|ほかの|別の|それ以外の)[^。？?]{1,}|"
                            r"^(?:and |so )?(?:any|are there any) other (?!than)\w", re.IGNORECASE)


def other_than_it(text: str) -> bool:
    """The message asks for more of a kind besides the answer just given (「他に学校での事例で名前が出ているところは？」;
    not 「他にもある？」, which asks what else there is: :func:`more_asked`)."""
    return bool(_OTHER_THAN_IT.match(text.strip())) and not more_asked(text)
