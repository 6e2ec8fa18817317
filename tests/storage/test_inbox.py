"""The durable inbox, on SQLite and PostgreSQL: what is stored, what is handed out to answer, what is unfinished."""
from __future__ import annotations

import threading
import time
from typing import Callable

from bot.core.types import Delivery, Inbound, IncomingMessage, Reply
from bot.storage.stores import Stores, open_stores
from databases import NOW, storage_at

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


def test_two_hosts_storing_the_same_events_in_another_order_never_deadlock(pg_url: str) -> None:
    """Host B's transaction has stored event 1 and not committed; host A stores events 2 and 1 (a
    platform redelivering B's event to A): A waits for B's commit and B can still store event 2."""
    import psycopg

    host_a = open_stores(storage_at(pg_url), clock=lambda: NOW)
    host_b = psycopg.connect(pg_url)          # a transaction of its own, left open
    host_b.execute("SET lock_timeout = '5s'")  # so that a wait on host A fails the test instead of hanging it
    insert = "INSERT INTO inbox (key, channel, state, received_at, payload) VALUES (%s, 'line', 'pending', 0, '')" \
             " ON CONFLICT (key) DO NOTHING"
    host_b.execute(insert, ("line:ev1",))
    result: list[object] = []
    accepting = threading.Thread(target=lambda: result.append(_outcome(host_a.inbox.accept, [event(2), event(1)])))
    accepting.start()
    try:
        deadline = time.monotonic() + 30
        while not _waits_on_a_lock(pg_url) and accepting.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        host_b.execute(insert, ("line:ev2",))   # would close a cycle if host A had stored event 2 first
        host_b.commit()
    finally:
        accepting.join(30)
        host_b.close()
        host_a.close()
    assert result == [["line:ev2", "line:ev1"]]   # both unfinished and free: host A answers them


def _outcome(call: Callable[..., object], *args: object) -> object:
    try:
        return call(*args)
    except Exception as error:  # noqa: BLE001 - the test reports whatever it was
        return error


def _waits_on_a_lock(pg_url: str) -> bool:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                           " AND query LIKE 'INSERT INTO inbox%%'").fetchone()
    return bool(row and row[0])


def test_finishing_an_event_notes_how_its_reply_went_on_its_inquiry(open_test_stores: Opener) -> None:
    stores = open_test_stores()
    inbox, day = stores.inbox, time.strftime("%Y-%m-%d", time.gmtime(NOW))
    inbox.accept([event(1), event(2)])
    refs = [stores.inquiries.record(e.message, Reply(text="a", intent_id="overview", score=80.0), "v1", NOW, e.key)
            for e in (event(1), event(2))]
    for n, delivery in ((1, Delivery("sent")), (2, Delivery("failed", "HTTP 500"))):
        assert inbox.claim(f"line:ev{n}", "host:1") is not None
        inbox.sending(f"line:ev{n}", "host:1")
        inbox.finish(f"line:ev{n}", "host:1", delivery, refs[n - 1])
    assert (inbox.state("line:ev1"), inbox.state("line:ev2")) == ("done", "undeliverable")
    assert stores.deliveries.counts(day, day)["sent"] == 1
    assert [(u.outcome, u.detail, u.question) for u in stores.deliveries.undelivered(day, day)] == [
        ("failed", "HTTP 500", "質問 2")]
