"""The web chat channel: ``POST /api/ask`` answers in its own HTTP response (the console page's chat);
``GET /api/topics`` lists the main topics the page opens with (the YAML menu, as on the LINE rich menu).

Body (``application/json``; browser requests only from our own page, a few per second per client):
``{"question": "...", "session": "optional id", "choice": "optional intent id"}``; the
answer is the ``jetbot ask --json`` object plus what the page shows (``display``, titles,
``version``, ``inquiry_id``, ``feedback``: whether to show 👍 / 👎). It goes through the same intake as
every channel, so questions asked here are answered, remembered and logged like the others.

``POST /api/feedback`` ``{"inquiry_id": "...", "helpful": true|false, "comment": "optional",
"session": "optional"}`` records a vote (the same session's latest vote counts): 200, 404 for an
unknown inquiry, 400 for a malformed body; the same checks as ``/api/ask`` (own pages, JSON, size,
nesting, a rate per client of its own).
"""
from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import Any, Protocol, Sequence

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.channel import Intake
from adapters.http import (RateLimiter, Refused, client_address, from_our_pages, parse_json_object, read_body,
                          require_json)
from bot.core.feedback import MAX_COMMENT, wants_feedback
from bot.core.knowledge_base import KnowledgeBase
from bot.core.render import plain_text, to_json
from bot.core.types import Delivery, Inbound, IncomingMessage, Reply
from bot.engine import Engine

log = logging.getLogger(__name__)
MAX_BODY = 16 * 1024
MAX_SESSION = 64


class Votes(Protocol):
    """Where votes go (:class:`bot.conversation.feedback.FeedbackDesk`)."""

    def vote(self, inquiry_id: str, user_id: str, channel: str, helpful: bool,
             comment: str | None = None) -> Any: ...


def _text_field(data: dict[str, Any], name: str, default: str | None = None) -> str | None:
    value = data.get(name, default)
    if value is not None and not isinstance(value, str):
        raise Refused(400, f"'{name}' must be a string")
    return value


def _title(kb: KnowledgeBase, intent_id: str | None) -> str | None:
    intent = kb.intents.get(intent_id) if intent_id else None
    return (intent.title or intent.id) if intent else None


class WebChat:
    """The console's chat (see the module docstring)."""

    name = "web"

    def __init__(self, engine: Engine, per_minute: int = 30, feedback: Votes | None = None) -> None:
        self._engine = engine
        self._limits = RateLimiter(per_minute, burst=max(1, per_minute // 3))
        self._vote_limits = RateLimiter(per_minute, burst=max(1, per_minute // 3))
        self._feedback = feedback

    def routes(self, intake: Intake) -> Sequence[BaseRoute]:
        """``POST /api/ask``: JSON only, from our own page (or a script), a few requests a second per client."""
        async def ask(request: Request) -> Response:
            try:
                inbound = self.parse(await self.read(request))
            except Refused as refused:
                return JSONResponse({"error": refused.reason}, status_code=refused.status, headers=refused.headers)
            _, payload = await intake.respond_now(inbound)
            return JSONResponse(payload, headers={"Cache-Control": "no-store"})

        async def topics(request: Request) -> Response:
            return JSONResponse({"topics": self.topics()}, headers={"Cache-Control": "no-store"})

        async def feedback(request: Request) -> Response:
            try:
                vote = self.parse_vote(await self.read(request, self._vote_limits))
                if self._feedback is None:
                    raise Refused(404, "feedback is not kept (no inquiry store)")
                found = await asyncio.to_thread(self._feedback.vote, *vote)
                if found is None:
                    raise Refused(404, "unknown inquiry_id")
            except Refused as refused:
                return JSONResponse({"error": refused.reason}, status_code=refused.status, headers=refused.headers)
            return JSONResponse({"ok": True, "inquiry_id": vote[0], "helpful": vote[3]},
                                headers={"Cache-Control": "no-store"})

        return [Route("/api/ask", ask, methods=["POST"]), Route("/api/topics", topics, methods=["GET"]),
                Route("/api/feedback", feedback, methods=["POST"])]

    def topics(self) -> list[dict[str, str]]:
        """The main topics as ``{"label", "intent"}`` (the greeting's buttons: the YAML menu when it has one)."""
        return [{"label": s.label, "intent": s.intent_id} for s in self._engine.greeting("ja").suggestions]

    async def read(self, request: Request, limits: RateLimiter | None = None) -> dict[str, Any]:
        """The request's JSON object, after the checks that keep other sites and floods out."""
        if not from_our_pages(request):   # another site's page posting through a staff member's browser
            raise Refused(403, "cross-site request refused")
        require_json(request)
        wait = (limits or self._limits).take(client_address(request))
        if wait:
            log.warning("web chat: %s is asking too fast; refused for %.0f s", client_address(request), wait)
            raise Refused(429, "too many requests; try again shortly", retry_after=max(1, round(wait)))
        return parse_json_object(await read_body(request, MAX_BODY))

    def parse_vote(self, data: dict[str, Any]) -> tuple[str, str, str, bool, str | None]:
        """A vote's ``(inquiry_id, session, channel, helpful, comment)``; 400 when malformed."""
        inquiry = _text_field(data, "inquiry_id")
        if not inquiry or not inquiry.strip() or len(inquiry) > 64:
            raise Refused(400, "'inquiry_id' must be the inquiry_id an answer came with")
        helpful = data.get("helpful")
        if not isinstance(helpful, bool):
            raise Refused(400, "'helpful' must be true or false")
        comment = _text_field(data, "comment")
        if comment is not None and len(comment) > MAX_COMMENT:
            raise Refused(400, f"'comment' must be at most {MAX_COMMENT} characters")
        session = (_text_field(data, "session") or "web")[:MAX_SESSION]
        return inquiry.strip(), session, self.name, helpful, (comment or "").strip() or None

    def parse(self, data: dict[str, Any]) -> Inbound:
        """The request body as an event (each request is its own event)."""
        question = _text_field(data, "question", "") or ""
        session = (_text_field(data, "session") or "web")[:MAX_SESSION]
        choice = _text_field(data, "choice") or None
        message = IncomingMessage(question, channel=self.name, user_id=session, conversation_id=session,
                                  choice=choice)
        return Inbound(f"web:{secrets.token_hex(8)}", message, {}, time.time())

    def render(self, reply: Reply, inbound: Inbound) -> dict[str, Any]:
        """The ``jetbot ask --json`` fields plus what the page shows."""
        kb = self._engine.kb
        result = to_json(inbound.message.text, reply)
        result["display"] = plain_text(reply, suggestions=False)
        result["intent_title"] = _title(kb, reply.intent_id)
        for candidate in result["candidates"]:
            candidate["title"] = _title(kb, candidate["intent"])
        result["version"] = kb.version
        result["inquiry_id"] = reply.inquiry_id
        result["feedback"] = wants_feedback(reply)   # the page shows 👍 / 👎 under this answer
        return result

    async def send(self, payload: dict[str, Any], inbound: Inbound) -> Delivery:
        """Nothing to send: the answer went out in the HTTP response."""
        return Delivery("skipped", "answered in the HTTP response")

    def health(self) -> dict[str, Any]:
        """Always on."""
        return {"enabled": True}

    async def start(self) -> None:
        """Nothing to open."""

    async def aclose(self) -> None:
        """Nothing to close."""
