"""The app as uvicorn runs it, for in-process tests: start-up, requests, then shutdown.

Shutdown is what drains the background replies and closes the platform API clients (their HTTP
sessions); a test that skips it leaves "Unclosed client session" warnings behind, and a test that
reads the outcome before the drain reads a race.
"""
from __future__ import annotations

import contextlib
from typing import Any, AsyncIterator

import httpx
from starlette.applications import Starlette


@contextlib.asynccontextmanager
async def serving(app: Starlette, base_url: str = "http://bot", **client: Any) -> AsyncIterator[httpx.AsyncClient]:
    """Run ``app``'s lifespan around an httpx client that talks to it (``client``: more client options)."""
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url, **client) as http:
            yield http
