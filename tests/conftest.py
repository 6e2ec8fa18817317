"""Fixtures shared by every test: the repo's knowledge, the stores (SQLite and a real PostgreSQL)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pytest

from bot.engine import Engine, load_engine
from bot.storage.stores import Stores, open_stores
from databases import NOW, storage_at
from paths import INTENTS, KNOWLEDGE
from pg import Cluster, drop_schema, fresh_schema, unavailable
from platform_server import PlatformServer


@pytest.fixture(scope="session")
def repo_engine() -> Engine:
    """An engine over the repo's real intents/ and knowledge/ (no conversation carried between tests)."""
    return load_engine(INTENTS, KNOWLEDGE)


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio, the web process's one concurrency style."""
    return "asyncio"


# --- platform APIs ----------------------------------------------------------------------------

@pytest.fixture
def httpserver() -> Iterator[PlatformServer]:
    """A fake platform API of this test only (replaces pytest-httpserver's session-wide server,
    see :mod:`platform_server`); stopped after the test's fixtures released any held request."""
    server = PlatformServer()
    server.start()
    yield server
    server.close()


# --- databases ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for the whole test session (``JETBOT_TEST_PG_URL``, else a
    throw-away cluster; skipped when none can be had, except under CI)."""
    url = os.environ.get("JETBOT_TEST_PG_URL") or os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    cluster: Cluster | None = None
    try:
        cluster = Cluster()
    except Exception as exc:  # noqa: BLE001 - any reason is reported
        reason = str(exc)
    if cluster is None:
        unavailable(reason)
        return
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL whose ``search_path`` is a fresh schema of its own, dropped after the test."""
    schema, url = fresh_schema(pg_server)
    yield url
    drop_schema(pg_server, schema)


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store under test lives: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "jetbot.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def open_test_stores(store_target: str) -> Iterator[Callable[..., Stores]]:
    """Opens stores on the test database (each call its own connections, like another process);
    ``clock`` defaults to :data:`NOW`, other keywords override the storage settings."""
    opened: list[Stores] = []

    def open_(clock: Callable[[], float] = lambda: NOW, **overrides: object) -> Stores:
        stores = open_stores(storage_at(store_target, **overrides), clock=clock)
        opened.append(stores)
        return stores

    yield open_
    for stores in opened:
        stores.close()


@pytest.fixture
def sqlite_stores(tmp_path: Path) -> Iterator[Stores]:
    """Stores on a fresh SQLite file."""
    stores = open_stores(storage_at(str(tmp_path / "jetbot.sqlite3")))
    yield stores
    stores.close()


# --- a knowledge folder an edit may change -------------------------------------------------------

@pytest.fixture
def editable_kb(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the mini knowledge whose ``size`` intent lives in a commented file (``intents/people.yaml``);
    returns (intents folder, knowledge folder)."""
    import shutil

    from commented_yaml import COMMENTED_INTENTS
    from paths import FIXTURES

    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "mini", root)
    mini = root / "intents" / "mini.yaml"
    text = mini.read_text(encoding="utf-8")
    start = text.index("  - id: size")
    end = text.index("  - id: casebook_count")
    mini.write_text(text[:start] + text[end:], encoding="utf-8")
    (root / "intents" / "people.yaml").write_text(COMMENTED_INTENTS, encoding="utf-8")
    return root / "intents", root / "knowledge"
