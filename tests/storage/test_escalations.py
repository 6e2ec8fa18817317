"""Escalation persistence on SQLite and on a real PostgreSQL: offers, the per-user limit,
one answer only, delivery claims, retries, Slack sync versions, privacy and retention."""
from __future__ import annotations

import threading
from typing import Callable

import pytest

from bot.core.escalation import EscalationConfig, Guess, after_failure
from bot.storage.escalations import EscalationStore
from bot.storage.migrations import SCHEMA_VERSION, migrate
from bot.storage.stores import Stores

NOW = 1_717_243_200.0
ASKER = "U4af4980629d1c2b3e5f60718293a4b5c"
CONFIG = EscalationConfig(channel="C1", max_open=2, max_attempts=3)
GUESSES = (Guess("casebook", "JET-ALT活動事例集", 28.0),)


@pytest.fixture
def opener(open_test_stores: Callable[..., Stores]) -> Callable[[], EscalationStore]:
    """Opens escalation stores on the test database (each its own connections, like another process)."""
    return lambda: open_test_stores().escalations


def escalation(store: EscalationStore, question: str = "駐車場はありますか", user: str = ASKER) -> int:
    offer = store.offer(user, question, "ja", GUESSES, NOW)
    decision, number = store.confirm(offer.id, user, user, NOW, CONFIG)
    assert decision == "ok" and number is not None
    return number


def test_offer_becomes_an_escalation_once(opener: Callable[[], EscalationStore]) -> None:
    store = opener()
    offer = store.offer(ASKER, "電話 090-1234-5678 まで。駐車場は？", "ja", GUESSES, NOW)
    assert store.get_offer(offer.id).question == "電話 [電話番号] まで。駐車場は?"    # masked, NFKC
    assert store.confirm(offer.id, "U-someone-else", "x", NOW, CONFIG) == ("expired", None)
    assert store.confirm(offer.id, ASKER, ASKER, NOW + CONFIG.offer_ttl + 1, CONFIG) == ("expired", None)
    assert store.confirm(offer.id, ASKER, ASKER, NOW, CONFIG) == ("ok", 1)
    assert store.confirm(offer.id, ASKER, ASKER, NOW, CONFIG) == ("duplicate", 1)
    made = store.get(1)
    assert (made.state, made.line_to, made.guesses, made.user_hash) == ("open", ASKER, GUESSES,
                                                                        store.pseudonym(ASKER, "line"))
    assert ASKER not in made.user_hash and len(made.retry_key) == 36


def test_per_user_limit_counts_open_escalations_only(opener: Callable[[], EscalationStore]) -> None:
    store = opener()
    escalation(store)
    escalation(store)
    offer = store.offer(ASKER, "三つ目", "ja", (), NOW)
    assert store.confirm(offer.id, ASKER, ASKER, NOW, CONFIG) == ("limit", None)
    assert escalation(store, user="U-other") == 3
    assert store.record_answer(1, "回答", "UTEAM", NOW)
    assert store.confirm(offer.id, ASKER, ASKER, NOW, CONFIG) == ("ok", 4)


def test_limit_holds_under_concurrent_confirms(opener: Callable[[], EscalationStore]) -> None:
    stores = [opener() for _ in range(4)]
    offers = [s.offer(ASKER, f"質問{n}", "ja", (), NOW) for n, s in enumerate(stores)]
    results: list[str] = []

    def confirm(store: EscalationStore, offer_id: str) -> None:
        results.append(store.confirm(offer_id, ASKER, ASKER, NOW, CONFIG)[0])

    threads = [threading.Thread(target=confirm, args=(s, o.id)) for s, o in zip(stores, offers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["limit", "limit", "ok", "ok"]


def test_only_the_first_answer_counts_even_from_two_processes(opener: Callable[[], EscalationStore]) -> None:
    first, second = opener(), opener()
    escalation(first)
    wins: list[bool] = []
    threads = [threading.Thread(target=lambda s=s, who=who: wins.append(s.record_answer(1, who, who, NOW)))
               for s, who in ((first, "UA"), (second, "UB"), (first, "UC"), (second, "UD"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False, False, False, True]
    answered = second.get(1)
    assert answered.state == "answered" and answered.answer == answered.answered_by


def test_delivery_claims_retries_and_final_failure(opener: Callable[[], EscalationStore]) -> None:
    store, other = opener(), opener()
    escalation(store)
    assert store.to_deliver(NOW) == []
    store.record_answer(1, "回答", "UTEAM", NOW)
    assert store.to_deliver(NOW) == [1]
    assert store.claim(1, "answered", NOW) and not other.claim(1, "answered", NOW)
    assert store.to_deliver(NOW) == []                                   # leased
    for attempt in (1, 2, 3):
        state, next_at = after_failure(store.get(1), NOW, CONFIG)
        store.attempt_failed(1, state, next_at, f"HTTP 500 try {attempt}")
        if attempt < 3:
            assert store.to_deliver(NOW) == [] and store.to_deliver(next_at) == [1]
            assert store.to_deliver(NOW, ignore_schedule=True) == [1]
    failed = store.get(1)
    assert (failed.state, failed.attempts, failed.last_error, failed.line_to) == ("failed", 3, "HTTP 500 try 3", None)
    assert store.to_deliver(NOW + 10**6, ignore_schedule=True) == []
    assert store.claim_failure_report(1) and not other.claim_failure_report(1)
    store.claim_failure_report(1, undo=True)
    assert other.claim_failure_report(1)


def test_delivered_wipes_the_line_user_id(opener: Callable[[], EscalationStore]) -> None:
    store = opener()
    escalation(store)
    store.record_answer(1, "回答", "UTEAM", NOW)
    store.delivered(1, NOW + 5)
    done = store.get(1)
    assert (done.state, done.line_to, done.delivered_at, done.attempts) == ("delivered", None, NOW + 5, 1)
    rows = store.db.query("SELECT * FROM escalations") + store.db.query("SELECT * FROM escalation_offers")
    assert ASKER not in repr(rows)


def test_slack_post_claim_and_sync_versions(opener: Callable[[], EscalationStore]) -> None:
    store, other = opener(), opener()
    escalation(store)
    assert store.to_post(NOW) == [1]
    assert store.claim(1, "open", NOW) and not other.claim(1, "open", NOW)
    store.posted(1, "C1", "1700.01", store.get(1).version)
    assert store.to_post(NOW) == [] and store.to_sync() == []
    assert store.by_thread("C1", "1700.01").id == 1 and store.by_thread("C1", "1700.02") is None
    store.record_answer(1, "回答", "UTEAM", NOW)
    rendered = store.get(1).version
    store.delivered(1, NOW)                                               # changes while Slack is updated
    store.synced(1, rendered)
    assert store.to_sync() == [1]                                         # the newer state still shows
    store.synced(1, store.get(1).version)
    assert store.to_sync() == []


def test_lists_and_retention(opener: Callable[[], EscalationStore]) -> None:
    store = opener()
    escalation(store, "一つ目")
    escalation(store, "二つ目", user="U-2")
    assert [e.question for e in store.in_state("open")] == ["一つ目", "二つ目"]
    assert store.open_count(ASKER) == 1
    store.offer(ASKER, "古い", "ja", (), NOW - 10)
    assert store.purge(NOW - 5, NOW - 365 * 86_400) == {"offers": 1, "escalations": 0}
    assert store.purge(NOW - 5, NOW + 1) == {"offers": 0, "escalations": 2}


def test_schema_is_idempotent_and_survives_reopening(opener: Callable[[], EscalationStore]) -> None:
    store = opener()
    escalation(store)
    migrate(store.db)
    again = opener()
    assert again.get(1).question == "駐車場はありますか"
    assert again.db.query("SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
