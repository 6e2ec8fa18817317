"""The ``jetbot`` command: ask, chat, explain, validate, eval, report, build-index, serve, slack-socket,
line-richmenu, versions, rollback."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Sequence, TextIO

from bot.core.knowledge_model import KnowledgeError
from bot.core.render import plain_text, to_json
from bot.core.types import IncomingMessage
from bot.engine import Engine, load_engine
from bot.settings import Settings


def _parser(defaults: Settings) -> argparse.ArgumentParser:
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
    ask.add_argument("--session", help="keep conversation context across questions under this id (in the store)")
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
    sub.add_parser("build-index", parents=[common], help="build the index cache now (e.g. in a release step)")
    serve = sub.add_parser("serve", parents=[common], help="run the web process (LINE, Slack, web chat, admin)")
    serve.add_argument("--host", default=defaults.host, help=f"default: $JETBOT_HOST or {Settings.host}")
    serve.add_argument("--port", type=int, default=defaults.port, help=f"default: $PORT or {Settings.port}")
    sub.add_parser("slack-socket", parents=[common], help="run Slack in Socket Mode (needs SLACK_APP_TOKEN)")
    menu = sub.add_parser("line-richmenu", parents=[common],
                          help="(re)create the LINE rich menu of the YAML menu's topics (LINE_CHANNEL_ACCESS_TOKEN)")
    menu.add_argument("--dry-run", action="store_true", help="print what it would do; call nothing")
    menu.add_argument("--image", type=Path, help="the picture (default: adapters/line/richmenu.png)")
    from bot.reports.period_report import add_arguments as report_arguments

    report_arguments(sub.add_parser("report", parents=[common],
                                    help="questions, fallback rate and unanswered questions for a period"))
    from bot.triage.command import add_arguments as triage_arguments

    triage_arguments(sub, common)
    from bot.versions.command import add_arguments as version_arguments

    version_arguments(sub, common)
    return parser


def cmd_ask(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """``jetbot ask``: stateless unless ``--session`` (whose context lives in the store)."""
    session = args.session
    stores = None
    if session is not None:
        from bot.storage.stores import open_stores

        stores = open_stores(settings.storage)
    engine = load_engine(args.intents, args.knowledge, settings.cache_dir,
                         contexts=stores.contexts if stores else None)

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

    try:
        if args.question is not None:
            one(args.question)
        else:
            for line in sys.stdin:
                one(line.rstrip("\n"))
    finally:
        if stores is not None:
            stores.close()
    return 0


def cmd_chat(engine: Engine, out: TextIO) -> int:
    """``jetbot chat``: a conversation in the terminal (not logged: only served channels are)."""
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
    """``jetbot validate``: every finding as ``file:line: level: message``."""
    from bot.validate import validate

    findings = validate(args.intents, args.knowledge)
    for finding in findings:
        out.write(f"{finding}\n")
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    out.write(f"{errors} error(s), {warnings} warning(s)\n")
    return 1 if errors or (args.strict and warnings) else 0


def cmd_build_index(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """``jetbot build-index``: build the index cache, or say it is warm."""
    from bot.core.index_cache import load_or_build

    result = load_or_build(args.intents, args.knowledge, settings.cache_dir)
    state = "warm" if result.hit else f"built ({result.reason}; {result.encoded} example(s) encoded, the others reused)"
    out.write(f"{result.path or 'cache disabled'}: {state}, {len(result.kb.intents)} intents, "
              f"{result.seconds:.1f} s\n")
    return 0


def run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Dispatch one parsed command."""
    settings = dataclasses.replace(settings, intents_dir=args.intents, knowledge_dir=args.knowledge)
    if args.command == "ask":
        return cmd_ask(args, settings, out)
    if args.command == "validate":
        return cmd_validate(args, out)
    if args.command == "build-index":
        return cmd_build_index(args, settings, out)
    if args.command == "report":
        from bot.reports.period_report import run_report

        return run_report(args, out, settings)
    if args.command in ("add-example", "export", "import"):
        from bot.triage.command import run_command

        return run_command(args, settings, out, sys.stderr)
    if args.command in ("versions", "rollback"):
        from bot.versions.command import run_rollback, run_versions

        return (run_versions if args.command == "versions" else run_rollback)(args, settings, out)
    if args.command == "line-richmenu":
        from bot.web.line_richmenu import run_richmenu

        return run_richmenu(settings, out, args.image, args.dry_run)
    if args.command in ("serve", "slack-socket"):
        from bot.web.logs import configure_logging
        from bot.web.serve import serve, slack_socket

        configure_logging(settings.log_level, settings.log_format)
        if args.command == "serve":
            return serve(dataclasses.replace(settings, host=args.host, port=args.port))
        return slack_socket(settings)
    engine = load_engine(args.intents, args.knowledge, settings.cache_dir)
    if args.command == "chat":
        return cmd_chat(engine, out)
    if args.command == "eval":
        from bot.evaluation.command import run_eval

        return run_eval(args, out, engine)
    from bot.core.explain import explain

    out.write(explain(engine.kb, args.question) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``jetbot`` console script."""
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        sys.stderr.write(f"jetbot: {exc}\n")
        return 2
    args = _parser(settings).parse_args(argv)
    try:
        return run(args, settings, sys.stdout)
    except KnowledgeError as exc:
        sys.stderr.write("jetbot: the YAML has errors:\n" + "\n".join(str(e) for e in exc.errors) + "\n")
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
