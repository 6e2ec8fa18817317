""""FAQに追加": turn an answered escalation into a ready-to-paste intent (YAML text, pure).

The snippet is a whole intents file (``intents:`` and one entry) that ``jetbot validate``
accepts: the question is the first example, the team's answer the answer, and the id is a
new ascii ``snake_case`` id that no existing intent uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import yaml

from bot.core.escalation import Escalation
from bot.core.knowledge_model import Intent
from bot.core.references import PLACEHOLDER
from bot.core.schema import ID_RE
from bot.core.orthography import clean, fold_kana


@dataclass(frozen=True)
class FaqSuggestion:
    """A suggested intent id and its YAML, or a ``note`` when a new intent is the wrong fix."""

    intent_id: str
    yaml_text: str
    note: str | None = None


def _ascii_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)][:3]


def suggest_id(escalation: Escalation, existing: Iterable[str]) -> str:
    """``faq_<nearest topic or ascii words>_<escalation number>``, made unique against ``existing``."""
    taken = set(existing)
    topic = escalation.guesses[0].intent_id if escalation.guesses else "_".join(_ascii_words(escalation.question))
    base = re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "_", f"faq_{topic}_{escalation.id}".lower())).strip("_")
    base = base if ID_RE.match(base) else f"faq_{escalation.id}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _literal(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as ``|`` blocks, lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(str, _literal)


def _plain_answer(answer: str) -> str:
    """The team's text, with anything that looks like a ``{fact:…}`` placeholder defused."""
    text = "\n".join(line.rstrip() for line in answer.strip().splitlines())
    return PLACEHOLDER.sub(lambda m: "｛" + m.group(0)[1:-1] + "｝", text)


def duplicate_of(question: str, intents: Iterable[Intent]) -> str | None:
    """The id of an intent that already has ``question`` as an example (as validate compares them)."""
    key = fold_kana(clean(question))
    return next((i.id for i in intents for e in i.examples if fold_kana(clean(e)) == key), None)


def faq_snippet(escalation: Escalation, intents: Iterable[Intent]) -> FaqSuggestion:
    """The intent YAML for an answered escalation (``note`` set when the question is already known)."""
    intents = list(intents)
    intent_id = suggest_id(escalation, (i.id for i in intents))
    question = " ".join(escalation.question.split())
    entry = {"id": intent_id, "examples": [question], "answer": _plain_answer(escalation.answer or "")}
    body = yaml.dump({"intents": [entry]}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    header = (f"# 問い合わせ #{escalation.id} から作成。intents/ に貼り付け、言い換えの例文を2つ以上足して、\n"
              "# 必要なら title・contacts・links を加え、jetbot validate で確認してください。\n")
    known = duplicate_of(question, intents)
    if known:
        note = (f"この質問は既存の intent `{known}` の例文と同じです。新しい intent ではなく "
                f"`{known}` の answer を次の案で見直してください。")
        answer = yaml.dump({"answer": entry["answer"]}, Dumper=_Dumper, allow_unicode=True, width=1000)
        return FaqSuggestion(known, f"# intent {known} の answer の案（問い合わせ #{escalation.id}）\n" + answer,
                             note)
    return FaqSuggestion(intent_id, header + body)
