"""``jetbot line-richmenu [--dry-run]``: (re)create the LINE rich menu of the YAML's main topics.

The menu object comes from ``menu:`` in the intents YAML (:mod:`bot.core.menu`), the picture from
``adapters/line/richmenu.png`` (drawn by ``tools/render_richmenu.py`` and committed, so no fonts
are needed here). Uses line-bot-sdk's ``MessagingApi`` and ``MessagingApiBlob`` with the channel
access token; ``LINE_API_URL`` points both at a stand-in. ``--dry-run`` prints the plan and calls
nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from linebot.v3.messaging import ApiClient, ApiException, Configuration, MessagingApi, MessagingApiBlob

from adapters.line.rich_menu import IMAGE, RichMenuPlan, image_problem, menu_request, publish
from bot.core.knowledge import display_path, load_knowledge
from bot.settings import Settings


def run_richmenu(settings: Settings, out: TextIO, image: Path | None = None, dry_run: bool = False) -> int:
    """Publish (or with ``dry_run`` describe) the rich menu; 0 when done, 1 on a refusal, 2 without a token."""
    topics = load_knowledge(settings.intents_dir, settings.knowledge_dir).menu
    if not topics:
        out.write("jetbot: the YAML has no menu; add a 'menu:' list to an intents file (docs/yaml-format.md)\n")
        return 1
    image = image or IMAGE
    try:
        data = image.read_bytes()
    except OSError as exc:
        out.write(f"jetbot: cannot read the rich-menu picture {image}: {exc.strerror}\n")
        return 1
    problem = image_problem(data, topics)
    if problem:
        out.write(f"jetbot: {display_path(image)}: {problem}\n")
        return 1
    plan = RichMenuPlan(menu_request(topics), data, display_path(image))
    if dry_run:
        out.write("".join(f"would {line}\n" if not line.startswith(" ") else f"{line}\n" for line in plan.describe()))
        out.write("dry run: nothing was sent to LINE\n")
        return 0
    token = settings.line.channel_access_token
    if not token:
        out.write("jetbot: LINE_CHANNEL_ACCESS_TOKEN is not set\n")
        return 2
    with ApiClient(Configuration(access_token=token, host=settings.line.api_url)) as client:
        try:
            publish(MessagingApi(client), MessagingApiBlob(client), plan, lambda line: out.write(line + "\n"))
        except ApiException as exc:
            out.write(f"jetbot: LINE refused: HTTP {exc.status} {exc.reason} {str(exc.body or '')[:300]}\n")
            return 1
    return 0
