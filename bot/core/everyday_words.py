"""Everyday words read as the knowledge's own (「担当の人」 is the staff printed, 「新しく来た人」 the new participants,
"what do CIRs do" a role's work, 「参資3」 attachment 3), applied by :func:`bot.core.orthography.clean` to a question
already lower-cased and NFKC-normalised."""
from __future__ import annotations

import re

from bot.core.shorthand import spelled_out
from bot.core.years import years_in

_MONEYISH = re.compile(r"(?<![a-z])(?:budget|cost|amount|yen|fund|salar|pay|spend|expens)")
_SINCE_START = re.compile(r"(?<![a-z])(?:since|all[- ]time|cumulative|so far|to date|ever)(?![a-z])")
_MAIL_WORD = re.compile(r"m(?:ai|ia)l|メール|メアド|\w@\w")  # (with the slip "e-mial"; an address written)
# everyday words for the knowledge's own: 「担当の人」, 「担当って誰」 are the staff printed (担当者), "put out" a document published
# (「何時までに」 is by when: a deadline, not the hours of 「何時まで」)
_EVERYDAY = ((re.compile(r"どっから"), "どこから"),  # 「どっからおとせる？」
             (re.compile(r"(?<![a-z])push(?:ing|es|ed)?(?![a-z])"), "promoting"),  # "why is the notice pushing SEA now"
             # "What's the point of the casebook?": what it is for
             (re.compile(r"(?<![a-z])what(?:'s| is) the point of(?![a-z])"), "what is the purpose of"),
             (re.compile(r"いつ(?:から)?(?:の)?(?:配置|採用|招致)?(?:分|ぶん)(?!か)"), "何年度分"),  # 「要望調査っていつのぶん？」: which year's placements
             # 「なんで問い合わせ先に外務省も入ってるの？」, "Why is MOFA listed as a contact?": why that office takes part
             (re.compile(r"(?:なんで|なぜ|どうして)[^。？?]{0,20}?(?:(?:問い合わせ先|問合せ先|連絡先)に(文部科学省|文科省|総務省|外務省)(?:も|が)?|"
                         r"(文部科学省|文科省|総務省|外務省)(?:も|が)(?:問い合わせ先|問合せ先|連絡先)に)(?:入って|並んで|載って|含まれて)[^。？?]{0,6}|"
                         r"(文部科学省|文科省|総務省|外務省)(?:の[^。？?]{0,12})?(?:も|が)(?:問い合わせ先|問合せ先|連絡先)に"
                         r"(?:入って|並んで|載って|含まれて)[^。？?]{0,6}(?:なぜ|なんで|どうして)"),
              lambda m: f"{m.group(1) or m.group(2) or m.group(3)}はなんで関係あるの"),
             (re.compile(r"(?<![a-z])why (?:is|are) (mofa|mic|mext) (?:listed|included|named|given|there|among)[^?.]*"),
              lambda m: f"why is {m.group(1)} involved"),
             (re.compile(r"分け方|わけかた|区分け"), "分類"),  # 「事例の分け方は？」: how the cases are grouped
             # 「めーるで問い合わせたいんですが、あてさきおしえて」: the address to write to (not the notice's addressees)
             (re.compile(r"((?:メール|めーる|mail)[^。？?]{0,30}?)(?:宛先|あてさき|宛て先|送り先|送付先)"), r"\1メールアドレス"),
             # 「そのうちしんきは」: new participants in kana after 「そのうち」 (read as うち + 蜃気)
             (re.compile(r"(?<=^そのうち)しんき(?=は|って|だけ|も|[？?]|$)"), "新規"),
             # 「JETで外務省の担当は何」: what the office handles (担当 asked with 何, not who: 「担当は誰」 is the staff)
             (re.compile(r"(総務省|外務省|文部科学省|文科省|mic|mofa|mext)の担当(?:は|って)(?:何|なに|なん)(?!人|名)"), r"\1の役割は"),
             # 「ALTとはどのような職ですか」: what work it is (not 「どんな職種」, 「どんな職員」)
             (re.compile(r"(どのような|どんな|何の|なんの)職(?![種員業場歴位務])"), r"\1仕事"),
             # 「具体的には何で措置されるの？」: by what means it is funded (the local allocation tax), not why nor how much
             (re.compile(r"(?:具体的に(?:は|いうと)?[、,]?)?(?:何|なに)で(?=(?:財政)?措置|まかな|賄)"), "どういう形で"),
             # "bigger than 500?", 「500人より多い？」: a number checked against the count, which is what is given
             (re.compile(r"(?<![a-z])(?:bigger|larger|greater|higher|fewer|less|smaller|lower) than(?= ?[\d,]+)"),
              "more than"),
             (re.compile(r"(?<=[\d,]人)より(?:多い|少ない|多く|少なく)"), "を超えてる"),
             # 「ALTってどこの学校で活動してるの」: the schools a role works in (not a case's school, nor the cases)
             (re.compile(r"^(alt|cir|sea)(?:って|は)(?:どこの|どの|どんな)(?:学校|がっこう)で(?:活動|仕事|勤務)(?:して(?:い)?る|する)?|"
                         r"^(alt|cir|sea)(?:が|の)(?:活動|仕事|勤務)(?:する|している|してる)?(?:の|先)?(?:は|って)(?:どこの|どの|どんな)"
                         r"(?:学校|がっこう)"),
              lambda m: f"{m.group(1) or m.group(2)}はどの学校で働いている"),
             # 「学校関係の省」, "the ministry for schools": the education ministry (文部科学省)
             (re.compile(r"(?:学校|教育)(?:関係|担当|関連|所管)?の(?:省庁|省|役所)|(?<![a-z])the ministry (?:in charge of|for|responsible "
                         r"for|of) (?:schools|education)(?![a-z])"), lambda m: "mext" if m.group(0).isascii() else "文部科学省"),
             # 「事例集ってこれまでにもあったの？」, "Was there one like it before?": whether it is the first (as the
             # synonyms say it: 初めて would be a word the speller reads 始めて as)
             (re.compile(r"(?:これまで|今まで|いままで|以前|前)(?:に)?も?(?:あった|ありました|作られ(?:て)?(?:た|ました|いた)|"
                         r"出(?:て)?(?:た|ました))(?:の|んですか|んだ|か)?|(?<![a-z])(?:was|were) there (?:one|any|anything|another"
                         r"(?: one)?|others?|a casebook|such a casebook) (?:like (?:it|this|that) )?(?:before|earlier)(?![a-z])"),
              lambda m: "was it the first of its kind" if m.group(0).isascii() else "前にもあった"),
             # 「ほかの自治体がどう使ってるか参考になる資料」, "How do other towns use their ALTs?": the casebooks of
             # what others do (not how many municipalities take part)
             (re.compile(r"(?:ほか|他|よそ)の(?:自治体|市町村|市区町村|まち|町|市|県)(?:が|は|で|の|では)?(alt|cir|sea|jet)?(?:を)?"
                         r"(?:どう|どのように|どんなふうに|どんな風に)(?:使|活用|活かし|いかし)"
                         r"(?:[っわ]て(?:い)?る|っています|して(?:い)?る|しています|う|する)?(?:か|の)?|"
                         r"(?:ほか|他|よそ)の(?:自治体|市町村|市区町村|まち|町|市|県)の(alt|cir|sea|jet)?の?(?:活用|活動)?事例|"
                         r"(?<![a-z])how (?:do|did|have) other (?:towns|cities|municipalities|local governments|prefectures) "
                         r"(?:use|used|make use of|work with) (?:their )?(alts|cirs|seas|jet)"),
              lambda m: _casebook_of(m.group(1) or m.group(2) or m.group(3) or "")),
             # 「国際室のアドレスは？」: the one 国際室 the notice prints is MIC's (自治行政局国際室)
             # (its address only: 国際室 alone elsewhere is read as it is)
             (re.compile(r"^国際室(?=の?(?:メール|アドレス|めーる|メアド))"), "総務省国際室"),
             # 「具体的に何が交付税で措置される？」: 具体的に only stresses the question (not an amount: 「具体的な金額」)
             (re.compile(r"具体的に(?=(?:何|なに|どの|どんな)[^。？?]{4,})"), ""),
             # "When was that plan approved?": a plan or policy is adopted by the Cabinet (not the notice: no one approves it)
             (re.compile(r"^((?:and |so )?when (?:was|were) (?:that|this|it|they|the)(?: (?:plan|policy|basic plan|basic policy|"
                         r"decision|strategy|document|one))?) (?:approved|adopted|decided)(?=\s*\??$)"),
              r"\1 approved by the cabinet"),
             # 「事例集の配布先として通知が挙げてるのは…」: whom the casebook is to be made known to (周知)
             (re.compile(r"配布|配付"), lambda m: "周知" if re.search(r"事例集|通知", m.string) else m.group(0)),
             # 「JET全体だと？」 after a role's count: all the participants (not the JET-ALT casebook; not 「JET全体の予算」)
             (re.compile(r"jet(?:プログラム)?(?:の)?全体(?=(?:だと|では|なら|は|って|で)?[？?]?$)"), "参加者全体"),
             # 「柏崎しの事例」, 「立山まちの事例」: a place's suffix typed in kana
             (re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:し|まち|ちょう|むら|けん)(?=の|は|って|で|に|から|[？?\s]|$)"),
              lambda m: {"し": "市", "むら": "村", "けん": "県"}.get(m.group(0), "町")),
             (re.compile(r"担当の(?:人|ひと|方|かた)|担当(?=(?:って|は|\s+)(?:誰|だれ|どなた)(?!になり))"), "担当者"),
             (re.compile(r"(?:誰|だれ|どなた)が(?:ご)?担当(?:者)?"), "担当者は誰"),
             # 「総務省は何を担当してるんですか」: the office's role, not the staff in charge (「総務省の担当は？」)
             (re.compile(r"(?:何|なに)を(?:担当|所管)(?:して(?:い)?(?:る|ます|ん)?|する)?"), "の役割"),
             # 「総務省の仕事」, "MIC's part": the office's part in JET (not a CIR's work, nor "taking part")
             # (not 「業務時間」: the office's hours; nor 「仕事の担当者」: its staff; nor "job title")
             (re.compile(r"(総務省|外務省|文部科学省|文科省|そうむしょう|がいむしょう|もんかしょう|もんぶかがくしょう|mic|mofa|mext) ?の"
                         r"(?:仕事|しごと|業務|役目|やくめ)(?!時間|の?担当|の?たんとう)"), r"\1の役割"),
             (re.compile(r"(?<![a-z])(mic|mofa|mext)'s (?:part|job)(?![a-z]| title)"), r"\1's role"),
             # "Which part of JET is MIC responsible for?", "What is MEXT in charge of?": the office's part
             (re.compile(r"(?<![a-z])(?:what|which part)(?: of (?:jet|the programme|the program))? (?:is|are) (?:the )?"
                         r"(mic|mofa|mext) (?:responsible for|in charge of)"), r"what is \1's role"),
             # 「JETで外務省が担当してるのって何？」: the office's part, asked the other way round
             (re.compile(r"が(?:担当|所管)して(?:い)?る(?:の|こと)(?:って|は)(?=何|なに|どこ)"), "の役割は"),
             (re.compile(r"(継続|新規)組"), r"\1"),
             # "MIC in Japanese?", 「MICって日本語で何？」: the office's name (not what a CIR's Japanese is)
             (re.compile(r"(?<![a-z])(mic|mofa|mext|clair)(?:'s)? in japanese"), r"japanese name of \1"),
             (re.compile(r"(?<![a-z])(mic|mofa|mext|clair)(?:って|は)日本語で(?:何|なに|なん)"), r"\1の日本語名は"),
             # 「創設時の参加者は何人？」, "in the first year": the figures of 1987 (not the total since then)
             (re.compile(r"(?:(?:創設|発足|開始|スタート)(?:時|当時|当初|した年|の年)|初年度)(?:の|に|は)?"
                         r"(?=[^。？?]{0,8}(?:参加者|人数|何人|alt|cir))"), "昭和62年度の"),
             (re.compile(r"(how many participants(?: were there)? )in (?:the|its) (?:first|founding|opening) year"
                         r"(?![a-z])"), r"\1in 1987"),  # (not an ALT's first year)
             (re.compile(r"全国(?:の)?(?:数|総数)"), "全国の人数"),  # 「SEAの全国数」: heads nationwide (国数 is countries)
             # 「全体の参加者数は？」: all participants (全体 alone is the casebook's full version, 全体版; 「全体の人数は？」
             # after a role's count is every role's, read with the conversation)
             (re.compile(r"(?<![a-z])(?:全体|全部)(?:の|で(?:は)?)(?:参加者数|参加人数|参加者の数)"), "参加者の総数"),
             # 「SEAの参加者は？」: the role's head count (not what a participant needs: 「参加者の応募資格」)
             (re.compile(r"(?<=alt|cir|sea)(?:の|って)?(?:参加者|参加してる人|参加している人)(?=(?:は|って)?\s*[？?]*$)"), "の人数"),
             (re.compile(r"(?:^|(?<=\s))(?:その|で、?|じゃあ|では)?参加者(?=(?:は|って)?\s*[？?]*$)"), "参加者数"),
             # 「一番新しい数字」, 「数字で一番新しいのは」: the latest figures, no ranking (not 「一番新しい資料」)
             (re.compile(r"(?:一番|いちばん|最も)新しい(?=の?(?:年度の)?(?:数|人数|参加者数|参加者総数|参加人数|総数|統計|値))"),
              "最新の"),
             (re.compile(r"((?:数字|人数|統計)[^。？?]{0,12}?)(?:一番|いちばん|最も)新しい"), r"\1最新"),
             (re.compile(r"新しく(?:来た|入った|採用された)(?:人|方)?|新しい(?:人|方)|新人"), "新規"),
             (re.compile(r"(人数|人の数)([^。？?]{0,4})いくつ"), r"\1\2何人"), (re.compile(r"最大(?=で?何年|\d+年)"), "最長"),
             (re.compile(r"スタート"), "開始"), (re.compile(r"(英語|日本語)(?:での|の)フルネーム"), r"\1の正式名称"),
             (re.compile(r"(?:略さ(?:ない|ず(?:に)?)|省略しない)(?:で|の)?(?:名前|名称|呼び方|言い方)"), "正式名称"),
             (re.compile(r"何時までに"), "いつまでに"),
             (re.compile(r"なんばん"), "何番"),  # (「電話はなんばん？」: the analyser reads the kana as 南蛮)
             # 「ALTってどの学校に配置されるの？」: where ALTs work (not the plan that mentions placing them)
             (re.compile(r"(alt)(?:って|は|が)?(?:どこ|どの|どういう|どんな)(?:の)?(?:学校|校種)(?:に|へ|で)(?:配置|派遣|行|い|働)"),
              r"\1はどこで働"),
             # 「配置の要望ってどこに出せばいい？」: where a request goes (not whether it is met: 「要望を出せば必ず…」)
             (re.compile(r"要望(?:書)?(?:は|って|を)?(?:どこ|どちら)(?:に|へ|宛て?に?)(?:出|提出|送)"
                         r"(?![^。？?]*(?:必ず|確実|通る|通り|認め|採用され|配置され))"), "要望の提出先は"),
             # 「電話番号を教えてくれると助かります」: a request (not thanks); 「助かります！」 alone is thanks
             (re.compile(r"(?:できる|できれば|もらえる|もらえれば|くれる|くれれば|いただける|いただければ)(?:と|ば|たら)?助かります"),
              "ください"),
             (re.compile(r"^(?:本当に|ほんとに|とても|大変)?助かります[!！。.]*$"), "助かりました"),
             # 「以上です」, 「以上、よろしくお願いします。」: a letter's sign-off (「それ以上は？」 asks beyond what was said)
             (re.compile(r"^以上(?:です|になります|となります)?[、,]?(?:よろしく)?(?:お願い(?:いた|致)?します)?[。.!！]*$"), "わかりました"),
             # 「SEAの人ってどこの国から来てるの？」: their countries of origin (not held; どこ and 国 alone are no topic)
             (re.compile(r"どこの国(?:から(?:来て(?:い)?(?:る|ます)?)?|の人|出身)(?!が?(?:多|おお|一番))|"
                         r"(?:where|which countr(?:y|ies)|what countr(?:y|ies)) (?:do|does|did) "
                         r"(?:they|(?:the )?(?:alt|cir|sea|participant|jet participant|people)s?) come from"),
              "出身国"),
             # "What's 5,831 then?", "What does 77,172 refer to?": what a printed figure counts (「5,831って何の数字？」)
             (re.compile(r"^(?:so |and |then |ok,? )?what(?:'s| is| are| does| do)? (?:the )?(\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d(?!\d))\d{3,6})"
                         r"(?: then| refer to| stand for| mean| count| about)?\s*\??$"), r"\1って何の数字?"),
             # 「事例集のやつってどこ？」, 「学校のやつは」: the thing itself (not 「一つ目のやつ」: a pick)
             (re.compile(r"(?<=[\u4e00-\u9fff\u30a1-\u30fa])(?<!目)のやつ(?=って|が|を|も|、)"), ""),
             (re.compile(r"(?<=[\u4e00-\u9fff\u30a1-\u30fa])(?<!目)のやつ"), "の"), (re.compile(r"(事例集)の?全文"), r"\1の全体版"),
             # 「CIRの方です」 correcting the role just asked about: 「CIRは？」
             # (「ごめん、CIRの方でした」, 「いや、SEAのほう」, 「ごめん、CIRのことが聞きたかった」: the apology or "no" before it too)
             (re.compile(r"^(?:(?:ごめん(?:なさい)?|すみません|失礼しました|いや|いえ|あ|あっ|違います|ちがう)[、,。!！\s]*)?"
                         r"(alt|cir|sea)(?:の(?:方|ほう)|のこと|について)(?:です|でした|でお願いします|(?:が|を)(?:知り|聞き)たい(?:です)?|"
                         r"(?:が|を)(?:知り|聞き)たかった(?:んです|です)?)?[。.!！]?$"), r"\1は?"),
             # "sorry, I meant MEXT": the same question of MEXT
             (re.compile(r"^(?:(?:sorry|oops|no|oh|ah)\W+)?i (?:meant|mean) ((?:the )?[^\s.!?,]+(?: [^\s.!?,]+)?)[.!]?$"), r"\1?"),
             # 「事例集の何ページに載ってる？」: a page number of the casebook (「どのページ」 is which web page; the notice's
             # pages are asked with what is on them: 「通知の何ページに問い合わせ先が？」 is the contacts)
             (re.compile(r"何(?:ページ|頁)目?|(?<![a-z])(?:which|what) page(?: number)?(?= (?:of|in|is|are|does|do)\b)"),
              lambda m: "ページ番号" if re.search(r"事例|casebook|(?<![a-z])cases?(?![a-z])", m.string) else m.group(0)),
             # 「名前が出ている事例」: the cases named (introduced), no name asked of one
             (re.compile(r"名前(?:が|の)(?:出|挙がっ|あがっ|載っ|のっ)(?=て|た)"), "紹介され"),
             # "MEXT spelled out", "MIC in full", "full name of CLAIR": what the abbreviation stands for
             (re.compile(r"^(?:what(?:'s| is) )?(?:the )?(?:(mic|mofa|mext|clair|alt|cir|sea)(?:'s)? (?:full name|(?:spelled|spelt|"
                         r"written) out|in full)|full name of (?:the )?(mic|mofa|mext|clair|alt|cir|sea))\s*\??$"),
              lambda m: f"what does {m.group(1) or m.group(2)} stand for?"),
             # "how many yrs can an ALT stay": the abbreviation people type for years
             (re.compile(r"(?<![a-z])yrs?(?![a-z])"), lambda m: "years" if m.group(0) == "yrs" else "year"),
             (re.compile(r"(?<![a-z])newly(?: (?:appointed|hired|recruited|arrived|placed|employed|invited|joined))?"
                         r"(?![a-z])"), "new"),
             # (the notice is issued, the casebook published: "When did the notice come out?")
             (re.compile(r"(?<![a-z])(?:(?:put|puts) out|publication|came out|come out|comes out|release(?:d|s)?)(?![a-z])"),
              lambda m: "issued" if "notice" in m.string else "published"),
             (re.compile(r"(?<![a-z])sent(?: out)?(?![a-z])(?! (?:only )?to\b)"), lambda m: "issued" if "notice" in m.string else m.group(0)),
             # "CIR total 2023?": a year's total, not the cumulative one since the start; "the budget total": an amount
             (re.compile(r"(?<![a-z])total(?=\s*(?:[?.!]|$|(?:in |for |of )?(?:fy|19\d\d|20\d\d|[rh] ?\d)))"),
              lambda m: "amount" if _MONEYISH.search(m.string) else "headcount" if years_in(m.string)
              and not _SINCE_START.search(m.string) else m.group(0)),
             # "total cir", "cir total": one role's total is its head count (the year's), not the cumulative one
             (re.compile(r"^(?:and |so |ok,? )?(?:total (alt|cir|sea)s?|(alt|cir|sea)s? total)(?=\s*[?.!]*$)"),
              lambda m: f"{m.group(1) or m.group(2)} headcount"),
             # "cir new hires 23", "alt numbers 19": a fiscal year written with two digits after what is counted
             (re.compile(r"(?<![a-z])(hires|participants|numbers|figures|figs|count|counts|headcount|total|new|alts|cirs|seas|"
                         r"jets|stats|arrivals|newcomers|recruits) (1[5-9]|2\d|30)(?=\s*[?.!]*$)"), r"\1 fy\2"),
             # 「これまでの参加者の合計」: the total since the start (合計 alone is a year's total)
             (re.compile(r"(?:これまで|今まで|いままで)の([^。？?、]{0,10}?)(?:合計|総数|総計)"), r"\1累計"),
             # "fy19 figs src url": the topic's answer, which shows its sources and links (alone, "source?" asks for
             # the previous answer's)
             (re.compile(r"(?<=[a-z0-9])(?<!your)(?<!\bthe)(?<!\bits)(?<!their)(?<!\bare)(?<!\bis)(?<!what)(?<!\bany)(?<!\bof)"
                         r"(?<!\bfor)(?<!\bmy)(?<!\bour) (?:with |w/ |\+ )?(?:source|sources)(?: (?:url|link|page)s?)?"
                         r"(?=\s*[?.!]*$)"), ""),
             # "total since 87": the programme's first year, written short
             (re.compile(r"(?<=since )'?87(?![0-9])"), "1987"),
             # "the number of ALTs": their headcount (not "increase the number of ALTs": the survey; not "the largest
             # number of": a ranking); "from the US" (not the pronoun "us")
             (re.compile(r"(?<![a-z])(?<!increase the )(?<!increasing the )(?<!raise the )(?<!largest )(?<!highest )"
                         r"(?<!biggest )(?<!greatest )(?<!smallest )(?<!lowest )(?<!reduce the )(?<!decrease the )"
                         r"(?<!cut the )"
                         r"(?<!lower the )(?<!reducing the )number of(?= (?:new |jet )?"
                         r"(?:alt|cir|sea|jet)s?(?![a-z]))"), "headcount of"),
             (re.compile(r"(?<![a-z])the u\.?s\.?(?:a\.?)?(?![a-z])"), "the usa"),
             # "What do CIRs do?", 「CIRって何をする人？」: the role's work (the verb alone says nothing the knowledge holds)
             # (not "What do ALTs do on weekends / if they are sick?": what the knowledge does not hold; not "there":
             # the town of a case)
             (re.compile(r"(?<![a-z])what (?:do|does) ((?:an? |the )?(?:alt|cir|sea)s?) (?:actually |really "
                         r"|exactly |usually )?do(?![a-z])(?! there| on | if | when | during | after | before | outside"
                         r"| in (?:their|his|her|the) (?:free|spare|summer|winter|holiday)"
                         r"| in (?:the |their |local )?communit)|"
                         r"(?<=alt|cir|sea)(?:って|は|の人は|の人って)?(?:そもそも|一体|いったい|実際|具体的に|主に)?(?:何|なに)を?(?:する|している|"
                         r"してる)(?:人|ひと|職種|仕事|の)"), lambda m: f"what is {m.group(1)} role" if m.group(1) else "の役割"),
             # 「CIRを採用しようと思ってるんだけど、何をする人？」: the role named before is what the person does
             # (in English the dash before "they" is read so: bot.core.sentences)
             (re.compile(r"(alt|cir|sea)(?:を|が|って|は|の)[^。？?]{0,30}?[、,]\s*(?:その人|彼ら|かれら)?(?:って|は)?(?:何|なに)を?"
                         r"(?:する|している|してる)(?:人|ひと|職種|仕事|の)"), r"\1の役割"),
             # "What does MIC do?", 「外務省は何をしているの？」: the office's part in JET (not its contact card)
             (re.compile(r"(?<![a-z])what (?:does|do) (mic|mofa|mext|clair|the (?:three )?ministries) (?:actually |exactly "
                         r"|usually |really )?"
                         r"do(?![a-z])(?! there| on | if | when )|(総務省|外務省|文科省|文部科学省|clair|クレア)(?:って|は)"
                         r"(?:(?:jet|この|本)?(?:プログラム|制度|事業)?で(?:は)?)?"
                         r"(?:何|なに)を?(?:する|している|してる|やってる|やっている)(?:の|ん(?:です|だ)?|ところ)?"),
              lambda m: f"what is {m.group(1)} role" if m.group(1) else f"{m.group(2)}の役割"),
             # "Why was this notice issued?": its purpose (not the date it was issued)
             (re.compile(r"^why (?:was|has|is) (?:this |the )?notice (?:been )?issued ?\??$"),
              "what is the purpose of the notice?"),
             # "What is the casebook for?": a document's purpose (not what it is: "for" alone is no word of the
             # knowledge; not "What is the money used for?", "What is the phone number for?")
             (re.compile(r"^(?:so |and )?what(?:'s| is| are| was| were) "
                         r"((?:the |this |that |these )?(?:[a-z0-9-]+ ){0,3}"
                         r"(?:casebook|notice|survey|manual|material|document|programme|program|jet|it|this|that))"
                         r" (?:actually |really )?for ?\??$"), r"what is the purpose of \1?"),
             # 「メールで相談したいのですが、宛先のアドレスは？」: the e-mail address to write to (not whom the notice is
             # addressed to)
             (re.compile(r"(?:宛先|送り先|送付先|送信先)の?(?:メール)?アドレス"), "メールアドレス"),
             # 「文部科学省に聞く場合のアドレス」: アドレス alone is an e-mail address; a web page's is its URL
             # (「事例集のサイトのアドレスは？」)
             (re.compile(r"(?:ホームページ|サイト|ページ|ウェブ|web|リンク|url) ?の?アドレス"), "url"),
             (re.compile(r"(?<!メール)(?<!めーる)(?<!url)アドレス"), "メールアドレス"),
             # "And their address?", "MIC's office address": where the office is, unless an e-mail is talked of
             # ("I need to email MIC. What address should I use?")
             (re.compile(r"(?<![a-z-])(?<!postal )(?<!street )(?<!mailing )(?<!physical )(?:office )?address(?![a-z])"),
              lambda m: m.group(0) if _MAIL_WORD.search(m.string) else "postal address"),
             # 「参資3 何」: Slack's short form of 参考資料
             (re.compile(r"参資(?!料)"), "参考資料"),
             # 「参考資料のうち、2番目の資料」, 「2つ目の参考資料」: the attachment the notice numbers so
             (re.compile(r"参考資料の(?:うち)?、?\s?([1-4一二三四])(?:番目|つ目)(?:の(?:資料|もの))?|"
                         r"([1-4一二三四])(?:番目|つ目)の(?:別添)?参考資料"),
              lambda m: "参考資料" + str(" 一二三四".find(n) if (n := m.group(1) or m.group(2)) in "一二三四" else n)))
# (one look for any of them first, their union: most texts hold none, and every question is cleaned a dozen times)
_ANY_EVERYDAY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _EVERYDAY))


def _casebook_of(role: str) -> str:
    """The casebook of what other towns do with a role: the CIRs' (参考資料1) or the ALTs' (the JET-ALT casebook)."""
    if role.startswith("cir"):
        return "cir活用事例集"
    return f"{role} casebook of activity examples" if role.isascii() and role.endswith("s") else f"{role}活用事例集"


def in_the_knowledges_words(text: str) -> str:
    """``text`` (cleaned) with its chat shorthand spelled out and its everyday words replaced by the knowledge's
    own."""
    text = spelled_out(text)
    if _ANY_EVERYDAY.search(text):
        for everyday, word in _EVERYDAY:
            text = everyday.sub(word, text)
    return text


# "stats", 「数字は？」 sent alone: the figures held (the latest participants'), not where to find others. (Read of the
# whole message only: a rule of the list above is applied to single words of the knowledge too.)
_BARE_FIGURES = re.compile(r"^(?:the |jet )?(?:stats|figures|numbers|statistics|data)\s*\??$|"
                           r"^(?:jetの)?(?:数字|統計|データ)(?:は|って)?[？?]?$", re.IGNORECASE)


def figures_asked_bare(text: str) -> str:
    """``text``, or the question it asks when it is only a word for figures (review 156: "stats" was "see MIC's
    pages", the figures held offered as links only)."""
    found = _BARE_FIGURES.match(text.strip())
    if found is None:
        return text
    return "latest number of participants" if text.isascii() else "参加者数は？"
