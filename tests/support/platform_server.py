"""A local HTTP server playing a platform API, one per test.

pytest-httpserver's own ``httpserver`` lives for the whole session and is only cleared between
tests. A request still being answered when a test ends (a reply the fake was told to hold) is then
logged after the clear, into the next test, whose "nothing was sent" assertion fails at random.
A server per test, stopped only after its in-flight requests were answered, cannot leak that way.
"""
from __future__ import annotations

from pytest_httpserver import HTTPServer


class PlatformServer(HTTPServer):
    """An :class:`HTTPServer` on a free loopback port whose stop returns within milliseconds
    (the library's thread polls for shutdown every 0.5 s, which a server per test cannot afford)."""

    def __init__(self, *, threaded: bool = False) -> None:
        super().__init__(host="127.0.0.1", port=0, threaded=threaded)

    def thread_target(self) -> None:
        assert self.server is not None
        self.server.serve_forever(poll_interval=0.01)

    def close(self) -> None:
        """Stop serving (a single-threaded server first finishes the request in hand) and forget
        every expectation."""
        if self.is_running():
            self.stop()
        self.clear()
