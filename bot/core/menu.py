"""The menu of main topics: one ``menu:`` list in an intents file, read by every channel.

Each topic names the intent it answers. The LINE rich menu and greeting, Slack's App Home and
``/jet help``, and the web console's opening buttons all show these topics, so admins change
them in YAML without code::

    menu:
      - label: JETとは            # ≤ 12 characters: a rich-menu tile, a button
        intent: about_jet        # the intent a tap answers
        caption: 制度の概要       # optional second line on the rich-menu tile
        label_en: About JET      # optional
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Collection, Sequence

from bot.core.types import Language, Suggestion
from bot.core.yaml_source import LineDict, YamlError

MAX_TOPICS = 6       # a LINE rich menu of 2500×1686 holds six tiles in two rows
MAX_LABEL = 12       # characters that stay legible on a tile a third of a phone wide
MAX_CAPTION = 20


@dataclass(frozen=True)
class MenuTopic:
    """One topic of the menu: what is shown, and the intent a tap answers."""

    label: str
    intent: str
    file: str
    line: int
    caption: str | None = None
    label_en: str | None = None

    def label_in(self, language: Language) -> str:
        """The label in ``language`` (Japanese when there is no English one)."""
        return (self.label_en if language == "en" else None) or self.label


def read_topics(items: Sequence[LineDict], shown: str) -> tuple[list[MenuTopic], list[YamlError]]:
    """Topics from the schema-checked ``menu`` records of one file, and the problems with them."""
    topics: list[MenuTopic] = []
    errors: list[YamlError] = []
    for item in items:
        label, caption = str(item["label"]).strip(), (str(item.get("caption") or "").strip() or None)
        if len(label) > MAX_LABEL:
            errors.append(YamlError(shown, item.line_of("label"), f"menu label '{label}' is {len(label)} "
                                    f"characters; at most {MAX_LABEL} fit on a rich-menu tile"))
            continue
        if caption and len(caption) > MAX_CAPTION:
            errors.append(YamlError(shown, item.line_of("caption"), f"menu caption '{caption}' is over "
                                    f"{MAX_CAPTION} characters"))
            continue
        topics.append(MenuTopic(label, str(item["intent"]), shown, item.line, caption,
                                (str(item.get("label_en") or "").strip() or None)))
    return topics, errors


def check_menu(topics: Sequence[MenuTopic], intent_ids: Collection[str]) -> list[YamlError]:
    """Every topic names a known intent, once; at most :data:`MAX_TOPICS`; one file holds the menu."""
    errors: list[YamlError] = []
    files = list(dict.fromkeys(t.file for t in topics))
    for other in files[1:]:
        errors.append(YamlError(other, next(t.line for t in topics if t.file == other),
                                f"a second 'menu' section (the menu is in {files[0]}); keep one"))
    topics = [t for t in topics if t.file == files[0]] if files else []
    if len(topics) > MAX_TOPICS:
        errors.append(YamlError(topics[MAX_TOPICS].file, topics[MAX_TOPICS].line,
                                f"the menu has {len(topics)} topics; at most {MAX_TOPICS} fit the LINE rich menu"))
    seen: dict[str, MenuTopic] = {}
    for topic in topics:
        if topic.intent not in intent_ids:
            errors.append(YamlError(topic.file, topic.line, f"menu topic '{topic.label}' names unknown intent "
                                    f"'{topic.intent}'"))
        elif topic.intent in seen:
            errors.append(YamlError(topic.file, topic.line, f"menu topic '{topic.label}' repeats intent "
                                    f"'{topic.intent}' (first at line {seen[topic.intent].line})"))
        seen.setdefault(topic.intent, topic)
    return errors


def menu_suggestions(topics: Sequence[MenuTopic], language: Language = "ja") -> tuple[Suggestion, ...]:
    """The topics as suggestions (buttons, quick replies): tapping one asks its intent."""
    return tuple(Suggestion(t.label_in(language), t.intent) for t in topics)


def picture_digest(topics: Sequence[MenuTopic]) -> str:
    """What a drawing of the menu depends on (labels and captions, in order), as a short hash:
    a rich-menu image records it, so a stale picture is caught before it is uploaded."""
    drawn = [[t.label, t.caption or ""] for t in topics]
    return hashlib.sha256(json.dumps(drawn, ensure_ascii=False).encode()).hexdigest()[:16]
