"""Helpers for the reliability tests: ``jetbot serve`` as a real subprocess, and stand-ins for LINE and Slack.

- :class:`StandIn` is a threaded HTTP server on 127.0.0.1 that plays the LINE Messaging API
  (``/v2/bot/message/reply`` — a reply token works once, as on LINE —, ``/v2/bot/message/push``
  with LINE's ``X-Line-Retry-Key`` rule) and the Slack Web API (``/api/*`` — messages posted
  with metadata are listed by ``conversations.history``/``replies`` —, ``/hooks/response``). Each path answers 200 by default;
  :meth:`StandIn.script` queues failures (status + headers such as ``Retry-After``, a slow answer,
  a hang until released, a dropped connection) and :meth:`StandIn.down` / :meth:`StandIn.up`
  close and reopen the port (connection refused in between). Every request is recorded.
- :class:`Jetbot` runs ``python -m bot.cli serve`` on a free loopback port with secrets only in
  its environment, a SQLite inquiry log (``JETBOT_DB_PATH``) and stdout/stderr captured to a file.
- :func:`shared` is one server + stand-in reused by every test module that only needs "a running
  bot" (killed at interpreter exit), so the suite pays for one start-up instead of one per file.

Loopback only; every wait is bounded.
"""
from __future__ import annotations

import atexit
import collections
import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import parse_qs

import httpx

import line_api_fake
import slack_api_fake
from bot.core.knowledge_base import KnowledgeBase
from bot.engine import Engine
from bot.settings import LineSettings, Settings, SlackSettings
from bot.storage.stores import Stores
from paths import FIXTURES

LINE_KB = FIXTURES / "line_kb"
REPLY = "/v2/bot/message/reply"
PUSH = "/v2/bot/message/push"
POST = "/api/chat.postMessage"
RESPONSE = slack_api_fake.RESPONSE_PATH

# Every secret the process gets; all of them only through its environment.
ADMIN_TOKEN = "adm-9f3c7e1b5d2a4c6e8f0a1b3c5d7e9f1a"
LOG_SECRET = "logkey-51c2a7e9d3b84f06a1e5c9d7b3f2a8e4"
SECRETS = {
    "LINE_CHANNEL_SECRET": line_api_fake.SECRET,
    "LINE_CHANNEL_ACCESS_TOKEN": line_api_fake.TOKEN,
    "SLACK_SIGNING_SECRET": slack_api_fake.SECRET,
    "SLACK_BOT_TOKEN": slack_api_fake.TOKEN,
    "JETBOT_ADMIN_TOKEN": ADMIN_TOKEN,
    "JETBOT_LOG_SECRET": LOG_SECRET,
}


def free_port() -> int:
    """A port nobody listens on right now (127.0.0.1)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], Any], timeout: float, what: str, interval: float = 0.05) -> Any:
    """Poll ``condition`` until truthy; raise ``AssertionError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


# --- the stand-in platform APIs -------------------------------------------------------------------

@dataclass
class Act:
    """How the stand-in answers one request."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0      # seconds before answering
    hang: bool = False      # wait for release() (at most 30 s), then answer
    drop: bool = False      # close the connection without answering


@dataclass
class Call:
    """One request the bot made to the stand-in."""

    path: str
    headers: dict[str, str]
    payload: Any
    status: int            # what the stand-in answered (0: connection dropped without an answer)
    at: float
    retry_key: str | None = None
    ts: str | None = None  # the Slack message's ts, for chat.postMessage


_ts = itertools.count(1)


class StandIn:
    """The LINE Messaging API and the Slack Web API on one loopback port (see the module docstring)."""

    def __init__(self, port: int = 0) -> None:
        self.calls: list[Call] = []
        self.default_delay = 0.0
        self._plans: dict[str, collections.deque[Act]] = {}
        self._accepted_keys: set[str] = set()
        self._used_tokens: set[str] = set()
        self._posted: list[dict[str, Any]] = []   # Slack messages: channel, thread_ts, ts, metadata
        self.members: list[str] = []              # conversations.members of any channel
        self._lock = threading.Lock()
        self.released = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._connections: set[socket.socket] = set()
        self.port = port
        self.up()

    # lifecycle
    def up(self) -> None:
        """Listen (again) on the same port."""
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep the test output quiet
                pass

            def setup(self) -> None:
                super().setup()
                with stand_in._lock:
                    stand_in._connections.add(self.connection)

            def finish(self) -> None:
                with stand_in._lock:
                    stand_in._connections.discard(self.connection)
                with contextlib.suppress(OSError):
                    super().finish()

            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                stand_in._serve(self)

            def do_GET(self) -> None:  # noqa: N802 (conversations.history / replies)
                stand_in._serve(self)

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 1024

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client killed mid-request (the crash tests) resets its connection: expected

        self._server = Server(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self.released.clear()
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()

    def down(self) -> None:
        """Stop listening and drop open (keep-alive) connections: refused until :meth:`up`."""
        if self._server is not None:
            self.released.set()
            self._server.shutdown()
            self._server.server_close()
            self._server = None
            with self._lock:
                connections, self._connections = list(self._connections), set()
            for connection in connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.down()

    @property
    def is_up(self) -> bool:
        return self._server is not None

    # configuration
    @property
    def url(self) -> str:
        """``LINE_API_URL`` (the Messaging API host)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def slack_url(self) -> str:
        """``SLACK_API_URL``."""
        return f"{self.url}/api/"

    @property
    def response_url(self) -> str:
        return f"{self.url}{RESPONSE}"

    def script(self, path: str, *acts: Act) -> None:
        """The next requests to ``path`` are answered by ``acts``, in order (then 200 again)."""
        with self._lock:
            self._plans.setdefault(path, collections.deque()).extend(acts)

    def reset(self) -> None:
        """Forget scripted failures and release hung requests (recorded calls are kept)."""
        with self._lock:
            self._plans.clear()
        self.default_delay = 0.0
        self.released.set()
        time.sleep(0.05)
        self.released.clear()

    # inspection
    def requests(self, path: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if path is None or c.path == path]

    def delivered(self, path: str) -> list[Call]:
        """Requests to ``path`` answered 200."""
        return [c for c in self.requests(path) if c.status == 200]

    def wait_delivered(self, path: str, count: int, timeout: float = 15.0,
                       where: Callable[[Call], bool] = lambda c: True) -> list[Call]:
        """Wait until ``count`` matching requests to ``path`` were answered 200."""
        return wait_for(lambda: (found := [c for c in self.delivered(path) if where(c)])
                        and len(found) >= count and found, timeout, f"{count} deliveries to {path}")

    # the server side
    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length).decode("utf-8", "replace") if length else ""
        path, _, query = handler.path.partition("?")
        if handler.command == "GET":
            raw = query
        if "json" in (handler.headers.get("content-type") or "") or raw.startswith("{"):
            try:
                payload: Any = json.loads(raw or "{}")
            except ValueError:
                payload = raw
        else:
            payload = {k: v[0] for k, v in parse_qs(raw).items()}
            if isinstance(payload.get("blocks"), str):
                payload["blocks"] = json.loads(payload["blocks"])
        key = handler.headers.get("x-line-retry-key")
        with self._lock:
            plan = self._plans.get(path)
            act = plan.popleft() if plan else Act(delay=self.default_delay)
            if path == PUSH and key and act.status == 200 and key in self._accepted_keys:
                act = Act(status=409)  # LINE: a retry key already accepted
            if path == PUSH and key and act.status == 200:
                self._accepted_keys.add(key)  # accepted now, even if the client stops waiting
            token = payload.get("replyToken") if path == REPLY and isinstance(payload, dict) else None
            if token and act.status == 200 and token in self._used_tokens:
                act = Act(status=400, delay=act.delay)  # LINE: "Invalid reply token" (used already)
            elif token and act.status == 200:
                self._used_tokens.add(token)
            ts = f"1700000000.{next(_ts):06d}"
            if path == POST and act.status == 200 and isinstance(payload, dict):
                metadata = payload.get("metadata")
                self._posted.append({"channel": payload.get("channel"), "thread_ts": payload.get("thread_ts"),
                                     "ts": ts, "metadata": json.loads(metadata) if isinstance(metadata, str)
                                     else metadata})
            call = Call(path, {k.lower(): v for k, v in handler.headers.items()}, payload,
                        0 if act.drop else act.status, time.monotonic(), key, ts)
            self.calls.append(call)
        if act.hang:
            self.released.wait(30)
        if act.delay:
            time.sleep(act.delay)
        if act.drop:
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
            handler.close_connection = True
            return
        body, content_type = self._body(path, act.status, payload, call.ts)
        try:
            handler.send_response(act.status)
            for name, value in act.headers.items():
                handler.send_header(name, value)
            if path in (REPLY, PUSH) and act.status != 200:
                handler.send_header("X-Line-Request-Id", f"standin-{len(self.calls)}")
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except OSError:  # the client gave up waiting (a timeout): nothing to answer to
            handler.close_connection = True

    def _body(self, path: str, status: int, payload: Any, ts: str | None) -> tuple[bytes, str]:
        if path == RESPONSE:
            return (b"ok" if status == 200 else b"error"), "text/plain"
        if path == "/api/conversations.members" and status == 200:
            return json.dumps({"ok": True, "members": self.members,
                               "response_metadata": {"next_cursor": ""}}).encode(), "application/json"
        if path in ("/api/conversations.history", "/api/conversations.replies") and status == 200:
            with self._lock:
                found = [m for m in self._posted if m["channel"] == payload.get("channel") and (
                    path.endswith("history") or m["thread_ts"] == payload.get("ts"))]
            return json.dumps({"ok": True, "messages": found}).encode(), "application/json"
        if path.startswith("/api/"):
            if status == 200:
                channel = payload.get("channel") if isinstance(payload, dict) else None
                answer = {"ok": True, "channel": channel, "ts": ts}
            else:
                answer = {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"}
            return json.dumps(answer).encode(), "application/json"
        if status == 200:
            return json.dumps({"sentMessages": [{"id": str(next(_ts)), "quoteToken": "q"}]}).encode(), \
                "application/json"
        if status == 400 and path == REPLY:
            return json.dumps({"message": "Invalid reply token"}).encode(), "application/json"
        return json.dumps({"message": f"stand-in error {status}"}).encode(), "application/json"


def run_tag() -> str:
    """Six characters that mark one test run's questions and event ids: hex, ending in a letter, so that
    with the numbers written after it a question never holds a run of digits the inquiry log masks as a
    phone number (「… L0316820040」 was logged as 「… L[電話番号]」 and the test lost it)."""
    return uuid.uuid4().hex[:5].upper() + "X"


def _group_exists(group: int) -> bool:
    """Whether any process (a zombie too) of process group ``group`` is still there."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- jetbot serve as a subprocess -----------------------------------------------------------------

class Jetbot:
    """``jetbot serve`` in a subprocess on 127.0.0.1:<free port>, talking to a :class:`StandIn`."""

    def __init__(self, workdir: Path, stand_in: StandIn, *, kb: Path = LINE_KB, log_level: str = "INFO",
                 db_path: Path | None = None, database_url: str | None = None,
                 extra_env: dict[str, str] | None = None) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.stand_in = stand_in
        self.db_path = db_path or self.workdir / "jetbot.sqlite3"
        self.database_url = database_url
        self.log_path = self.workdir / "serve.log"
        self.kb = kb
        self.log_level = log_level
        self.extra_env = extra_env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("JETBOT_", "LINE_", "SLACK_", "DATABASE_URL", "PORT"))}
        return {**inherited, **SECRETS,
                "LINE_API_URL": self.stand_in.url, "SLACK_API_URL": self.stand_in.slack_url,
                "JETBOT_DB_PATH": str(self.db_path), "JETBOT_INTENTS": str(self.kb / "intents"),
                "JETBOT_KNOWLEDGE": str(self.kb / "knowledge"), "JETBOT_LOG_LEVEL": self.log_level,
                "JETBOT_CACHE_DIR": str(Path(tempfile.gettempdir()) / "jetbot-reliability-cache"),
                "PYTHONUNBUFFERED": "1", **({"DATABASE_URL": self.database_url} if self.database_url else {}),
                **self.extra_env}

    def health(self) -> dict[str, Any]:
        """``/healthz`` as an admin sees it (every detail)."""
        return httpx.get(f"{self.url}/healthz", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                         timeout=2.0).json()

    def start(self, timeout: float = 120.0) -> "Jetbot":
        """Start (or restart) the process and wait until it answers: ``/healthz`` shows every answer
        worker ready."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self.port = free_port()
        self.starts += 1
        log = open(self.log_path, "ab")
        log.write(f"\n=== start {self.starts} on port {self.port} ===\n".encode())
        log.flush()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=self.workdir, env=self.env(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)  # its own process group: the answer workers with it
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jetbot serve exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError, ValueError):
                answering = self.health()["answering"]
                if answering["mode"] == "in-process" or answering["ready"] == answering["workers"]:
                    return self
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"jetbot serve not ready within {timeout}s:\n{self.log()[-3000:]}")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)

    def wait(self, timeout: float) -> int:
        """Wait for the process to exit; returns its exit status (negative: killed by that signal)."""
        assert self.proc is not None
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        """SIGKILL the web process and its answer workers (no clean-up at all: a crash), and reap."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
            # The answer workers die with it, but not at once: one in the middle of a disk write (SQLite's
            # fsync) takes the signal when the write ends, and the init process reaps it after that. A
            # restart before then finds their leases held by a process that still exists (and waits out
            # the lease), where a crashed host would have none left: wait until the whole group is gone.
            wait_for(lambda: not _group_exists(self.proc.pid), 30, "every process of the killed server gone")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not gone after 30 s."""
        if self.alive():
            assert self.proc is not None
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        """Everything the process wrote to stdout and stderr so far (all starts)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def rows(self, sql: str = "SELECT question FROM inquiries", params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read the database directly (SQLite in WAL mode: safe while the server writes; or PostgreSQL)."""
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as pg:
                return [tuple(r) for r in pg.execute(sql.replace("?", "%s"), params).fetchall()]
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def db_bytes(self) -> bytes:
        """The raw bytes of the database file and its WAL/journal files."""
        return b"".join(p.read_bytes() for p in sorted(self.db_path.parent.glob(self.db_path.name + "*")))


# --- signed requests --------------------------------------------------------------------------------

def line_request(*events: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a signed LINE webhook delivery."""
    body = line_api_fake.webhook_body(*events)
    return body, {"content-type": "application/json; charset=utf-8", "x-line-signature": line_api_fake.sign(body)}


def slack_request(event: dict[str, Any], event_id: str, retry: int | None = None) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a signed Slack Events API delivery (``retry``: X-Slack-Retry-Num)."""
    body = slack_api_fake.envelope(event, event_id)
    return body.encode(), slack_api_fake.signed_headers(body, retry=retry)


# --- one shared server for the whole test session ---------------------------------------------------

_shared: tuple[Jetbot, StandIn] | None = None


def shared() -> tuple[Jetbot, StandIn]:
    """A running ``jetbot serve`` + stand-in shared by the test modules (started on first use).

    Tests must leave the stand-in as they found it (``stand_in.reset()``) and use questions and
    event ids of their own. The log accumulates the whole session: ``test_secrets_*`` scans it.
    """
    global _shared
    if _shared is None or not _shared[0].alive():
        if _shared is not None:
            _shared[1].close()
        stand_in = StandIn()
        bot = Jetbot(Path(tempfile.mkdtemp(prefix="jetbot-shared-")), stand_in)
        _shared = (bot, stand_in)
        bot.start()
        atexit.register(_stop_shared, bot, stand_in)
    else:
        _shared[1].reset()
    return _shared


def _stop_shared(bot: Jetbot, stand_in: StandIn) -> None:
    bot.stop()
    stand_in.close()
    shutil.rmtree(bot.workdir, ignore_errors=True)


@contextlib.contextmanager
def own_server(tmp: Path, **options: Any) -> Iterator[tuple[Jetbot, StandIn]]:
    """A fresh server + stand-in for one test (killed afterwards whatever happens)."""
    stand_in = StandIn()
    bot = Jetbot(tmp, stand_in, **options)
    try:
        yield bot, stand_in
    finally:
        bot.kill()
        stand_in.close()


def stand_in_settings(stand_in: StandIn, kb: Path = LINE_KB, **overrides: Any) -> Settings:
    """Settings for an in-process app whose LINE and Slack are ``stand_in`` (``overrides``: other fields)."""
    return Settings(intents_dir=kb / "intents", knowledge_dir=kb / "knowledge",
                    line=LineSettings(channel_secret=line_api_fake.SECRET, channel_access_token=line_api_fake.TOKEN,
                                      api_url=stand_in.url),
                    slack=SlackSettings(signing_secret=slack_api_fake.SECRET, bot_token=slack_api_fake.TOKEN,
                                        api_url=stand_in.slack_url), **overrides)


def serving_engine(kb: KnowledgeBase, stores: Stores) -> Engine:
    """An engine that keeps its contexts and logs its inquiries in ``stores``, as ``jetbot serve`` does."""
    return Engine(kb, contexts=stores.contexts, log=stores.inquiries)
