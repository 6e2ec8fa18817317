"""The responder: what each kind of message gets — answers, the greeting, notes, workflows' replies."""
from __future__ import annotations

from dataclasses import replace

from bot.conversation.responder import Responder
from bot.core.types import Action, IncomingMessage, Reply
from bot.engine import Engine


def responder(engine: Engine) -> Responder:
    return Responder(Engine(engine.kb))


def test_a_question_is_answered(repo_engine: Engine) -> None:
    reply = responder(repo_engine).respond(IncomingMessage("総務省の電話番号を教えてください"))
    assert reply.kind == "answer" and "03-5253-5527" in reply.text + str(reply.contacts)


def test_follow_gets_the_greeting_with_topics(repo_engine: Engine) -> None:
    reply = responder(repo_engine).respond(IncomingMessage("", kind="follow"))
    assert reply.kind == "greeting" and reply.suggestions


def test_a_sticker_gets_a_note_and_the_topics(repo_engine: Engine) -> None:
    reply = responder(repo_engine).respond(IncomingMessage("", kind="unsupported"))
    assert "文字で送ってください" in reply.text and reply.suggestions and reply.intent_id is None


def test_an_unknown_button_gets_a_polite_reply_not_an_error(repo_engine: Engine) -> None:
    reply = responder(repo_engine).respond(IncomingMessage("", kind="action", action="richmenu=old-tile"))
    assert reply.kind == "notice" and "使えません" in reply.text and reply.suggestions


def test_actions_go_to_the_workflow_that_owns_their_prefix(repo_engine: Engine) -> None:
    seen: list[str] = []

    def handler(message: IncomingMessage) -> Reply:
        seen.append(message.action or "")
        return Reply(text="受け付けました", kind="notice")

    bot = responder(repo_engine)
    bot.add_action("escalate=", handler)
    assert bot.respond(IncomingMessage("", kind="action", action="escalate=confirm&q=x")).text == "受け付けました"
    assert seen == ["escalate=confirm&q=x"]


def test_decorators_add_to_typed_questions_only(repo_engine: Engine) -> None:
    class Ask:
        def decorate(self, message: IncomingMessage, reply: Reply) -> Reply:
            return replace(reply, actions=(*reply.actions, Action("担当者に聞く", "escalate=ask&q=1")))

    bot = responder(repo_engine)
    bot.add_decorator(Ask())
    typed = bot.respond(IncomingMessage("ALTとは"))
    tapped = bot.respond(IncomingMessage("", choice=typed.intent_id))
    assert [a.label for a in typed.actions] == ["担当者に聞く"] and tapped.actions == ()
