"""The ``jetbot`` command: ask, chat, validate, eval, explain, serve, slack-socket."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence, TextIO

from bot.core.knowledge import KnowledgeError
from bot.core.render import plain_text, to_json
from bot.settings import Settings
from bot.core.types import IncomingMessage


def _parser() -> argparse.ArgumentParser:
    defaults = Settings.from_env()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--intents", type=Path, default=defaults.intents_dir,
                        help="intent YAML folder (env JETBOT_INTENTS)")
    common.add_argument("--knowledge", type=Path, default=defaults.knowledge_dir,
                        help="knowledge YAML folder (env JETBOT_KNOWLEDGE)")
    parser = argparse.ArgumentParser(prog="jetbot", description="Inquiry bot for the JET Programme notice.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question (or one per line from stdin)")
    ask.add_argument("question", nargs="?", help="the question; omit to read lines from stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.add_argument("--session", help="keep conversation context across questions under this id")
    ask.add_argument("--top", type=int, default=5, metavar="K",
                     help="list the best K candidate intents in the JSON (default 5)")
    sub.add_parser("chat", parents=[common], help="talk to the bot in the terminal")
    validate = sub.add_parser("validate", parents=[common], help="check the YAML; exit 1 on errors")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    ev = sub.add_parser("eval", parents=[common], help="measure answers against a question set")
    ev.add_argument("questions", nargs="?", type=Path, help="question YAML (sample format)")
    ev.add_argument("--cross-validate", action="store_true", help="leave-one-out over the intents' examples")
    ev.add_argument("--min", action="append", default=[], metavar="NAME=VALUE",
                    help="fail unless a figure reaches VALUE (in_scope, out_of_scope, dialogue, loo, "
                         "p_at_1, top_5, mrr_at_5, ndcg_at_10, recall_at_10)")
    ev.add_argument("--verbose", "-v", action="store_true", help="print every question, not only failures")
    explain = sub.add_parser("explain", parents=[common], help="show how a question is matched")
    explain.add_argument("question")
    serve = sub.add_parser("serve", parents=[common], help="run the web process (LINE, Slack, web chat)")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=None, help="default: $PORT or 8000")
    sub.add_parser("slack-socket", parents=[common], help="run Slack in Socket Mode (needs SLACK_APP_TOKEN)")
    from bot.reports.period_report import add_arguments as report_arguments

    report_arguments(sub.add_parser("report", parents=[common],
                                    help="questions, fallback rate and unanswered questions for a period"))
    return parser


def _load(args: argparse.Namespace):  # -> Engine
    from bot.engine import load_engine

    return load_engine(args.intents, args.knowledge)


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    session = args.session
    if session is None:
        engine = _load(args)
    else:  # a session outlives this process: its context lives in the store (JETBOT_DB_PATH / DATABASE_URL)
        from bot.engine import load_engine
        from bot.storage.store import open_store

        engine = load_engine(args.intents, args.knowledge, contexts=open_store(Settings.from_env()))

    def one(question: str) -> None:
        message = IncomingMessage(question, channel="cli", conversation_id=session or "cli")
        reply = engine.answer(message, remember=session is not None)
        if args.top != 5:  # the ranking of the question as read, without the conversation's context
            from dataclasses import replace

            from bot.core.answer import ranking

            reply = replace(reply, candidates=ranking(engine.kb, question, max(args.top, 0)))
        if args.json:
            out.write(json.dumps(to_json(question, reply), ensure_ascii=False) + "\n")
        else:
            out.write(plain_text(reply) + "\n\n")
        out.flush()

    if args.question is not None:
        one(args.question)
    else:
        for line in sys.stdin:
            one(line.rstrip("\n"))
    return 0


def cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    engine = _load(args)
    out.write("jetbot — JETプログラム通知について質問してください（終了: Ctrl-D）\n")
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return 0
        reply = engine.answer(IncomingMessage(question, channel="cli", conversation_id="chat"))
        out.write(plain_text(reply) + "\n\n")
        out.flush()


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from bot.validate import validate

    findings = validate(args.intents, args.knowledge)
    for finding in findings:
        out.write(f"{finding}\n")
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    out.write(f"{errors} error(s), {warnings} warning(s)\n")
    return 1 if errors or (args.strict and warnings) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``jetbot`` console script."""
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "ask":
            return cmd_ask(args, out)
        if args.command == "chat":
            return cmd_chat(args, out)
        if args.command == "validate":
            return cmd_validate(args, out)
        if args.command == "eval":
            from bot.evaluation.command import run_eval

            return run_eval(args, out)
        if args.command == "report":
            from bot.reports.period_report import run_report

            return run_report(args, out)
        if args.command == "explain":
            from bot.core.explain import explain

            out.write(explain(_load(args).kb, args.question) + "\n")
            return 0
        from bot.web.serve import run

        return run(args)
    except KnowledgeError as exc:
        sys.stderr.write("jetbot: the YAML has errors:\n" + "\n".join(str(e) for e in exc.errors) + "\n")
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
