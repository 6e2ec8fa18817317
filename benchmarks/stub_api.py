"""Stand-in for the LINE Messaging API and the Slack Web API, on loopback, answering 200.

``python -m benchmarks.stub_api --port P`` serves:

- ``POST /v2/bot/message/reply`` (LINE): counts the call under its ``replyToken``;
- ``POST /v2/bot/message/push`` (LINE, a reply too late for its token): counts it under its
  ``X-Line-Retry-Key`` (a retry key already accepted gets 409, as LINE answers);
- ``POST /api/chat.postMessage`` (Slack, JSON or form body): counts it under ``thread_ts``
  (the bot answers a mention in the mention's thread, so that is the event's ``ts``);
- ``GET /counts``: ``{"line": {token: calls}, "push": {retry key: calls}, "slack": {thread_ts: calls},
  "other": {path: calls}, "times": {"first": wall clock, "last": wall clock}}`` (replies only);
- ``POST /reset``: forgets every count.

It stops by itself after ``--lifetime`` seconds (default 1 hour) if nobody stops it.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter
from urllib.parse import parse_qs

from aiohttp import web


def make_app() -> web.Application:
    counts: dict[str, Counter[str]] = {"line": Counter(), "push": Counter(), "slack": Counter(), "other": Counter()}
    times: dict[str, float] = {}   # wall clock of the first and the last reply (any kind)

    def replied() -> None:
        now = time.time()
        times.setdefault("first", now)
        times["last"] = now

    async def line_reply(request: web.Request) -> web.Response:
        body = await request.json()
        counts["line"][str(body.get("replyToken"))] += 1
        replied()
        return web.json_response({"sentMessages": [{"id": "1", "quoteToken": "q"}]})

    async def line_push(request: web.Request) -> web.Response:
        await request.read()
        key = request.headers.get("X-Line-Retry-Key", "")
        if key and counts["push"][key]:
            return web.json_response({"message": "The retry key is already accepted"}, status=409)
        counts["push"][key] += 1
        replied()
        return web.json_response({"sentMessages": [{"id": "1", "quoteToken": "q"}]})

    async def slack_post(request: web.Request) -> web.Response:
        raw = await request.text()
        if request.content_type == "application/json":
            data = json.loads(raw)
        else:
            data = {k: v[0] for k, v in parse_qs(raw).items()}
        key = str(data.get("thread_ts") or data.get("channel"))
        counts["slack"][key] += 1
        replied()
        return web.json_response({"ok": True, "channel": data.get("channel"), "ts": "1700000000.000001"})

    async def other(request: web.Request) -> web.Response:
        counts["other"][request.path] += 1
        return web.json_response({"ok": True})

    async def get_counts(request: web.Request) -> web.Response:
        return web.json_response({**{kind: dict(c) for kind, c in counts.items()}, "times": times})

    async def reset(request: web.Request) -> web.Response:
        for c in counts.values():
            c.clear()
        times.clear()
        return web.json_response({"ok": True})

    app = web.Application(client_max_size=4 * 1024 * 1024)
    app.add_routes([
        web.post("/v2/bot/message/reply", line_reply),
        web.post("/v2/bot/message/push", line_push),
        web.post("/api/chat.postMessage", slack_post),
        web.get("/counts", get_counts),
        web.post("/reset", reset),
        web.route("*", "/{tail:.*}", other),
    ])
    return app


async def serve(host: str, port: int, lifetime: float) -> None:
    runner = web.AppRunner(make_app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    print(f"stub API on http://{host}:{port}", flush=True)
    try:
        await asyncio.sleep(lifetime)
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--lifetime", type=float, default=3600.0, help="seconds before it stops by itself")
    args = parser.parse_args(argv)
    if not args.host.startswith("127.") and args.host not in ("localhost", "::1"):
        parser.error("the stub serves loopback only")
    try:
        asyncio.run(serve(args.host, args.port, args.lifetime))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
