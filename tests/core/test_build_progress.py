"""A cold build's status line: shown on a terminal, cleared at the end, silent without one."""
from __future__ import annotations

import io
import threading

from bot.core.build_progress import Progress


def test_the_status_line_names_the_phase_and_the_count_then_is_cleared() -> None:
    terminal = io.StringIO()
    with Progress(terminal) as bar:
        bar.phase("indexing 10 intents, examples encoded:", total=10)
        bar.advance_to(4)
        bar.phase("writing the cache")
    shown = terminal.getvalue()
    assert "jetbot: indexing 10 intents, examples encoded: 0/10" in shown
    assert "jetbot: writing the cache (" in shown and shown.endswith("\r\x1b[2K")


def test_without_a_terminal_nothing_is_written_and_no_thread_runs() -> None:
    with Progress(None) as bar:
        bar.phase("indexing", total=3)
        assert "jetbot-progress" not in {t.name for t in threading.enumerate()}
