"""The durable inbox, on SQLite and PostgreSQL: what is stored, what is handed out to answer, what is unfinished."""
from __future__ import annotations

from typing import Callable

from bot.core.types import Delivery, Inbound, IncomingMessage
from bot.storage.stores import Stores

Opener = Callable[..., Stores]


def event(n: int) -> Inbound:
    return Inbound(f"line:ev{n}", IncomingMessage(f"質問 {n}", channel="line", user_id="U1"), {"reply_token": f"rt{n}"})


def test_new_events_are_stored_together_and_handed_out_once_finished_ones_never_again(open_test_stores: Opener) -> None:
    inbox = open_test_stores().inbox
    assert inbox.accept([event(1), event(2), event(3)]) == ["line:ev1", "line:ev2", "line:ev3"]
    claimed = inbox.claim("line:ev1", "host:1")
    assert claimed is not None and claimed.target == {"reply_token": "rt1"} and claimed.message.text == "質問 1"
    inbox.finish("line:ev1", "host:1", Delivery("sent"))
    assert inbox.claim("line:ev2", "host:1") is not None                    # being answered: leased
    # redelivered: the finished one is skipped, the leased one is someone's, the pending one is answered
    assert inbox.accept([event(1), event(2), event(3)]) == ["line:ev3"]
    assert sorted(inbox.unfinished(["line:ev1", "line:ev2", "line:ev3", "line:never"])) == ["line:ev2", "line:ev3"]
    assert inbox.unfinished([]) == []


def test_another_process_sees_the_events_as_soon_as_accept_returns(open_test_stores: Opener) -> None:
    web, worker = open_test_stores(), open_test_stores()
    web.inbox.accept([event(7), event(8)])
    assert sorted(worker.inbox.unfinished(["line:ev7", "line:ev8"])) == ["line:ev7", "line:ev8"]
    assert worker.inbox.claim("line:ev8", "host:2") is not None


def test_several_events_are_claimed_in_one_go_each_by_one_worker_only(open_test_stores: Opener) -> None:
    first, second = open_test_stores(), open_test_stores()
    first.inbox.accept([event(n) for n in range(1, 6)])
    first.inbox.finish("line:ev5", "host:1", Delivery("sent")) if first.inbox.claim("line:ev5", "host:1") else None
    assert second.inbox.claim("line:ev2", "host:2") is not None
    taken = first.inbox.claim_many(["line:ev4", "line:ev1", "line:ev2", "line:ev3", "line:ev5", "line:ev1", "line:x"],
                                   "host:1")
    assert [e.key for e in taken] == ["line:ev4", "line:ev1", "line:ev3"]      # in the order asked, each once
    assert [e.message.text for e in taken] == ["質問 4", "質問 1", "質問 3"] and {e.attempt for e in taken} == {1}
    assert second.inbox.claim_many(["line:ev1", "line:ev3", "line:ev4"], "host:2") == []   # all leased
    assert first.inbox.claim_many([], "host:1") == []
