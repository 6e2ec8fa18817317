"""The triage queue's endpoints on ``/admin`` and the page sections it adds (queue, audit list).

Every decision is one POST form with the admin session and the same-origin check that
``/admin/reload`` uses (or the Bearer token): add the group's questions as examples of an intent,
draft a new intent (saved only when it validates), or mark the group out of scope. A write goes
live through the existing reload and is recorded in the audit list.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from adapters.http import Refused, read_body
from bot.engine import Engine
from bot.reload import Reloader
from bot.reports.question_groups import make_key
from bot.storage.triage import DONE, OUT_OF_SCOPE, TriageStore
from bot.triage.queue import QueueGroup, build_queue, question_key
from bot.triage.writer import InvalidEdit, KnowledgeWriter, StaleError
from bot.triage.yaml_edits import EditError, draft_intent
from bot.web.admin.auth import OFF_MESSAGE, AdminAuth
from bot.web.admin.traffic import period
from bot.web.admin.triage_page import draft_page, edits_html, message_page, queue_html
from bot.web.console import SECURITY_HEADERS

log = logging.getLogger(__name__)
HEADERS = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
WHO = "admin (web)"
FORM_LIMIT = 256 * 1024


class TriageDesk:
    """The queue over the inquiry log (``store``; None: no store, no queue) and the writer of the YAML."""

    def __init__(self, engine: Engine, reloader: Reloader, auth: AdminAuth, store: TriageStore | None,
                 intents_dir: Path, knowledge_dir: Path) -> None:
        self.engine, self.reloader, self.auth, self.store = engine, reloader, auth, store
        self.writer = KnowledgeWriter(intents_dir, knowledge_dir, store.record_edit if store else None)

    def _queue(self) -> list[QueueGroup]:
        assert self.store is not None
        since, until = period(dt.datetime.now(dt.timezone.utc).date())
        kb = self.engine.kb
        rows = self.store.needing_person(since, until)
        return build_queue(rows, self.store.marks(), kb, make_key(kb.knowledge.synonyms))

    async def sections(self) -> dict[str, str]:
        """The page's ``triage`` (the queue) and ``edits`` (the audit list) sections."""
        kb, base = self.engine.kb, await asyncio.to_thread(self.writer.version)
        if self.store is None:
            return {"triage": queue_html(None, kb, base), "edits": edits_html(None)}
        try:
            groups = await asyncio.to_thread(self._queue)
            edits = await asyncio.to_thread(self.store.edits)
        except Exception as exc:  # the page must load when the database is down
            log.exception("could not read the triage queue")
            return {"triage": queue_html(None, kb, base, f"could not read the store: {type(exc).__name__}"),
                    "edits": ""}
        note = "" if base == kb.version else "the files on disk differ from the live version (see Knowledge)"
        return {"triage": queue_html(groups, kb, base, note), "edits": edits_html(edits)}

    async def _form(self, request: Request) -> dict[str, list[str]] | Response:
        """The posted form, or the refusal (not logged in, cross-site, too large)."""
        if not self.auth.enabled:
            return PlainTextResponse(OFF_MESSAGE, status_code=404)
        bearer = self.auth.check_bearer(request)
        if not bearer and not self.auth.check_cookie(request):
            return HTMLResponse(message_page("Log in first", ["missing or expired admin session"]), 401, HEADERS)
        if not bearer and not self.auth.same_origin(request):
            return HTMLResponse(message_page("Refused", ["cross-site request refused"]), 403, HEADERS)
        if self.store is None:
            return HTMLResponse(message_page("No store", ["the triage queue needs the inquiry store"]), 404, HEADERS)
        try:
            body = await read_body(request, FORM_LIMIT)
        except Refused as refused:
            return HTMLResponse(message_page("Refused", [refused.reason]), refused.status, HEADERS)
        form = parse_qs(body.decode("utf-8", "replace"))
        if not [q for q in form.get("q", []) if q.strip()]:
            return HTMLResponse(message_page("Nothing to do", ["the form named no questions"]), 400, HEADERS)
        return form

    async def _done(self, questions: list[str], status: str, intent: str | None) -> Response:
        assert self.store is not None
        await asyncio.to_thread(self.store.mark, [question_key(q) for q in questions], status, WHO, intent)
        return RedirectResponse("/admin#queue", status_code=303, headers=HEADERS)

    async def _write(self, write, questions: list[str], intent: str | None) -> Response:  # type: ignore[no-untyped-def]
        try:
            await asyncio.to_thread(write)
        except StaleError as exc:
            return HTMLResponse(message_page("Not saved: the YAML changed", [str(exc)]), 409, HEADERS)
        except InvalidEdit as exc:
            return HTMLResponse(message_page("Not saved: the result would not validate", exc.errors), 422, HEADERS)
        except EditError as exc:
            return HTMLResponse(message_page("Not saved", [str(exc)]), 422, HEADERS)
        result = await self.reloader.reload("admin-edit")
        if result.status == "rejected":
            log.error("a triage edit was written but its reload was rejected: %s", result.errors)
        return await self._done(questions, DONE, intent)

    async def add_examples(self, request: Request) -> Response:
        """Add the group's questions as examples of ``intent``."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        questions, intent = form["q"], (form.get("intent") or [""])[0].strip()
        if not intent:
            return HTMLResponse(message_page("Not saved", ["choose an intent"]), 400, HEADERS)
        base = (form.get("base") or [None])[0]
        return await self._write(lambda: self.writer.add_examples(intent, questions, WHO, base), questions, intent)

    async def draft(self, request: Request) -> Response:
        """The draft form: a new intent with the group's questions as examples."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        files = [p.name for p in self.writer.intent_files()]
        chosen = _nearest_file(self.engine, form["q"][0]) or (files[0] if files else "")
        return HTMLResponse(draft_page(form["q"], draft_intent("new_intent", form["q"]), files, chosen,
                                       (form.get("base") or [""])[0]), headers=HEADERS)

    async def save_intent(self, request: Request) -> Response:
        """Save the drafted intent if the YAML validates with it; else show the draft again with the errors."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        questions, draft = form["q"], (form.get("draft") or [""])[0].replace("\r\n", "\n")
        name, base = (form.get("file") or [""])[0], (form.get("base") or [None])[0]
        files = [p.name for p in self.writer.intent_files()]
        if name not in files:
            return HTMLResponse(message_page("Not saved", [f"unknown intents file '{name}'"]), 400, HEADERS)
        try:
            result = await asyncio.to_thread(self.writer.add_intent, self.writer.intents_dir / name, draft, WHO, base)
        except StaleError as exc:
            return HTMLResponse(message_page("Not saved: the YAML changed", [str(exc)]), 409, HEADERS)
        except InvalidEdit as exc:
            return HTMLResponse(draft_page(questions, draft, files, name, base or "", exc.errors), 422, HEADERS)
        except EditError as exc:
            return HTMLResponse(draft_page(questions, draft, files, name, base or "", [str(exc)]), 422, HEADERS)
        await self.reloader.reload("admin-edit")
        return await self._done(questions, DONE, ", ".join(result.added) or None)

    async def out_of_scope(self, request: Request) -> Response:
        """Mark the group 対象外: kept, and no longer in the open queue."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        return await self._done(form["q"], OUT_OF_SCOPE, None)

    def routes(self) -> list[BaseRoute]:
        """``/admin/triage/*`` (404 while the admin side is off or there is no store to keep the decisions)."""
        handlers = {"examples": self.add_examples, "draft": self.draft, "intent": self.save_intent,
                    "out-of-scope": self.out_of_scope}
        return [Route(f"/admin/triage/{name}", handler, methods=["POST"]) for name, handler in handlers.items()]


def _nearest_file(engine: Engine, question: str) -> str | None:
    """The file of the intent the question comes closest to (where a new intent on it likely belongs)."""
    from bot.core.answer import ranking

    kb = engine.kb
    for candidate in ranking(kb, question, 1):
        return Path(kb.intents[candidate.intent_id].file).name
    return None

