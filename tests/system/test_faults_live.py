"""Platform faults against a real ``jetbot serve`` subprocess (``proc.shared()``) and its stand-in
LINE and Slack APIs: 500, 429 with Retry-After, a dropped connection and the API refusing
connections altogether. Each fault: the webhook is acknowledged within a second, Slack calls are
retried with back-off (bounded: 3 retries), a LINE reply token is used once and never retried, the
failure is logged with the event id, no message is sent twice, the question is logged once, and the
process answers the next question normally (``/healthz`` 200).

Hangs past the timeout need shorter timeouts than the process uses (8 s LINE, 30 s Slack), so they
run in-process: tests/test_faults_platform.py.
"""
from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest

import line_api_fake
import slack_api_fake
from proc import POST, REPLY, Act, Jetbot, StandIn, line_request, shared, slack_request, wait_for

ACK_WITHIN = 1.0


@pytest.fixture
def live() -> Any:
    bot, stand_in = shared()
    yield bot, stand_in
    stand_in.reset()
    if not stand_in.is_up:         # a test that took the API down must not leave it down
        stand_in.up()


_NO_DIGITS = str.maketrans("0123456789", "GHIJKLMNPQ")


def tag() -> str:
    """A fresh tag of letters only: ten random hex digits could read as a phone number (0312345678) and be
    masked in the inquiry log, and the question would then never be found there as asked."""
    return uuid.uuid4().hex[:10].upper().translate(_NO_DIGITS)


def ask_line(bot: Jetbot, text: str, event_id: str) -> float:
    body, headers = line_request(line_api_fake.text_event(text, event_id=event_id))
    started = time.monotonic()
    response = httpx.post(f"{bot.url}/line/webhook", content=body, headers=headers, timeout=10)
    took = time.monotonic() - started
    assert response.status_code == 200
    return took


def ask_slack(bot: Jetbot, text: str, event_id: str) -> float:
    body, headers = slack_request(slack_api_fake.direct_message(text, channel=f"D{event_id[-6:]}"), event_id)
    started = time.monotonic()
    response = httpx.post(f"{bot.url}/slack/events", content=body, headers=headers, timeout=10)
    took = time.monotonic() - started
    assert response.status_code == 200
    return took


def logged(bot: Jetbot, *needles: str, timeout: float = 10.0) -> str:
    """The first log line containing every needle (waits for it)."""
    def find() -> str | None:
        return next((line for line in bot.log().splitlines() if all(n in line for n in needles)), None)
    return wait_for(find, timeout, f"a log line with {needles}")


def rows_for(bot: Jetbot, question: str) -> int:
    return bot.rows("SELECT count(*) FROM inquiries WHERE question = ?", (question,))[0][0]


def post_calls(stand_in: StandIn, channel: str) -> list[Any]:
    return [c for c in stand_in.requests(POST) if c.payload.get("channel") == channel]


def healthy(bot: Jetbot, stand_in: StandIn) -> None:
    """``/healthz`` 200 and a normal question on each channel answered exactly once."""
    assert httpx.get(f"{bot.url}/healthz", timeout=5).status_code == 200
    t = tag()
    replies = len(stand_in.delivered(REPLY))
    ask_line(bot, f"総務省の電話番号 ok{t}", f"01HOK{t}")
    ask_slack(bot, f"総務省の電話番号 ok{t}", f"EvOK{t}")
    wait_for(lambda: len(stand_in.delivered(REPLY)) == replies + 1, 10, "the LINE reply")
    stand_in.wait_delivered(POST, 1, where=lambda c: c.payload.get("channel") == f"D{('EvOK' + t)[-6:]}")
    try:
        wait_for(lambda: rows_for(bot, f"総務省の電話番号 ok{t}") == 2, 10, "both questions logged")
    except AssertionError as error:  # say what the server did
        raise AssertionError(f"{error}; rows {bot.rows('SELECT question FROM inquiries ORDER BY id DESC LIMIT 4')}"
                             f"\n{bot.log()[-3000:]}") from None
    time.sleep(0.2)
    assert len(stand_in.delivered(REPLY)) == replies + 1


@pytest.mark.parametrize("status, headers", [(500, {}), (429, {"Retry-After": "30"})], ids=["500", "429-retry-after"])
def test_line_reply_error_is_logged_once_with_the_event_id_and_never_retried(live: Any, status: int,
                                                                            headers: dict[str, str]) -> None:
    bot, stand_in = live
    t = tag()
    before = len(stand_in.requests(REPLY))
    stand_in.script(REPLY, Act(status, headers))
    question = f"総務省の電話番号 {t}"
    assert ask_line(bot, question, f"01HF{t}") < ACK_WITHIN
    line = logged(bot, f"01HF{t}", f"HTTP {status}")
    assert "LINE reply failed" in line and "request id standin-" in line
    time.sleep(0.5)
    assert [c.status for c in stand_in.requests(REPLY)[before:]] == [status]   # one attempt, no retry
    assert rows_for(bot, question) == 1
    healthy(bot, stand_in)


@pytest.mark.parametrize("acts, statuses", [
    ([Act(500)], [500, 200]),
    ([Act(429, {"Retry-After": "1"})], [429, 200]),
    ([Act(drop=True)], [0, 200]),
], ids=["500", "429-retry-after", "dropped-connection"])
def test_slack_post_error_is_retried_with_back_off_and_delivered_once(live: Any, acts: list[Act],
                                                                     statuses: list[int]) -> None:
    bot, stand_in = live
    t = tag()
    channel = f"D{('EvF' + t)[-6:]}"
    stand_in.script(POST, *acts)
    question = f"総務省の電話番号 {t}"
    assert ask_slack(bot, question, f"EvF{t}") < ACK_WITHIN
    stand_in.wait_delivered(POST, 1, timeout=15, where=lambda c: c.payload.get("channel") == channel)
    calls = post_calls(stand_in, channel)
    assert [c.status for c in calls] == statuses
    if statuses[0] == 429:
        assert calls[1].at - calls[0].at >= 1.0
    else:
        assert all(b.at > a.at for a, b in zip(calls, calls[1:]))
    time.sleep(0.3)
    assert len(post_calls(stand_in, channel)) == len(statuses)     # nothing after the delivery
    assert rows_for(bot, question) == 1
    healthy(bot, stand_in)


def test_api_refusing_connections_then_coming_back(live: Any) -> None:
    bot, stand_in = live
    t = tag()
    stand_in.down()
    try:
        assert ask_line(bot, f"総務省の電話番号 {t}", f"01HD{t}") < ACK_WITHIN
        assert ask_slack(bot, f"総務省の電話番号 {t}", f"EvD{t}") < ACK_WITHIN
        assert "Connect" in logged(bot, f"01HD{t}", "LINE reply failed")
        assert "Connect" in logged(bot, f"EvD{t}", "could not answer", timeout=15)  # after 3 retries (0.5+1+2 s)
        assert httpx.get(f"{bot.url}/healthz", timeout=5).status_code == 200      # alive while the API is down
    finally:
        stand_in.up()
    assert rows_for(bot, f"総務省の電話番号 {t}") == 2
    healthy(bot, stand_in)
