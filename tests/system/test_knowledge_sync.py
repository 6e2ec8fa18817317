"""Two ``jetbot serve`` hosts on one PostgreSQL, each with a YAML folder of its own: an edit made
on one (an admin reload after editing its files, then a rollback) is answered by the other within
5 seconds, and a restarted host whose disk came back with the old files still answers the edit."""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from proc import ADMIN_TOKEN, LINE_KB, Jetbot, StandIn, wait_for

QUESTION = "総務省の電話番号を教えてください"
OLD = "総務省の窓口は"
NEW = "総務省の担当窓口は"
BEARER = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def two_hosts(tmp_path: Path, pg_url: str) -> Iterator[tuple[Jetbot, Jetbot]]:
    """Two servers on one PostgreSQL schema, each with its own copy of the YAML."""
    stand_in = StandIn()
    hosts = [Jetbot(tmp_path / name, stand_in, kb=Path(shutil.copytree(LINE_KB, tmp_path / name / "kb")),
                    database_url=pg_url, extra_env={"JETBOT_ANSWER_WORKERS": "0", "JETBOT_WEB_CHAT_RATE": "6000"})
             for name in ("host-a", "host-b")]
    try:
        for host in hosts:
            host.start()
        yield hosts[0], hosts[1]
    finally:
        for host in hosts:
            host.kill()
        stand_in.close()


def asks(host: Jetbot) -> str:
    response = httpx.post(f"{host.url}/api/ask", json={"question": QUESTION}, timeout=10)
    assert response.status_code == 200
    return str(response.json()["text"])


def answered_within(host: Jetbot, text: str, seconds: float) -> float:
    started = time.monotonic()
    wait_for(lambda: text in asks(host), seconds, f"{host.workdir.name} to answer with {text!r}", interval=0.1)
    return time.monotonic() - started


def test_an_edit_on_one_host_reaches_the_other_within_5_seconds_and_survives_its_restart(
        two_hosts: tuple[Jetbot, Jetbot]) -> None:
    host_a, host_b = two_hosts
    assert OLD in asks(host_b)
    intents = host_a.kb / "intents" / "jet.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    reload = httpx.post(f"{host_a.url}/admin/reload", headers=BEARER, timeout=30)
    assert reload.json()["status"] in ("loaded", "unchanged")  # unchanged: A's file watcher was quicker
    assert answered_within(host_b, NEW, 5.0) < 5.0
    assert NEW in (host_b.kb / "intents" / "jet.yaml").read_text(encoding="utf-8"), "B's folder was refreshed"

    versions = httpx.get(f"{host_b.url}/admin/versions", headers=BEARER, timeout=10).json()
    assert [v["by"] for v in versions][-1] == "startup" and len(versions) == 2, versions
    assert host_b.health()["versions"] == {"recorded": True, "live": versions[0]["hash"], "following": True,
                                           "refused": []}

    host_b.stop()
    shutil.rmtree(host_b.kb)
    shutil.copytree(LINE_KB, host_b.kb)   # an ephemeral disk: B comes back with the deployed files
    host_b.start()
    assert NEW in asks(host_b), "the published edit was lost on restart"

    first = versions[-1]["id"]
    rollback = httpx.post(f"{host_b.url}/admin/versions/{first}/rollback", headers=BEARER, timeout=30)
    assert rollback.status_code == 200 and rollback.json()["status"] == "loaded"
    assert answered_within(host_a, OLD, 5.0) < 5.0
    assert OLD in asks(host_b) and NEW not in asks(host_a)
