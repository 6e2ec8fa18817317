"""``jetbot explain``: why a question matched what it matched."""
from __future__ import annotations

from bot.core.answer import MARGIN, THRESHOLD, answer
from bot.core.knowledge_base import KnowledgeBase
from bot.core.types import IncomingMessage


def explain(kb: KnowledgeBase, question: str) -> str:
    """A readable account: normalised text, words, synonyms, candidates with each signal."""
    matcher = kb.matcher
    analysis = matcher.analyse(question)
    lines = [
        f"question:   {question}",
        f"normalised: {analysis.normalized}",
        f"words:      {' '.join(analysis.terms) or '(none)'}",
        f"readings:   {' '.join(analysis.grams[:30]) or '(none)'}",
        "synonyms:   " + (", ".join(f"{a} -> {b}" for a, b in analysis.synonyms_applied) or "(none)"),
        "word weights: " + (" ".join(f"{t}={matcher.term_weight(t):.2f}" for t in dict.fromkeys(analysis.terms))
                            or "(none)"),
        f"threshold {THRESHOLD:.0f}, margin {MARGIN:.0f}; score = weighted coverage, fuzzy, bm25 (relative to best), semantic",
        "candidates:",
    ]
    for s in matcher.rank(analysis, limit=5):
        lines.append(f"  {s.score:5.1f}  {s.intent_id:<32} coverage {s.coverage:.2f}  fuzzy {s.fuzzy:.2f}  "
                     f"bm25 {s.bm25:.2f}  semantic {s.semantic:.2f}")
    reply = answer(IncomingMessage(question), kb)
    verdict = "fallback" if reply.fallback else f"answer {reply.intent_id} ({reply.kind})"
    lines.append(f"decision:   {verdict}")
    return "\n".join(lines)
