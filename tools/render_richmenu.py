"""Draw the LINE rich-menu picture from the YAML menu (a build-time tool; the PNG is committed).

    .venv/bin/pip install -e '.[tools]'             # Pillow
    apt-get install fonts-noto-cjk                   # a font with the Japanese glyphs
    .venv/bin/python -m tools.render_richmenu        # writes adapters/line/richmenu.png

One tile per topic, laid out as ``adapters.line.rich_menu.layout`` places the tap areas: the
label large, the caption under it. The PNG records the digest of the labels it shows
(``jetbot-menu``), so ``jetbot line-richmenu`` refuses a picture that no longer matches the YAML.
Options: ``--intents DIR --knowledge DIR --font FILE --out FILE``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from adapters.line.rich_menu import DIGEST_KEY, IMAGE, MAX_IMAGE_BYTES, layout
from bot.core.knowledge import load_knowledge
from bot.core.menu import MenuTopic, picture_digest
from bot.settings import REPO_ROOT

FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto-cjk")
BOLD, REGULAR = "NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc"
JP_INDEX = 0  # "Noto Sans CJK JP" in the collection: Japanese glyph shapes
BACKGROUND, CARD, ACCENT, INK, MUTED = "#eef3f8", "#ffffff", "#1f5fa8", "#14263d", "#55657a"
GAP, RADIUS, ACCENT_HEIGHT = 24, 36, 18


def find_font(name: str, given: Path | None) -> Path:
    """``given``, else ``name`` in the usual Debian font folders; exits with advice when missing."""
    candidates = [given] if given else [Path(d) / name for d in FONT_DIRS]
    for path in candidates:
        if path and path.is_file():
            return path
    sys.exit(f"no {name}: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or pass --font")


def fitted(draw: ImageDraw.ImageDraw, text: str, font_path: Path, size: int, width: int) -> ImageFont.FreeTypeFont:
    """The font at ``size`` or smaller, so that ``text`` fits ``width`` pixels."""
    while True:
        font = ImageFont.truetype(str(font_path), size, index=JP_INDEX)
        if draw.textlength(text, font=font) <= width or size <= 24:
            return font
        size -= 4


def render(topics: Sequence[MenuTopic], bold: Path, regular: Path) -> Image.Image:
    """The picture: a card per tile, label and caption centred."""
    width, height, tiles = layout(len(topics))
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for topic, (x, y, w, h) in zip(topics, tiles):
        box = (x + GAP, y + GAP, x + w - GAP, y + h - GAP)
        draw.rounded_rectangle(box, RADIUS, fill=CARD, outline="#c9d6e6", width=4)
        draw.rounded_rectangle((box[0], box[1], box[2], box[1] + ACCENT_HEIGHT + RADIUS), RADIUS, fill=ACCENT)
        draw.rectangle((box[0] + 2, box[1] + ACCENT_HEIGHT, box[2] - 2, box[1] + ACCENT_HEIGHT + RADIUS), fill=CARD)
        inner = w - 2 * GAP - 80
        label = fitted(draw, topic.label, bold, 132, inner)
        centre_x, centre_y = x + w / 2, y + h / 2 + ACCENT_HEIGHT / 2
        if topic.caption:
            caption = fitted(draw, topic.caption, regular, 68, inner)
            draw.text((centre_x, centre_y - 20), topic.label, font=label, fill=INK, anchor="md")
            draw.text((centre_x, centre_y + 60), topic.caption, font=caption, fill=MUTED, anchor="mt")
        else:
            draw.text((centre_x, centre_y), topic.label, font=label, fill=INK, anchor="mm")
    return image


def main(argv: Sequence[str] | None = None) -> int:
    """Draw the picture for the YAML menu and write it (with its digest) to ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m tools.render_richmenu", description=__doc__.split("\n")[0])
    parser.add_argument("--intents", type=Path, default=REPO_ROOT / "intents")
    parser.add_argument("--knowledge", type=Path, default=REPO_ROOT / "knowledge")
    parser.add_argument("--font", type=Path, help=f"a bold font with Japanese glyphs (default: {BOLD})")
    parser.add_argument("--out", type=Path, default=IMAGE)
    args = parser.parse_args(argv)
    topics = load_knowledge(args.intents, args.knowledge).menu
    if not topics:
        sys.exit("the YAML has no 'menu:' list")
    image = render(topics, find_font(BOLD, args.font), find_font(REGULAR, args.font))
    info = PngImagePlugin.PngInfo()
    info.add_text(DIGEST_KEY, picture_digest(topics))
    image.save(args.out, "PNG", pnginfo=info, optimize=True)
    size = args.out.stat().st_size
    print(f"{args.out}: {image.width}×{image.height}, {len(topics)} tiles, {size:,} bytes")
    return 0 if size <= MAX_IMAGE_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main())
