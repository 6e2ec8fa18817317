"""``jetbot validate``: schema errors plus checks an admin wants before deploying."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.core.limits import LINE_TEXT_UNITS, SLACK_SECTION
from bot.core.knowledge_model import Knowledge, KnowledgeError
from bot.core.knowledge import load_knowledge
from bot.core.orthography import clean, fold_kana

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
PHONE_RE = re.compile(r"^0\d{1,4}-\d{1,4}-\d{3,4}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
MIN_EXAMPLES = 3


@dataclass(frozen=True)
class Finding:
    """One finding: ``file:line: level: message``."""

    path: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


NEAR_DUPLICATE = 90.0


def validate(intents_dir: Path, knowledge_dir: Path, matcher_checks: bool = True) -> list[Finding]:
    """Every problem in the YAML, errors first (``matcher_checks``: also build the index)."""
    try:
        knowledge = load_knowledge(intents_dir, knowledge_dir)
    except KnowledgeError as exc:
        return [Finding(e.path, e.line, "error", e.message) for e in exc.errors]
    findings = _deep_checks(knowledge) + _synonym_checks(knowledge)
    if matcher_checks and not any(f.level == "error" for f in findings):
        findings += _matcher_checks(knowledge)
    return sorted(findings, key=lambda f: ({"error": 0, "warning": 1}.get(f.level, 2), f.path, f.line))


def _synonym_checks(knowledge: Knowledge) -> list[Finding]:
    seen: dict[str, tuple[str, ...]] = {}
    findings = []
    for group in knowledge.synonyms:
        for word in group:
            key = fold_kana(clean(word))
            if key in seen and seen[key] != group:
                findings.append(Finding("intents", 0, "warning",
                                        f"synonym '{word}' is in two groups: [{', '.join(seen[key])}] and "
                                        f"[{', '.join(group)}]; the first one wins"))
            seen.setdefault(key, group)
    return findings


def _matcher_checks(knowledge: Knowledge) -> list[Finding]:
    """Examples the live matcher would send to another intent, and answers too long for a channel."""
    from rapidfuzz import fuzz

    from bot.core.answer import intent_reply
    from bot.core.knowledge_base import build_kb
    from bot.core.render import plain_text

    kb = build_kb(knowledge)
    matcher, findings = kb.matcher, []
    for i, intent in enumerate(knowledge.intents):
        lines = intent.example_lines or (intent.line,) * len(intent.examples)
        for j, (example, line) in enumerate(zip(intent.examples, lines)):
            query = matcher.analyse(example)
            ranked = matcher.rank(query, limit=1, exclude=(i, j))
            if not ranked or ranked[0].intent_id == intent.id or ranked[0].score < NEAR_DUPLICATE:
                continue
            other = kb.intents[ranked[0].intent_id]
            k = max(range(len(other.examples)), key=lambda n: fuzz.ratio(example, other.examples[n]))
            where = f"{other.file}:{(other.example_lines or (other.line,) * len(other.examples))[k]}"
            findings.append(Finding(intent.file, line, "warning",
                                    f"example '{example}' of '{intent.id}' matches intent '{other.id}' at "
                                    f"{ranked[0].score:.0f}/100 (nearest: '{other.examples[k]}', {where})"))
        for language in ("ja", "en"):
            text = plain_text(intent_reply(kb, intent.id, language), suggestions=False)
            if len(text.encode("utf-16-le")) // 2 > LINE_TEXT_UNITS:
                findings.append(Finding(intent.file, intent.line, "warning",
                                        f"intent '{intent.id}': the {language} reply is over one LINE message "
                                        f"({LINE_TEXT_UNITS} UTF-16 units) and will be split"))
    return findings


def _deep_checks(knowledge: Knowledge) -> list[Finding]:
    findings: list[Finding] = []
    for record in knowledge.table("links").values():
        if not URL_RE.match(str(record.get("url"))):
            findings.append(Finding(record.file, record.line, "error", f"link '{record.id}': malformed URL"))
    for record in knowledge.table("sources").values():
        if record.get("url") and not URL_RE.match(str(record.get("url"))):
            findings.append(Finding(record.file, record.line, "error", f"source '{record.id}': malformed URL"))
    for record in knowledge.table("contacts").values():
        if record.get("phone") and not PHONE_RE.match(str(record.get("phone"))):
            findings.append(Finding(record.file, record.line, "error",
                                    f"contact '{record.id}': malformed phone number '{record.get('phone')}'"))
        if record.get("email") and not EMAIL_RE.match(str(record.get("email"))):
            findings.append(Finding(record.file, record.line, "error",
                                    f"contact '{record.id}': malformed e-mail address '{record.get('email')}'"))
    seen: dict[str, tuple[str, str, int]] = {}
    for intent in knowledge.intents:
        lines = intent.example_lines or (intent.line,) * len(intent.examples)
        for example, line in zip(intent.examples, lines):
            key = fold_kana(clean(example))
            if key in seen and seen[key][0] != intent.id:
                other, path, other_line = seen[key]
                findings.append(Finding(intent.file, line, "error",
                                        f"example '{example}' also belongs to intent '{other}' ({path}:{other_line})"))
            seen.setdefault(key, (intent.id, intent.file, line))
        if len(intent.examples) < MIN_EXAMPLES:
            findings.append(Finding(intent.file, intent.line, "warning",
                                    f"intent '{intent.id}' has only {len(intent.examples)} example(s); "
                                    f"give at least {MIN_EXAMPLES} ways of asking"))
        for text, name in ((intent.answer, "answer"), (intent.answer_en or "", "answer_en")):
            if len(text) > SLACK_SECTION:
                findings.append(Finding(intent.file, intent.line, "warning",
                                        f"intent '{intent.id}': {name} is {len(text)} characters, over a Slack "
                                        f"section's {SLACK_SECTION}"))
        if not intent.answer_en:
            findings.append(Finding(intent.file, intent.line, "info", f"intent '{intent.id}' has no answer_en"))
    return findings
