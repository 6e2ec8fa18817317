"""The feedback store: one vote per inquiry and voter (the latest counts), pseudonymous, kept as long as the log."""
from __future__ import annotations

from typing import Callable

from bot.core.types import IncomingMessage, Reply, Suggestion
from bot.storage.retention import DAY
from bot.storage.stores import Stores

NOW = 1_717_243_200.0


def test_votes_are_upserted_per_voter_and_unknown_inquiries_write_nothing(
        open_test_stores: Callable[..., Stores]) -> None:
    stores = open_test_stores(clock=lambda: NOW)
    ref = stores.inquiries.record(IncomingMessage("事例集", channel="line", user_id="U1"),
                                  Reply(text="a", kind="clarify", intent_id="casebook", score=70.0,
                                        suggestions=(Suggestion("財政", "financial_support"),)), "v1", NOW)
    rated = stores.feedback.vote(ref, "U1", "line", True)
    assert rated is not None and rated.choices == ("financial_support",) and rated.question == "事例集"
    stores.feedback.vote(ref, "U1", "line", False)
    stores.feedback.vote(ref, "U2", "line", True)
    rows = stores.db.query("SELECT voter, helpful FROM feedback ORDER BY helpful")
    assert [int(h) for _, h in rows] == [0, 1]
    assert all(str(voter) not in ("U1", "U2") for voter, _ in rows)            # pseudonymous
    assert stores.feedback.vote("forged", "U1", "line", True) is None
    assert stores.feedback.vote("", "U1", "line", True) is None
    assert len(stores.db.query("SELECT * FROM feedback")) == 2
    assert stores.feedback.purge(NOW + 400 * DAY) == 2                         # past the retention period
