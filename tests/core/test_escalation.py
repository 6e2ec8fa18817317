"""Pure escalation rules: postback data, decisions, the retry schedule, refusals and the user's wording."""
from __future__ import annotations

from dataclasses import replace

from bot.core.escalation import (EscalationConfig, Offer, after_failure, answer_refusal, answer_text,
                                 confirm_decision, parse_postback, postback_data, retry_delay)
from escalation_records import NOW, escalation

CONFIG = EscalationConfig(channel="C1", max_open=5, max_attempts=4, retry_base=60, retry_cap=300)


def test_postback_data_round_trips_and_stays_short() -> None:
    data = postback_data("confirm", "Abc-_123456789012")
    assert data == "escalate=confirm&q=Abc-_123456789012" and len(data) <= 300
    assert parse_postback(data) == ("confirm", "Abc-_123456789012")
    for other in ("intent=casebook", "escalate=explode&q=x", "escalate=confirm", "", None):
        assert parse_postback(other) is None


def test_confirm_decision() -> None:
    offer = Offer("o1", "hash", "q", "ja", (), NOW)
    assert confirm_decision(offer, "hash", 0, NOW, CONFIG) == "ok"
    assert confirm_decision(offer, "other", 0, NOW, CONFIG) == "expired"
    assert confirm_decision(None, "hash", 0, NOW, CONFIG) == "expired"
    assert confirm_decision(offer, "hash", 0, NOW + CONFIG.offer_ttl + 1, CONFIG) == "expired"
    assert confirm_decision(replace(offer, escalation_id=3), "hash", 9, NOW, CONFIG) == "duplicate"
    assert confirm_decision(offer, "hash", 5, NOW, CONFIG) == "limit"


def test_retry_schedule_doubles_is_capped_and_gives_up() -> None:
    assert [retry_delay(n, CONFIG) for n in (1, 2, 3, 4, 5)] == [60, 120, 240, 300, 300]
    assert after_failure(escalation(attempts=0), NOW, CONFIG) == ("answered", NOW + 60)
    assert after_failure(escalation(attempts=2), NOW, CONFIG) == ("answered", NOW + 240)
    assert after_failure(escalation(attempts=3), NOW, CONFIG) == ("failed", NOW)


def test_answer_refusal() -> None:
    assert answer_refusal(escalation()) is None
    assert answer_refusal(None) == "not_found"
    assert answer_refusal(escalation(state="delivered", answered_by="UTEAM")) == "answered"


def test_line_answer_names_the_office_not_the_person() -> None:
    text = answer_text(escalation(answer="  月額の上限はありません。 ", answered_by="UTEAM0001"), "総務省国際室")
    assert text == "【総務省国際室からの回答】\nご質問（受付番号 #7）:「ALTの住宅手当はいくら？」\n\n月額の上限はありません。"
    english = answer_text(escalation(language="en", question="Housing?", answer="No cap."), "JET office")
    assert english.startswith("[Answer from JET office]")
