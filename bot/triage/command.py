"""``jetbot add-example``, ``jetbot export`` and ``jetbot import``: the triage and spreadsheet commands.

Each write is validated, atomic and recorded in the audit list of the store (``DATABASE_URL`` or
``JETBOT_DB_PATH``); a running ``jetbot serve`` picks the new file up through its file watcher.
"""
from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any, TextIO

from bot.settings import Settings
from bot.triage.writer import InvalidEdit, KnowledgeWriter
from bot.triage.yaml_edits import EditError


def add_arguments(sub: Any, common: argparse.ArgumentParser) -> None:
    """The three subcommands' parsers (``sub``: ``jetbot``'s subparsers; ``common``: --intents/--knowledge)."""
    add = sub.add_parser("add-example", parents=[common],
                         help="add a question as an example of an intent (in the file that defines it)")
    add.add_argument("intent_id", metavar="INTENT_ID")
    add.add_argument("question")
    export = sub.add_parser("export", parents=[common], help="write the intents to a spreadsheet (xlsx or csv)")
    export.add_argument("--format", choices=("xlsx", "csv"), help="default: from the file name")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    imp = sub.add_parser("import", parents=[common], help="apply an edited spreadsheet to the intent YAML")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")


def who() -> str:
    """Who a command-line write is recorded as."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "cli"


def writer_for(args: argparse.Namespace, settings: Settings) -> tuple[KnowledgeWriter, Any]:
    """A writer over ``--intents``/``--knowledge`` whose writes go to the store's audit list."""
    from bot.storage.stores import open_stores
    from bot.storage.triage import TriageStore

    stores = open_stores(settings.storage)
    return KnowledgeWriter(args.intents, args.knowledge, TriageStore(stores.db).record_edit), stores


def run_command(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    """Run ``add-example``, ``export`` or ``import``; errors are printed, exit 1."""
    if args.command == "export":
        from bot.triage.spreadsheet import export

        fmt = args.format or ("csv" if args.output.suffix.lower() == ".csv" else "xlsx")
        try:
            written = export(args.intents, args.knowledge, args.output, fmt)
        except OSError as exc:
            err.write(f"jetbot: cannot write {args.output}: {exc.strerror or exc}\n")
            return 1
        out.write("".join(f"wrote {path}\n" for path in written))
        return 0
    try:
        writer, stores = writer_for(args, settings)
    except Exception as exc:  # noqa: BLE001 - every write is audited: no store, no write
        err.write(f"jetbot: cannot open the store that keeps the audit list ({type(exc).__name__}: {exc}); "
                  "nothing was written\n")
        return 1
    try:
        if args.command == "add-example":
            result = writer.add_examples(args.intent_id, [args.question], who())
            out.write(f"{result.file}: added '{result.added[0]}' to intent '{args.intent_id}' "
                      f"(knowledge {result.version})\n")
            return 0
        from bot.triage.sheet_import import run_import

        return run_import(writer, args.file, args.dry_run, who(), out)
    except InvalidEdit as exc:
        err.write("jetbot: nothing was written, the result would not validate:\n" + "\n".join(exc.errors) + "\n")
        return 1
    except EditError as exc:
        err.write(f"jetbot: {exc}\n")
        return 1
    finally:
        stores.close()
