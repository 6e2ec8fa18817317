"""The processes a web benchmark runs: the platform stand-in and ``jetbot serve`` (loopback only).

- :class:`Stub` runs :mod:`benchmarks.stub_api` in its own process.
- :class:`Serve` runs ``python -m bot.cli serve`` exactly as a deployment does (``Procfile``:
  ``jetbot serve``), configured only through its environment: the knowledge, a warm index cache,
  SQLite or a PostgreSQL URL, ``JETBOT_ANSWER_WORKERS``, ``JETBOT_DB_POOL_SIZE``. It counts as up
  when ``/healthz`` shows every answer worker ready. Stopped by SIGTERM (its answer workers with it),
  SIGKILL of its process group if that takes longer than 30 s.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.web_load import LINE_SECRET, SLACK_SECRET

LINE_TOKEN = "bench-line-access-token"
SLACK_TOKEN = "xoxb-bench-token"
ADMIN_TOKEN = "bench-admin-token-0123456789abcdef"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str, token: str | None = None, timeout: float = 2.0) -> Any:
    """GET ``url`` and parse its JSON body."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def tree_cpu_seconds(root: int) -> float:
    """CPU time (user + system) of process ``root`` and every descendant, those that ended and were
    waited for included (their time is in their parent's ``cutime``/``cstime``)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            parent[pid], used[pid] = int(fields[1]), sum(int(f) for f in fields[11:15]) / tick
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


class Stub:
    """:mod:`benchmarks.stub_api` in a process of its own."""

    def __init__(self, code_dir: Path, log_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with open(log_dir / "stub.log", "ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "benchmarks.stub_api", "--port", str(self.port),
                                          "--lifetime", "3600"], stdout=log, stderr=subprocess.STDOUT, cwd=code_dir)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                get_json(self.url + "/counts")
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"the stub API exited with {self.proc.returncode}")
            time.sleep(0.1)
        raise RuntimeError("the stub API did not start within 30 s")

    def counts(self) -> dict[str, Any]:
        """Replies received so far, per kind and key (see :mod:`benchmarks.stub_api`)."""
        return dict(get_json(self.url + "/counts"))

    def cpu_seconds(self) -> float:
        """CPU time used so far by the stand-in."""
        return tree_cpu_seconds(self.proc.pid)

    def reset(self) -> None:
        """Forget every count."""
        urllib.request.urlopen(urllib.request.Request(self.url + "/reset", method="POST"), timeout=5).read()

    def stop(self) -> None:
        """Stop the process."""
        if self.proc.poll() is None:
            self.proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(10)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


class Serve:
    """``jetbot serve`` (see the module docstring)."""

    def __init__(self, code_dir: Path, kb_dir: Path, cache_dir: Path, log_path: Path, stub: Stub, *,
                 answer_workers: int, db_path: Path | None = None, database_url: str | None = None,
                 pool_size: int | None = None, extra_env: dict[str, str] | None = None,
                 cpus: set[int] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.answer_workers = answer_workers
        self.log_path = log_path
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("JETBOT_", "LINE_", "SLACK_", "DATABASE_URL", "PORT", "WEB_CONCURRENCY"))}
        env = {**inherited, "PYTHONPATH": str(code_dir), "PYTHONUNBUFFERED": "1",
               "JETBOT_INTENTS": str(kb_dir / "intents"), "JETBOT_KNOWLEDGE": str(kb_dir / "knowledge"),
               "JETBOT_CACHE_DIR": str(cache_dir), "JETBOT_ANSWER_WORKERS": str(answer_workers),
               "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_URL": stub.url,
               "SLACK_SIGNING_SECRET": SLACK_SECRET, "SLACK_BOT_TOKEN": SLACK_TOKEN,
               "SLACK_API_URL": stub.url + "/api/", "JETBOT_ADMIN_TOKEN": ADMIN_TOKEN,
               "JETBOT_LOG_SECRET": "bench-log-secret-0123456789abcdef", **(extra_env or {})}
        if database_url:
            env["DATABASE_URL"] = database_url
        else:
            env["JETBOT_DB_PATH"] = str(db_path or log_path.with_suffix(".sqlite3"))
        if pool_size:
            env["JETBOT_DB_POOL_SIZE"] = str(pool_size)
        started = time.monotonic()
        with open(log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=code_dir, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: the answer workers with it
                # ``cpus``: the process and its answer workers run on these cores only (a host of that size)
                preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
        self.startup_s = self._wait_ready(started)

    def _wait_ready(self, started: float, limit: float = 180.0) -> float:
        while time.monotonic() - started < limit:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jetbot serve exited with {self.proc.returncode}; see {self.log_path}")
            with contextlib.suppress(OSError, ValueError, KeyError):
                answering = get_json(self.url + "/healthz", ADMIN_TOKEN)["answering"]
                if answering.get("mode") == "in-process" or answering["ready"] == answering["workers"]:
                    return time.monotonic() - started
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"jetbot serve not ready within {limit} s; see {self.log_path}")

    def health(self) -> dict[str, Any]:
        """``/healthz`` with every detail (the admin token)."""
        return dict(get_json(self.url + "/healthz", ADMIN_TOKEN, timeout=10))

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by the web process and by its answer workers (every
        other process of its group): a figure other load on the machine barely moves."""
        web = workers = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) != self.proc.pid:   # the process group: jetbot serve and its children
                    continue
                used = (int(fields[11]) + int(fields[12])) / tick
                if int(stat.parent.name) == self.proc.pid:
                    web += used
                else:
                    workers += used
        return {"web": web, "workers": workers}

    def log_text(self) -> str:
        """What the process logged so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        """SIGTERM and wait; SIGKILL the process group after 30 s."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
