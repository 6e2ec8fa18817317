"""Answering from the inbox: events that wait together are answered together — their questions
encoded in one batch — and each gets the reply it would get alone, once, finished only when sent."""
from __future__ import annotations

import asyncio
from typing import Any, Sequence

import pytest

from bot.conversation.answering import BATCH, Answerer
from bot.conversation.background import BackgroundWork
from bot.conversation.responder import Responder
from bot.core.render import plain_text
from bot.core.types import Delivery, Inbound, IncomingMessage, Reply
from bot.engine import Engine
from bot.storage.inbox import Inbox
from bot.storage.stores import Stores

pytestmark = pytest.mark.anyio
QUESTIONS = ["総務省の電話番号を教えてください", "ALTの報酬はいくらですか", "CIRの任期は何年ですか", "SEAとは何ですか",
             "JETプログラムの応募方法", "住宅の補助はありますか", "帰国の旅費は出ますか", "有給休暇は何日",
             "健康保険には入りますか", "研修はいつありますか", "契約の更新の手続き", "asdfghjkl"]


class Recorder:
    """A channel that keeps what it sent (by event key) and checks the event was marked sending first."""

    name = "toy"

    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox
        self.sent: list[tuple[str, str]] = []

    def render(self, reply: Reply, inbound: Inbound) -> str:
        return plain_text(reply)

    async def send(self, payload: str, inbound: Inbound) -> Delivery:
        assert self.inbox.state(inbound.key) == "sending"
        await asyncio.sleep(0)
        self.sent.append((inbound.key, payload))
        return Delivery("sent")


class CountingResponder(Responder):
    """The real responder, noting how many messages each batch preparation was given."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.batches: list[int] = []

    def prepare(self, messages: Sequence[IncomingMessage]) -> None:
        self.batches.append(len(messages))
        super().prepare(messages)


def answerer(repo_engine: Engine, stores: Stores) -> tuple[Answerer, Recorder, CountingResponder]:
    outbox = Recorder(stores.inbox)
    responder = CountingResponder(Engine(repo_engine.kb))
    return Answerer(stores.inbox, responder, {"toy": outbox}, BackgroundWork(inline=True), owner="me"), outbox, responder


def accept(stores: Stores, run: str, questions: Sequence[str] = QUESTIONS, chat: str = "") -> list[str]:
    """Events asking ``questions``, one conversation each (``chat``: conversations named for it, as a later
    message in the same conversations)."""
    events = [Inbound(f"toy:{run}-{n}", IncomingMessage(q, channel="toy", user_id=f"u{n}",
                                                        conversation_id=f"{chat or run}-{n}"), {"to": f"u{n}"})
              for n, q in enumerate(questions)]
    return stores.inbox.accept(events)


def counting_encodes(repo_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sentence encoder's calls (texts per call), from here on, with nothing primed before."""
    encoder: Any = repo_engine.kb.matcher.vectors.encoder
    encoder._memo.clear()
    calls: list[int] = []
    encode = encoder.encode
    monkeypatch.setattr(encoder, "encode", lambda texts: calls.append(len(texts)) or encode(texts))
    return calls


async def test_waiting_events_answered_together_get_the_replies_they_get_one_by_one(
        repo_engine: Engine, sqlite_stores: Stores, monkeypatch: pytest.MonkeyPatch) -> None:
    answers, outbox, responder = answerer(repo_engine, sqlite_stores)
    calls = counting_encodes(repo_engine, monkeypatch)
    for key in accept(sqlite_stores, "alone"):
        await answers.answer(key)
    alone, encodes_alone = list(outbox.sent), len(calls)
    outbox.sent.clear()
    calls.clear()

    keys = accept(sqlite_stores, "together")
    await answers.answer_many(keys)
    await answers.background.drain()

    assert [text for _, text in outbox.sent] == [text for _, text in alone]
    assert sorted(key for key, _ in outbox.sent) == sorted(keys)              # each once
    assert {sqlite_stores.inbox.state(key) for key in keys} == {"done"}
    assert responder.batches == [len(QUESTIONS)]
    assert len(calls) < encodes_alone / 2 and max(calls) > 1                   # one batch, not one per question


async def test_follow_ups_answered_together_read_their_conversation_s_topic_as_one_by_one(
        repo_engine: Engine, sqlite_stores: Stores, monkeypatch: pytest.MonkeyPatch) -> None:
    answers, outbox, responder = answerer(repo_engine, sqlite_stores)
    topics = ["ALTの報酬はいくらですか", "CIRの任期は何年ですか", "総務省の電話番号を教えてください", "SEAとは何ですか"] * 2
    follow_ups = ["CIRは？", "SEAの場合は？", "メールアドレスは？", "ALTは？", "年数は？", "英語では？", "住所は？", "応募は？"]
    replies = {}
    for run in ("alone", "together"):
        for key in accept(sqlite_stores, f"{run}-topic", topics, chat=run):
            await answers.answer(key)
        calls = counting_encodes(repo_engine, monkeypatch)
        outbox.sent.clear()
        keys = accept(sqlite_stores, f"{run}-follow-up", follow_ups, chat=run)
        if run == "alone":
            for key in keys:
                await answers.answer(key)
        else:
            await answers.answer_many(keys)
            await answers.background.drain()
        replies[run] = ([text for _, text in sorted(outbox.sent, key=lambda sent: int(sent[0].rsplit("-", 1)[1]))],
                        len(calls))
        monkeypatch.undo()
    (alone, encodes_alone), (together, encodes_together) = replies["alone"], replies["together"]
    assert together == alone and len(together) == len(follow_ups)
    assert encodes_together < encodes_alone / 2                                 # the topics' readings too


async def test_an_event_held_by_another_worker_is_left_to_it(repo_engine: Engine, sqlite_stores: Stores) -> None:
    answers, outbox, _ = answerer(repo_engine, sqlite_stores)
    keys = accept(sqlite_stores, "held", QUESTIONS[:4])
    assert sqlite_stores.inbox.claim(keys[1], "another worker") is not None
    await answers.answer_many(keys + [keys[0]])   # a key hinted twice is answered once
    await answers.background.drain()
    assert sorted(key for key, _ in outbox.sent) == sorted([keys[0], keys[2], keys[3]])
    assert sqlite_stores.inbox.state(keys[1]) == "pending"


async def test_a_failing_batch_preparation_costs_nothing_but_the_saving(
        repo_engine: Engine, sqlite_stores: Stores, monkeypatch: pytest.MonkeyPatch) -> None:
    answers, outbox, responder = answerer(repo_engine, sqlite_stores)

    def broken(messages: Sequence[IncomingMessage]) -> None:
        raise RuntimeError("encoder out of memory")

    monkeypatch.setattr(responder, "prepare", broken)
    keys = accept(sqlite_stores, "broken", QUESTIONS[:3])
    await answers.answer_many(keys)
    await answers.background.drain()
    assert sorted(key for key, _ in outbox.sent) == sorted(keys)
    assert {sqlite_stores.inbox.state(key) for key in keys} == {"done"}


async def test_a_worker_answers_the_events_waiting_for_it_in_batches(repo_engine: Engine,
                                                                   sqlite_stores: Stores) -> None:
    answers, outbox, responder = answerer(repo_engine, sqlite_stores)
    keys = accept(sqlite_stores, "hinted", QUESTIONS * 2)
    hints: asyncio.Queue[str] = asyncio.Queue()
    for key in keys:
        hints.put_nowait(key)
    stop = asyncio.Event()
    worker = asyncio.create_task(answers.run(hints, stop, poll=0.05))
    for _ in range(400):
        if len(outbox.sent) == len(keys):
            break
        await asyncio.sleep(0.05)
    stop.set()
    await worker
    await answers.background.drain()
    assert sorted(key for key, _ in outbox.sent) == sorted(keys)
    assert responder.batches == [BATCH, len(keys) - BATCH]


async def test_a_batch_larger_than_the_sends_allowed_at_once_is_answered_in_turns(repo_engine: Engine,
                                                                                 sqlite_stores: Stores) -> None:
    outbox = Recorder(sqlite_stores.inbox)
    answers = Answerer(sqlite_stores.inbox, Responder(Engine(repo_engine.kb)), {"toy": outbox},
                       BackgroundWork(inline=True), owner="me", concurrency=3)
    keys = accept(sqlite_stores, "turns", QUESTIONS[:8])
    await asyncio.wait_for(answers.answer_many(keys), 30)
    await answers.background.drain()
    assert sorted(key for key, _ in outbox.sent) == sorted(keys)
