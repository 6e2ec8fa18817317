"""What the triage queue keeps, on SQLite and PostgreSQL: the rows needing a person, decisions, the audit list."""
from __future__ import annotations

from typing import Callable

import pytest

from bot.core.types import Candidate, IncomingMessage, Reply
from bot.storage.retention import DAY
from bot.storage.stores import Stores
from bot.storage.triage import DONE, OUT_OF_SCOPE, TriageStore
from databases import NOW

Opener = Callable[..., Stores]


def reply(kind: str, score: float, fallback: bool, intent: str = "size") -> Reply:
    return Reply(text="…", kind=kind, fallback=fallback, score=score, intent_id=None if fallback else intent,  # type: ignore[arg-type]
                 candidates=(Candidate(intent, score),))


def test_unanswered_unsure_and_low_scored_answers_need_a_person_newest_first(open_test_stores: Opener) -> None:
    stores = open_test_stores()
    log = stores.inquiries.record
    log(IncomingMessage("駐車場はありますか"), reply("fallback", 20, True), "v1", NOW - 3 * DAY)
    log(IncomingMessage("JETの人はどこの出身"), reply("clarify", 45, True), "v1", NOW - 2 * DAY)
    log(IncomingMessage("参加者は何人くらい"), reply("answer", 55, False), "v1", NOW - DAY)
    log(IncomingMessage("JETの参加者数は"), reply("answer", 92, False), "v1", NOW)   # confident: not queued
    log(IncomingMessage("こんにちは"), reply("help", 0, True), "v1", NOW)             # noise gets help: not queued
    rows = TriageStore(stores.db).needing_person("2024-05-01", "2024-06-01")
    assert [(r.question, r.reason, r.top_intent) for r in rows] == [
        ("参加者は何人くらい", "low_score", "size"), ("JETの人はどこの出身", "unsure", "size"),
        ("駐車場はありますか", "unanswered", "size")]
    assert rows[0].at == NOW - DAY


def test_the_latest_decision_on_a_question_is_kept(open_test_stores: Opener) -> None:
    triage = TriageStore(open_test_stores().db, clock=lambda: NOW)
    triage.mark(["駐車場", "天気"], OUT_OF_SCOPE, "admin")
    triage.mark(["駐車場"], DONE, "admin (web)", intent="venue")
    marks = triage.marks()
    assert (marks["駐車場"].status, marks["駐車場"].intent, marks["駐車場"].who) == (DONE, "venue", "admin (web)")
    assert marks["天気"].status == OUT_OF_SCOPE and marks["天気"].at == NOW
    with pytest.raises(ValueError):
        triage.mark(["x"], "done", "admin")


def test_every_yaml_write_is_listed_newest_first(open_test_stores: Opener) -> None:
    times = iter([NOW, NOW + 60])
    triage = TriageStore(open_test_stores().db, clock=lambda: next(times))
    triage.record_edit("cli:alice", "add-example", "intents/people.yaml", "size: 参加国")
    triage.record_edit("admin (web)", "import", "intents/x.yaml", "faq.xlsx: 1 changed")
    assert [(e.who, e.action, e.at) for e in triage.edits()] == [("admin (web)", "import", NOW + 60),
                                                                 ("cli:alice", "add-example", NOW)]


def test_a_confident_answer_rated_not_helpful_needs_a_person_once_however_many_voted(
        open_test_stores: Opener) -> None:
    stores = open_test_stores()
    rated = stores.inquiries.record(IncomingMessage("JETの参加者数は"), reply("answer", 92, False), "v1", NOW)
    liked = stores.inquiries.record(IncomingMessage("SEAとは"), reply("answer", 95, False), "v1", NOW)
    for voter in ("U1", "U2"):
        stores.feedback.vote(rated, voter, "line", helpful=False, at=NOW)
    stores.feedback.vote(liked, "U1", "line", helpful=True, at=NOW)
    rows = TriageStore(stores.db).needing_person("2024-05-01", "2024-06-01")
    assert [(r.question, r.reason) for r in rows] == [("JETの参加者数は", "not_helpful")]
    stores.feedback.vote(rated, "U1", "line", helpful=True, at=NOW)       # one changed their mind
    assert len(TriageStore(stores.db).needing_person("2024-05-01", "2024-06-01")) == 1
    stores.feedback.vote(rated, "U2", "line", helpful=True, at=NOW)
    assert TriageStore(stores.db).needing_person("2024-05-01", "2024-06-01") == []
