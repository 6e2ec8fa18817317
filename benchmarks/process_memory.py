"""A benchmark process's memory: its peak, and its resident memory split into private and shared."""
from __future__ import annotations

import resource


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (``ru_maxrss``)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def smaps() -> dict[str, float]:
    """This process's resident memory in MB from ``/proc/self/smaps_rollup``: private (anonymous) and
    shared (file-backed) as defined in the module docstring, plus the kernel's own Private_*/Shared_* split."""
    fields: dict[str, float] = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                fields[name] = int(value.split()[0]) / 1024
    private = fields.get("Private_Clean", 0.0) + fields.get("Private_Dirty", 0.0)
    shared = fields.get("Shared_Clean", 0.0) + fields.get("Shared_Dirty", 0.0)
    anonymous = fields.get("Anonymous", 0.0)
    return {"rss_mb": fields.get("Rss", 0.0), "rss_private_mb": anonymous, "rss_shared_mb": fields.get("Rss", 0.0) - anonymous,
            "smaps_private_mb": private, "smaps_shared_mb": shared, "pss_mb": fields.get("Pss", 0.0)}
