"""The LINE rich menu of the main topics: its layout, the Messaging API object, and publishing it.

One tile per topic of the YAML menu (:mod:`bot.core.menu`), each a postback ``intent=<id>`` with
the label as display text, which the webhook answers like a tapped suggestion. The picture is
drawn ahead of time (``tools/render_richmenu.py``, committed as :data:`IMAGE`) and records the
digest of the labels it shows, so a picture that no longer matches the YAML is refused.

:func:`publish` creates the new menu, uploads the picture, makes it the default and only then
deletes the menus it made before (found by :data:`MENU_NAME`; menus made by anyone else are
never touched), so users always have a menu.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from linebot.v3.messaging import (
    MessagingApi, MessagingApiBlob, PostbackAction, RichMenuArea, RichMenuBounds, RichMenuRequest, RichMenuSize,
)

from bot.core.limits import LINE_DISPLAY_TEXT, LINE_LABEL
from bot.core.menu import MenuTopic, picture_digest

IMAGE = Path(__file__).resolve().parent / "richmenu.png"
MENU_NAME = "jetbot: main topics"   # how publish() recognises the menus it made
CHAT_BAR_TEXT = "メニュー"            # the bar that opens and closes the menu (≤ 14 characters)
WIDTH, ROW_HEIGHT = 2500, 843
MAX_IMAGE_BYTES = 1024 * 1024
DIGEST_KEY = "jetbot-menu"          # the PNG text chunk holding picture_digest(topics)
Tile = tuple[int, int, int, int]    # x, y, width, height


def layout(count: int) -> tuple[int, int, list[Tile]]:
    """Size and tiles for ``count`` topics: one row of up to 3 (2500×843), else two rows (2500×1686)
    with the extra tile in the top row."""
    if not 1 <= count <= 6:
        raise ValueError(f"a rich menu holds 1 to 6 topics, not {count}")
    rows = [count] if count <= 3 else [count - count // 2, count // 2]
    tiles: list[Tile] = []
    for r, n in enumerate(rows):
        edges = [WIDTH * i // n for i in range(n + 1)]
        tiles += [(edges[i], r * ROW_HEIGHT, edges[i + 1] - edges[i], ROW_HEIGHT) for i in range(n)]
    return WIDTH, ROW_HEIGHT * len(rows), tiles


def menu_request(topics: Sequence[MenuTopic]) -> RichMenuRequest:
    """The rich menu object: one postback tile per topic, shown open by default."""
    width, height, tiles = layout(len(topics))
    areas = [RichMenuArea(bounds=RichMenuBounds(x=x, y=y, width=w, height=h),
                          action=PostbackAction(label=t.label[:LINE_LABEL], data=f"intent={t.intent}",
                                                display_text=t.label[:LINE_DISPLAY_TEXT]))
             for t, (x, y, w, h) in zip(topics, tiles)]
    return RichMenuRequest(size=RichMenuSize(width=width, height=height), selected=True, name=MENU_NAME,
                           chat_bar_text=CHAT_BAR_TEXT, areas=areas)


def png_info(data: bytes) -> tuple[int, int, dict[str, str]]:
    """Width, height and ``tEXt`` chunks of a PNG (raises ``ValueError`` when it is not one)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    texts: dict[str, str] = {}
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"tEXt":
            key, _, value = data[pos + 8:pos + 8 + length].partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        pos += 12 + length
    return width, height, texts


def image_problem(data: bytes, topics: Sequence[MenuTopic]) -> str | None:
    """Why ``data`` cannot be this menu's picture, or ``None``."""
    try:
        width, height, texts = png_info(data)
    except (ValueError, struct.error):
        return "the picture is not a PNG file"
    expected = layout(len(topics))[:2]
    if (width, height) != expected:
        return f"the picture is {width}×{height}, the menu needs {expected[0]}×{expected[1]}"
    if len(data) > MAX_IMAGE_BYTES:
        return f"the picture is {len(data):,} bytes; LINE takes at most {MAX_IMAGE_BYTES:,}"
    if texts.get(DIGEST_KEY) != picture_digest(topics):
        return "the picture shows other labels than the YAML menu; redraw it: python -m tools.render_richmenu"
    return None


@dataclass(frozen=True)
class RichMenuPlan:
    """What :func:`publish` sends: the menu object and its picture."""

    request: RichMenuRequest
    image: bytes
    image_name: str

    def describe(self) -> list[str]:
        """The plan in words (what ``--dry-run`` prints)."""
        size = self.request.size
        lines = [f"create rich menu '{MENU_NAME}' ({size.width}×{size.height}, chat bar "
                 f"'{CHAT_BAR_TEXT}', {len(self.request.areas)} tiles):"]
        for area in self.request.areas:
            b = area.bounds
            lines.append(f"  tile at ({b.x},{b.y}) {b.width}×{b.height}: {area.action.label} → {area.action.data}")
        lines += [f"upload {self.image_name} ({len(self.image):,} bytes, image/png)",
                  "set it as the default rich menu",
                  f"delete the rich menus named '{MENU_NAME}' that exist before (listed when it runs)"]
        return lines


def publish(api: MessagingApi, blob: MessagingApiBlob, plan: RichMenuPlan, say: Callable[[str], None]) -> str:
    """Create, upload, make default, then delete the older menus this command made; the new id.

    A failure after creating removes the new menu again, leaving the previous one as it was."""
    previous = [m.rich_menu_id for m in api.get_rich_menu_list().richmenus if m.name == MENU_NAME]
    new_id = api.create_rich_menu(plan.request).rich_menu_id
    say(f"created rich menu {new_id}")
    try:
        blob.set_rich_menu_image(new_id, body=plan.image, _headers={"Content-Type": "image/png"})
        say(f"uploaded {plan.image_name}")
        api.set_default_rich_menu(new_id)
        say(f"{new_id} is the default rich menu")
    except Exception:
        api.delete_rich_menu(new_id)
        say(f"deleted {new_id} again: the previous menu stays")
        raise
    for old in previous:
        api.delete_rich_menu(old)
        say(f"deleted the previous rich menu {old}")
    return new_id
