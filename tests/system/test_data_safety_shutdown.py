"""SIGTERM while replies are in flight: stop accepting, finish the replies, exit cleanly in time.

One scenario (a module fixture) against a real ``jetbot serve``: the stand-in takes 2 s to answer
each LINE reply and Slack post; a LINE event and a Slack event are acknowledged; SIGTERM goes out
straight after the acks. The tests then check each promise separately, so the one that needs a
patch (the exit status) does not hide the others.
"""
from __future__ import annotations

import signal
import time
from typing import Any

import httpx
import pytest

import line_api_fake
import slack_api_fake
from proc import POST, REPLY, Act, line_request, own_server, run_tag, slack_request

GRACE = 30.0        # what a platform (Kubernetes, systemd, Heroku) gives before SIGKILL
SLOW = 2.0          # seconds the stand-in takes per reply


@pytest.fixture(scope="module")
def shutdown(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tag = run_tag()
    with own_server(tmp_path_factory.mktemp("sigterm")) as (bot, stand_in):
        bot.start()
        stand_in.script(REPLY, Act(delay=SLOW))
        stand_in.script(POST, Act(delay=SLOW))
        line_body, line_headers = line_request(line_api_fake.text_event(
            f"総務省の電話番号 T{tag}", event_id=f"01HTERM{tag}"))
        slack_body, slack_headers = slack_request(slack_api_fake.direct_message(
            f"総務省の電話番号 T{tag}", channel=f"D{tag}"), f"EvTERM{tag}")
        with httpx.Client(base_url=bot.url, timeout=10) as client:
            acks = [client.post("/line/webhook", content=line_body, headers=line_headers).status_code,
                    client.post("/slack/events", content=slack_body, headers=slack_headers).status_code]
        bot.signal(signal.SIGTERM)
        sent = time.monotonic()
        time.sleep(0.5)  # uvicorn notices the signal within 0.1 s and closes its socket
        try:
            late = httpx.get(f"{bot.url}/healthz", timeout=2).status_code
        except httpx.HTTPError as error:
            late = type(error).__name__
        in_flight = len(stand_in.requests(REPLY)) + len(stand_in.requests(POST))
        try:
            status = bot.wait(GRACE)
        except Exception:
            status = None
        exited_after = time.monotonic() - sent
        yield {"acks": acks, "late": late, "status": status, "exited_after": exited_after, "tag": tag,
               "in_flight": in_flight, "stand_in": stand_in, "bot": bot, "log": bot.log(),
               "rows": bot.rows("SELECT question FROM inquiries")}


def test_requests_before_the_signal_were_acknowledged(shutdown: Any) -> None:
    assert shutdown["acks"] == [200, 200]


def test_no_new_connection_is_accepted_after_sigterm(shutdown: Any) -> None:
    assert shutdown["late"] == "ConnectError", shutdown["late"]


def test_replies_in_flight_reach_the_platform_and_complete(shutdown: Any) -> None:
    stand_in, tag = shutdown["stand_in"], shutdown["tag"]
    assert shutdown["in_flight"] == 2                             # both were on their way at the signal
    assert len(stand_in.requests(REPLY)) == 1 and len(stand_in.requests(POST)) == 1
    log = shutdown["log"]
    assert f"LINE reply sent for event 01HTERM{tag}" in log       # logged only after LINE's 200
    assert f"EvTERM{tag}" not in log                               # no "could not answer" for Slack
    assert sorted(q for (q,) in shutdown["rows"]) == [f"総務省の電話番号 T{tag}"] * 2


def test_process_exits_within_the_grace_period(shutdown: Any) -> None:
    assert shutdown["status"] is not None, "still running after the grace period"
    assert SLOW <= shutdown["exited_after"] < GRACE
    assert "Application shutdown complete." in shutdown["log"]
    print(f"\nSIGTERM: exited {shutdown['exited_after']:.2f}s after the signal with status {shutdown['status']}")


def test_process_exits_with_status_0(shutdown: Any) -> None:
    assert shutdown["status"] == 0
