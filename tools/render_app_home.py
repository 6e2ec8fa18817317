"""Draw the Slack App Home as a picture for the README (docs/app_home.png), from the real blocks.

    .venv/bin/python -m tools.render_app_home        # needs Debian's chromium and fonts-noto-cjk

Builds the view with ``adapters.slack.home_view.home_view`` over the repo's YAML (menu and help
text) and sample questions and figures (marked as samples on the picture), turns each block into
HTML the way Slack lays Block Kit out (header, mrkdwn sections, buttons, dividers, context), and
takes a screenshot with headless Chromium. It only draws; nothing here runs in the bot.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from adapters.slack.home_view import HomeContent, WeekFigures, home_view
from bot.core.answer import HELP_INTENT
from bot.core.knowledge import load_knowledge
from bot.core.knowledge_base import build_kb
from bot.core.menu import menu_suggestions
from bot.settings import REPO_ROOT
from bot.storage.inquiry_stats import AskedQuestion

OUT = REPO_ROOT / "docs" / "app_home.png"
STYLE = """
body { margin: 0; background: #fff; font: 15px/1.5 "Noto Sans CJK JP", sans-serif; color: #1d1c1d; }
.tab { padding: 10px 24px; border-bottom: 1px solid #ddd; font-weight: bold; color: #616061; }
.tab b { color: #1d1c1d; border-bottom: 2px solid #1264a3; padding-bottom: 8px; margin-right: 18px; }
main { padding: 16px 24px; max-width: 760px; }
h1 { font-size: 20px; margin: 6px 0 12px; }
.section { margin: 8px 0; white-space: normal; }
code { background: #f6f6f6; border: 1px solid #e8e8e8; border-radius: 3px; padding: 0 3px; color: #c01343; }
hr { border: 0; border-top: 1px solid #ddd; margin: 14px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.button { border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-weight: bold; font-size: 14px; }
.context { color: #616061; font-size: 12px; margin: 6px 0; }
.sample { position: absolute; top: 8px; right: 16px; color: #b54708; font-size: 12px; }
"""


def mrkdwn(text: str) -> str:
    """Slack's mrkdwn as HTML (bold, italic, code, line breaks); the text arrives escaped already."""
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*([^*\n]+)\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w])_([^_\n]+)_(?![\w])", r"<i>\1</i>", text)
    return text.replace("\n", "<br>")


def block_html(block: dict[str, Any]) -> str:
    """One block as Slack shows it."""
    kind = block["type"]
    if kind == "header":
        return f"<h1>{html.escape(block['text']['text'])}</h1>"
    if kind == "section":
        return f"<div class='section'>{mrkdwn(block['text']['text'])}</div>"
    if kind == "divider":
        return "<hr>"
    if kind == "actions":
        return "<div class='actions'>" + "".join(
            f"<span class='button'>{html.escape(e['text']['text'])}</span>" for e in block["elements"]) + "</div>"
    return "<div class='context'>" + " ".join(mrkdwn(e["text"]) for e in block["elements"]) + "</div>"


def sample_view() -> dict[str, Any]:
    """The Home tab an admin would see, over the repo's YAML with sample questions and figures."""
    kb = build_kb(load_knowledge(REPO_ROOT / "intents", REPO_ROOT / "knowledge"))
    recent = (AskedQuestion(1_780_000_000.0, "配置要望調査はどこを通して出す？", True),
              AskedQuestion(1_779_990_000.0, "来年度の募集人数は？", False))
    figures = WeekFigures("2026-05-22", "2026-05-28", 42, 37)
    content = HomeContent(kb.answers[HELP_INTENT]["ja"].text, menu_suggestions(kb.knowledge.menu), recent,
                          kb.version, figures, "https://jetbot.example.jp")
    return home_view(content)


def main() -> int:
    """Write :data:`OUT`."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("needs Debian's chromium (apt-get install chromium)")
    body = "".join(block_html(b) for b in sample_view()["blocks"])
    page = (f"<!doctype html><meta charset='utf-8'><style>{STYLE}</style>"
            f"<div class='tab'><b>ホーム</b>メッセージ　情報</div><span class='sample'>画面例（質問と数字はサンプル）</span>"
            f"<main>{body}</main>")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "home.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={OUT}", "--window-size=820,700", source.as_uri()],
                       check=True, capture_output=True, timeout=60)
    print(f"{OUT}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
