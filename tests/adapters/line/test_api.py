"""The Messaging API client of the LINE channel: the SDK's headers and errors, the environment's proxy."""
from __future__ import annotations

import pytest
from linebot.v3.messaging import ApiException
from pytest_httpserver import HTTPServer

from adapters.line.api import LOADING, REPLY, LineApi
from line_api_fake import TOKEN

pytestmark = pytest.mark.anyio


@pytest.fixture
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


async def test_a_proxy_named_in_the_environment_carries_the_calls(httpserver: HTTPServer,
                                                                  no_proxy_settings: pytest.MonkeyPatch) -> None:
    no_proxy_settings.setenv("HTTP_PROXY", httpserver.url_for("/").rstrip("/"))
    httpserver.expect_request(REPLY, method="POST").respond_with_json({"sentMessages": []})
    api = LineApi(TOKEN, "http://line-api.invalid")   # a host only the proxy can reach
    await api.start()
    try:
        await api.post(REPLY, {"replyToken": "t", "messages": [{"type": "text", "text": "こんにちは"}]}, 5.0)
    finally:
        await api.aclose()
    [(request, _)] = httpserver.log
    assert request.headers["Host"] == "line-api.invalid"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.get_json() == {"replyToken": "t", "messages": [{"type": "text", "text": "こんにちは"}]}


async def test_a_refusal_is_the_sdks_api_exception_with_status_body_and_headers(
        httpserver: HTTPServer, no_proxy_settings: pytest.MonkeyPatch) -> None:
    httpserver.expect_request(LOADING, method="POST").respond_with_json(
        {"message": "Invalid chatId"}, status=400, headers={"X-Line-Request-Id": "req-7"})
    api = LineApi(TOKEN, httpserver.url_for("/").rstrip("/"))
    try:
        with pytest.raises(ApiException) as refused:
            await api.post(LOADING, {"chatId": "C-group", "loadingSeconds": 20}, 5.0)
    finally:
        await api.aclose()
    assert refused.value.status == 400 and "Invalid chatId" in refused.value.body
    assert refused.value.headers["X-Line-Request-Id"] == "req-7"
