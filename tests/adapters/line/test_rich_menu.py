"""The LINE rich menu: one tile per YAML topic, the committed picture, and ``jetbot line-richmenu``
against the fake Messaging API (create, upload, set default, delete the old one; ``--dry-run``)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from adapters.line.rich_menu import IMAGE, MENU_NAME, image_problem, layout, menu_request, png_info
from bot.cli import main
from bot.core.knowledge import load_knowledge
from bot.core.menu import MenuTopic
from bot.engine import Engine
from bot.settings import LineSettings, Settings
from bot.web.app import create_app
from bot.web.line_richmenu import run_richmenu
from line_api_fake import TOKEN, FakeLineApi, FakeRichMenus, deliver, postback_event
from paths import INTENTS, KNOWLEDGE

REPO_MENU = load_knowledge(INTENTS, KNOWLEDGE).menu


@pytest.mark.parametrize("count, size, rows", [(1, (2500, 843), [1]), (3, (2500, 843), [3]),
                                               (4, (2500, 1686), [2, 2]), (5, (2500, 1686), [3, 2]),
                                               (6, (2500, 1686), [3, 3])])
def test_tiles_cover_the_picture_row_by_row(count: int, size: tuple[int, int], rows: list[int]) -> None:
    width, height, tiles = layout(count)
    assert (width, height) == size
    assert [sum(1 for t in tiles if t[1] == r * 843) for r in range(len(rows))] == rows
    for r in range(len(rows)):
        row = sorted(t for t in tiles if t[1] == r * 843)
        assert row[0][0] == 0 and row[-1][0] + row[-1][2] == 2500          # edge to edge
        assert all(a[0] + a[2] == b[0] for a, b in zip(row, row[1:]))        # no gap, no overlap
    assert sum(w * h for _, _, w, h in tiles) == width * height


def test_each_tile_asks_its_topic_with_the_label_as_what_the_user_says() -> None:
    request = menu_request(REPO_MENU).to_dict()
    assert request["name"] == MENU_NAME and request["selected"] is True and request["chatBarText"] == "メニュー"
    assert [(a["action"]["type"], a["action"]["data"], a["action"]["displayText"]) for a in request["areas"]] == \
        [("postback", f"intent={t.intent}", t.label) for t in REPO_MENU]


def test_the_committed_picture_shows_the_repo_menu() -> None:
    data = IMAGE.read_bytes()
    assert png_info(data)[:2] == layout(len(REPO_MENU))[:2]
    assert image_problem(data, REPO_MENU) is None


def test_a_picture_of_other_labels_or_size_is_refused() -> None:
    data = IMAGE.read_bytes()
    renamed = (MenuTopic("別の話題", REPO_MENU[0].intent, "menu.yaml", 1),) + REPO_MENU[1:]
    assert "redraw it" in (image_problem(data, renamed) or "")
    assert "the menu needs 2500×843" in (image_problem(data, REPO_MENU[:3]) or "")
    assert image_problem(b"GIF89a", REPO_MENU) == "the picture is not a PNG file"


@pytest.mark.anyio
async def test_a_tile_tap_is_answered_with_its_topic(repo_engine: Engine, fake_api: FakeLineApi) -> None:
    fake_api.accept()
    settings = Settings(line=LineSettings(channel_secret="test-channel-secret-0123456789ab",
                                          channel_access_token=TOKEN, api_url=fake_api.url))
    app = create_app(settings, repo_engine)
    tile = menu_request(REPO_MENU).areas[-1].action
    async with app.router.lifespan_context(app):
        await deliver(app, postback_event(tile.data, reply_token="token-tile"))
    [reply] = fake_api.replies
    expected = repo_engine.kb.answers[REPO_MENU[-1].intent]["ja"].text
    assert reply["replyToken"] == "token-tile"
    assert reply["messages"][0]["text"].startswith(expected.splitlines()[0])


def settings_for(fake_api: FakeLineApi) -> Settings:
    return Settings(intents_dir=INTENTS, knowledge_dir=KNOWLEDGE,
                    line=LineSettings(channel_access_token=TOKEN, api_url=fake_api.url))


def test_publishing_creates_uploads_sets_default_then_deletes_only_its_old_menu(
        fake_api: FakeLineApi, rich_menus: FakeRichMenus) -> None:
    out = io.StringIO()
    assert run_richmenu(settings_for(fake_api), out) == 0
    [new_id] = [m for m in rich_menus.menus if m.startswith("richmenu-new")]
    assert rich_menus.calls == [("GET", "/v2/bot/richmenu/list"), ("POST", "/v2/bot/richmenu"),
                                ("POST", f"/v2/bot/richmenu/{new_id}/content"),
                                ("POST", f"/v2/bot/user/all/richmenu/{new_id}"),
                                ("DELETE", "/v2/bot/richmenu/richmenu-old")]
    assert sorted(rich_menus.menus) == ["richmenu-campaign", new_id]   # someone else's menu is kept
    assert rich_menus.default == new_id
    assert rich_menus.images[new_id] == ("image/png", IMAGE.read_bytes())
    created = rich_menus.menus[new_id]
    assert [a["action"]["data"] for a in created["areas"]] == [f"intent={t.intent}" for t in REPO_MENU]
    assert "deleted the previous rich menu richmenu-old" in out.getvalue()


def test_a_failed_upload_removes_the_new_menu_and_keeps_the_old(fake_api: FakeLineApi,
                                                                rich_menus: FakeRichMenus, tmp_path: Path) -> None:
    rich_menus.fail_uploads = True
    out = io.StringIO()
    assert run_richmenu(settings_for(fake_api), out) == 1
    assert sorted(rich_menus.menus) == ["richmenu-campaign", "richmenu-old"]
    assert rich_menus.default is None
    assert "LINE refused: HTTP 400" in out.getvalue() and "the previous menu stays" in out.getvalue()


def test_dry_run_prints_the_plan_and_calls_nothing(fake_api: FakeLineApi, rich_menus: FakeRichMenus,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("LINE_API_URL", fake_api.url)
    assert main(["line-richmenu", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"would create rich menu '{MENU_NAME}' (2500×1686" in out
    for topic in REPO_MENU:
        assert f"{topic.label} → intent={topic.intent}" in out
    assert "would upload adapters/line/richmenu.png" in out and "would set it as the default" in out
    assert "dry run: nothing was sent to LINE" in out
    assert fake_api.requests == []


def test_a_stale_picture_is_refused_before_anything_is_called(fake_api: FakeLineApi, rich_menus: FakeRichMenus,
                                                             tmp_path: Path) -> None:
    intents = tmp_path / "intents"
    intents.mkdir()
    for path in INTENTS.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        (intents / path.name).write_text(text.replace("label: 事例集", "label: 活動事例集"), encoding="utf-8")
    out = io.StringIO()
    settings = Settings(intents_dir=intents, knowledge_dir=KNOWLEDGE,
                        line=LineSettings(channel_access_token=TOKEN, api_url=fake_api.url))
    assert run_richmenu(settings, out) == 1
    assert "shows other labels than the YAML menu; redraw it" in out.getvalue()
    assert fake_api.requests == []
