"""The YAML menu of main topics: loaded in order, offered by help and greeting, and every mistake
reported with its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import messages
from bot.core.answer import help_reply, intent_reply
from bot.core.knowledge import load_knowledge
from bot.core.knowledge_model import KnowledgeError
from bot.core.knowledge_base import build_kb
from bot.core.menu import menu_suggestions, picture_digest
from bot.core.types import Suggestion
from paths import write

INTENTS = """\
intents:
  - id: greeting
    examples: [こんにちは]
    answer: こんにちは。
  - id: help
    examples: [使い方]
    answer: 通知について答えます。
    follow_ups: [size]
  - id: size
    examples: [JETの参加者数は？]
    answer: 約77,000人です。
  - id: casebook
    examples: [事例集はどこ]
    answer: 総務省のページにあります。
"""
MENU = """\
menu:
  - label: 事例集
    caption: JET-ALT活動事例集
    label_en: Casebook
    intent: casebook
  - label: 参加者数
    intent: size
"""


def load(tmp_path: Path, menu: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "intents/a.yaml", INTENTS)
    write(tmp_path / "intents/menu.yaml", menu)
    return load_knowledge(Path("intents"), Path("knowledge"))


def errors_of(tmp_path: Path, menu: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load(tmp_path, menu, monkeypatch)
    return [str(e) for e in caught.value.errors]


def test_the_menu_loads_in_order_with_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    menu = load(tmp_path, MENU, monkeypatch).menu
    assert [(t.label, t.intent, t.caption, t.line) for t in menu] == [
        ("事例集", "casebook", "JET-ALT活動事例集", 2), ("参加者数", "size", None, 6)]
    assert menu_suggestions(menu, "en") == (Suggestion("Casebook", "casebook"), Suggestion("参加者数", "size"))


def test_help_and_greeting_offer_the_menu_and_the_greeting_points_to_it(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    kb = build_kb(load(tmp_path, MENU, monkeypatch))
    topics = (Suggestion("事例集", "casebook"), Suggestion("参加者数", "size"))
    greeting = help_reply(kb, "ja", kind="greeting")
    assert greeting.text == "こんにちは。\n" + messages.MENU_HINT["ja"]
    assert greeting.suggestions == topics
    assert help_reply(kb, "ja").suggestions == topics
    assert intent_reply(kb, "help", "ja").suggestions == topics          # the help intent, asked in words
    assert intent_reply(kb, "size", "ja").suggestions == ()               # other answers keep their follow-ups


def test_without_a_menu_nothing_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = build_kb(load(tmp_path, "", monkeypatch))
    assert help_reply(kb, "ja", kind="greeting").text == "こんにちは。"
    assert help_reply(kb, "ja").suggestions == (Suggestion("JETの参加者数は？", "size"),)


@pytest.mark.parametrize("menu, expected", [
    ("menu:\n  - label: 天気\n    intent: weather\n",
     "intents/menu.yaml:2: menu topic '天気' names unknown intent 'weather'"),
    ("menu:\n  - label: 天気\n", "intents/menu.yaml:2: menu topic is missing 'intent'"),
    ("menu:\n  - label: 事例集\n    intent: casebook\n  - label: 事例\n    intent: casebook\n",
     "intents/menu.yaml:4: menu topic '事例' repeats intent 'casebook' (first at line 2)"),
    ("menu:\n  - label: JETプログラムの事例集はこちら\n    intent: casebook\n",
     "intents/menu.yaml:2: menu label 'JETプログラムの事例集はこちら' is 16 characters; at most 12 fit"),
    ("menu:\n" + "".join(f"  - label: 話題{n}\n    intent: size\n" for n in range(7)),
     "intents/menu.yaml:14: the menu has 7 topics; at most 6 fit the LINE rich menu"),
    ("menu:\n  - label: 事例集\n    intent: casebook\n    icon: book\n",
     "intents/menu.yaml:4: unknown field 'icon'"),
])
def test_menu_mistakes_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, menu: str,
                                         expected: str) -> None:
    assert any(e.startswith(expected) for e in errors_of(tmp_path, menu, monkeypatch)), expected


def test_a_second_menu_section_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "intents/zz.yaml", "menu:\n  - label: 参加者数\n    intent: size\n")
    errors = errors_of(tmp_path, MENU, monkeypatch)
    assert errors == ["intents/zz.yaml:2: a second 'menu' section (the menu is in intents/menu.yaml); keep one"]


def test_the_picture_digest_follows_labels_and_captions_not_intents(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    menu = load(tmp_path, MENU, monkeypatch).menu
    same = load(tmp_path, MENU.replace("intent: size", "intent: help"), monkeypatch).menu
    other = load(tmp_path, MENU.replace("参加者数", "参加者"), monkeypatch).menu
    assert picture_digest(menu) == picture_digest(same) != picture_digest(other)
