"""Escalation records for tests: one open escalation about a housing question, changed as needed."""
from __future__ import annotations

from dataclasses import replace

from bot.core.escalation import Escalation, Guess

NOW = 1_717_243_200.0   # 2024-06-01 12:00 UTC = 21:00 JST
LINE_ID = "U4af4980629d1c2b3e5f60718293a4b5c"


def escalation(**changes: object) -> Escalation:
    """Escalation #7, open, with ``changes`` applied."""
    base = Escalation(id=7, state="open", created_at=NOW, user_hash="ab12cd34ef56ab12cd34ef56ab12cd34",
                      question="ALTの住宅手当はいくら？", language="ja",
                      guesses=(Guess("financial_support", "ALT配置の財政措置", 38.0),),
                      retry_key="6f1c1c1e-0000-4000-8000-000000000000", line_to=LINE_ID)
    return replace(base, **changes)  # type: ignore[arg-type]
