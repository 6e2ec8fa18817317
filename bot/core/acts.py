"""Requests the bot cannot carry out (「総務省の担当者に電話つないでもらえますか」, 「要望調査の回答、代わりに出しといて」,
"Can you email MEXT for me?", "send me the casebook PDF"): it answers what the notice and its sources say and does
nothing on the user's behalf. Such a request is said to be beyond it, with the office's card and the topic it names
offered as a choice, never answered as if the topic were the question."""
from __future__ import annotations

import re

# an act done for the user: putting a call through, sending, submitting or filing something, booking, passing a
# message on (not 「どこに送ればいい？」, 「送ってください」 of a municipality's request: a route asked)
_FOR_ME = r"(?:もらえ|もらい|いただけ|いただき|ください|下さい|くれ|ほしい|欲しい|おいて|といて|とい|おいてくれ)"
# … a link, an address or a number "sent" is information asked for ("Send me the URL of the press release")
_NOT_INFO = r"(?![^.?!]{0,40}(?<![a-z])(?:links?|urls?|address(?:es)?|numbers?|pages?|site|website|info|information|details|figures|"
_NOT_INFO += r"stats|contacts?)(?![a-z]))"
_ACT = re.compile(
    r"(?:電話|お電話|担当者?)(?:を|に)?[^。？?]{0,6}(?:つない|繋い|取り次い|とりつい|回し|まわし)で" + _FOR_ME + r"|"
    r"(?:代わりに|かわりに|代理で)[^。？?]{0,20}(?:出し|提出し|送っ|申し込ん|申請し|回答し|書い|記入し|連絡し|電話し|問い合わせ)|"
    r"(?:ファイル|pdf|資料|事例集|通知|データ|書類|様式)(?:を|の)?[^。？?]{0,8}(?:送っ|送付し|メールし|転送し|印刷し|ファックスし|faxし)て"
    + _FOR_ME + r"|"
    r"(?:に|へ)(?:電話|連絡|メール)し(?:て|といて|ておいて)" + _FOR_ME + r"|"
    r"(?<![a-z])(?:can|could|would|will) you (?:please )?(?:call|phone|ring|e-?mail|send|submit|fill (?:in|out)|forward|"
    r"book|register|apply|contact|connect me|put me through|print|fax|mail)(?![a-z])" + _NOT_INFO + "|"
    r"(?<![a-z])(?:please )?(?:call|phone|e-?mail|contact|submit|send|fill (?:in|out)|apply)(?: [a-z0-9.-]+){0,4} "
    r"(?:for (?:me|us)|on (?:my|our) behalf)(?![a-z])|(?<![a-z])(?:send|email|e-mail) me (?:the|a|their|your)(?![a-z])" + _NOT_INFO,
    re.IGNORECASE)


def asks_to_act(text: str) -> bool:
    """Whether a cleaned message asks the bot to do something for the user (rather than to tell them something)."""
    return _ACT.search(text) is not None
