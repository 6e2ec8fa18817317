"""Fixed wording the bot uses when it is not quoting an intent (help, fallback, greeting)."""
from __future__ import annotations

from bot.core.types import Language

HELP = {
    "ja": "JETプログラムの通知（ALT・CIR・SEAの活用、地方財政措置、配置要望調査、JET-ALT活動事例集、"
          "問い合わせ先）についてお答えします。質問を文章で送ってください。例:",
    "en": "I answer questions about the JET Programme notice (ALT, CIR and SEA, local finance measures, "
          "the placement request survey, the JET-ALT casebook, contact points). Type a question, for example:",
}
GREETING = {
    "ja": "友だち追加ありがとうございます。JETプログラムの活用に関する通知について、ご質問にお答えします。"
          "下のボタンから選ぶか、質問を入力してください。",
    "en": "Thank you for adding me. I answer questions about the JET Programme notice. "
          "Pick a topic below or type your question.",
}
GO_AHEAD = {  # 「もう一点よろしいでしょうか」: a question announced in a conversation
    "ja": "はい、どうぞ。ご質問をお書きください。",
    "en": "Sure, go ahead and ask.",
}
MENU_HINT = {  # added to the greeting when the YAML has a menu (the LINE rich menu shows it)
    "ja": "よく聞かれる話題は下のボタンから選べます（1対1のトークでは画面下のメニューからも選べます）。",
    "en": "Pick a frequent topic from the buttons below (in a one-to-one chat, also from the menu at the "
          "bottom of the screen).",
}
FALLBACK = {
    "ja": "申し訳ありません。このご質問には、通知の内容からはお答えできません。",
    "en": "Sorry, I can't answer that from the notice.",
}
FALLBACK_CONTACT = {
    "ja": "詳しくは次の窓口にお問い合わせください。",
    "en": "Please ask this office:",
}
DID_YOU_MEAN = {"ja": "もしかして:", "en": "Did you mean:"}
UNKNOWN_ACTION = {
    "ja": "申し訳ありません。このボタンは現在使えません。ご質問は文字で送るか、下の話題から選んでください。",
    "en": "Sorry, that button no longer works. Please type your question or pick a topic below.",
}
UNSURE = {
    "ja": "ご質問の内容をはっきりとは特定できませんでした。次のどれかについてのご質問でしょうか。",
    "en": "I'm not sure what you are asking. Is it about one of these?",
}
OTHER_ASK = {  # two things asked in one message: the one not answered, offered as the first button
    "ja": "もう一つのご質問（{label}）は、下のボタンからご覧ください。",
    "en": "For your other question ({label}), see the button below.",
}
MORE = {  # 「ほかには？」 after an answer: what else there is, as choices (not the same answer again)
    "ja": "この話題では、ほかに次の内容についてお答えできます（選ぶと表示します）。",
    "en": "On this topic I can also tell you about these (pick one):",
}
UNSURE_END = {
    "ja": "当てはまるものを選ぶか、言葉を変えてもう一度お尋ねください。",
    "en": "Pick one, or ask again in other words.",
}
GAP = {
    "year": {"ja": "{year}の数字や情報は、通知にもこのボットの資料にもありません。",
             "en": "Figures or facts for {year} are not in the notice or in this bot's sources."},
    "ranking": {"ja": "ランキングや順位（どこが一番多いかなど）は、通知にもこのボットの資料にもありません。",
                "en": "Rankings (which has the most, and so on) are not in the notice or in this bot's sources."},
    "date": {"ja": "お尋ねの日付（期限・日程）は、通知にもこのボットの資料にも書かれていません。",
             "en": "The date you ask for (deadline or schedule) is not given in the notice or in this bot's sources."},
    "amount": {"ja": "お尋ねの金額は、通知にもこのボットの資料にも書かれていません。",
               "en": "The amount you ask about is not given in the notice or in this bot's sources."},
    "heads": {"ja": "お尋ねの人数は、通知にもこのボットの資料にも書かれていません（人数は、年度・職種ごとの全国の数だけが書かれています）。",
              "en": "The number of people you ask about is not given in the notice or in this bot's sources (head counts are given nationally, by year and role, only)."},
    "pages": {"ja": "ページ数やページ番号は、通知にもこのボットの資料にも書かれていません。",
              "en": "Page counts and page numbers are not given in the notice or in this bot's sources."},
    "date_of": {"ja": "{thing}の日付（公表日・作成日など）は、通知にもこのボットの資料にも書かれていません。",
                "en": "No date (of publication or of writing) is given for the {thing} in the notice or in this bot's sources."},
    "detail": {"ja": "{thing}の「{detail}」についての数字や情報は、通知にもこのボットの資料にもありません（ほかの職種・部署の分だけが書かれています）。",
               "en": "Figures or facts on \"{detail}\" for {thing} are not in the notice or in this bot's sources (they are given for the others only)."},
    "field": {"ja": "{thing}の{detail}は、通知にもこのボットの資料にも載っていません。通知にある連絡先は下のとおりです。",
              "en": "The notice and this bot's sources give no {detail} for {thing}; the contact details they give are below."},
    "count": {"ja": "{detail}は、通知にもこのボットの資料にも書かれていません。",
              "en": "{detail} is not given in the notice or in this bot's sources."},
    "attachment": {"ja": "参考資料{thing}は、通知に別添されていません（別添の参考資料は{detail}です）。",
                   "en": "The notice has no reference material {thing} (its attachments are reference materials {detail})."},
    "edition": {"ja": "{thing}は、通知にもこのボットの資料にもありません（通知が引いているのは{detail}です）。",
                "en": "The {thing} is not in the notice or in this bot's sources (the notice cites the {detail})."},
    "breakdown": {"ja": "{thing}など学校の種類ごとの人数は、通知にもこのボットの資料にもありません（人数は年度ごと・職種ごとに書かれています）。",
                  "en": "Numbers by school level ({thing}) are not in the notice or in this bot's sources (the figures are given by year and role)."},
    "place": {"ja": "{thing}など地域ごとの数は、通知にもこのボットの資料にもありません（人数は全国の数が年度ごと・職種ごとに書かれています）。",
              "en": "Numbers by place ({thing}) are not in the notice or in this bot's sources (the figures are national, "
                    "by year and role)."},
    "cited": {"ja": "{thing}が{detail}について何と書いているかは、通知にもこのボットの資料にも載っていません。通知がこの文書を引いているのは"
                    "次の点です。",
              "en": "Anything the {thing} may say about {detail} is not in the notice or in this bot's sources. The "
                    "notice cites it for this:"},
    "act": {"ja": "申し訳ありませんが、このボットは電話の取り次ぎや、書類の送付・提出・申し込みなどを代わりに行うことはできません。"
                  "通知とその資料に書かれた内容をお答えします。",
            "en": "Sorry, this bot cannot act for you: it cannot put a call through, send or submit documents, or apply on "
                  "your behalf. It answers what the notice and its sources say."},
    "total": {"ja": "{thing}の新規参加者全体の人数は、通知にもこのボットの資料にも書かれていません。新規の人数は、職種別に{detail}と"
                    "公表されています（SEAの新規の人数は示されていません。出典は下記のとおりです）。",
              "en": "The total of new participants in {thing} is not given in the notice or in this bot's sources. New "
                    "participants are published by role: {detail} (none is given for SEAs; the source is below)."},
    "case": {"ja": "事例集に{thing}の事例が載っているかどうかは、通知にもこのボットの資料にも書かれていません。資料で内容が紹介されているのは"
                   "{detail}の事例（①学校における活動）だけです。ほかの事例は事例集の全体版でご確認ください。",
             "en": "Whether the casebook has a case on {thing} is not given in the notice or in this bot's sources. The "
                   "sources describe only the {detail} cases (category 1, school activities); see the full casebook for "
                   "the others."},
    "period": {"ja": "お尋ねの期間（何年から何年までか）や、版・改訂・告示の時期は、通知にもこのボットの資料にも書かれていません。",
               "en": "The period you ask for (which years it covers), or its edition, revision or issue date, is not given "
                     "in the notice or in this bot's sources."},
    "rate": {"ja": "お尋ねの率や割合は、通知にもこのボットの資料にもありません（資料にある数字は年度ごと・職種ごとの人数などです）。",
             "en": "The rate or share you ask for is not in the notice or in this bot's sources (the figures they give "
                   "are head counts by year and role, and the like)."},
    "worth": {"ja": "JETプログラムがよい制度かどうか、続けるべきかといった評価や意見は、このボットからはお答えできません。通知の前文には"
                       "次のようにあります。",
              "en": "Whether the JET Programme is good or should go on is a judgement this bot does not make. The notice's "
                    "opening says:"},
    "opinion": {"ja": "どれを選ぶべきかといった判断やおすすめ、個人の意見や評価は、通知にもこのボットの資料にもありません。",
                "en": "The notice and this bot's sources give no opinions: neither which option to choose nor what "
                      "anyone personally thinks."},
}
FIELD_NOTE = {"ja": "{thing}の{detail}は、通知にもこのボットの資料にも載っていません。",  # before the card that answers the rest
              "en": "The notice and this bot's sources give no {detail} for {thing}."}
NEXT_YEAR = {"ja": "来年度（{year}）", "en": "next year ({year})"}
YEAR_LACKS = {"ja": "{year}の{things}の人数は、通知にもこのボットの資料にもありません（{year}は参加者全体の人数だけが分かります）。",
              "en": "Figures for {things} in {year} are not in the notice or in this bot's sources ({year} is given as a total "
                    "only)."}
HELD_YEARS = {"ja": "資料にある人数は{years}のものです。", "en": "The figures held are for {years}."}
HELD_TOPIC_YEARS = {"ja": "資料にある「{topic}」の情報は{years}のものです。",
                    "en": "What the sources hold on \"{topic}\" is for {years}."}
RELATED = {"ja": "関連する内容は次のとおりです（選ぶと表示します）。", "en": "Related topics you can pick:"}
LATEST = {
    "ja": "資料にある最新の数字は{year}のものです。それより新しい数字は、通知にもこのボットの資料にもありません。",
    "en": "The newest figures held are for {year}; newer figures are not in the notice or in this bot's sources.",
}
ROUTED = {"ja": "目安として、{topic}のことは{office}に聞くとよいでしょう（JETプログラム公式サイトの3省の役割による案内で、通知に書かれた振り分けではありません）。",
          "en": "As a guide, ask {office} about {topic} (from the three ministries' roles on the JET Programme website; "
                "the notice itself does not route topics)."}
UNDERSTOOD = {"ja": "「{wrong}」を「{right}」として回答します。", "en": "Reading \"{wrong}\" as \"{right}\"."}
NOT_TEXT = {
    "ja": "ありがとうございます。恐れ入りますが、ご質問は文字で送ってください。",
    "en": "Thank you! Please send your question as text.",
}


def text(table: dict[str, str], language: Language) -> str:
    """The message in ``language``."""
    return table.get(language, table["ja"])
