"""A claim the user heard or remembers, put as the plain check :func:`bot.core.premise.asked_plainly` reads.

People check what they half remember in many ways: 「令和5年度のCIRは486人って資料に書いてた気がする」,
「JETは世界で2番目に大きい交流事業って聞いたんですが本当ですか」, 「ALTの英語の正式名称は Assistant Language Trainer
でいいですか」, "MIC stands for Ministry of Internal Affairs and Commerce, right?". The guessed part (a wrong figure, a
rank, a name) is in no example, and the message falls below the threshold. Each form here is rewritten to the check or
question it is (「…486人ですか？」, 「…正式名称は何ですか」), so the reply gives what is printed, whatever was guessed.
"""
from __future__ import annotations

import re

# 「…って聞いたんですが本当ですか」, 「…と資料に書いてた気がする」, 「…だと上司に言われたけど合ってる？」: what was heard is the check
_HEARD = re.compile(r"(?:って|と|だと|だって)(?:資料に|資料で|通知に|通知で|どこかで|前に|以前|上司(?:から|に)|課長(?:から|に)|先輩(?:から|に))?"
                    r"(?:聞いた|聞きました|聞いてた|聞いていた|書いてた|書いてあった|書いてありました|書かれてた|書かれていた|読んだ|"
                    r"見た|見ました|言われた|言われました|思ってた|思っていた|思ってました|記憶して(?:い)?(?:る|ます))"
                    r"(?:ん|の)?(?:です|だ)?(?:が|けど|けれど|けども)?[、,]?\s?"
                    r"(?:(?:それ|これ)(?:って|は)?)?(?:本当|ほんと|ホント|正しい|合って(?:い)?(?:る|ます)|あって(?:い)?(?:る|ます))?"
                    r"(?:です|でしょう|なん)?(?:か|かね|よね|の)?(?:気がする(?:けど|んだけど|んですが|んですけど)?)?[？?。]*$")
# 「世界で2番目に大きい」: a rank said of the programme's size; the notice says 世界最大規模
_RANK = re.compile(r"世界(?:で|の)?(?:\d{1,2}|何|一|二|三|１|２|３)番目?に(?:大きい|大規模な|大きな|でかい)")
# 「正式名称は Assistant Language Trainer でいいですか」: a name in letters said to be it; the name is asked
_NAME_SAID = re.compile(r"(英語名|英語の正式名称|正式名称|正式名|英名|英語表記|英語の名前)(?:は|って)\s?(?P<guess>[a-z][a-z .\-]{3,60}?)\s?"
                        r"(?:で(?:いい|良い|合って|あって|正しい)|ですか|ですよね|だよね|だっけ|でしたっけ)[^?？]{0,8}[?？]?$")
# "MIC stands for Ministry of Internal Affairs and Commerce, right?": an office's expansion guessed
_OFFICE_EXPANSION = re.compile(r"^(?:so |and |but )?(mic|mext|mofa|clair)(?:'s| is)? (?:stands? for|short for|an abbreviation "
                               r"(?:of|for)|abbreviation for|means) (?P<guess>[a-z][a-z ,\-]*?)(?:,? (?:right|correct|yes|"
                               r"isn't it|is that right|is that correct))?\??$")
# 「参考資料1って地方財政措置の資料だっけ」: what an attachment is, guessed
_MATERIAL_SAID = re.compile(r"(参考資料\s?[1-9１-９])(?:って|は)(?![^。？?]*(?:何|なに|なん|いつ|どこ|どれ|どの|どんな|誰|だれ))"
                            r"(?P<guess>[^。？?]{2,30}?(?:の資料|のこと|について(?:の資料)?))"
                            r"(?=(?:です|でしょう|だ)?(?:よね|か|っけ|ね)?[?？]?$)")
# 「JETってJICAが運営してるんですよね」: a body outside the programme said to run it; who runs it is asked
_OTHER_DOER = re.compile(r"(?P<guess>jica|ジャイカ|国際協力機構|国際交流基金|文化庁|観光庁|内閣府)(?=が[^。？?]{0,12}?(?:運営|実施|やって|主催))")
# 「地方財政措置について聞きたいけど文科省に電話すればいい？」: after the topic, the office to call is the guess
_OFFICE_TO_CALL = re.compile(r"(けど|けれど|ですが|んだが|ので|[、,]\s?)(?:文部科学省|文科省|総務省|外務省)(?=に(?:電話|連絡|問い合わせ|問合せ|"
                             r"聞け|聞い|相談|メール)(?:を)?(?:すれば|したら|して|で)?(?:いい|良い|ok|大丈夫))")
# 「増員の要望、文科省に電話すればいい？」: a request is sent, through its route, not phoned to a ministry
_REQUEST_CALLED = re.compile(r"(要望[^。？?]{0,12}?)(?:文部科学省|文科省|総務省|外務省|(?<![a-z])(?:mext|mic|mofa)(?![a-z]))に"
                             r"(?:電話|連絡|問い合わせ|問合せ|相談|メール)(?:を)?(?:すれば|したら|して)")
# 「要望はCLAIRに直接メールすればいいの？」: how a request is sent is the route it takes (through the coordinating body)
_MAILED_REQUEST = re.compile(r"(要望[^。？?]{0,12}?に直接)(?:メール|送付|送信)(?:で送れば|で出せば|すれば|したら|して)")


def claim_as_check(text: str) -> str:
    """``text`` (cleaned) with a claim heard, a rank, a name, an expansion or an attachment guessed put as what it
    checks or asks; unchanged when it claims none of these."""
    checked = _HEARD.sub("ですか？", text) if _HEARD.search(text) and len(text) > 12 else text
    checked = _RANK.sub("世界最大規模の", checked)
    checked = _NAME_SAID.sub(lambda m: f"{m.group(1)}は何ですか？", checked)
    checked = _OFFICE_EXPANSION.sub(lambda m: f"what does {m.group(1)} stand for?", checked)
    checked = _MATERIAL_SAID.sub(lambda m: f"{m.group(1)}って何の資料", checked)
    checked = _REQUEST_CALLED.sub(r"\1どこに出せば", checked)  # (before the office to call: a request's route)
    checked = _MAILED_REQUEST.sub(r"\1出せば", _OFFICE_TO_CALL.sub(r"\1どこ", checked))
    return _OTHER_DOER.sub("どこ", checked)


def claimed_guess(text: str) -> str | None:
    """The word or phrase a cleaned claim guesses (a rank, a name, an expansion, what an attachment is, who runs JET),
    for the reply to say it differs when it gives something else; None when the text guesses none of these (a
    figure, year or office guessed is :func:`bot.core.premise_note.guessed`'s)."""
    rank = _RANK.search(text)
    if rank is not None and "何" not in rank.group(0):
        return rank.group(0)
    found = next((m for m in (p.search(text) for p in (_NAME_SAID, _OFFICE_EXPANSION, _MATERIAL_SAID, _OTHER_DOER))
                  if m is not None), None)
    return found.group("guess").strip(" ,") if found is not None else None
