"""Deterministic synthetic knowledge in jetbot's real YAML format, and a question mix over it.

Intents are municipal-FAQ questions built as *topic × action × aspect*
("住民票" × "再発行" × "手数料": the fee for reissuing a resident record), so
the examples of one intent are paraphrases of each other and different
intents share words (every 住民票 intent shares 住民票, every fee intent
shares 手数料/料金/費用…). 50 topics × 12 actions × 18 aspects = 10,800
possible intents; ``generate(n, seed)`` takes the first ``n`` of a seeded
shuffle. Each intent has 7 Japanese + 3 English examples, a Japanese answer
of 250-450 characters and an English answer, a contact, a link and up to two
follow-ups, as an admin would write them.

Questions (``question_mix``) come in four kinds:

- ``in_scope``: an example exactly as written;
- ``paraphrased``: built from templates the examples never use, with other
  surface words for the aspect;
- ``typo``: an example with one or two character slips;
- ``out_of_scope``: things a municipal bot does not know (weather, sport,
  recipes…), in both languages.

Usage: ``python -m benchmarks.generate --n 1000 --out /tmp/kb1000``.
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

# (key, Japanese, English, department key, Japanese variants used by people)
TOPICS: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("juminhyo", "住民票", "resident record", "shimin", ("住民票の写し", "じゅうみんひょう")),
    ("koseki", "戸籍謄本", "family register", "shimin", ("戸籍", "こせきとうほん")),
    ("inkan", "印鑑登録", "seal registration", "shimin", ("印鑑証明", "はんこの登録")),
    ("mynumber", "マイナンバーカード", "My Number card", "shimin", ("マイナカード", "個人番号カード")),
    ("tennyu", "転入届", "moving-in notice", "shimin", ("引っ越してきたときの届け", "転入")),
    ("tenshutsu", "転出届", "moving-out notice", "shimin", ("引っ越すときの届け", "転出")),
    ("konin", "婚姻届", "marriage registration", "shimin", ("結婚の届け", "婚姻")),
    ("shussei", "出生届", "birth registration", "shimin", ("赤ちゃんの届け", "出生")),
    ("shibou", "死亡届", "death registration", "shimin", ("死亡の届出", "しぼうとどけ")),
    ("passport", "パスポート", "passport", "shimin", ("旅券", "ぱすぽーと")),
    ("kokuho", "国民健康保険", "national health insurance", "hoken", ("国保", "こくほ")),
    ("nenkin", "国民年金", "national pension", "hoken", ("年金", "ねんきん")),
    ("koki", "後期高齢者医療", "elderly medical care", "hoken", ("後期高齢者医療制度", "長寿医療")),
    ("kaigo", "介護保険", "long-term care insurance", "fukushi", ("介護認定", "かいごほけん")),
    ("jido_teate", "児童手当", "child allowance", "kodomo", ("子ども手当", "じどうてあて")),
    ("hoikuen", "保育園", "nursery school", "kodomo", ("保育所", "ほいくえん")),
    ("gakudo", "学童保育", "after-school childcare", "kodomo", ("放課後児童クラブ", "学童")),
    ("ninpu", "妊婦健診", "prenatal checkup", "kenko", ("妊婦健康診査", "母子手帳")),
    ("yobou", "予防接種", "vaccination", "kenko", ("ワクチン接種", "よぼうせっしゅ")),
    ("tokutei", "特定健診", "health checkup", "kenko", ("特定健康診査", "健康診断")),
    ("gan", "がん検診", "cancer screening", "kenko", ("ガン検診", "がんけんしん")),
    ("sodai", "粗大ごみ", "oversized garbage", "kankyo", ("粗大ゴミ", "そだいごみ")),
    ("shigen", "資源ごみ", "recyclables", "kankyo", ("リサイクルごみ", "資源物")),
    ("katei", "家庭ごみ", "household waste", "kankyo", ("燃えるごみ", "ごみの出し方")),
    ("inu", "犬の登録", "dog registration", "kankyo", ("狂犬病予防注射", "飼い犬の登録")),
    ("juminzei", "住民税", "resident tax", "zeimu", ("市県民税", "じゅうみんぜい")),
    ("kotei", "固定資産税", "property tax", "zeimu", ("固定資産", "家屋の税金")),
    ("keiji", "軽自動車税", "light vehicle tax", "zeimu", ("バイクの税金", "軽自動車")),
    ("furusato", "ふるさと納税", "hometown tax donation", "zeimu", ("ふるさと寄附", "寄附金")),
    ("nouzei", "納税証明書", "tax payment certificate", "zeimu", ("納税証明", "税の証明")),
    ("shotoku", "所得証明書", "income certificate", "zeimu", ("課税証明書", "所得証明")),
    ("shiei", "市営住宅", "municipal housing", "kenchiku", ("市営住宅の入居", "公営住宅")),
    ("kenchiku", "建築確認", "building permit", "kenchiku", ("建築確認申請", "家の建築")),
    ("akiya", "空き家", "vacant house", "kenchiku", ("空き家バンク", "あきや")),
    ("suido", "水道", "water supply", "suido", ("水道の使用", "上水道")),
    ("gesui", "下水道", "sewerage", "suido", ("下水道の使用", "排水設備")),
    ("doro", "道路占用", "road occupancy", "doboku", ("道路の使用", "道路占用許可")),
    ("churin", "駐輪場", "bicycle parking", "doboku", ("自転車置き場", "駐輪")),
    ("koen", "公園", "park facility", "doboku", ("公園の利用", "運動公園")),
    ("hinanjo", "避難所", "evacuation shelter", "bousai", ("避難場所", "ひなんじょ")),
    ("bousai_musen", "防災無線", "disaster radio", "bousai", ("防災行政無線", "防災放送")),
    ("hazard", "ハザードマップ", "hazard map", "bousai", ("防災マップ", "洪水ハザードマップ")),
    ("shougai", "障害者手帳", "disability certificate", "fukushi", ("身体障害者手帳", "療育手帳")),
    ("seiho", "生活保護", "public assistance", "fukushi", ("生活保護の申請", "せいかつほご")),
    ("hitorioya", "ひとり親支援", "single-parent support", "kodomo", ("児童扶養手当", "母子家庭の支援")),
    ("shogakko", "小学校", "elementary school", "kyoiku", ("小学校の入学", "就学")),
    ("shugaku", "就学援助", "school expense aid", "kyoiku", ("就学援助制度", "学用品の援助")),
    ("toshokan", "図書館", "library", "kyoiku", ("市立図書館", "としょかん")),
    ("kominkan", "公民館", "community center", "kyoiku", ("公民館の利用", "地区センター")),
    ("senkyo", "選挙", "election", "senkyo", ("期日前投票", "投票")),
]

# (key, Japanese noun, English verb, English -ing form)
ACTIONS: list[tuple[str, str, str, str]] = [
    ("shinsei", "申請", "apply for", "applying for"),
    ("henko", "変更", "change", "changing"),
    ("torikeshi", "取り消し", "cancel", "cancelling"),
    ("saihakko", "再発行", "reissue", "reissuing"),
    ("koshin", "更新", "renew", "renewing"),
    ("todokede", "届出", "report", "reporting"),
    ("yoyaku", "予約", "book", "booking"),
    ("shiharai", "支払い", "pay for", "paying for"),
    ("soudan", "相談", "ask about", "asking about"),
    ("yuso", "郵送", "send by post", "sending by post"),
    ("uketori", "受け取り", "collect", "collecting"),
    ("teishi", "停止", "stop", "stopping"),
]

# (key, Japanese surface variants, English variants, answer sentence ja, answer sentence en)
ASPECTS: list[tuple[str, tuple[str, ...], tuple[str, ...], str, str]] = [
    ("fee", ("手数料", "料金", "費用"), ("fee", "cost", "charge"),
     "手数料は1件につき{yen}円で、窓口では現金のほかキャッシュレス決済も利用できます。",
     "The fee is {yen} yen per case; cashless payment is accepted at the counter."),
    ("documents", ("必要書類", "必要なもの", "持ち物"), ("required documents", "documents needed", "things to bring"),
     "必要なものは申請書、本人確認書類、印鑑（署名でも可）で、場合により{doc}が必要です。",
     "Bring the application form, proof of identity and a seal (a signature is fine), and in some cases {doc_en}."),
    ("hours", ("受付時間", "受付日時", "開庁時間"), ("opening hours", "office hours", "reception hours"),
     "受付は平日の午前8時30分から午後5時15分までで、毎月第{nth}土曜日の午前中も開いています。",
     "We are open on weekdays from 8:30 to 17:15, and on the morning of the {nth_en} Saturday of each month."),
    ("place", ("窓口", "受付場所", "担当窓口"), ("counter", "office", "where to go"),
     "手続きは市役所本庁舎{floor}階の担当窓口のほか、各支所でも受け付けています。",
     "You can do this at the counter on floor {floor} of the main city hall or at any branch office."),
    ("online", ("オンライン申請", "電子申請", "ネット手続き"), ("online application", "online procedure", "internet application"),
     "マイナンバーカードをお持ちの方は、電子申請サービスから24時間手続きできます。",
     "If you have a My Number card, you can apply online at any time through the e-application service."),
    ("deadline", ("期限", "締め切り", "期日"), ("deadline", "due date", "time limit"),
     "手続きの期限は事由が発生した日から{days}日以内です。期限を過ぎた場合も受け付けますが、理由書が必要です。",
     "The deadline is {days} days from the event; late requests are accepted with a written reason."),
    ("proxy", ("代理人", "代理の手続き", "委任状"), ("proxy", "representative", "letter of attorney"),
     "代理人が手続きする場合は、本人が記入した委任状と代理人の本人確認書類をお持ちください。",
     "A proxy needs a letter of attorney filled in by you and their own proof of identity."),
    ("eligibility", ("対象者", "対象となる人", "条件"), ("eligibility", "who is eligible", "conditions"),
     "対象は市内に住民登録がある方で、所得などの条件を満たす必要があります。",
     "It is for people registered as residents of the city who meet the income and other conditions."),
    ("form", ("申請書", "様式", "届出書"), ("application form", "form", "paperwork"),
     "申請書は窓口で配布しているほか、市ホームページからダウンロードできます。",
     "Forms are available at the counter and can be downloaded from the city website."),
    ("duration", ("処理期間", "所要日数", "かかる日数"), ("processing time", "how long it takes", "waiting time"),
     "受付から完了までおおむね{days}日かかります。混雑状況により前後することがあります。",
     "It takes about {days} days from application to completion, depending on how busy we are."),
    ("identity", ("本人確認書類", "身分証明書", "身分証"), ("proof of identity", "ID", "identification"),
     "本人確認には運転免許証やマイナンバーカードなど顔写真付きの書類を1点お持ちください。",
     "For identification bring one photo ID such as a driving licence or a My Number card."),
    ("payment", ("支払方法", "納付方法", "払い方"), ("payment method", "how to pay", "ways to pay"),
     "お支払いは納付書による金融機関やコンビニでの支払い、口座振替、スマートフォン決済が利用できます。",
     "You can pay at banks or convenience stores with the payment slip, by direct debit or with a smartphone app."),
    ("weekend", ("休日対応", "土日の受付", "休日窓口"), ("weekend service", "Saturday opening", "holiday service"),
     "土日祝日は休日窓口で一部の手続きのみ受け付けています。事前予約をおすすめします。",
     "On weekends and holidays only some procedures are handled at the holiday counter; booking is recommended."),
    ("reservation", ("予約方法", "予約の取り方", "事前予約"), ("how to book", "booking method", "advance booking"),
     "予約は電話または予約サイトから、希望日の{days}日前まで受け付けています。",
     "Book by phone or on the booking site up to {days} days before the day you want."),
    ("foreign", ("外国籍の方", "外国人住民", "在留外国人"), ("foreign residents", "non-Japanese residents", "foreign nationals"),
     "外国籍の方は在留カードをお持ちください。英語・中国語・ベトナム語の通訳タブレットを用意しています。",
     "Foreign residents should bring their residence card; interpreting tablets in English, Chinese and Vietnamese are available."),
    ("contact", ("問い合わせ先", "電話番号", "連絡先"), ("contact", "phone number", "who to call"),
     "お問い合わせは担当課の直通電話で平日に受け付けています。",
     "Call the department's direct line on weekdays."),
    ("late", ("遅れた場合", "期限切れ", "延滞"), ("late", "after the deadline", "overdue"),
     "期限を過ぎた場合は延滞金がかかることがあります。早めに担当課へご相談ください。",
     "If you are late, a late charge may apply; please contact the department as soon as possible."),
    ("refund", ("還付", "返金", "払い戻し"), ("refund", "repayment", "money back"),
     "払い戻しには請求書と振込先口座の分かるものが必要で、手続きから約{days}日で振り込まれます。",
     "Refunds need a claim form and your bank details, and are paid about {days} days after the request."),
]

DEPARTMENTS: dict[str, tuple[str, str]] = {
    "shimin": ("市民課", "Citizens Division"),
    "hoken": ("保険年金課", "Insurance and Pension Division"),
    "fukushi": ("福祉課", "Welfare Division"),
    "kodomo": ("子育て支援課", "Child-rearing Support Division"),
    "kenko": ("健康推進課", "Health Promotion Division"),
    "kankyo": ("環境課", "Environment Division"),
    "zeimu": ("税務課", "Taxation Division"),
    "kenchiku": ("建築住宅課", "Building and Housing Division"),
    "suido": ("上下水道局", "Waterworks Bureau"),
    "doboku": ("道路管理課", "Road Management Division"),
    "bousai": ("危機管理課", "Crisis Management Division"),
    "kyoiku": ("教育委員会", "Board of Education"),
    "senkyo": ("選挙管理委員会", "Election Commission"),
    "soudan": ("市民相談室", "Citizens' Consultation Office"),
}

# Example templates ({t} topic, {a} action, {o} aspect). The paraphrase templates are never
# used for examples: a question built from them is new wording for the intent.
JA_EXAMPLES = [
    "{t}の{a}の{o}を教えてください",
    "{t}を{a}するときの{o}は？",
    "{t} {a} {o}",
    "{t}の{a}について{o}を知りたいです",
    "{t}を{a}したいのですが、{o}はどうなっていますか",
    "{o}について。{t}の{a}です",
    "{t}の{a}に関する{o}",
    "{t}{a}の{o}はどこで確認できますか",
]
JA_PARAPHRASES = [
    "{t}の{a}をしたいんだけど{o}ってどうなってる？",
    "{a}（{t}）の{o}について伺いたいのですが",
    "{t}を{a}する場合の{o}を確認したい",
    "{o}が気になっています、{t}の{a}で",
]
EN_EXAMPLES = [
    "What is the {o} for {ai} the {t}?",
    "{t} {a} {o}",
    "Tell me the {o} to {a} my {t}",
]
EN_PARAPHRASES = [
    "I want to {a} my {t}. What about the {o}?",
    "{o} when {ai} a {t}, please",
]
GENERIC_JA = [
    "土曜日・日曜日・祝日および年末年始（12月29日から1月3日）は取り扱っていません。",
    "月曜日と連休明けは窓口が混み合いますので、時間に余裕をもってお越しください。",
    "手続きの内容によっては、後日郵送で結果をお知らせすることがあります。",
    "郵送で手続きする場合は、返信用封筒に切手を貼って同封してください。",
    "市外にお住まいの方は、住所地の市区町村でお手続きください。",
    "記入例は窓口と市ホームページに掲載しています。",
    "本人確認ができない場合は、後日改めてお越しいただくことがあります。",
    "手話通訳や筆談が必要な方は、事前にお知らせください。",
    "制度の内容は年度ごとに見直されることがあります。最新の情報は市ホームページでご確認ください。",
    "駐車場には限りがありますので、できるだけ公共交通機関をご利用ください。",
    "内容によってはほかの課での手続きが必要になる場合があります。",
    "申請内容に不備がある場合は、担当者から電話で連絡します。",
]
GENERIC_EN = [
    "We are closed on weekends, public holidays and from 29 December to 3 January.",
    "The counters are busy on Mondays and after long weekends, so please allow extra time.",
    "Depending on the procedure, the result may be sent to you by post later.",
    "When applying by post, enclose a stamped return envelope.",
    "People living outside the city should apply to their own municipality.",
    "Filled-in samples are available at the counter and on the city website.",
    "If we cannot confirm your identity you may be asked to come back another day.",
    "Please tell us in advance if you need sign-language interpretation or written communication.",
    "The system may change every fiscal year; check the city website for the latest information.",
    "Parking is limited, so please use public transport where possible.",
]
DOCS = [("戸籍謄本", "a family register"), ("在留カード", "a residence card"), ("通帳", "a bankbook"),
        ("健康保険証", "a health insurance card"), ("母子健康手帳", "a maternal and child health handbook")]
NTH = [("1", "first"), ("2", "second"), ("4", "fourth")]

# Out-of-scope questions: nothing a city hall FAQ answers.
OOS_JA = [
    "明日の天気はどうですか", "おすすめのラーメン屋を教えて", "今日の日経平均株価は？", "サッカー日本代表の試合結果",
    "カレーの作り方を教えて", "東京から大阪まで新幹線で何分？", "面白い映画を紹介して", "恋人の誕生日プレゼントに迷っています",
    "英語の勉強方法を教えて", "猫がご飯を食べません", "スマホの電池がすぐ減る", "宝くじの当選番号",
    "富士山の高さは？", "プロ野球の順位表", "近くのコンビニはどこ", "ダイエットに良い食べ物",
    "ピアノを習いたい", "ビットコインは買い時？", "おいしいケーキ屋さん", "今夜のテレビ番組",
]
OOS_EN = [
    "What's the weather like tomorrow?", "Recommend a good sushi restaurant", "Who won the football match last night?",
    "How do I bake bread?", "What is the capital of Australia?", "Tell me a joke", "Best smartphone to buy this year",
    "How tall is Mount Fuji?", "Translate hello into French", "Is bitcoin a good investment?",
]
_OOS_X = ["ラーメン", "映画", "サッカー", "株価", "天気", "ゲーム", "アニメ", "旅行", "カフェ", "ワイン"]
_OOS_Y = ["おすすめ", "ランキング", "最新情報", "予想", "口コミ"]
# Kana that are easy to hit instead of one another (typos by ear or by flick input).
_NEAR_KANA = dict(zip("はばぱかがさざただしじつづてでとどのねをおう", "ばぱはがかざさだたじしづつでてどとねのおをうお"))

MIX = (("in_scope", 0.40), ("paraphrased", 0.25), ("typo", 0.20), ("out_of_scope", 0.15))


@dataclass(frozen=True)
class Spec:
    """One synthetic intent before it is written out."""

    id: str
    topic: int
    action: int
    aspect: int


@dataclass(frozen=True)
class Question:
    """A benchmark question: its text, its kind, and the intent it should reach (None: fallback)."""

    text: str
    kind: str
    expected: str | None


def all_specs(seed: int = 7) -> list[Spec]:
    """Every topic × action × aspect combination, in a seeded order."""
    specs = [Spec(f"{t[0]}_{a[0]}_{o[0]}", ti, ai, oi)
             for ti, t in enumerate(TOPICS) for ai, a in enumerate(ACTIONS) for oi, o in enumerate(ASPECTS)]
    random.Random(seed).shuffle(specs)
    return specs


def pick(n: int, seed: int = 7) -> list[Spec]:
    """The first ``n`` intents of the seeded order (so a smaller N is a subset of a larger one)."""
    specs = all_specs(seed)
    if n > len(specs):
        raise ValueError(f"at most {len(specs)} distinct intents can be generated")
    return specs[:n]


def _intent_rng(spec: Spec, seed: int) -> random.Random:
    """The random source of one intent's text: the same whatever N is."""
    return random.Random(f"{seed}:{spec.id}")


def _topic_word(rng: random.Random, spec: Spec, plain: float = 0.7) -> str:
    topic = TOPICS[spec.topic]
    return topic[1] if rng.random() < plain else rng.choice(topic[4])


def _fill_ja(template: str, spec: Spec, rng: random.Random, plain: float = 0.7) -> str:
    return template.format(t=_topic_word(rng, spec, plain), a=ACTIONS[spec.action][1],
                           o=rng.choice(ASPECTS[spec.aspect][1]))


def _fill_en(template: str, spec: Spec, rng: random.Random) -> str:
    action = ACTIONS[spec.action]
    text = template.format(t=TOPICS[spec.topic][2], a=action[2], ai=action[3], o=rng.choice(ASPECTS[spec.aspect][2]))
    return text[0].upper() + text[1:]


def examples(spec: Spec, rng: random.Random) -> list[str]:
    """7 Japanese and 3 English ways of asking for this intent."""
    skip = rng.randrange(len(JA_EXAMPLES))
    ja = [_fill_ja(t, spec, rng) for i, t in enumerate(JA_EXAMPLES) if i != skip]
    en = [_fill_en(t, spec, rng) for t in EN_EXAMPLES]
    return list(dict.fromkeys(ja + en))


def _answer(spec: Spec, rng: random.Random) -> tuple[str, str]:
    topic, action, aspect = TOPICS[spec.topic], ACTIONS[spec.action], ASPECTS[spec.aspect]
    values = {"yen": rng.choice([200, 300, 350, 450, 750, 1000, 1500]), "days": rng.choice([5, 7, 10, 14, 30]),
              "floor": rng.randint(1, 6)}
    doc, doc_en = rng.choice(DOCS)
    nth, nth_en = rng.choice(NTH)
    values.update(doc=doc, doc_en=doc_en, nth=nth, nth_en=nth_en)
    generic = rng.sample(range(len(GENERIC_EN)), rng.randint(2, 4))
    contact = f"dept_{topic[3]}"
    ja = (f"{topic[1]}の{action[1]}に関する{aspect[1][0]}についてご案内します。"
          + aspect[3].format(**values)
          + "".join(GENERIC_JA[i] for i in generic)
          + f"ご不明な点は{{contact:{contact}.name}}までお問い合わせください。")
    en = (f"About the {aspect[2][0]} for {action[3]} the {topic[2]}: "
          + aspect[4].format(**values) + " "
          + " ".join(GENERIC_EN[i] for i in generic)
          + f" For questions, contact {{contact:{contact}.name_en}}.")
    return ja, en


def _title(spec: Spec) -> tuple[str, str]:
    topic, action, aspect = TOPICS[spec.topic], ACTIONS[spec.action], ASPECTS[spec.aspect]
    ja = f"{topic[1]}の{action[1]}（{aspect[1][0]}）"
    if len(ja) > 20:
        ja = f"{topic[1]}{action[1]}・{aspect[1][0]}"[:20]
    en = f"{topic[2]}: {action[2]} ({aspect[2][0]})"
    return ja, en


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON escaping is valid YAML)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _block(text: str, indent: str = "      ") -> str:
    return "|-\n" + indent + text


def write_kb(root: Path, n: int, seed: int = 7) -> tuple[Path, Path]:
    """Write ``root/intents`` and ``root/knowledge`` with ``n`` intents; returns both folders."""
    specs = pick(n, seed)
    intents_dir, knowledge_dir = root / "intents", root / "knowledge"
    intents_dir.mkdir(parents=True, exist_ok=True)
    knowledge_dir.mkdir(parents=True, exist_ok=True)
    for old in list(intents_dir.glob("*.yaml")) + list(knowledge_dir.glob("*.yaml")):
        old.unlink()
    by_topic: dict[int, list[Spec]] = {}
    for spec in specs:
        by_topic.setdefault(spec.topic, []).append(spec)
    for topic_index, group in sorted(by_topic.items()):
        topic = TOPICS[topic_index]
        lines = [f"# {topic[1]}（{topic[2]}）: synthetic benchmark intents, seed {seed}.", "", "intents:"]
        ids = [s.id for s in group]
        for spec in sorted(group, key=lambda s: s.id):
            rng = _intent_rng(spec, seed)
            written = examples(spec, rng)
            title, title_en = _title(spec)
            answer, answer_en = _answer(spec, rng)
            peers = [i for i in ids if i != spec.id and i.startswith(f"{topic[0]}_{ACTIONS[spec.action][0]}_")]
            follow = sorted(rng.sample(peers, min(2, len(peers))))
            lines += [f"  - id: {spec.id}", f"    title: {_q(title)}", f"    title_en: {_q(title_en)}",
                      "    examples:"]
            lines += [f"      - {_q(e)}" for e in written]
            lines += [f"    answer: {_block(answer)}", f"    answer_en: {_block(answer_en)}",
                      f"    contacts: [dept_{topic[3]}]", f"    links: [page_{topic[3]}]"]
            if follow:
                lines.append(f"    follow_ups: [{', '.join(follow)}]")
            lines.append(f"    keywords: [{_q(topic[1])}, {_q(ASPECTS[spec.aspect][1][0])}]")
            lines.append("")
        (intents_dir / f"{topic[0]}.yaml").write_text("\n".join(lines), encoding="utf-8")
    synonym_lines = ["# Words people use for the same thing; the first is canonical.", "synonyms:"]
    for topic in TOPICS:
        others = [w for t in TOPICS if t is not topic for w in (t[1], *t[4])]
        variants = [v for v in topic[4] if "の" not in v and not any(v in w for w in others)]
        if variants:
            synonym_lines.append(f"  - [{', '.join(_q(w) for w in (topic[1], *variants))}]")
    (intents_dir / "_synonyms.yaml").write_text("\n".join(synonym_lines) + "\n", encoding="utf-8")
    _write_knowledge(knowledge_dir / "city.yaml")
    return intents_dir, knowledge_dir


def _write_knowledge(path: Path) -> None:
    lines = ["# The city's departments, their pages and where this information comes from.", "", "sources:",
             "  - id: city_site", "    title: 市ホームページ（よくある質問）", "    kind: official",
             "    url: https://www.city.example.jp/faq/", "", "contacts:"]
    topics_of: dict[str, list[str]] = {}
    for topic in TOPICS:
        topics_of.setdefault(topic[3], []).append(topic[1])
    for number, (key, (name, name_en)) in enumerate(DEPARTMENTS.items()):
        lines += [f"  - id: dept_{key}", f"    name: {_q(name)}", f"    name_en: {_q(name_en)}",
                  f"    phone: 0120-000-{number:03d}", f"    email: {key}@city.example.jp",
                  f"    topics: [{', '.join(_q(t) for t in topics_of.get(key, [name]))}]", "    source: city_site"]
        if key == "soudan":
            lines.append("    default: true")
    lines += ["", "links:"]
    for key, (name, name_en) in DEPARTMENTS.items():
        lines += [f"  - id: page_{key}", f"    title: {_q(name + 'のページ')}", f"    title_en: {_q(name_en + ' page')}",
                  f"    url: https://www.city.example.jp/{key}/", "    source: city_site"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.choice((1, 1, 2))):
        positions = [i for i, c in enumerate(chars) if not c.isspace()]
        if len(positions) < 4:
            break
        i = rng.choice(positions[1:-1])
        kind = rng.randrange(3)
        if kind == 0 and chars[i] in _NEAR_KANA:
            chars[i] = _NEAR_KANA[chars[i]]
        elif kind == 1 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            del chars[i]
    return "".join(chars)


def question_mix(n: int, count: int, seed: int = 7) -> list[Question]:
    """``count`` questions over the first ``n`` intents, mixed as :data:`MIX` says (deterministic)."""
    specs = pick(n, seed)
    rng = random.Random(f"questions:{seed}:{n}")
    kinds = [kind for kind, share in MIX for _ in range(round(share * count))][:count]
    while len(kinds) < count:
        kinds.append("in_scope")
    rng.shuffle(kinds)
    out: list[Question] = []
    for kind in kinds:
        if kind == "out_of_scope":
            roll = rng.random()
            if roll < 0.45:
                text = rng.choice(OOS_JA)
            elif roll < 0.7:
                text = rng.choice(OOS_EN)
            else:
                text = f"{rng.choice(_OOS_X)}の{rng.choice(_OOS_Y)}を教えて"
            out.append(Question(text, kind, None))
            continue
        spec = rng.choice(specs)
        written = examples(spec, _intent_rng(spec, seed))
        if kind == "in_scope":
            text = rng.choice(written)
        elif kind == "paraphrased":
            if rng.random() < 0.75:
                text = _fill_ja(rng.choice(JA_PARAPHRASES), spec, rng, plain=0.8)
            else:
                text = _fill_en(rng.choice(EN_PARAPHRASES), spec, rng)
        else:
            text = _typo(rng.choice(written[:7]), rng)
        out.append(Question(text, kind, spec.id))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of intents (at most 10,800)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder to write intents/ and knowledge/ into")
    args = parser.parse_args(argv)
    intents_dir, knowledge_dir = write_kb(args.out, args.n, args.seed)
    print(f"wrote {args.n} intents to {intents_dir} and {knowledge_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
