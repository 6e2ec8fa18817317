"""Reading requests safely: size limits before and while reading, JSON nesting refused before parsing."""
from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from adapters.http import Refused, json_depth_exceeds, parse_json_object, read_body

pytestmark = pytest.mark.anyio


async def echo(request: Request) -> JSONResponse:
    try:
        data = parse_json_object(await read_body(request, 1000))
    except Refused as refused:
        return JSONResponse({"error": refused.reason}, status_code=refused.status)
    return JSONResponse(data)


async def post(content: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    app = Starlette(routes=[Route("/", echo, methods=["POST"])])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        return await http.post("/", content=content, headers=headers)


async def test_a_small_json_object_is_read() -> None:
    response = await post(json.dumps({"question": "総務省"}, ensure_ascii=False).encode())
    assert response.status_code == 200 and response.json() == {"question": "総務省"}


async def test_bodies_over_the_limit_are_413_declared_or_streamed() -> None:
    assert (await post(b"{" + b" " * 2000 + b"}")).status_code == 413

    async def stream() -> Any:
        for _ in range(20):
            yield b" " * 100
    streamed = await post(stream())   # chunked: no content-length
    assert streamed.status_code == 413


async def test_a_bad_length_is_400() -> None:
    response = await post(b"{}", headers={"content-length": "two"})
    assert response.status_code == 400


@pytest.mark.parametrize("body, reason", [
    (b"\xff\xfe", "not UTF-8"),
    (b"[1, 2]", "JSON object"),
    (b"{nope", "must be JSON"),
    (b'{"q": "\\ud800"}', "surrogate"),
    (b"[" * 40 + b"]" * 40, "nested deeper"),
])
async def test_bad_bodies_are_400_with_a_short_reason(body: bytes, reason: str) -> None:
    response = await post(body)
    assert response.status_code == 400 and reason in response.json()["error"]


def test_nesting_is_counted_outside_strings_only() -> None:
    assert not json_depth_exceeds('{"a": "[[[[[[[[[[[[" }', 3)
    assert json_depth_exceeds('{"a": [[[1]]]}', 3)
    assert not json_depth_exceeds('{"a": "\\"[[[[[", "b": [1]}', 2)
    with pytest.raises(Refused, match="nested"):
        parse_json_object("[" * 5000 + "]" * 5000)
