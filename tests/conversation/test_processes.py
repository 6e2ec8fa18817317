"""Which lease holders of this host are dead: gone, or exited and not yet reaped (a zombie)."""
from __future__ import annotations

import subprocess
import sys
import time

from bot.conversation.processes import dead_owners_here, process_owner


def _owner(pid: int) -> str:
    return process_owner().rpartition(":")[0] + f":{pid}"


def _exited(process: subprocess.Popen[bytes]) -> None:
    """Wait (without reaping) until the child has exited: /proc shows it as a zombie."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with open(f"/proc/{process.pid}/stat", "rb") as stat:
            if stat.read().rpartition(b")")[2].split()[0] == b"Z":
                return
        time.sleep(0.01)
    raise AssertionError("the child did not exit")


def test_a_running_process_holds_its_leases_and_this_process_is_never_dead() -> None:
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert dead_owners_here([_owner(running.pid), process_owner()]) == []
    finally:
        running.kill()
        running.wait()


def test_an_exited_process_not_yet_reaped_holds_nothing() -> None:
    exited = subprocess.Popen([sys.executable, "-c", "pass"])
    _exited(exited)  # a zombie: kill(pid, 0) still succeeds
    try:
        assert dead_owners_here([_owner(exited.pid)]) == [_owner(exited.pid)]
    finally:
        exited.wait()
    assert dead_owners_here([_owner(exited.pid)]) == [_owner(exited.pid)]  # reaped: gone


def test_owners_of_other_hosts_are_left_alone() -> None:
    assert dead_owners_here(["another-host:1", "another-host:999999", "garbage"]) == []
