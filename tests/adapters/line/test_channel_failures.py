"""The webhook under bad input and a misbehaving LINE API: rejected early, never a 500, logged."""
from __future__ import annotations

import json
import logging
import socket

import httpx
import pytest

from adapters.line.channel import MAX_BODY_BYTES, LineChannel
from bot.settings import LineSettings, Settings
from bot.web.app import create_app
from line_api_fake import (
    KB, SECRET, TOKEN, deliver, post_webhook, sign, text_event, webhook_body,
)

pytestmark = pytest.mark.anyio
LOGGER = "adapters.line.channel"


async def test_wrong_signature_is_rejected_and_nothing_is_sent(app, fake_api):
    fake_api.accept()
    body = webhook_body(text_event("総務省の連絡先"))
    response, _ = await post_webhook(app, body, sign(body, secret="someone-elses-secret"))
    assert response.status_code == 400
    await app.state.background.drain()
    assert fake_api.requests == []


async def test_missing_signature_is_rejected_and_nothing_is_sent(app, fake_api):
    fake_api.accept()
    response, _ = await post_webhook(app, webhook_body(text_event("総務省の連絡先")))
    assert response.status_code == 400
    await app.state.background.drain()
    assert fake_api.requests == []


async def test_body_changed_after_signing_is_rejected(app, fake_api):
    fake_api.accept()
    body = webhook_body(text_event("総務省の連絡先"))
    response, _ = await post_webhook(app, body.replace("総務省".encode(), "文科省".encode()),
                                     sign(body))
    assert response.status_code == 400
    assert fake_api.requests == []


@pytest.mark.parametrize("body", [
    b"not json", b"null", b"[]", b'{"destination": "U-bot"}', b'{"events": "x"}',
    b'{"events": [{"type": "message"}]}', "総務省".encode("shift_jis"),
], ids=["text", "null", "list", "no-events", "events-not-list", "incomplete-event", "not-utf8"])
async def test_signed_body_the_sdk_cannot_read_is_a_400_with_a_log_line(app, fake_api, caplog,
                                                                     body):
    fake_api.accept()
    caplog.set_level(logging.WARNING, LOGGER)
    response, _ = await post_webhook(app, body, sign(body))
    assert response.status_code == 400
    assert any(r.name == LOGGER and r.levelno == logging.WARNING for r in caplog.records)
    assert fake_api.requests == []


async def test_verify_request_without_events_gets_200(app, fake_api):
    fake_api.accept()
    body = json.dumps({"destination": "U-bot", "events": []}).encode()
    response, _ = await post_webhook(app, body, sign(body))
    assert response.status_code == 200
    assert fake_api.requests == []


async def test_without_credentials_the_channel_is_off(engine, caplog):
    caplog.set_level(logging.INFO, LOGGER)
    settings = Settings(intents_dir=KB / "intents", knowledge_dir=KB / "knowledge", admin_token="line-admin",
                        line=LineSettings(channel_secret=SECRET))  # token missing
    app = create_app(settings, engine)
    disabled = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert disabled == ["LINE channel disabled: LINE_CHANNEL_ACCESS_TOKEN not set"]
    body = webhook_body(text_event("総務省の連絡先"))
    response, _ = await post_webhook(app, body, sign(body))
    assert response.status_code == 503
    assert response.json()["error"] == "LINE channel disabled: LINE_CHANNEL_ACCESS_TOKEN not set"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://bot.test") as client:
        health = (await client.get("/healthz", headers={"Authorization": "Bearer line-admin"})).json()
    assert health["channels"]["line"] == {"enabled": False,
                                          "reason": "LINE_CHANNEL_ACCESS_TOKEN not set"}
    assert SECRET not in caplog.text and SECRET not in json.dumps(health)


def test_status_names_both_missing_variables_when_nothing_is_set():
    assert LineChannel(LineSettings()).health() == {
        "enabled": False,
        "reason": "LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN not set"}


def test_status_when_enabled_shows_the_api_host_but_no_secret(line_settings, fake_api):
    status = LineChannel(line_settings.line).health()
    assert status == {"enabled": True, "api": fake_api.url}
    assert SECRET not in str(status) and TOKEN not in str(status)


async def test_body_declared_larger_than_1mb_is_refused_with_413(app, fake_api):
    fake_api.accept()
    body = webhook_body(text_event("総" * (MAX_BODY_BYTES // 3 + 10)))
    assert len(body) > MAX_BODY_BYTES
    response, _ = await post_webhook(app, body, sign(body))
    assert response.status_code == 413
    assert fake_api.requests == []


async def test_streamed_body_growing_past_1mb_is_refused_with_413(app, fake_api):
    fake_api.accept()
    chunks_sent = 0

    async def endless():
        nonlocal chunks_sent
        while chunks_sent < 100:  # would be 6.4 MB; the app must stop reading early
            chunks_sent += 1
            yield b" " * 65536

    response, _ = await post_webhook(app, endless(), "c2lnbmF0dXJl")
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert fake_api.requests == []


@pytest.mark.parametrize("status", [500, 429])
async def test_api_error_is_logged_with_event_id_and_never_retried(app, fake_api, caplog, status):
    fake_api.fail(status, "The reply failed")
    caplog.set_level(logging.INFO, LOGGER)
    response = await deliver(app, text_event("総務省の連絡先", event_id="01HFAILINGEVENT"))
    assert response.status_code == 200
    assert len(fake_api.requests) == 1  # a reply token is single use: no second attempt
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR and r.name == LOGGER]
    assert "01HFAILINGEVENT" in error and f"HTTP {status}" in error and "req-42" in error


async def test_hanging_api_times_out_while_the_webhook_already_answered(app, fake_api, caplog,
                                                                       monkeypatch):
    monkeypatch.setattr(LineChannel, "reply_timeout", 0.5)
    fake_api.hang()
    caplog.set_level(logging.INFO, LOGGER)
    body = webhook_body(text_event("総務省の連絡先", event_id="01HSLOWAPI"))
    response, took = await post_webhook(app, body, sign(body))
    assert response.status_code == 200 and took < 0.4
    assert app.state.background.pending == 1  # the reply is still on its way
    await app.state.background.drain()
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR and r.name == LOGGER]
    assert "01HSLOWAPI" in error and "0.5 s" in error
    assert len(fake_api.requests) <= 1


async def test_unreachable_api_is_logged_with_event_id(engine, caplog):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(line=LineSettings(channel_secret=SECRET, channel_access_token=TOKEN,
                                          api_url=f"http://127.0.0.1:{port}"))
    app = create_app(settings, engine)
    caplog.set_level(logging.INFO, LOGGER)
    async with app.router.lifespan_context(app):
        response = await deliver(app, text_event("総務省の連絡先", event_id="01HNOBODYHOME"))
    assert response.status_code == 200
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR and r.name == LOGGER]
    assert "01HNOBODYHOME" in error and "Connect" in error
