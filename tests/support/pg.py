"""A PostgreSQL server for tests: the one in ``JETBOT_TEST_PG_URL``/``DATABASE_URL``, or a throw-away
cluster (:class:`tools.pg_cluster.Cluster`). The fixtures (``pg_server``, ``pg_url``,
``store_target``) are in ``tests/conftest.py``.

If no server can be had the tests are skipped, except under CI (env ``CI`` set),
where that is an error: the PostgreSQL path must not go untested silently.
"""
from __future__ import annotations

import os

import pytest

from tools.pg_cluster import Cluster, drop_schema, fresh_schema

__all__ = ["Cluster", "drop_schema", "fresh_schema", "unavailable"]


def unavailable(reason: str) -> None:
    """Skip the test, or fail it under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required under CI but unavailable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")
