"""What carries no topic: polite phrasing removed before matching, words that are no content (Japanese
lemmas and English stop words), the vocabulary of polite business letters, and the parts of speech that
do carry content."""
from __future__ import annotations

import re

# Phrases that carry politeness, not meaning. Removed before matching.
POLITE = re.compile(
    "|".join([
        r"(?:を|について|に関して|のこと)?(?:教えて|おしえて)(?:ください|下さい|くださいませ|いただけますか|いただけませんか|もらえますか|ほしい|欲しい)?",
        r"(?:を|が|について)?(?:知りたい|しりたい)(?:です)?",
        r"(?:について)?(?:伺いたい|うかがいたい|お伺いしたい)(?:のですが|です)?",
        r"(?:よろしく)?お願い(?:します|いたします|致します)",
        r"(?:でしょうか|ですか|ますか|ください|下さい|のですが|んですが)",
        r"すみません|恐れ入りますが|恐縮ですが",
        # an English frame around the topic: "What does the notice say about CIRs?" asks about CIRs
        r"\b(?:what|how) (?:does|do|did) the (?:notice|document|letter) (?:say|says|state|mention) (?=about |on |regarding )",
        r"\baccording to the (?:notice|document|letter)\b,?",
        # "What is a CIR in the JET Programme?": every role is the programme's (the programme's word outweighed
        # the role's)
        r"(?<=\b(?:alt|cir|sea))s? (?:in|on|of) (?:the )?jet(?: program(?:me)?)?\b",
        # how short the answer should be ("What's a CIR, in one line?", "tl;dr"): no topic (「一言で」 below)
        # (after words of its own: "tl;dr" alone asks for the notice's summary)
        r"(?<=[a-z0-9?!.]),? ?\b(?:in (?:one|a|1) (?:line|sentence|word)|in a nutshell|in short|in brief|briefly)\b|"
        r"^tl;? ?dr:? (?=\S)",
        # who wants the answer: "my boss wants to know which office…", "my supervisor asked me to find the names…"
        r"\b(?:my|our) (?:boss|supervisor|manager|mayor|principal|director|section (?:chief|head)|team) (?:wants|would like|"
        r"needs|asked me|has asked me)(?: me)?(?: to (?:know|find(?: out)?|check|ask(?: you)?))?\b",
        # "Any examples you can share?": sharing is telling, not a share of a total (割合)
        r"\b(?:(?:that )?you (?:can|could) share|(?:can|could) you share)(?: with (?:me|us))?\b",
    ])
)
STOP_LEMMAS = frozenset(
    "する ある いる なる 為る 居る 成る 有る 教える 下さる 知る 言う いう できる 出来る 思う れる られる せる "
    "何 なに なん 方 こと 事 もの 物 よう ため 為 とき 時 際 ところ これ それ あれ この その あの どこ どれ "
    "どちら 何方 どっち こちら 此方 そちら 其方 こう そう ああ そもそも 抑 "
    "どう 様 さん 達 等 くれる もらう 貰う 頂く いただく 伺う 分かる わかる 良い いい よい 聞く 付く つく "
    # 「そこでALTについて何が書かれている？」 points back at what was just said; 「規模の点で」 is "in terms of"
    "そこ 其処 ここ 此処 あそこ 彼処 点 "
    # degree words: 「一番少ないのは？」 asks a ranking (read from the text), it names no topic of its own
    "一番 最も "
    # 「さっきの財源の話、SEAも対象？」: "the talk of a moment ago" points back, it names no topic
    "さっき 先程 話 "
    # 「本日もどうぞよろしくお願いします」: the day of the message and "please" name no topic (a year asked as 今年 is
    # read from the text)
    "本日 今日 どうぞ どうか 何卒 "
    # 「JETの運営って結局どこが…」, 「実際何人くらい」: "after all", "actually" (as "actually" in English)
    "結局 実際 "
    # 「一言で」, 「箇条書きで」: how short or in what form the answer should be (Slack), not a topic
    "一言 箇条書き 箇条書 "
    # 「何が書かれていますか」, 「何をするよう書いてありますか」: what a text says, asked of its topic (every "not held"
    # answer says 書かれていない: the verb found them); a draft asked for says 下書き, 文案
    "書く 書ける "
    # 「主査の名前の読み方は」: how a printed name is read, asked of the name (the notice prints 桒田's reading beside it)
    "読み方 振り仮名 読み仮名 "
    # humble and polite verbs of a staff member's message (と考えております, よろしいでしょうか)
    "おる 居る 申す 存じる 存ずる 御存知 御存じ 存知 考える 宜しい よろしい 致す いたす 願う 無い ない "
    # 「電話番号もう一回」: asked again, of what was just said
    "一回 一度 "
    # 「東京オリパラに触れてるのはどの項目？」: where in the notice, asked of the topic (its source names the section)
    "項目 箇所 見出し セクション "
    # the ending of a verb a synonym replaced (受け入れていますか: 導入 + ていますか, read テイ)
    "テイ てい "
    # fillers and adverbs of chat (もう始まってる？, えーと, どっから, くだ(さい) cut short): no topic (not そんなに:
    # 「そんなにいるんですか？」 reacts to the figures just given)
    "モウ もう アー エート えーと ドツ クダ トコ".split()
)
# The vocabulary of polite business letters (ご教示いただけますと幸いです, 先般拝見した, 手元にある,
# 議会の答弁で…): in a long LINE message it frames the question, it does not name its topic. Such a
# word the knowledge does not use counts little against a match (a known one still counts in full).
LETTER_LEMMAS = frozenset(
    "世話 御世話 教示 幸い 拝見 拝読 先般 先日 先ほど 手元 御座る 恐れ入る 恐縮 忙しい 拝啓 時下 益々 清栄 "
    "申し上げる 大変 予定 状況 上司 議会 答弁 議員 耳 興味 観点 参考 把握 承知 確認 検討 念 "
    "当方 当課 当町 当市 当村 当県 本日 今後 今回 先方 庁内 課内 管内 助かる 有り難い 照会 "
    # who asked the staff member and for what (市長から…まとめるよう指示を受けました)
    "市長 町長 村長 知事 首長 教育長 校長 議長 上長 指示 纏める 簡潔 枚 其々 夫々 案内 紹介".split()
)
LETTER_UNKNOWN_WEIGHT = 0.2
EN_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just let me more most my no nor not now of off
on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours please tell know want need get give show find like
could explain briefly brief kind kindly thank thanks hello hi ok okay something anything say said see
look looking help us our we'd i'd i'm it's what's where's who's how's there's that's don't doesn't
can't cannot may might must shall would've should've one ones thing things way ways really much many
well either even already still ever question questions general generally usually typically normally
exactly exact precise precisely actually basically mainly mr mrs ms dr miss sir madam govt mention mentions mentioned
isn aren wasn weren don doesn didn hasn haven hadn won wouldn shouldn couldn mustn mightn needn shan
""".split())  # the last line: the analyser reads "shouldn't" as shouldn + t
CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞", "接尾辞", "代名詞", "感動詞"})
