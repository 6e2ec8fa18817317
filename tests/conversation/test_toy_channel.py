"""A new channel is one class: this toy platform (signed JSON in, plain text out) runs in the real app
through the channel contract, and gets what every channel gets — answers, dedupe, the inquiry log."""
from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Sequence

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.channel import Intake
from bot.core.render import plain_text
from bot.core.types import Delivery, Inbound, IncomingMessage, Reply
from bot.engine import load_engine
from bot.settings import Settings
from bot.storage.stores import Stores
from bot.web.app import create_app
from paths import FIXTURES
from proc import serving_engine

pytestmark = pytest.mark.anyio
KEY = b"toy-signing-key"
MINI = FIXTURES / "mini"


class ToyChannel:
    """POST /toy {"id", "user", "text"} with X-Toy-Signature = hex HMAC-SHA256 of the body."""

    name = "toy"

    def __init__(self) -> None:
        self.outbox: list[tuple[str, str]] = []   # (user, text) as the toy platform received them

    def routes(self, intake: Intake) -> Sequence[BaseRoute]:
        async def receive(request: Request) -> Response:
            body = await request.body()
            expected = hmac.new(KEY, body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(request.headers.get("x-toy-signature", ""), expected):
                return JSONResponse({"error": "bad signature"}, status_code=401)
            event = json.loads(body)
            message = IncomingMessage(event["text"], channel=self.name, user_id=event["user"],
                                      conversation_id=event["user"])
            await intake.accept([Inbound(f"toy:{event['id']}", message, {"to": event["user"]})])
            return JSONResponse({"ok": True})
        return [Route("/toy", receive, methods=["POST"])]

    def render(self, reply: Reply, inbound: Inbound) -> str:
        return plain_text(reply)

    async def send(self, payload: str, inbound: Inbound) -> Delivery:
        self.outbox.append((inbound.target["to"], payload))
        return Delivery("sent")

    def health(self) -> dict[str, Any]:
        return {"enabled": True}

    async def start(self) -> None:
        pass

    async def aclose(self) -> None:
        pass


def signed(event: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(event, ensure_ascii=False).encode()
    return body, {"x-toy-signature": hmac.new(KEY, body, hashlib.sha256).hexdigest()}


async def test_a_toy_channel_is_answered_deduped_and_logged(sqlite_stores: Stores) -> None:
    toy = ToyChannel()
    engine = serving_engine(load_engine(MINI / "intents", MINI / "knowledge").kb, sqlite_stores)
    settings = Settings(intents_dir=MINI / "intents", knowledge_dir=MINI / "knowledge", admin_token="toy-admin")
    app = create_app(settings, engine, sqlite_stores, channels=[toy])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bot") as http:
        body, headers = signed({"id": "e1", "user": "alice", "text": "総務省の電話番号は？"})
        for _ in range(2):   # the platform delivers the same event twice
            assert (await http.post("/toy", content=body, headers=headers)).status_code == 200
        forged = await http.post("/toy", content=body, headers={"x-toy-signature": "0" * 64})
        assert forged.status_code == 401
        await app.state.background.drain()
        health = (await http.get("/healthz", headers={"Authorization": "Bearer toy-admin"})).json()
    [(user, text)] = toy.outbox
    assert user == "alice" and "03-5253-5527" in text
    rows = sqlite_stores.db.query("SELECT channel, question, intent FROM inquiries")
    assert rows == [("toy", "総務省の電話番号は?", "contact_mic")]   # stored NFKC-normalised
    assert health["channels"]["toy"] == {"enabled": True}
