"""The language a message asks its answer in: the last answer again in the other language (「英語でお願いします」,
"Japanese please"), or a question asked for an answer in it (「ALTの人数を英語で教えて」)."""
from __future__ import annotations

import re


# 「英語でお願いします」, "Japanese please": the previous answer again, in the other language
# ("in jp", "eng pls": Slack's short forms)
_IN_LANGUAGE = re.compile(r"^(?:(?:can you |could you )?(?:say|give|tell) (?:that|it|me that|me it) )?(?:in )?(english|japanese|jpn?|eng)"
                          r"(?: please| pls| version)?[.?!。？]*$|^(?:please,? )?(?:in )?(english|japanese|jpn?|eng)(?: please)?[.?!]*$|"
                          r"^(?:(?:それ|これ|今の(?:回答|答え)?)を?)?(英語|日本語)(?:で|版)(?:お願いします|おねがいします|お願い|"
                          r"(?:教えて|説明して|要約して|まとめて|答えて|回答して)(?:ください|もらえますか|くれますか)?|ください|頼む)?"
                          # (「英語でお願いできると助かります」, 「英語で答えてもらえると助かります」: a request, not thanks)
                          r"(?:(?:でき|もらえ|くれ|いただけ)?(?:ると|れば|たら)助かります)?[。？?！!]?$|"
                          r"^(?:それは|これは)?(英語|日本語)(?:では|だと|で言うと)[？?]?$|"
                          # "Can you translate that into Japanese?", 「それを英語に訳して」: the answer just given
                          r"^(?:(?:can|could) you |please )?translate (?:that|it|this|the answer) (?:in)?to (english|japanese)"
                          r"(?: please)?[.?!]*$|^(?:それ|これ|今の(?:回答|答え))を?(英語|日本語)に(?:訳|翻訳)して(?:ください|もらえますか)?[。？?！!]?$",
                          re.IGNORECASE)


def language_asked(text: str) -> str | None:
    """"English please?", 「日本語でお願いします」 right after an answer: ``"en"`` or ``"ja"``, else ``None``."""
    match = _IN_LANGUAGE.match(text.strip())
    if match is None:
        return None
    word = next(w for w in match.groups() if w).lower()
    return "en" if word in ("english", "英語", "eng") else "ja"


_SAID_IN = re.compile(r"^(?:それは|これは)?(英語|日本語)(?:では|だと|で言うと)[？?]?$")


def name_asked(text: str, conversation: str) -> str | None:
    """「日本語では？」 in a conversation answered in Japanese already: what the thing is called in it (its name),
    asked as such; else None."""
    match = _SAID_IN.match(text.strip())
    if match is None or ("en" if match.group(1) == "英語" else "ja") != conversation:
        return None
    return f"{match.group(1)}の名称は？"


# 「ALTの人数を英語で教えて」, 「この通知を英語で要約して」, "Explain SEA in Japanese": a question asked for an answer in
# the other language (not 「英語で質問できますか」, 「事例集は英語で？」, "Can I ask in English?"; nor what a role does in it:
# 「ALTは英語で教えてくれますか」, "Can the CIR answer in Japanese?"; translating the notice is refused elsewhere)
_ANSWER_IN = re.compile(r"(英語|日本語)で(?=(?:教えて(?!くれ)|説明して|要約して|まとめて|答えて|回答して|お願い|ください))|"
                        r",? ?(?:please )?(?:answer |reply )?in (english|japanese)(?: please)?(?=[.?!]*$)", re.IGNORECASE)
_BOTH = re.compile(r",? ?(?:in )?(?:both )?(?:japanese and english|english and japanese)(?: please)?(?=[.?!]*$)|"
                   r"[、,]?(?:日本語と英語|英語と日本語)(?:の(?:両方|どちらも))?で?(?=[？?。]*$)", re.IGNORECASE)
_ROLE_DOES = re.compile(r"(?:alt|cir|sea|先生|教員)s?(?:さん)?(?:は|って|が|の方は)[^。？?]{0,10}(?:英語|日本語)で", re.IGNORECASE)
# … told to the bot: after the question ("What is a CIR? In Japanese please"), or a request of it ("Can you explain
# SEA in Japanese?", "Explain SEA in Japanese"; not "Can you tell me if CIRs work in Japanese?")
_TOLD = re.compile(r"[?.!] ?(?:please )?(?:answer |reply )?in (?:english|japanese)|^(?:please )?(?:(?:can|could|would) you "
                   r"(?:please )?)?(?:explain|describe|summari[sz]e|tell me about|give me|answer|reply)(?![a-z])(?!.*\b(?:if|whether)\b)",
                   re.IGNORECASE)


def language_wanted(text: str) -> tuple[str | None, str]:
    """The language a question asks its answer in (``"en"``, ``"ja"`` or ``None``) and the question without
    that request."""
    text = _BOTH.sub("", text)  # ("Which organisation runs JET, in Japanese and English?": its names, both given)
    match = _ANSWER_IN.search(text)
    if match is None or language_asked(text) or not _ANSWER_IN.sub("", text).strip(" 、,.。？?を") \
            or _ROLE_DOES.search(text) or match.group(2) and not _TOLD.search(text.strip()):
        return None, text  # (「日本語でお願いします」 alone asks for the last answer again: language_asked)
    word = next(w for w in match.groups() if w).lower()
    return ("en" if word in ("english", "英語") else "ja"), _ANSWER_IN.sub("", text, count=1)
