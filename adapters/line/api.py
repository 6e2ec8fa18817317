"""The Messaging API calls of the LINE channel (reply, push, loading indicator), over the SDK's client.

The bodies are the API's JSON objects (:mod:`adapters.line.messages`), handed to the SDK's
``AsyncApiClient.call_api`` — the call its generated methods end in, with its headers (token,
User-Agent), its HTTP session and its errors (``ApiException``) — without its request models: those
are validated and serialised field by field, which cost an answer worker more CPU per reply than
the rest of sending it. The one client of a process (one aiohttp session, one SSL context,
kept-alive connections) is opened by :meth:`LineApi.start`, before any webhook is acknowledged:
building it loads the CA bundle (≈ 20 ms of CPU), which would otherwise stall the event loop
in the middle of the acknowledgements the first time a loading indicator is shown.

The SDK's session reads the environment on every request (``trust_env``: a proxy lookup and a
``.netrc`` lookup, each handed to a thread and back), which cost about as much CPU as the rest of a
reply. Here the proxy the environment names for the API is looked up once, when the client opens,
and requests go through a session over the SDK's own connections that does not look again.
(A ``.netrc`` entry for the API host could only break the SDK's calls: its credentials and the
SDK's ``Authorization`` header cannot be sent together.)
"""
from __future__ import annotations

import contextlib
from typing import Any

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from linebot.v3.messaging import AsyncApiClient, Configuration
from yarl import URL

REPLY, PUSH, LOADING = "/v2/bot/message/reply", "/v2/bot/message/push", "/v2/bot/chat/loading/start"
POOL_SIZE = 64        # connections to the API: at least the answers in flight, so none waits for one


class LineApi:
    """POSTs JSON bodies to the Messaging API with the channel access token."""

    def __init__(self, token: str | None, host: str | None) -> None:
        self._token = token or ""
        self._host = host
        self._client: AsyncApiClient | None = None
        self._sdk_session: aiohttp.ClientSession | None = None   # owns the connections

    async def start(self) -> None:
        """Open the client (at start-up, on the event loop: the SDK's session needs it)."""
        self.client()

    def client(self) -> AsyncApiClient:
        """The process's one API client (opened now if :meth:`start` was not called)."""
        if self._client is None:
            configuration = Configuration(access_token=self._token, host=self._host)
            configuration.connection_pool_maxsize = POOL_SIZE  # the SDK's default follows the CPU count
            with contextlib.suppress(LookupError):   # no proxy for the API in the environment
                proxy, auth = get_env_proxy_for_url(URL(configuration.host))
                configuration.proxy = str(proxy)
                if auth is not None:
                    configuration.proxy_headers = {"Proxy-Authorization": auth.encode()}
            client = AsyncApiClient(configuration)
            rest = client.rest_client
            self._sdk_session = rest.pool_manager
            rest.pool_manager = aiohttp.ClientSession(connector=self._sdk_session.connector, connector_owner=False,
                                                      trust_env=False)
            self._client = client
        return self._client

    async def post(self, path: str, body: dict[str, Any], timeout: float | aiohttp.ClientTimeout,
                   headers: dict[str, str] | None = None) -> None:
        """POST ``body`` as JSON; raises the SDK's ``ApiException`` for a status other than 2xx, and
        aiohttp's or asyncio's errors when there is no answer."""
        await self.client().call_api(
            path, "POST", header_params={"Accept": "application/json", "Content-Type": "application/json",
                                         **(headers or {})},
            body=body, response_types_map={}, auth_settings=["Bearer"], _return_http_data_only=True,
            _request_timeout=timeout)

    async def aclose(self) -> None:
        """Close the client (at shutdown)."""
        if self._client is not None:
            client, self._client = self._client, None
            await client.rest_client.pool_manager.close()
            client.rest_client.pool_manager = self._sdk_session   # closed with the client, and the connections
            await client.close()
