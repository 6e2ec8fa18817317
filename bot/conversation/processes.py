"""Which process holds a claim: owner names (``host:pid``) and the owners of this host that died.

The inbox and the escalations lease what a process works on. A process that crashes leaves its
leases; its successor on the same host frees them at once instead of waiting for them to expire.
"""
from __future__ import annotations

import os
import socket
from typing import Sequence


def process_owner() -> str:
    """This process's name in the inbox's leases: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def dead_owners_here(owners: Sequence[str]) -> list[str]:
    """The owners that were processes of this host and no longer run."""
    host = socket.gethostname()
    dead = []
    for owner in owners:
        name, _, pid = owner.rpartition(":")
        if name != host or not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            dead.append(owner)
            continue
        except PermissionError:  # alive, another user's
            continue
        if _zombie(int(pid)):  # killed, not yet reaped by its parent: it holds nothing any more
            dead.append(owner)
    return dead


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has exited and waits to be reaped (Linux ``/proc``; False where it cannot tell)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] == b"Z"
    except (OSError, IndexError):
        return False
