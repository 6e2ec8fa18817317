"""What a question asks that the knowledge may not hold, as people write it: a head count, a ranking, an
opinion or a recommendation, a planned or future figure, a date, a year named only as a starting point."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from bot.core.orthography import clean
from bot.core.years import PLANNED, WRITTEN_ERA_YEAR

FIGURE = re.compile(r"何人|人数|何名|累計|延べ|のべ人数|総数|何か国|何カ国|何ヶ国|国数|参加者数|数(?:は|を|って|$|\?|？)|参加者(?:は|って)?[？?]?$|"
                     r"(?<![a-z])(?:how many|number of|cumulative|(?<!phone )(?<!contact )numbers|count|(?:participants|total)(?: (?:in|for) (?:fy ?|fiscal (?:year )?)?\S+)?\W*$)(?![a-z])")
# 「来年度の配置人数を増やしたい。どこに、どういう経路で出せば？」: how to act, not a head count (the count is the plan)
# (「来年度から人数を増やしたい場合も同じ調査で要望する？」: the count to raise is the plan too)
ASKS_HOW = re.compile(r"どこに|どこへ|どこを通じて|どこ経由|どういう経路|どのような経路|どうやって|どのように|どうすれば|どうしたら|手続き|"
                      r"(?:人数|人員|配置数)を(?:増や|減ら)(?![^。？?]*(?:目標|見込み|計画数))|"
                      r"(?<![a-z])(?:how (?:do|can|should|would) (?:we|i)|where (?:do|can|should) (?:we|i))(?![a-z])")
# "Who will be running the survey for new participants?" asks for a body, not a head count
# money asked (a pay, a budget, an amount): never a head count, whatever year is named with it
MONEY = re.compile(r"報酬|給料|給与|月給|年収|予算|金額|額は|何円|いくら|費用|経費|"
                   r"(?<![a-z])(?:salary|salaries|pay|paid|wages?|budget|costs?|how much|yen)(?![a-z])")
ASKS_WHO = re.compile(r"^(?:who|where|why|which (?:office|body|organi[sz]ation|ministry))(?![a-z])")
# 「世界で一番大きい」 is the notice's 世界最大規模 in other words, not a ranking the knowledge lacks
# ("at most" / "at least" are limits: "How long can a participant stay at most?" is the contract length; "for most
# participants", "What do most ALTs do?" are no ranking, "Which country has (the) most ALTs?" is)
RANKING = re.compile(r"(?<!世界で)(?:一番|いちばん|最も)|世界で(?:一番|いちばん|最も)(?!大き)|最多|ランキング|順位|多い順|少ない順|(?:トップ|上位|ベスト)\s?\d|(?:どの|どこ|どんな|何の|どれ)[^。？?]{0,15}(?:が|の)(?:多|おお)い|多い(?:国|県|都道府県|市|町|自治体|学校|地域)(?:は|って)?(?:どこ|どれ|何)|何(?:県|市|国)[^。？?]{0,4}(?:に|が)(?:一番)?多い|"
                      r"(?<![a-z])(?:(?<!at )the most(?! recent)|(?:has|have|had|sends?|sent|gets?|got|with) most|most (?:popular|common|frequent)|"
                      r"(?<!at )(?<!at the )least|fewest|ranking|rank|top \d+|"
                      r"top (?:sending |source |participating )?(?:countr(?:y|ies)|nations?|prefectures?)|"
                      r"(?:largest|highest|biggest|greatest|smallest|lowest) (?:number|share|count|proportion))(?![a-z])")
# rates or shares compared (「ALTの新規率とCIRの新規率、どっちが高い？」): a question about figures, no opinion
RATES = re.compile(r"率|割合|[%％]|パーセント|(?<![a-z])(?:rates?|shares?|percent(?:age)?s?)(?![a-z])")
# whether it is good or worth doing at all (「JETっていい制度だと思う？」, "Should MIC expand JET?", 「JETって意味ある？」)
# (a judgement, not what the notice says it is for)
_WORTH = (r"(?:いい|良い|よい|悪い|わるい|だめな|ダメな|微妙な|有意義な|意味のある|役に立つ|役立つ|必要な|不要な|成功した|"
          r"失敗した)(?:制度|仕組み|プログラム|事業|取り?組み?)(?:だと|と)(?:お?思|考え)|"
          r"(?:いい|良い|よい)(?:制度|仕組み|プログラム|事業)(?:です|でしょう|なの)か?[？?]|正直(?:に)?(?:言って)?どう|"
          # 「JETって意味ある？」: whether it is worth doing (not 「JET-ALTの意味は？」: what a term means)
          r"^(?:jet|alt|cir|sea|jetプログラム|この(?:制度|事業|プログラム))(?:って|は|に|を入れる(?:の)?(?:って|は)?)"
          r"(?:そもそも|ほんとに|本当に|正直(?:に)?|実際)?(?:やる|続ける|入れる|導入する)?(?:意味|価値)(?:って)?(?:ある|あります)"
          r"(?:と(?:お?思|考え)(?:う|います|われます|ます)?)?(?:の|んですか|か)?[？?]?$|"
          r"(?:拡大|拡充|縮小|削減|廃止|継続|増や|減ら)(?:す|し)?べき(?!で)(?![^。？?]{0,3}(?:理由|わけ|訳|根拠))|"
          r"(?<![a-z])is (?:jet|it|the (?:jet )?program(?:me)?) (?:a )?(?:good|great|bad|worthwhile|successful|useful)"
          r"(?: (?:program(?:me)?|scheme|idea|one))?\??$|"
          r"(?<![a-z])(?:should (?:mic|mofa|mext|clair|the (?:government|ministry|ministries)|japan|municipalities|"
          r"towns|cities|we) (?:expand|increase|grow|cut|reduce|shrink|end|stop|abolish|scrap|continue|keep)|"
          r"(?:do|would) you (?:think|say) (?:that )?(?:jet|it|the (?:jet )?program(?:me)?) is (?:a )?"
          r"(?:good|worth|useful|effective|successful|necessary|a success|a failure)|"
          r"is (?:jet|it|the (?:jet )?program(?:me)?) (?:really )?worth (?:it|the (?:money|cost)))(?![a-z])")
WORTH = re.compile(_WORTH)
OPINION = re.compile(r"(?:どちら|どっち|どれ|どの職種)を?(?:選ぶ|選べ|にすべき|にする|が(?:いい|良い|よい|おすすめ|安い|高い|得))|"
                      # 「当町はJETを導入すべきだと思いますか。ご意見をお聞かせください」: the bot's own view asked
                      r"すべき(?:だ)?と(?:お?思|考え)(?:います|われます|ますか)|ご意見を(?:お聞かせ|聞かせ|伺|いただ)|"
                      r"(?:どちら|どっち|どれ|どの職種)(?!に(?:聞|問|相談|連絡|電話|メール|確認)|へ|宛|の(?:省|窓口|部署))"
                      r"[^。？?]{0,12}(?:べき|(?:ほう|方)が(?:いい|良い|よい))|"
                      r"おすすめ|お勧め|オススメ|(?<![a-z])(?:should (?:we|i) (?:choose|pick)|which (?:is|would be) "
                      r"(?:better|cheaper)|(?:do|would|could|can) you recommend|what (?:do|would) you recommend|"
                      r"which (?:one )?would you (?:pick|choose|go with|recommend)|"
                      r"is (?:it|jet|the jet programme|the jet program) better than|which (?:one |role |of "
                      r"(?:them|the two) )?should (?:we|i|our \w+|my \w+) (?:hire|introduce|employ|bring in))(?![a-z])|"
                      # a choice between roles (「ALTとCIRのどっちから始めればいい？」, "Should our city hire a CIR or an
                      # ALT first?"), not which office to ask (「どちらに問い合わせればいい？」)
                      r"(?:alt|cir|sea)[^。？?]{0,6}(?:alt|cir|sea)[^。？?]{0,4}(?:どちら|どっち)(?!も|に|へ|宛)[^。？?]{0,12}"
                      r"(?:ればいい|ればよい|たらいい|べき|いい)|(?<![a-z])should (?:we|i|our \w+|my \w+|the \w+) (?:hire|choose|"
                      r"pick|get|go with|start with|take|introduce|employ|bring in|invite) (?:an? )?(?:alt|cir|sea)s? or (?:an? )?"
                      r"(?:alt|cir|sea)s?(?![a-z])|"
                      # what someone thinks of it (「大臣は個人的にどう思っている？」, "What does the minister personally
                      # think of JET?"): no one's opinion is printed (not "What do you think is the reason…": asked plainly)
                      r"個人的(?:に|な)(?:は)?[^。？?]{0,12}(?:どうお?思|どうお?考え|意見|考え|感想|評価)|本音|"
                      r"(?:あなた|ボット|きみ|君)(?:の|は)(?:意見|考え|感想|見解|どう思)|"
                      r"(?<![a-z])your (?:own )?(?:opinion|view|thoughts|take)(?![a-z])|"
                      r"(?:大臣|長官|首相|総理|知事)(?:は|が)[^。？?]{0,20}(?:どうお?思|どうお?考え|どう評価)|"
                      r"(?:大臣|長官|首相|総理|知事|局長|室長|理事長)の(?:ご|お)?(?:見解|意見|考え|所感|評価)|"
                      r"(?<![a-z])(?:personally (?:think|feel)|(?:what|how) (?:do|does) (?:the )?(?:minister|ministers|"
                      r"government|mic|mofa|mext|clair|you) (?:really )?(?:think|feel) (?:of|about))(?![a-z])|"
                      + _WORTH + r"|"
                      # reasons against (導入すべきでない, avoid hiring): the notice gives only reasons for
                      r"べきでない|べきではない|ない(?:ほう|方)がいい|やめた(?:ほう|方)がいい|"
                      r"(?<![a-z])(?:(?:avoid|should not|shouldn't|not) (?:hiring|hire|using|use|introducing|introduce|"
                      r"placing|place|having|adopting|adopt))(?![a-z])")
# planned or expected figures (採用予定数, 今後の見込み): the knowledge holds only published past figures
FUTURE = re.compile(PLANNED + r"|見込み|見通し|今後|将来|予測|目標|計画数|"
                     r"(?<![a-z])(?:planned|plan to|expected|expect|forecast|future|will (?:be|there)|going to)(?![a-z])")
# 「1987年以来の累計」, 「1987年からの累計」, "since 1987": a starting point, not the year whose figures are asked
SINCE = re.compile(rf"(?:{WRITTEN_ERA_YEAR}|\d{{4}})(?:年度|年)?(?:以来|以降|[〜~～]\s*$|(?:から|より)(?=[^。？?]{{0,12}}"
                    r"(?:累計|通算|累積|合計|総数|トータル|今まで|これまで|現在まで|何人(?:が)?参加|参加(?:した|している)))|"
                    r"に(?:始ま|創設|開始|スタート))|"
                    # … or the year it began: no year whose figures are asked ("whether JET really started in 1987")
                    r"(?<![a-z])(?:since|(?:start(?:ed|s)?|began|begun|founded|launched|established) in) (?:fy ?)?\d{4}(?![0-9])",
                    re.IGNORECASE)
# 「提出締切はいつ」, 「いつまでに提出」, "the deadline": a day asked for, which an answer may not give
DATE_ASKED = re.compile(r"何月何日|何日まで|何日締|締切日|期限日|提出期限|(?:締切|締め切り|締切り|〆切)[^。？?]{0,4}いつ|"
                        r"いつまでに(?:提出|要望|申請|回答|応募|出)|(?<![a-z])(?:what date|which date|by when|deadlines?)(?![a-z])")
# 「第4期教育振興基本計画の計画期間は？」, 「学習指導要領は何年に告示された？」: a plan's period, a revision or an issue,
# which an answer giving the day of a decision does not give
PERIOD_ASKED = re.compile(r"(?:計画|方針)(?:の)?期間|何年(?:度)?から何年(?:度)?|(?:何年|いつ)(?:に|ごろ|頃)?(?:告示|改訂|改定)|"
                          r"何年(?:度)?版|"
                          r"(?:告示|改訂|改定)(?:日|年|時期|版)?(?:は|って)?(?:いつ|何年)|"
                          r"(?<![a-z])(?:(?:plan|policy)(?:'s)? (?:period|term)|what (?:period|years) does|"
                          r"(?:when|what year) (?:was|were) (?:it|they|the [a-z ]+) revised)(?![a-z])",
                          re.IGNORECASE)
_PERIOD_GIVEN = re.compile(r"\d+年(?:度)?(?:から|〜|～)|年間|(?<![a-z])(?:from \d{4}|\d{4} ?[-–] ?\d{4}|revised)(?![a-z])",
                           re.IGNORECASE)
# いつ / when about a topic (「いつ出た？」 after the manual): a date or at least a year must be in the answer
# (not いつも / いつでも / いつか, not "when" inside a clause: "What do we do when…", "When we hire an ALT, who pays?")
WHEN_ASKED = re.compile(r"いつ(?!も|でも|か(?!ら)|まで|頃まで)|何年(?:度)?から(?=[^。？?]{0,6}(?:始ま|開始|スタート|導入|実施))|^(?:and |so |but )?when(?![a-z])(?![^,?]*,)|"
                        # 「東京オリンピックって何年に開催されたんでしたっけ」: the year something happened
                        r"何年に(?=[^。？?]{0,4}(?:開催|行われ|あっ|始ま|でき|作られ|公表|発表|決定))|"
                        r"(?:発行|公表|作成|刊行)(?:日|年月日|時期)|"  # 「JET活用マニュアルの発行日は？」
                        r"(?<![a-z])(?<!up )(?<!to )(?<!up-to-)(?:publication |release |issue )?date(?= ?(?:\?|$))",  # "casebook date?"
                        re.IGNORECASE)
YEAR_GIVEN = re.compile(r"\d+年|(?<!\d)\d{4}(?!\d)")
DATE_GIVEN = re.compile(r"\d+月\d+日|\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|"
                         r"november|december)", re.IGNORECASE)


# "share" the noun ("what share are new?", "r1 alt share"), not the verb ("Can we share the casebook?", "to share it")
SHARE_NOUN = (r"(?<!to )(?<!can )(?<!could )(?<!should )(?<!would )(?<!we )(?<!they )(?<!you )(?<!be )(?<!please )"
              r"(?<![a-z])share(?![a-z])(?! (?:the|it|this|that|them|with|one|an?|our|its|their|my|info|information)\b)")
# a rate or share asked (「ALTの離職率は？」, "alt turnover rate 2023", "share of alts who renew"): one the figures
# compute is answered before this is read (「新規の割合は？」); not 効率, 確率 or "share the casebook"
RATE_ASKED = re.compile(r"(?<![効確能])率(?!先)|割合|何割|パーセント|[%％]|(?<![a-z])(?:rates?|percent(?:age)?s?|"
                        r"proportion)(?![a-z])|" + SHARE_NOUN)
_RATE_GIVEN = re.compile(r"\d\s*(?:%|％|パーセント|割)|percent")
# … of counts the answer gives two or more of (a share of them may be computed by the reader: 「ALTのうちCIRの割合は？」,
# "what share of the cumulative total came in 2023?"), unless it is a rate no count gives (turnover, renewal, a burden)
_COUNT_GIVEN = re.compile(r"\d[\d,]*\s*(?:人|事例|件|か国|people|cases|countries|participants)")
_NO_COUNT_GIVES = re.compile(r"離職|定着|更新|再任|負担|措置|交付税|経費|費用|(?<![a-z])(?:turnover|attrition|renew|retention|"
                             r"burden|cost|fund|cover|budget)")
# … asked beside a count the answer gives ("the grand total since 1987, and what share came in 2023?")
_COUNT_BESIDE = re.compile(r"何人|人数|累計|合計|総数|(?<![a-z])(?:how many|headcount|grand total|number of)(?![a-z])")


def rate_missing(text: str, answer: str) -> bool:
    """A rate or share asked (``text``: the question as read) that ``answer`` does not give: not beside a count
    asked, nor of two or more counts the answer gives (unless no count gives that rate: turnover, renewal, a burden)."""
    counts = len(_COUNT_GIVEN.findall(answer)) >= 2 and _NO_COUNT_GIVES.search(text) is None
    return RATE_ASKED.search(text) is not None and _RATE_GIVEN.search(answer) is None \
        and _COUNT_BESIDE.search(text) is None and not counts


def date_missing(text: str, own: str, answer: str) -> bool:
    """A date asked (``text``: the question as read; ``own``: its own words) that ``answer`` does not give:
    何月何日 / 提出期限 wants a day; いつ / when about a topic (「いつ出た？」 after the manual) a day or a year."""
    when = WHEN_ASKED.search(own)
    return bool(DATE_ASKED.search(text) or when) and not DATE_GIVEN.search(answer) \
        and not (when and YEAR_GIVEN.search(answer))


def period_missing(text: str, answer: str) -> bool:
    """A plan's period, a revision or an issue asked (``text``) that ``answer`` does not give."""
    return PERIOD_ASKED.search(text) is not None and _PERIOD_GIVEN.search(answer) is None


# an attachment by its number (参考資料5, 別添6, "attachment 6", "reference material 5"); the notice numbers its own
_ATTACHMENT = re.compile(r"(?:参考資料|別添資料|別添|添付資料|別紙)\s*(?:no\.?|第)?\s*(\d{1,2})(?![\d枚頁部通件]|ページ)|(?<![a-z])(?:"
                         r"attachment|reference material|annex|appendix|enclosure)\s*(?:no\.?|#)?\s*(\d{1,2})(?!\d| ?(?:pages?|sheets?|"
                         r"copies))", re.IGNORECASE)
_HELD_ATTACHMENT = re.compile(r"参考資料(\d{1,2})")


def attachment_missing(text: str, stated: Callable[[], Iterable[str]], message: str = "") -> tuple[str, str] | None:
    """An attachment asked for by a number that none of the ``stated`` texts (the facts, read only then) gives,
    and the numbers they do give (「参考資料5には何が？」: ("5", "1〜4")); ``None`` if every number asked is held.
    The question ``text`` naming none, the numbers of the whole ``message`` count (「参考資料5はありますか？中身は？」)."""
    asked = {int(a or b) for a, b in _ATTACHMENT.findall(text)} or {
        int(a or b) for a, b in _ATTACHMENT.findall(clean(message))}
    if not asked:
        return None
    held = sorted({int(n) for t in stated() for n in _HELD_ATTACHMENT.findall(t)})
    missing = sorted(asked - set(held))
    if not missing or not held:
        return None
    span = f"{held[0]}〜{held[-1]}" if held == list(range(held[0], held[-1] + 1)) else "・".join(map(str, held))
    return str(missing[0]), span


# a numbered edition of a plan (第5期教育振興基本計画, 「第5期は？」, "the 5th Basic Plan"): the notice cites one edition
_EDITION = re.compile(r"第\s*(\d{1,2})\s*期(?:の)?([^。？?\s]{0,12}?計画)?|(?<![a-z])(\d{1,2})(?:st|nd|rd|th)\s+(basic plan)|"
                      r"(?<![a-z])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\s+(basic plan)",
                      re.IGNORECASE)
_HELD_EDITION = re.compile(r"第(\d{1,2})期([^\s、。（(「」,]{0,12}?計画)")
_HELD_EDITION_EN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th) (Basic Plan[^(,]*?)\s*[(,]")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _ordinal(number: int) -> str:
    return f"{number}{'th' if 10 <= number % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def edition_missing(message: str, reading: Callable[[], str], stated: Callable[[], Iterable[tuple[str, str]]]
                    ) -> tuple[str, str, str, str] | None:
    """An edition of the plan the ``stated`` texts (Japanese, English) cite that they do not cite, asked in
    ``message``: the edition asked and the one cited, in Japanese and in English (「第5期教育振興基本計画では…」:
    第5期教育振興基本計画, 第4期教育振興基本計画, 5th Basic Plan…, 4th Basic Plan…); ``None`` otherwise. A plan of
    another name (第6期科学技術基本計画) is not that plan; an edition alone (「第5期は？」, 「第3期の計画」) is, when the
    question as read with the conversation, or the answer it found (``reading``), names it."""
    found = _EDITION.findall(clean(message))
    if not found:
        return None
    texts = list(stated())
    held = sorted({(int(n), name) for ja, _ in texts for n, name in _HELD_EDITION.findall(ja)})
    asked = {int(m[0] or m[2] or _ORDINALS.index(m[4].lower()) + 1) for m in found}
    if not held or asked & {n for n, _ in held}:
        return None
    (number, name), wanted = held[0], min(asked)
    names = {m[1] for m in found if m[1] and m[1] != "計画"}
    if any(n != "計画" and n.removesuffix("計画") not in name for n in names) or (
            not names and not any(m[3] or m[5] for m in found) and name not in clean(reading())):
        return None
    english = next((m for _, en in texts for m in _HELD_EDITION_EN.findall(en)), "")
    return (f"第{wanted}期{name}", f"第{number}期{name}",
            f"{_ordinal(wanted)} {english}" if english else f"第{wanted}期{name}",
            f"{_ordinal(number)} {english}" if english else f"第{number}期{name}")


# a school level a head count is narrowed to (「中学校のALTは何人？」): the figures are by year and role only
_SCHOOL_LEVEL = re.compile(r"小学校|小学|中学校|中学|高等学校|高校|特別支援学校|(?<![a-z])(?:elementary|primary|junior high|"
                           r"senior high|high) schools?(?![a-z])", re.IGNORECASE)


def school_level_counted(text: str) -> str | None:
    """The school level a head count is asked for (「R5 ALT 中学校だけの人数」: 中学校), or None."""
    found = _SCHOOL_LEVEL.search(text)
    counted = FIGURE.search(text) or RATES.search(text)  # (「高校に配置されているALTの割合は？」: a share of them)
    return found.group(0) if found and counted and not ASKS_HOW.search(text) else None


# a prefecture or a large city a count is narrowed to (「東京都のCIRは何人？」, "How many CIRs work in Tokyo?"): the figures
# are national (「都道府県別」 too; not a casebook town's prefecture: its case is offered, :mod:`bot.core.place_asked`)
_PREFECTURES_EN = ("hokkaido|aomori|iwate|miyagi|akita|yamagata|fukushima|ibaraki|tochigi|gunma|saitama|chiba|tokyo|"
                   "kanagawa|ishikawa|fukui|yamanashi|nagano|gifu|shizuoka|aichi|mie|shiga|kyoto|osaka|hyogo|nara|"
                   "wakayama|tottori|shimane|okayama|hiroshima|yamaguchi|tokushima|kagawa|ehime|kochi|fukuoka|saga|"
                   "nagasaki|kumamoto|oita|miyazaki|kagoshima|okinawa|yokohama|sapporo|kobe|nagoya|sendai|kawasaki")
PLACE = re.compile(r"(?:北海道|東京都?|大阪府?|京都府|(?<![都道府])(?<!新潟)(?<!富山)(?!新潟|富山)[\u4e00-\u9fff]{2,3}県(?!庁|内の事例))"
                   r"(?!オリンピック|五輪|パラ|大会|[ ]?20)|"  # (not the Tokyo Olympics)
                   rf"(?<![a-z])(?:{_PREFECTURES_EN})(?: prefecture| city)?(?![a-z])(?! (?:olympic|paralympic|games|20\d\d))")


def place_counted(text: str) -> str | None:
    """The prefecture or city a count is asked for (「東京都のCIRは何人？」: 東京都; "from Hokkaido": hokkaido), or None."""
    found = PLACE.search(text)
    counted = FIGURE.search(text) or RATES.search(text)
    return found.group(0) if found and counted and not ASKS_HOW.search(text) else None
