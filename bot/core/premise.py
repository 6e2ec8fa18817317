"""A yes/no question that checks a figure the user half remembers (「ALTって6,000人くらいいるんだっけ？」,
「事例集は20事例でしたよね？」, 「JETは1988年からでしたっけ？」, "Are there about 6000 ALTs?"): the number said is the
user's guess, not words of the topic, and it may be wrong. The question is read as asking for the figure
(「ALTって何人くらいいるんだっけ？」), so the reply gives the printed one, whatever was guessed.

Only a number said to be what there is (「5,000人以上いますか」, 「20事例でしたよね」, "there are 30 cases") is a guess:
one the user plans with is not (「ALTを3人任用していますが」, 「1人だけ受け入れる」, "2 ALTs in one school"), and a number
the knowledge prints stays (「新規は2,091人でしたっけ？」 names the year it is of). Only the last sentence is read (a
long message's background keeps its numbers), and only when it asks nothing else (no 何, いつ, how many…). A year is
a guess only where the question asks when something began or which year it is for (「1988年から」, 「令和5年度分」,
"start in 1988"); 「令和5年度のALTは5,000人以上？」 keeps its year and checks the count.
"""
from __future__ import annotations

import re
from typing import Callable, Collection, Iterable

from bot.core.figures import Figure
from bot.core.knowledge_model import Record
from bot.core.years import WRITTEN_ERA_YEAR, years_in
from bot.core.orthography import clean
from bot.core.premise_claims import claim_as_check
from bot.core.premise_role import role_guessed
from bot.core.sentences import sentences

_NUMBER = r"(?:約|およそ|だいたい)?(\d[\d,]*(?:\.\d+)?)(?:千|万)?"  # (the number: a group of its own)
# … said to be what there is: what follows the number and its counter
_IS = (r"(?=(?:くらい|ぐらい|ほど|程度|以上|前後|弱|強|ちょっと|も)?(?:は|が)?(?:を?超え(?:てる|ている|ています|てます|ますか)|"
       r"いる|い(?:ます|まし)|いた|です|でし|だっ|だよ|だね|だっけ|ある|あり|あった|[、,]?で(?:合|あ)って|"
       r"[、,]?で(?:正しい|いい|良い|ok|おk)|じゃ|なの|って|"  # (「5,535人でいい？」, 「累計80か国、で合ってますか」)
       r"載って|載っ|掲載|収録|入って|"
       r"か[？?]|[？?。]|$))")
# number + counter -> the question word that asks for it
_JA_COUNTS = (
    (re.compile(rf"(){_NUMBER}(?:人|名){_IS}"), "何人"),
    (re.compile(rf"(){_NUMBER}(?:事例|例){_IS}"), "何事例"),
    (re.compile(rf"(){_NUMBER}件{_IS}"), "何件"),
    (re.compile(rf"(){_NUMBER}個{_IS}"), "何個"),
    (re.compile(rf"(){_NUMBER}(?:か|ヶ|ケ|カ|箇)国{_IS}"), "何か国"),
    (re.compile(rf"(?<![\d元和成])()(\d{{1,2}})年間?(?!度){_IS}"), "何年"),  # a duration (任期は3年), not a year (1988年)
)
_JA_YEAR = re.compile(rf"(?:{WRITTEN_ERA_YEAR}|\d{{4}})年度?"
                      r"(?=から|分|に?(?:始|創|開始|スタート|設立|発足)|にでき|に(?:公表|発表|出|作|閣議決定)|"
                      r"の(?:調査|分|閣議決定|決定|策定|公表|発表)|"
                      r"(?:でしたっけ|でしたよね|ですよね|だっけ|だよね|ですか|でしょうか|で(?:合|あ)って|で正しい|でok)[？?]?$)")
# 「令和7年度分でしたよね？」: a year the writer recalls is a guess, even one after any held (「令和8年度分の要望調査って
# もう始まってる？」 asks about that year's)
_RECALLED = re.compile(r"(?:分|の分)?(?:でしたっけ|でしたよね|ですよね|だっけ|だよね|じゃなかった(?:っけ)?|で(?:合|あ)って(?:い)?(?:る|ます)|"
                       r"で正しい)(?:か|でしょうか)?[？?]?$")
_DECIDED = re.compile(r"(?:の|に)(?:閣議決定|決定|策定)")
_CHECK_END = re.compile(r"(?:でしたっけ|でしたよね|ですよね|だっけ|だよね|でした(?:か|でしょうか)|ですか|でしょうか|じゃなかった(?:っけ)?|"
                        r"で(?:合|あ)って(?:い)?(?:る|ます)(?:か)?|で正しい(?:ですか)?|でok|なの|かな)[？?。]?$")
# 「JET創設 S63でok?」, 「始まりは平成元年ですよね」: the year said after what began (the era's letter as typed)
_BEGAN_YEAR = re.compile(r"(?:(?<=創設|開始|設立|発足)|(?<=始まり))(?:は|が|も)?\s?(?:(?:昭和|平成|令和|[shr])(?:\d{1,2}|元)|\d{4})"
                         r"(?:年度?)?(?![\d])")
# 「それって新潟県でしたっけ？」, 「富山県でしたっけ？」 after a case: the place said of what was talked about is the guess
# (not 「それは市町村ですか」: who, not where; not 「新潟県の事例はありますか」: a place asked about)
_PLACE = re.compile(r"((?:それ|これ|あれ|そこ|その|この)(?:って|は|が|も)|^)(?!市町村|市区町村|区市町村|都道府県|政令市)"
                    r"[\u4e00-\u9fff]{1,3}(都|道|府|県|市|町|村)"
                    r"(?=(?:でしたっけ|でしたよね|ですよね|だっけ|だよね|ですか|でしょうか|じゃなかった(?:っけ)?)[？?]?$)")
# 「番号は03-5253-5111で合ってますか」: a phone number checked (a printed one stays: it names its office)
_PHONE = re.compile(r"(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])")
# 「調査は文部科学省が直接行うと聞いたのですが本当ですか」: the office said to do something is the guess
_DOER = re.compile(r"(?:文部科学省|文科省|総務省|外務省|自治体国際化協会|clair|クレア|mext|mic|mofa)(?:(?=が|から)"
                   r"(?=[^。？?]{0,30}?(?:行|実施|やる|やっ|やら|運営|出し|出さ|発出|送|来る|来て|来ま))|"
                   r"(?=の(?:ホームページ|hp|サイト|ウェブサイト|webサイト|ページ))|"  # …or whose site holds it,
                   r"(?=の担当(?:です|でしょう|だっけ|でしたっけ|だよね|ですよね|なの)))")  # …or whose work it is
# 「総務省に直接要望を出せばいいんですよね？」: the ministry said to take a request is the guess (not CLAIR, which
# does: 「直接CLAIRに要望出しちゃダメ？」 asks about the route; not 「総務省に要望を出すときの電話番号は？」)
_REQUEST_TO = re.compile(r"(?:文部科学省|文科省|総務省|外務省|(?<![a-z])(?:mext|mic|mofa)(?![a-z]))"
                         r"(?=に(?:直接)?(?:要望|申請)(?:書)?を?(?:出|提出|送)(?![^。？?]*(?:電話|番号|メール|連絡先)))")
_EN_DOER = re.compile(r"\b((?:made|run|conducted|issued|published|created|written|compiled|organized|organised|"
                      r"handled|done|sent) by )(?:the )?(?:mext|mic|mofa|clair|the ministry of [a-z ]+?)"
                      r"(?=[ ,.?]|$)|"
                      r"\b(on )(?:the )?(?:mext|mic|mofa|clair)(?:'s)?(?= (?:site|website|web site|page|homepage))")
# "The notice was sent only to boards of education, right?": whom it was sent to is the guess
_EN_ADDRESSEE = re.compile(r"\b(sent|addressed) (?:only |just )?to (?!whom\b)(?:[a-z']+ ){0,4}?[a-z']+"
                           r"(?=,? (?:right|correct|isn't it|is that right|is that correct)\??$)")
# "Is MIC the one collecting the placement requests?": the office said to be the one doing it is the guess
_EN_DOER_IS = re.compile(r"^((?:so |and |but )?(?:is|was|isn't|wasn't) (?:it )?)(?:the )?(?:mext|mic|mofa|clair)"
                         r"(?= (?:the one|the body|the office|the ministry|responsible|in charge|who|that)\b)")
# "Our memo says MIC runs the survey": the office said to do it is the guess
_EN_DOER_ACTIVE = re.compile(r"(?<![a-z])(?:the )?(?:mext|mic|mofa|clair)(?= (?:runs|ran|conducts|conducted|handles|handled|"
                             r"manages|organi[sz]es|collects|collected|sends|sent|issued|issues|publishe[sd]) )")
# "SEA stands for Sports Education Assistant, yes?", 「CIRはCoordinator for International Researchの略ですよね？」: the
# expansion said is the guess (the role's name is asked)
_EXPANSION = re.compile(r"(?<![a-z])(alt|cir|sea|jet)(?:'s| is)? (?:stands? for|short for|an abbreviation (?:of|for)|"
                        r"abbreviation for|means) [a-z][a-z \-]*|"
                        # "SEA = sports education assistant?", "SEA is a Sports Education Assistant, correct?"
                        r"(?<![a-z])(alt|cir|sea|jet) ?(?:=|is an?) ?[a-z][a-z \-]*(?:assistant|advis[eo]r|coordinator|"
                        r"teacher|instructor|officer|exchange)(?![a-z])")
_EXPANSION_JA = re.compile(r"(?<![a-z])(alt|cir|sea|jet)(?:って|は|とは)(?!何)[a-z\u30a0-\u30ff\u4e00-\u9fff][a-z \-・\u30a0-\u30ff\u4e00-\u9fff]{1,40}?の略|"
                           # 「SEAってスポーツ教育アシスタントのことですよね」: a name in katakana said to be it
                           r"(?<![a-z])(alt|cir|sea|jet)(?:って|は|とは)(?=[^のはを]*[\u30a1-\u30fa]{4})[a-z \-・\u30a0-\u30ff\u4e00-\u9fff]{4,40}?のこと(?=(?:です|でしょう|だ)?(?:よね|か|っけ|ね)?[?？]?$)")
# "The local finance measures are in reference material 3, right?": which attachment is the guess
_EN_MATERIAL = re.compile(r"(?<![a-z])(?:in |is |are )?(?:reference material|attachment|sankou shiryou|sanko shiryo) ?\d(?!\d)")
# a ministry named: a phone number checked is its number asked (「文科省の番号は03-5253-5527で合ってる？」: MIC's)
_NAMES_OFFICE = re.compile(r"文部科学省|文科省|総務省|外務省|自治体国際化協会|クレア|(?<![a-z])(?:mext|mic|mofa|clair)(?![a-z])")
# "That's in Niigata, right?" after a case: the place said of it is the guess
# (a belief said with its tag, "…, right?" / "…, isn't it?": "Is that in English?" asks a language, "Is that in
# Tokyo?" may ask anything)
_EN_PLACE = re.compile(r"\b(?:that's|that is|it's|it is|they're|they are|([a-z]+) is) (?:in|from) "
                       r"(?!which\b|english\b|japanese\b|the\b|an?\b)[a-z]+(?: (?:prefecture|city|town|village))?"
                       r"(?=,? (?:right|correct|isn't it|is that right)\??$)")
# "there are 20 cases", "The casebook has 20 cases, right?", "Does JET have 6000 ALTs?" (not "to have 2 ALTs": a plan)
_ABOUT = r"(?:about |around |over |more than |at least |almost |nearly |roughly |under |below )?"  # a count guessed
_COUNTED_EN = r"(?:alts?|cirs?|seas?|participants|people|cases|countries)(?![a-z])"  # … and what it counts
_EN_COUNT = re.compile(r"((?:there are|there were|are there|were there|(?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d (?:had|saw)|"
                       r"(?:casebook|jet|programme|program) (?:has had|has|had|contains|contained|includes|included|lists)|"
                       r"(?:does|did) (?:the )?(?:casebook|jet|programme|program) (?:have|contain|include|list)) )"
                       rf"{_ABOUT}{_NUMBER}\+? (?=(?:jet |school |community |new )?{_COUNTED_EN})")
# "Roughly 500 CIRs in FY2023, is that correct?": a count that begins the sentence
_EN_COUNT_FIRST = re.compile(rf"^((?:so |and |but )?){_ABOUT}{_NUMBER}\+? (?=(?:jet |new )?{_COUNTED_EN})")
# "Cumulative participants were already over 75,000 by FY2019, right?": the count said after what it counts
_EN_COUNT_AFTER = re.compile(rf"({_COUNTED_EN} (?:were|are|numbered|totall?ed|reached|exceeded|topped) "
                             rf"(?:already |still |just )?){_ABOUT}{_NUMBER}(?![\d,])")
# "Was the number of CIRs in FY2023 more than 500?": the count guessed after what it counts and its year
_EN_NUMBER_OF = re.compile(rf"((?:the )?(?:number|headcount) of (?:jet |new )?{_COUNTED_EN}[^?]{{0,30}}? ){_ABOUT}{_NUMBER}(?![\d,])")
# 「CIRって500人より多い？」, "bigger than 500?": a number the count is compared with, not a figure said (no correction)
_COMPARED_WITH = re.compile(r"[\d,]+\s*(?:人|名)?\s*より(?:多|少)|(?<![a-z])(?:more|fewer|less|bigger|larger|greater|higher|"
                            r"lower|smaller) than [\d,]+", re.IGNORECASE)
_EN_YEAR = re.compile(r"(?<![a-z])(?:in|since|from|for) (?:fy ?|fiscal (?:year )?)?(?:19|20)\d\d(?![\d])")
_EN_EXISTS = re.compile(r"^(?:so |and |but )?(?:is|are|was|were) there\b")
_YES_NO = re.compile(r"^(?:so |and |but )?(?:there )?(?:is|are|was|were|do|does|did|has|have|had|isn't|aren't|wasn't|didn't)"
                     r"(?![a-z])|.*(?:, |\b)(?:right|correct|isn't it|aren't there|is that (?:right|correct)|isn't that right|"
                     r"didn't it|didn't they|don't they|wasn't it|weren't they|weren't there|am i right|yes|no|"
                     r"(?:can|could) you (?:confirm|check|verify)(?: (?:that|this|it))?)\??$")
# a question word: the sentence asks for something, it checks nothing
_ASKS = re.compile(r"何|なん|いくつ|いつ|どこ|どれ|どの|どちら|誰|だれ|どう|どんな|なぜ|いくら|"
                   r"(?<![a-z])(?:how|what|when|which|who|where|why)(?![a-z])")
# 「新規は1837で合ってる？」, 「R1は5761?」: a count checked with no counter, of the figures (a printed value or a word
# of what is counted; not a year, a date, a phone number or a page)
_BARE_NUMBER = re.compile(r"(?<![\d\-.,])(\d{1,3}(?:,\d{3})+|\d{3,5})(?![\d\-,.]|\s*(?:年|月|日|円|ページ|頁|件|事例|例|人|名|"
                          r"か国|ヶ国|カ国|期|番|号))(?=\s*(?:で(?:合|あ)って|で正しい|でok|でいい|ですか|だっけ|でしたっけ|"
                          r"ですよね|だよね|[？?]$))")
_YEAR_NUMBER = re.compile(r"19[89]\d|20[0-4]\d")  # a number that is a year of the programme
_COUNTED = re.compile(r"新規|参加者|人数|累計|継続|全体|(?<![a-z])(?:alt|cir|sea|participants|total)(?![a-z])")
# the sentence is a yes/no question or a check: ends in か, っけ, よね…, or is an English yes/no question
_CHECKS = re.compile(r"(?:か|っけ|よね|ですね|だね|でいい|で(?:合|あ)って(?:る|ます)|で正しい|かな|なの|の|でok|でおk)[？?。!！]*$|"
                     r"[？?]$")
# 「…と聞きました。本当ですか？」, "My boss said …. Is that right?": a sentence that only checks the one before it
# (「…5,831人と書きました。合っていますか？」, "Our draft says 5,831 ALTs. OK to publish?")
CHECK_ONLY = re.compile(r"^(?:それ|これ|この(?:数字|内容|書き方|理解|認識)|その(?:数字|理解|認識))?(?:で|は|って)?"
                        r"(?:本当|ほんと|正しい|合って(?:い)?(?:る|ます|ました)|あって(?:い)?(?:る|ます)|間違い(?:ない|ありません)|"
                        r"大丈夫|問題(?:ない|ありません))(?:です|でしょう)?(?:か|かね|よね)?[？?。]*$|"
                        r"^(?:is (?:that|this|it) (?:right|correct|true|ok|okay|accurate)|(?:right|correct|true|accurate)|"
                        r"(?:is it )?ok(?:ay)? to (?:publish|use|send|print|share|quote|cite)(?: (?:it|that|this))?|"
                        r"(?:can|may) (?:i|we) (?:use|publish|quote|cite) (?:that|this|it)|"
                        r"(?:can|could) you (?:confirm|check|verify)(?: (?:that|this|it))?|(?:please )?confirm|"
                        r"(?:does|do) (?:that|this) (?:look|sound) (?:right|correct|ok|okay))\??$", re.IGNORECASE)
# "Our draft says 5,831 ALTs in 2023", "Our draft says JET started in 1987": what a document of the writer's states
# is checked (the document is no topic), a count in it asked for
_EN_CLAIM = re.compile(r"^(?:(?:our|my|the|a|this) )?(?:draft|document|memo|report|slides?|text|article|press release|"
                       r"briefing|notes?|paper|materials?|answer|records?|table|sheet|website|site|page|speech|minutes)"
                       r" (?:says|said|shows|states|lists|reads|puts it|mentions)(?: that)? ")
_EN_CLAIMED_COUNT = re.compile(rf"{_ABOUT}{_NUMBER}\+? (?=(?:jet )?{_COUNTED_EN})")
# what a figure counts, by the question word that asks for it (an English count may be of any)
_MEASURES = {"何人": {"participants", "new", "cumulative"}, "何事例": {"cases"}, "何件": {"cases"}, "何個": {"cases"},
             "何か国": {"countries"}, "何年": set()}
# a short remark after the question ("…, right? Need it for a briefing."): the check is the question before it
_REMARK_AFTER = re.compile(r"([?？])\s*(?!また|あと|それと|それから|あわせて|併せて|さらに|ついでに|also\b)[^?？]{1,40}[.。!！]?\s*$")
# (not a request added after it: 「…ありますか？あとCLAIRの正式名称も」 asks that too)
_LAST_SENTENCE = re.compile(r"[^。！!\n]*[。！!\n]?$")


def asked_plainly(text: str, printed: Collection[Figure] = (), phones: Collection[str] = ()) -> str:
    """The question with a guessed figure, year, phone number or office replaced by the question word that asks
    for it (unchanged when the message checks nothing); ``printed``: the knowledge's figures (one of them said of
    what it counts stays: it names its year; 50 countries are no 50 cases); ``phones``: the printed phone numbers,
    digits only (kept: they name their office, unless the question names one: then that office's number is asked); a
    last sentence that only checks a document's count ("Our draft says 5,831 ALTs. OK to publish?") is dropped."""
    written = _since_the_start(text, printed)  # (as written: 「①昭和62年度からの…②…」 keeps its list marks)
    said = _REMARK_AFTER.sub(r"\1", clean(written))  # ("…began in 1990, right? Need it for a briefing.")
    cleaned = claim_as_check(said)  # (「…486人って資料に書いてた気がする」: 「…486人ですか？」)
    unchanged = written if cleaned == said else cleaned
    sentence = _LAST_SENTENCE.search(cleaned.rstrip("。！! ")).group(0) if cleaned else ""
    if CHECK_ONLY.match(sentence.strip()):  # the claim checked is the sentence before
        before = _LAST_SENTENCE.search(cleaned[: len(cleaned.rstrip("。！! ")) - len(sentence)].rstrip("。！!? "))
        sentence = cleaned[before.start():len(cleaned.rstrip("。！! "))] if before else sentence
    if not sentence or _ASKS.search(sentence) or not _CHECKS.search(sentence.strip()):
        return unchanged

    role = role_guessed(sentence)  # (「CIRは学校で英語を教える人ですよね？」: what the role does is asked)
    if role:
        return cleaned[: len(cleaned.rstrip("。！! ")) - len(sentence)] + role
    named = set(years_in(sentence))  # (a printed count said of another year is a guess: "2,091 new ALTs in FY2023")

    def guessed(word: str) -> Callable[[re.Match[str]], str]:  # (group 1: what comes before; 2: the number)
        counted = {f.value for f in printed if (word not in _MEASURES or f.measure in _MEASURES[word])
                   and (not named or f.year is None or f.year in named)}
        return lambda m: m.group(0) if _value(m.group(2)) in counted else m.group(1) + word

    # (a year after any held is no guess: 「令和8年度分の要望調査ってもう始まってる？」 asks about that year's)
    # (「令和5年の閣議決定は？」: a year that begins a plain question of what was decided is the one asked about)
    plain = _JA_YEAR.sub(lambda m: m.group(0) if _after_any_held(m.group(0), printed)
                         and not _RECALLED.match(m.string[m.end():]) or m.start() == 0
                         and _DECIDED.match(m.string[m.end():]) is not None and not _CHECK_END.search(m.string) else
                         "何年度" if m.group(0).endswith("年度") else "いつ", sentence)
    plain = _PLACE.sub(r"\1どこの\2", _BEGAN_YEAR.sub("はいつ", plain))  # (どこの県: 県 keeps a word to match)
    office = _NAMES_OFFICE.search(sentence) is not None
    asked_number = "what phone number" if sentence.isascii() else "何番"
    plain = _PHONE.sub(lambda m: m.group(0) if re.sub(r"\D", "", m.group(0)) in phones and not office else asked_number,
                       plain)
    claimed = _EN_CLAIM.search(plain) is not None
    if claimed:
        plain = _EN_CLAIMED_COUNT.sub("how many ", plain[_EN_CLAIM.search(plain).end():])
    plain = _EN_DOER_ACTIVE.sub("which office", _EN_DOER_IS.sub(lambda m: m.group(1) + "which office", plain))
    plain = _EN_PLACE.sub(lambda m: f"where is {m.group(1) or 'that'}", _EN_ADDRESSEE.sub(r"\1 to whom", plain))
    plain = _EXPANSION_JA.sub(lambda m: f"{m.group(1) or m.group(2)}は何の略", _EXPANSION.sub(
        lambda m: f"{m.group(1) or m.group(2)} short for what", plain))
    if _YES_NO.match(plain):
        plain = _EN_MATERIAL.sub(" in which reference material", plain)
    plain = _EN_DOER.sub(lambda m: (m.group(1) or m.group(2)) + ("which" if m.group(2) else "which office"),
                         _DOER.sub(_who, _REQUEST_TO.sub("どこ", plain)))
    for pattern, word in _JA_COUNTS:
        plain = pattern.sub(guessed(word), plain)
    values = {f.value for f in printed}
    plain = _BARE_NUMBER.sub(lambda m: "何人" if _value(m.group(1)) in values or _COUNTED.search(sentence)
                             and not _YEAR_NUMBER.fullmatch(m.group(1)) else m.group(0), plain)  # ("CIR total 2019?": a year)
    if _YES_NO.match(plain):
        if _EN_COUNT.search(plain):  # ("5355 ALTs in 2023?": the count is checked, of 2023)
            plain = _EN_COUNT.sub(guessed("how many "), plain)
        elif _EN_COUNT_FIRST.search(plain):
            plain = _EN_COUNT_FIRST.sub(guessed("how many "), plain)
        elif _EN_COUNT_AFTER.search(plain):
            plain = _EN_COUNT_AFTER.sub(guessed("how many"), plain)
        elif _EN_NUMBER_OF.search(plain):
            plain = _EN_NUMBER_OF.sub(guessed("how many"), plain)
        elif not (_EN_EXISTS.match(plain) and _after_any_held(plain, printed)):
            # ("Is there a placement survey for FY2026?" asks about that year's; "Was there a survey in 2019?" checks)
            plain = _EN_YEAR.sub(lambda m: "for which year" if m.group(0).startswith("for") else "when", plain)
    if plain == sentence:
        return unchanged
    plain = cleaned[: len(cleaned.rstrip("。！! ")) - len(sentence)] + plain
    pieces = sentences(plain)
    if claimed and len(pieces) > 1 and CHECK_ONLY.match(pieces[-1].strip()):  # ("…ALTs in 2023. OK to publish?")
        plain = plain[:plain.rfind(pieces[-1])].rstrip(" 。.！!") + ("?" if plain.isascii() else "？")
    return plain


_SINCE = re.compile(rf"(?:{WRITTEN_ERA_YEAR}|\d{{4}})年度?(?:から|以来)の(?=[^。？?]{{0,6}}(?:数|累計|人|参加|国))")


def _since_the_start(text: str, printed: Collection[Figure]) -> str:
    """「1987年からの参加国数は？」: since the programme began is its cumulative count (the start year, a word of the
    founding's answer, would pull the question there)."""
    founded = {f.value for f in printed if f.measure == "founded"}

    def year(since: str) -> set[int]:  # (years_in reads 1987 as a year only with 年度 or a counter after it)
        return set(years_in(since)) or {int(y) for y in re.findall(r"\d{4}", since)}
    # (「1987年からの累計は？」 says it already: since the start, as the year's answer says it)
    since = "開始以来の" if "累計" in text else "累計の"
    def read(m: re.Match[str]) -> str:
        years = year(m.group(0))
        return since if founded and years and years <= founded else m.group(0)
    return _SINCE.sub(read, text)


def _after_any_held(text: str, printed: Collection[Figure]) -> bool:
    """Whether a year the text names comes after the year after the newest figures (FY2026: no survey or figures
    of it can be held)."""
    newest = max((f.year for f in printed if f.year), default=None)
    years = years_in(text)
    return newest is not None and any(y > newest + 1 for y in years)


def _value(digits: str) -> float:
    return float(digits.replace(",", ""))


def _who(office: re.Match[str]) -> str:
    """The question word for an office guessed: which ministry did it (its name led to the ministries' roles), or
    whose site or work it is."""
    return "どの省庁" if office.string[office.end():office.end() + 1] in ("が", "か") else "どこ"


def printed_phones(contacts: Iterable[Record]) -> frozenset[str]:
    """The phone numbers of the contact records, digits only (the ``phones`` of :func:`asked_plainly`)."""
    return frozenset(re.sub(r"\D", "", str(c.get("phone", ""))) for c in contacts if c.get("phone"))


def without_comparisons(text: str) -> str:
    """``text`` without a number the count is compared with (「500人より多い？」 is no guess of 500 to correct)."""
    return _COMPARED_WITH.sub(" ", text)
