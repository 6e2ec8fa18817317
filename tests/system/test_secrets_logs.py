"""Secrets come only from the environment and never come out: not in the logs (stdout/stderr of a
``jetbot serve`` subprocess through a whole session with failures, at DEBUG level), not in error
pages, ``/healthz``, the admin pages, response headers, the command line or the database.

The session: normal questions on both channels; wrong, missing and stale signatures; the LINE and
Slack APIs answering 500 and then refusing connections; admin log-in with the token in the URL,
wrong tokens, a reload; 404, 405, 413 and 400 pages. The log of the shared server (INFO, every
other reliability test's traffic) is scanned as well.
"""
from __future__ import annotations

import re
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

import line_api_fake
import slack_api_fake
from bot.settings import REPO_ROOT
from proc import ADMIN_TOKEN, POST, REPLY, SECRETS, Act, Jetbot, line_request, own_server, shared, wait_for


def leaks(text: str) -> list[str]:
    """Names of the secrets found in ``text`` (whole, or any 12-character piece of them)."""
    found = []
    for name, value in SECRETS.items():
        pieces = {value[i:i + 12] for i in range(0, len(value) - 11, 4)}
        if value in text or any(piece in text for piece in pieces):
            found.append(name)
    return found


def session_with_failures(bot: Jetbot, stand_in: Any) -> list[str]:
    """Drive the process through normal use and every failure; returns what it sent back."""
    seen: list[str] = []
    t = uuid.uuid4().hex[:8].upper()

    def keep(response: httpx.Response) -> httpx.Response:
        seen.append(f"{response.status_code} {dict(response.headers)} {response.text}")
        return response

    with httpx.Client(base_url=bot.url, timeout=15, follow_redirects=False) as client:
        def line(text: str, event_id: str, **headers: str) -> httpx.Response:
            body, signed = line_request(line_api_fake.text_event(text, event_id=event_id))
            return keep(client.post("/line/webhook", content=body, headers={**signed, **headers}))

        def slack(text: str, event_id: str, **options: Any) -> httpx.Response:
            body = slack_api_fake.envelope(slack_api_fake.direct_message(text, channel=f"D{event_id[-6:]}"), event_id)
            return keep(client.post("/slack/events", content=body.encode(),
                                    headers=slack_api_fake.signed_headers(body, **options)))

        assert line("総務省の電話番号", f"01HSEC{t}1").status_code == 200
        assert slack("総務省の電話番号", f"EvSEC{t}1").status_code == 200
        assert line("総務省の電話番号", f"01HSEC{t}2", **{"x-line-signature": "AAAA"}).status_code == 400
        assert slack("総務省の電話番号", f"EvSEC{t}2", secret="wrong").status_code == 401
        assert slack("総務省の電話番号", f"EvSEC{t}3", timestamp=int(time.time()) - 3600).status_code == 401
        stand_in.script(REPLY, Act(500))
        stand_in.script(POST, Act(500))                                    # retried, then delivered
        assert line("総務省の電話番号", f"01HSEC{t}3").status_code == 200
        assert slack("総務省の電話番号", f"EvSEC{t}4").status_code == 200
        wait_for(lambda: f"01HSEC{t}3" in bot.log(), 20, "the LINE failure logged")
        stand_in.wait_delivered(POST, 1, where=lambda c: c.payload.get("channel") == f"D{f'EvSEC{t}4'[-6:]}")
        stand_in.down()                  # refused connections (Slack's 3 retries: tests/test_faults_live.py)
        try:
            assert line("総務省の電話番号", f"01HSEC{t}4").status_code == 200
            wait_for(lambda: f"01HSEC{t}4" in bot.log(), 20, "the refusal logged")
        finally:
            stand_in.up()
        stand_in.script(POST, Act(403), Act(404))                          # not retried: logged
        assert slack("総務省の電話番号", f"EvSEC{t}5").status_code == 200
        wait_for(lambda: f"EvSEC{t}5" in bot.log(), 20, "the Slack failure logged")
        keep(client.get("/healthz"))
        keep(client.get("/"))
        keep(client.get("/no-such-page"))
        keep(client.get("/line/webhook"))                                  # 405
        keep(client.post("/api/ask", content=b"{", headers={"content-type": "application/json"}))
        keep(client.post("/api/ask", content=b"x" * 20_000))               # 413
        keep(client.post("/line/webhook", content=b" " * (1024 * 1024 + 1), headers={"x-line-signature": "A"}))
        keep(client.get("/admin"))                                          # log-in page
        keep(client.get("/admin", params={"token": "wrong-token"}))
        keep(client.post("/admin/reload", headers={"Authorization": "Bearer wrong-token"}))
        keep(client.post("/admin/login", data={"token": "wrong-token"}))
        login = keep(client.get("/admin", params={"token": ADMIN_TOKEN}))  # token in the URL, once
        assert login.status_code == 303
        assert keep(client.get("/admin")).status_code == 200               # the page, by the session cookie
        keep(client.get("/admin", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}))
        keep(client.post("/admin/reload", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}))
    return seen


def test_no_secret_in_logs_pages_or_responses_through_a_session_with_failures(tmp_path: Path) -> None:
    with own_server(tmp_path, log_level="DEBUG") as (bot, stand_in):
        bot.start()
        cmdline = Path(f"/proc/{bot.proc.pid}/cmdline").read_bytes().decode(errors="replace")  # type: ignore[union-attr]
        environ_visible_to_others = cmdline                       # what `ps` shows
        responses = session_with_failures(bot, stand_in)
        bot.stop()
        log = bot.log()
        database = bot.db_bytes().decode("latin-1")
    assert leaks(f"...{SECRETS['SLACK_BOT_TOKEN'][3:20]}...") == ["SLACK_BOT_TOKEN"]  # the detector works
    assert len(responses) >= 20 and "DEBUG" in log and "token=***" in log   # the URL token was logged, redacted
    assert "LINE reply failed" in log and "could not answer" in log          # the failures are in the log
    assert leaks(environ_visible_to_others) == []
    assert leaks(log) == [], "a secret in the log"
    for response in responses:
        assert leaks(response) == [], response[:300]
    assert leaks(database) == []


def test_no_secret_in_the_shared_servers_log() -> None:
    """Everything the other reliability tests did to the shared server (load, faults, hostile input)."""
    bot, _ = shared()
    assert leaks(bot.log()) == []


def test_secrets_have_no_command_line_option_and_no_default(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main
    from bot.settings import Settings

    for command in ([], ["serve"], ["slack-socket"], ["report"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
    text = capsys.readouterr().out
    assert "--port" in text and "--knowledge" in text
    assert not re.search(r"--\S*(token|secret|password|key)\b", text, re.I)
    empty = Settings.from_env({})
    for part, field in (("line", "channel_secret"), ("line", "channel_access_token"), ("slack", "signing_secret"),
                        ("slack", "bot_token"), ("slack", "app_token"), ("storage", "log_secret"),
                        ("storage", "database_url")):
        assert getattr(getattr(empty, part), field) is None, field
    assert empty.admin_token is None
    configured = Settings.from_env(SECRETS)
    assert leaks(repr(configured)) == [] and leaks(str(configured)) == []


def test_no_credential_is_written_in_the_source() -> None:
    pattern = re.compile(r"xox[abp]-[0-9A-Za-z]{6,}|xapp-[0-9A-Za-z-]{6,}|"
                         r"(?i:(secret|token|password)\s*=\s*['\"][0-9A-Za-z+/=_-]{16,}['\"])")
    found = [f"{path.relative_to(REPO_ROOT)}: {m.group(0)}"
             for folder in ("bot", "adapters") for path in sorted((REPO_ROOT / folder).rglob("*.py"))
             for m in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
