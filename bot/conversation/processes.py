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
        except PermissionError:  # alive, another user's
            pass
    return dead
