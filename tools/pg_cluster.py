"""A throw-away PostgreSQL cluster for tests and benchmarks (loopback and a unix socket only).

``Cluster()`` runs ``initdb`` in a temporary folder and ``pg_ctl start`` on a free port, with its
unix socket in that folder; ``stop()`` removes it all. As root, the server runs as the ``postgres``
user (PostgreSQL refuses root). Settings favour speed over durability (``fsync=off``): the data is
thrown away. ``fresh_schema`` gives one test or benchmark run a schema of its own.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A throw-away PostgreSQL cluster in a temporary folder."""

    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb); run .ci/postgres.sh")
        root = os.geteuid() == 0
        # As root, /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
        self.root = Path(tempfile.mkdtemp(prefix="jetbot-pg-", dir="/tmp" if root else None))
        self.port = _free_port()
        self._prefix: list[str] = []
        if root:  # postgres refuses to run as root
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._prefix = ["runuser", "-u", "postgres", "--"]
        data, log = self.root / "data", self.root / "server.log"
        self._ctl = [*self._prefix, str(bindir / "pg_ctl"), "-D", str(data)]
        self._run([*self._prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                   "-E", "UTF8", "--locale=C", "--no-sync"])
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        try:
            self._run([*self._ctl, "-w", "-t", "60", "-l", str(log), "-o", options, "start"])
        except RuntimeError as exc:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            self.remove()
            raise RuntimeError(f"{exc}\n{tail}") from None
        self.url = f"postgresql://postgres@/postgres?host={quote(str(self.root))}&port={self.port}"

    @staticmethod
    def _run(cmd: list[str]) -> None:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")

    def stop(self) -> None:
        """Stop the server (immediately: the data is thrown away) and remove the folder."""
        subprocess.run([*self._ctl, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        self.remove()

    def remove(self) -> None:
        """Delete the temporary folder."""
        shutil.rmtree(self.root, ignore_errors=True)


def fresh_schema(server_url: str, prefix: str = "t") -> tuple[str, str]:
    """Create an empty schema on ``server_url``; returns (its name, a URL whose search_path is it)."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server_url else "?"
    return schema, f"{server_url}{sep}options={quote(f'-csearch_path={schema}')}"


def drop_schema(server_url: str, schema: str) -> None:
    """Remove a schema made by :func:`fresh_schema`, with everything in it."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
