"""What a document the notice cites says of a role it is not cited for (「第4期教育振興基本計画ではCIRについて何て書いて
ある？」, "Does the Digital Garden City policy mention ALTs?"): the notice cites the curriculum guidelines and the basic
plan on ALTs and the Digital Garden City policy on CIRs, so what they say of another role is not in the notice or its
sources. Said so, with what the document is cited for, rather than the citation as if it answered."""
from __future__ import annotations

import re

from bot.core.compose import label as intent_label
from bot.core.gap_years import Gap
from bot.core.knowledge_base import KnowledgeBase
from bot.core.narrow import ROLES, label
from bot.core.types import Reply

_NAME = re.compile(r"^(?:the )?「?([^「」（(、]{4,80}?)」?\s?(?:[（(]|では[、,]|には)", re.IGNORECASE)  # (「…基本方針」（令和4年…）, "The Basic Policy … (")
# a claim checked (「…ALTの活用促進が書いてあるやつだよね？」): the check says what it is cited for instead
_CHECKED = re.compile(r"(?:よね|だっけ|でしたっけ|でしょ|じゃない(?:の|か)?|(?<![a-z])(?:right|isn't it|doesn't it|"
                      r"don't they|correct))[？?。.]*$", re.IGNORECASE)
CITED_INTENT = "education_plan"  # optional: its file holds the documents the notice cites
_SAYS = re.compile(r"何[てと]|なんて|なんと|書いて|書かれ|記載|言及|触れ|引用|述べ|載って|(?<![a-z])(?:says?|said|mentions?|"
                   r"mentioned|writes?|written|covers?|quotes?|about)(?![a-z])", re.IGNORECASE)


def role_not_cited(kb: KnowledgeBase, reply: Reply, text: str, asked: set[str]) -> Gap | None:
    """The gap when ``text`` asks what a cited document (``reply``'s intent) says of a role (``asked``: the named
    things of the question) that the notice does not cite it for; ``None`` otherwise."""
    intent = kb.intents.get(reply.intent_id or "")
    if intent is None or CITED_INTENT not in kb.intents or intent.file != kb.intents[CITED_INTENT].file \
            or not _SAYS.search(text) or _CHECKED.search(text):
        return None
    missing = sorted(r for r in ROLES & asked if not kb.matcher.mentions(intent.id, r))
    if not missing or not any(kb.matcher.mentions(intent.id, r) for r in ROLES):
        return None
    held = reply.text.split("\n")[0]  # what the document is cited for, its name first
    name = _NAME.match(held)
    joined = "・" if reply.language == "ja" else " and "
    return Gap("cited", related=(intent.id,), topic=intent.id, detail=(
        name.group(1).strip() if name else intent_label(intent, reply.language), joined.join(label(r) for r in missing),
        held))
