#!/usr/bin/env bash
# Make sure PostgreSQL's server programs are installed, for the store tests
# (tests/pg.py starts a throw-away cluster with them; nothing is started here).
# Skipped when JETBOT_TEST_PG_URL or DATABASE_URL points at a server already.
set -euo pipefail

if [[ -n "${JETBOT_TEST_PG_URL:-}${DATABASE_URL:-}" ]]; then
    echo "postgres.sh: using the server in JETBOT_TEST_PG_URL/DATABASE_URL"
    exit 0
fi
if command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "postgres.sh: PostgreSQL is installed"
else
    echo "postgres.sh: installing PostgreSQL"
    sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql
fi
if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    # As root the server must run as another user; the package normally creates this one.
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
