"""A person, offered unasked: after 「解決しない」 with nothing else to offer, and after two fallbacks in
a row; each offer and confirmation says when a person will answer (office hours, holidays off).
Signed LINE webhooks and Slack stand-ins, a real SQLite log, a clock set to a Friday evening in Tokyo."""
from __future__ import annotations

import datetime as dt
from typing import AsyncIterator
from zoneinfo import ZoneInfo

import pytest

from bot.core.knowledge_base import KnowledgeBase
from bot.engine import Engine
from bot.storage.stores import Stores
from escalation_flows import ASKER, POST, UNANSWERABLE, Clock, escalation_items
from escalation_harness import Client, LinePlatform, SlackPlatform, make_app, settings
from line_api_fake import postback_event, text_event, user

pytestmark = pytest.mark.anyio
FRIDAY_EVENING = dt.datetime(2026, 12, 4, 18, 30, tzinfo=ZoneInfo("Asia/Tokyo")).timestamp()
NEXT_OPENING = "次の開庁日（12月7日（月）9:00以降）に担当者が回答します"


@pytest.fixture
async def logged(line: LinePlatform, slack: SlackPlatform, kb: KnowledgeBase, store: Stores,
                 clock: Clock) -> AsyncIterator[Client]:
    """The app with escalation on, whose engine logs every inquiry, on Friday 18:30 in Tokyo."""
    clock.now = FRIDAY_EVENING
    client = Client(make_app(settings(line, slack), Engine(kb, clock=clock, log=store.inquiries), store, clock))
    yield client
    await client.settle()
    await client.close()


def data_of(messages: list[dict]) -> list[str]:
    return [i["action"]["data"] for i in (messages[-1].get("quickReply") or {}).get("items", [])]


async def test_not_solved_without_choices_offers_a_person_and_says_when(
        logged: Client, line: LinePlatform, slack: SlackPlatform, store: Stores, clock: Clock) -> None:
    await logged.line(text_event("総務省の電話番号を教えてください", source=user(ASKER)))
    [vote_no] = [d for d in data_of(line.last_reply()) if d.startswith("feedback=no")]
    await logged.line(postback_event(vote_no, source=user(ASKER)))
    [reply] = line.last_reply()
    assert reply["text"].startswith("ご回答ありがとうございました。お役に立てず申し訳ありません。")
    assert NEXT_OPENING in reply["text"]
    [(label, confirm)] = escalation_items([reply])
    assert label == "担当者に転送"

    await logged.line(postback_event(confirm, source=user(ASKER)))
    confirmed = line.last_reply()[0]["text"]
    assert confirmed.startswith("JETプログラム担当に転送しました（受付番号 #1）") and NEXT_OPENING in confirmed
    [posted] = slack.delivered(POST)
    assert "総務省の電話番号を教えてください" in str(posted)      # the rated question went to the team
    [(helpful,)] = store.db.query("SELECT helpful FROM feedback")
    assert helpful == 0


async def test_two_fallbacks_in_a_row_offer_a_person_first(logged: Client, line: LinePlatform) -> None:
    await logged.line(text_event(UNANSWERABLE, source=user(ASKER)))
    first = line.last_reply()
    assert "うまくお答えできず" not in first[0]["text"]
    await logged.line(text_event("喫煙所はどこですか", source=user(ASKER)))
    second = line.last_reply()
    assert "うまくお答えできず申し訳ありません" in second[0]["text"] and NEXT_OPENING in second[0]["text"]
    assert data_of(second)[0].startswith("escalate=confirm&q=")     # the person comes first


async def test_an_answer_between_two_fallbacks_breaks_the_streak(logged: Client, line: LinePlatform) -> None:
    await logged.line(text_event(UNANSWERABLE, source=user(ASKER)))
    await logged.line(text_event("総務省の電話番号を教えてください", source=user(ASKER)))
    await logged.line(text_event("喫煙所はどこですか", source=user(ASKER)))
    assert "うまくお答えできず" not in line.last_reply()[0]["text"]


async def test_during_office_hours_the_offer_says_a_person_answers_in_turn(
        logged: Client, line: LinePlatform, clock: Clock) -> None:
    clock.now = dt.datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo")).timestamp()
    await logged.line(text_event(UNANSWERABLE, source=user(ASKER)))
    await logged.line(text_event("喫煙所はどこですか", source=user(ASKER)))
    text = line.last_reply()[0]["text"]
    assert "担当者が開庁時間内に順次回答します" in text and "次の開庁日" not in text
