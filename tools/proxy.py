"""The one-example-per-entry proxy of the external municipal-FAQ benchmark, as a question set.

The benchmark loads each FAQ entry as an intent with one example (its question) and its answer,
and asks crowd-written queries. The proxy has that shape, made from our own intents: each
intent's first example and its answer become one entry, its other examples are the queries
(``relevant: [the intent]``)::

    .venv/bin/python -m tools.proxy --write /tmp/proxy        # writes intents/, knowledge/, queries.yaml
    .venv/bin/jetbot eval /tmp/proxy/queries.yaml --intents /tmp/proxy/intents --knowledge /tmp/proxy/knowledge
    .venv/bin/python -m tools.proxy                           # both at once: prints P@1, top-5, MRR@5, nDCG@10, Recall@10

A frozen copy (``--write`` once, then evaluate that folder with later code) separates changes of
the matcher from changes of the intents, which alter the proxy itself.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from bot.core.knowledge_base import KnowledgeBase, load_kb
from bot.settings import REPO_ROOT


def write_proxy(kb: KnowledgeBase, folder: Path) -> Path:
    """Write the proxy FAQ (``intents/faq.yaml``, an empty ``knowledge/``) and ``queries.yaml``; return the latter."""
    entries, queries = [], []
    for intent in kb.knowledge.intents:
        if intent.fallback or len(intent.examples) < 2:
            continue
        entries.append({"id": intent.id, "examples": [intent.examples[0]], "answer": kb.answers[intent.id]["ja"].text})
        queries += [{"q": q, "relevant": [intent.id]} for q in intent.examples[1:]]
    (folder / "intents").mkdir(parents=True, exist_ok=True)
    (folder / "knowledge").mkdir(exist_ok=True)
    (folder / "intents" / "faq.yaml").write_text(yaml.safe_dump({"intents": entries}, allow_unicode=True), encoding="utf-8")
    path = folder / "queries.yaml"
    path.write_text(yaml.safe_dump(queries, allow_unicode=True), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Write the proxy (``--write DIR``), or write it to a temporary folder and measure it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="folder to write the proxy set into (and stop)")
    args = parser.parse_args(argv)
    kb = load_kb(REPO_ROOT / "intents", REPO_ROOT / "knowledge")
    if args.write:
        print(write_proxy(kb, args.write))
        return 0
    from bot.cli import main as jetbot

    with tempfile.TemporaryDirectory(prefix="jetbot-proxy-") as tmp:  # removed afterwards (it was left behind)
        folder = Path(tmp)
        queries = write_proxy(kb, folder)
        return jetbot(["eval", str(queries), "--intents", str(folder / "intents"), "--knowledge", str(folder / "knowledge")])


if __name__ == "__main__":
    raise SystemExit(main())
