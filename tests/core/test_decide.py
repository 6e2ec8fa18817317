"""How sure the core must be: an answer, a "did you mean" answer, "is it one of these?", or an apology."""
from __future__ import annotations

import pytest

from bot.core.decide import LONG_THRESHOLD, MARGIN, THRESHOLD, UNSURE_BAND, decide, threshold_for
from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.core.matcher import Scored
from bot.settings import REPO_ROOT

MINI = REPO_ROOT / "tests/fixtures/mini"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(MINI / "intents", MINI / "knowledge")


def scored(intent_id: str, score: float, coverage: float = 0.5) -> Scored:
    return Scored(index=0, intent_id=intent_id, score=score, bm25=0.0, coverage=coverage, fuzzy=0.0)


def decided(kb: KnowledgeBase, text: str, *ranked: Scored):
    return decide(kb, kb.matcher.analyse(text), list(ranked), "ja", text, THRESHOLD)


def test_a_long_message_with_a_background_is_answered_from_a_lower_score() -> None:
    line = ("お世話になっております。○○市国際交流課の安藤です。来年度、市として初めてCIRを受け入れる方向で検討しています。"
            "経費の手当てはどういう仕組みになっているのか教えていただけますか。")
    alone = "市町村教育委員会がALTを任用する際に、教育委員会の側で準備しておくべき書類や手続きには何がありますか、教えてください。"
    assert threshold_for(line) == LONG_THRESHOLD < THRESHOLD
    assert threshold_for("CIRとは？") == threshold_for(alone) == THRESHOLD, "a long question alone has nothing diluting it"


def test_a_clear_winner_is_answered_without_alternatives(kb: KnowledgeBase) -> None:
    reply = decided(kb, "事例集には何件", scored("casebook_count", 80, 0.9), scored("size", 40, 0.2))
    assert reply.kind == "answer" and reply.intent_id == "casebook_count" and "30" in reply.text
    assert [s.intent_id for s in reply.suggestions] == ["size"], "only the intent's own follow-ups"


def test_a_runner_up_within_the_margin_is_offered_beside_the_answer(kb: KnowledgeBase) -> None:
    reply = decided(kb, "電話番号", scored("contact_mic", 70, 0.5), scored("contact_mext", 70 - MARGIN / 2, 0.5))
    assert reply.kind == "clarify" and reply.intent_id == "contact_mic" and not reply.fallback
    assert "contact_mext" in [s.intent_id for s in reply.suggestions]


def test_close_below_the_threshold_says_not_sure_and_offers_the_close_topics(kb: KnowledgeBase) -> None:
    reply = decided(kb, "参加の人数", scored("size", UNSURE_BAND + 5), scored("casebook_count", UNSURE_BAND + 1),
                    scored("contact_mic", UNSURE_BAND - 10))
    assert reply.kind == "clarify" and reply.fallback
    assert [s.intent_id for s in reply.suggestions][:2] == ["size", "casebook_count"]
    assert "contact_mic" not in [s.intent_id for s in reply.suggestions], "too far below to offer"


def test_nothing_close_is_an_apology_without_an_unrelated_topic(kb: KnowledgeBase) -> None:
    reply = decided(kb, "明日の天気は", scored("size", UNSURE_BAND - 15))
    assert reply.kind == "fallback" and reply.fallback and reply.intent_id is None
    assert "77,000" not in reply.text
