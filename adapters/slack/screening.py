"""What a request to ``/slack/events`` must be before Bolt sees it: at most 1 MB, exactly one signature
and timestamp, signed with the signing secret within 5 minutes, never seen before (a replayed request is
acknowledged and ignored), a JSON object or form nested at most 32 deep. Bolt reads bodies of any size and
parses them before it checks the signature, so unsigned junk would reach its parser (a 500) without this."""
from __future__ import annotations

import hashlib
import logging
from urllib.parse import parse_qs

from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message

from adapters.http import MAX_DEPTH, Refused, json_depth_exceeds, read_body
from bot.storage.dedupe_keys import Dedupe

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


async def screen(request: Request, verifier: SignatureVerifier | None, dedupe: Dedupe) -> bytes | Response:
    """The raw body of a request that passes (see the module docstring); otherwise the refusal to send."""
    signatures = request.headers.getlist("x-slack-signature")
    stamps = request.headers.getlist("x-slack-request-timestamp")
    if request.headers.get("content-length", "0").isdigit() and \
            int(request.headers.get("content-length", "0")) > MAX_BODY_BYTES:
        return _refuse(413, "body too large or bad length")
    if len(signatures) != 1 or len(stamps) != 1 or not stamps[0].isdigit():
        return _refuse(401, "missing, repeated or malformed signature headers")
    try:
        raw = await read_body(request, MAX_BODY_BYTES)
    except Refused as refused:
        return _refuse(refused.status, refused.reason)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _refuse(401, "body is not UTF-8")  # Slack signs UTF-8 text: this was not Slack
    if verifier is None or not verifier.is_valid(text, stamps[0], signatures[0]):
        return _refuse(401, "invalid or stale signature")
    if _nested_too_deep(text):
        return _refuse(400, f"JSON nested deeper than {MAX_DEPTH} levels")
    if not dedupe.claim("slack:request:" + hashlib.sha256(signatures[0].encode()).hexdigest()):
        # the very same signed request again (a replay within the 5-minute window): already handled
        log.warning("slack: a signed request was replayed; ignored")
        return Response(status_code=200)
    try:
        payload = parse_body(text, request.headers.get("content-type"))
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return _refuse(400, "body is not a JSON object or form")
    if payload.get("type") == "app_rate_limited":  # Slack holds events back for a minute
        log.warning("slack: events are being rate limited (minute %s)", payload.get("minute_rate_limited"))
        return Response(status_code=200)
    return raw


def replayed(request: Request, body: bytes) -> Request:
    """``request`` with its (already read) body available again, for Bolt's handler."""
    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}
    return Request(request.scope, receive)


def _refuse(status: int, reason: str) -> JSONResponse:
    log.warning("slack: request refused (%d): %s", status, reason)
    return JSONResponse({"error": reason}, status_code=status)


def _nested_too_deep(text: str) -> bool:
    """Whether the body, or the JSON ``payload`` of a form, nests deeper than the parser should see."""
    payloads = parse_qs(text).get("payload", []) if not text.lstrip().startswith("{") else [text]
    return any(json_depth_exceeds(payload, MAX_DEPTH) for payload in payloads)
