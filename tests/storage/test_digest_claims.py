"""The weekly digest's claims: one holder per week across processes; failures retried later."""
from __future__ import annotations

from typing import Callable

from bot.storage.digest_claims import LEASE, RETRY_AFTER
from bot.storage.stores import Stores
from databases import NOW


def test_a_week_is_claimed_once_and_a_failure_is_tried_again_later(open_test_stores: Callable[..., Stores]) -> None:
    now = [NOW]
    a, b = open_test_stores(clock=lambda: now[0]).digests, open_test_stores(clock=lambda: now[0]).digests
    assert a.claim("2026-11-30", "a") and not b.claim("2026-11-30", "b")
    a.failed("2026-11-30", "a", "SlackApiError: ratelimited")
    assert not b.claim("2026-11-30", "b"), "retried before its time"
    now[0] += RETRY_AFTER + 1
    assert b.claim("2026-11-30", "b") and not a.claim("2026-11-30", "a")
    b.sent("2026-11-30", "b")
    now[0] += LEASE * 10
    assert not a.claim("2026-11-30", "a"), "a sent week is never sent again"
    state = a.state("2026-11-30")
    assert state is not None and state.state == "sent" and state.attempts == 2 and state.error is None


def test_a_dead_holders_claim_is_taken_over_after_its_lease(open_test_stores: Callable[..., Stores]) -> None:
    now = [NOW]
    a, b = open_test_stores(clock=lambda: now[0]).digests, open_test_stores(clock=lambda: now[0]).digests
    assert a.claim("2026-12-07", "a")
    now[0] += LEASE - 1
    assert not b.claim("2026-12-07", "b")
    now[0] += 2
    assert b.claim("2026-12-07", "b")
