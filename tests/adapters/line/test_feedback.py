"""「解決しましたか？」 on LINE: the answer carries 解決した / 解決しない, a tap records the vote and
is answered. Signed webhooks to the real app (real engine on the LINE fixture knowledge, real
line-bot-sdk, a real SQLite inquiry log) against the fake Messaging API."""
from __future__ import annotations

from typing import AsyncIterator

import pytest
from starlette.applications import Starlette

from bot.core.limits import LINE_QUICK_REPLIES
from bot.core.types import Candidate, IncomingMessage, Reply, Suggestion
from bot.engine import Engine
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app
from line_api_fake import deliver, follow_event, postback_event, text_event, user

pytestmark = pytest.mark.anyio
ASKER = "U-asker-1"


@pytest.fixture
async def logged_app(line_settings: Settings, engine: Engine, sqlite_stores: Stores) -> AsyncIterator[Starlette]:
    """The LINE app whose engine logs every inquiry (so answers have an id to rate)."""
    app = create_app(line_settings, Engine(engine.kb, log=sqlite_stores.inquiries), sqlite_stores)
    async with app.router.lifespan_context(app):
        yield app


def items(reply: dict) -> list[tuple[str, str]]:
    return [(i["action"]["label"], i["action"]["data"]) for i in reply["messages"][-1]["quickReply"]["items"]]


def votes(stores: Stores) -> list[tuple[str, int]]:
    return [(str(r[0]), int(r[1])) for r in stores.db.query("SELECT inquiry, helpful FROM feedback ORDER BY at")]


async def test_an_answer_carries_the_vote_buttons_and_a_tap_is_recorded_and_thanked(
        logged_app: Starlette, fake_api, sqlite_stores: Stores) -> None:
    fake_api.accept()
    await deliver(logged_app, text_event("総務省の電話番号を教えてください", source=user(ASKER)))
    answer = fake_api.replies[-1]
    [(ref,)] = sqlite_stores.db.query("SELECT ref FROM inquiries")
    buttons = items(answer)
    assert buttons[:2] == [("解決した", f"feedback=yes&i={ref}"), ("解決しない", f"feedback=no&i={ref}")]
    assert [data for _, data in buttons[2:]] == ["intent=financial_support", "intent=casebook"]  # kept
    assert all("総務省" not in data for _, data in buttons)        # the question never rides in a button

    await deliver(logged_app, postback_event(f"feedback=yes&i={ref}", source=user(ASKER)))
    assert fake_api.replies[-1]["messages"][0]["text"] == "ご回答ありがとうございました。お役に立ててよかったです。"
    assert votes(sqlite_stores) == [(ref, 1)]

    await deliver(logged_app, postback_event(f"feedback=no&i={ref}", source=user(ASKER)))   # changed mind
    assert votes(sqlite_stores) == [(ref, 0)]                     # the latest vote counts, once
    text = fake_api.replies[-1]["messages"][0]["text"]
    assert text.startswith("ご回答ありがとうございました。お役に立てず申し訳ありません。")
    assert "言葉を変えて" in text                                 # no choices, no team here: how to go on


async def test_greeting_fallback_and_help_carry_no_vote_buttons(logged_app: Starlette, fake_api) -> None:
    fake_api.accept()
    await deliver(logged_app, follow_event(source=user(ASKER)))
    await deliver(logged_app, text_event("駐車場はありますか", source=user(ASKER)))
    await deliver(logged_app, postback_event("intent=help", source=user(ASKER)))
    for reply in fake_api.replies:
        data = [i["action"]["data"] for i in (reply["messages"][-1].get("quickReply") or {}).get("items", [])]
        assert not any(d.startswith("feedback=") for d in data), data


async def test_not_solved_offers_the_did_you_mean_choices_again(logged_app: Starlette, fake_api,
                                                                sqlite_stores: Stores) -> None:
    fake_api.accept()
    clarify = Reply(text="…", kind="clarify", intent_id="casebook", score=60.0,
                    suggestions=(Suggestion("事例", "casebook"), Suggestion("財政", "financial_support")),
                    candidates=(Candidate("casebook", 60.0),))
    ref = sqlite_stores.inquiries.record(IncomingMessage("ALTの事例と財政", channel="line", user_id=ASKER),
                                         clarify, "v1")
    await deliver(logged_app, postback_event(f"feedback=no&i={ref}", source=user(ASKER)))
    reply = fake_api.replies[-1]
    assert "次の話題のどれかでしたら" in reply["messages"][0]["text"]
    assert [data for _, data in items(reply)] == ["intent=casebook", "intent=financial_support"]


async def test_a_forged_or_unknown_inquiry_id_gets_a_polite_reply(logged_app: Starlette, fake_api,
                                                                  sqlite_stores: Stores) -> None:
    fake_api.accept()
    for data in ("feedback=no&i=not-a-real-id", "feedback=yes&i=", "feedback=maybe&i=x"):
        response = await deliver(logged_app, postback_event(data, source=user(ASKER)))
        assert response.status_code == 200
        text = fake_api.replies[-1]["messages"][0]["text"]
        assert text.startswith("申し訳ありません。"), (data, text)
    assert votes(sqlite_stores) == []


async def test_vote_buttons_and_other_quick_replies_stay_within_thirteen() -> None:
    from adapters.line.messages import reply_to_messages
    many = tuple(Suggestion(f"話題{n}", f"topic_{n}") for n in range(20))
    reply = Reply(text="答え", intent_id="casebook", score=90.0, suggestions=many, inquiry_id="ref123")
    quick = reply_to_messages(reply)[-1]["quickReply"]
    assert len(quick["items"]) == LINE_QUICK_REPLIES
    assert [i["action"]["data"] for i in quick["items"][:2]] == ["feedback=yes&i=ref123", "feedback=no&i=ref123"]
