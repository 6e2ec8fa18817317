"""Odd text must not cost a question its row in the inquiry log (SQLite and PostgreSQL).

A signed LINE body can carry a lone surrogate as a JSON escape (``\\ud800``), and any text can carry
NUL. The question is answered either way (tests/test_hostile_unicode.py); here the row must be
written too: SQLite cannot encode a lone surrogate as UTF-8 and PostgreSQL refuses NUL in text,
so today the store's INSERT raises, the engine logs "could not record the inquiry" and the row is
lost. Patch 6 stores U+FFFD in their place.
"""
from __future__ import annotations

import asyncio
import json

import httpx
import pytest

import line_api_fake
from bot.core.knowledge_base import load_kb
from bot.storage.stores import open_stores
from bot.web.app import create_app
from databases import storage_at
from proc import LINE_KB, REPLY, StandIn, serving_engine, stand_in_settings


@pytest.mark.parametrize("text", ["総務省の電話番号 \ud800", "総務省の\x00電話番号", "\udfff\x00"],
                         ids=["lone-surrogate", "nul", "both"])
def test_odd_text_through_the_webhook_is_answered_and_logged(store_target: str, text: str) -> None:
    stand_in = StandIn()
    store = open_stores(storage_at(store_target))
    try:
        engine = serving_engine(load_kb(LINE_KB / "intents", LINE_KB / "knowledge"), store)
        app = create_app(stand_in_settings(stand_in), engine, store)
        body = json.dumps({"destination": "U", "events": [line_api_fake.text_event(text)]}).encode()  # \\u escapes

        async def deliver() -> int:
            async with app.router.lifespan_context(app):  # drains the replies and closes the client
                async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as http:
                    response = await http.post("/line/webhook", content=body, headers={
                        "content-type": "application/json", "x-line-signature": line_api_fake.sign(body)})
            return response.status_code

        assert asyncio.run(deliver()) == 200
        assert len(stand_in.delivered(REPLY)) == 1                 # answered (this part holds today)
        [(question,)] = store.db.query("SELECT question FROM inquiries")
        assert "\ufffd" in question and "\x00" not in question
    finally:
        store.close()
        stand_in.close()
