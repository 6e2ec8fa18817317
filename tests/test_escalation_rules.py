"""Pure escalation rules: postback data, decisions, retry schedule, wording, Slack rendering and
the "FAQに追加" snippet (validated against a copy of the repo's own intents/)."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from adapters.slack.escalation_blocks import admin_list, answer_modal, message, slack_to_plain
from adapters.line.messages import MAX_QUICK_REPLIES, quick_reply
from bot.engine import Engine
from bot.escalation.rules import (EscalationConfig, Escalation, Guess, Offer, after_failure, answer_refusal,
                            answer_text, confirm_decision, parse_postback, postback_data, retry_delay)
from bot.escalation.faq import faq_snippet, suggest_id
from bot.settings import REPO_ROOT
from bot.core.types import Reply, Suggestion
from bot.validate import validate
from linebot.v3.messaging import PostbackAction, QuickReplyItem

NOW = 1_717_243_200.0   # 2024-06-01 12:00 UTC = 21:00 JST
LINE_ID = "U4af4980629d1c2b3e5f60718293a4b5c"
CONFIG = EscalationConfig(channel="C1", max_open=5, max_attempts=4, retry_base=60, retry_cap=300)


def escalation(**changes: object) -> Escalation:
    base = Escalation(id=7, state="open", created_at=NOW, user_hash="ab12cd34ef56ab12cd34ef56ab12cd34",
                      question="ALTの住宅手当はいくら？", language="ja",
                      guesses=(Guess("financial_support", "ALT配置の財政措置", 38.0),),
                      retry_key="6f1c1c1e-0000-4000-8000-000000000000", line_to=LINE_ID)
    return replace(base, **changes)


def test_postback_data_round_trips_and_stays_short() -> None:
    data = postback_data("confirm", "Abc-_123456789012")
    assert data == "escalate=confirm&q=Abc-_123456789012" and len(data) <= 300
    assert parse_postback(data) == ("confirm", "Abc-_123456789012")
    for other in ("intent=casebook", "escalate=explode&q=x", "escalate=confirm", "", None):
        assert parse_postback(other) is None


def test_confirm_decision() -> None:
    offer = Offer("o1", "hash", "q", "ja", (), NOW)
    assert confirm_decision(offer, "hash", 0, NOW, CONFIG) == "ok"
    assert confirm_decision(offer, "other", 0, NOW, CONFIG) == "expired"
    assert confirm_decision(None, "hash", 0, NOW, CONFIG) == "expired"
    assert confirm_decision(offer, "hash", 0, NOW + CONFIG.offer_ttl + 1, CONFIG) == "expired"
    assert confirm_decision(replace(offer, escalation_id=3), "hash", 9, NOW, CONFIG) == "duplicate"
    assert confirm_decision(offer, "hash", 5, NOW, CONFIG) == "limit"


def test_retry_schedule_doubles_is_capped_and_gives_up() -> None:
    assert [retry_delay(n, CONFIG) for n in (1, 2, 3, 4, 5)] == [60, 120, 240, 300, 300]
    assert after_failure(escalation(attempts=0), NOW, CONFIG) == ("answered", NOW + 60)
    assert after_failure(escalation(attempts=2), NOW, CONFIG) == ("answered", NOW + 240)
    assert after_failure(escalation(attempts=3), NOW, CONFIG) == ("failed", NOW)


def test_answer_refusal() -> None:
    assert answer_refusal(escalation()) is None
    assert "見つかりません" in answer_refusal(None)
    assert "<@UTEAM> が回答済み" in answer_refusal(escalation(state="delivered", answered_by="UTEAM"))


def test_line_answer_names_the_office_not_the_person() -> None:
    text = answer_text(escalation(answer="  月額の上限はありません。 ", answered_by="UTEAM0001"), "総務省国際室")
    assert text == "【総務省国際室からの回答】\nご質問（受付番号 #7）:「ALTの住宅手当はいくら？」\n\n月額の上限はありません。"
    english = answer_text(escalation(language="en", question="Housing?", answer="No cap."), "JET office")
    assert english.startswith("[Answer from JET office]")


def test_slack_message_never_shows_the_line_id_and_follows_the_state() -> None:
    for state in (escalation(), escalation(state="answered", answer="回答 <b>", answered_by="UT", answered_at=NOW),
                  escalation(state="delivered", answer="a", answered_by="UT", answered_at=NOW, delivered_at=NOW),
                  escalation(state="failed", answer="a", answered_by="UT", answered_at=NOW, attempts=4)):
        text, blocks = message(state)
        assert LINE_ID not in json.dumps([text, blocks], ensure_ascii=False)
        assert "`ab12cd34ef56`" in json.dumps(blocks, ensure_ascii=False)
        assert "2024-06-01 21:00" in json.dumps(blocks, ensure_ascii=False)
    _, blocks = message(escalation(state="answered", answer="回答 <b>", answered_by="UT", answered_at=NOW))
    rendered = json.dumps(blocks, ensure_ascii=False)
    assert "回答 &lt;b&gt;" in rendered and "<@UT>" in rendered and "jetbot_escalation_answer" not in rendered
    modal = answer_modal(escalation(), "JETプログラム担当")
    assert modal["private_metadata"] == "7" and len(modal["title"]["text"]) <= 24
    assert LINE_ID not in json.dumps(modal, ensure_ascii=False)


def test_admin_list() -> None:
    listing = admin_list([escalation(), escalation(id=9, created_at=NOW + 3 * 86_400)], "C1", NOW + 4 * 86_400)
    assert listing.splitlines()[1].startswith("• #7 2024-06-01 21:00（4日前）") and "#9" in listing
    assert admin_list([], "C1", NOW) == "回答待ちの問い合わせはありません。"


@pytest.mark.parametrize("raw, plain", [
    ("<@U123> 回答です", "回答です"),
    ("詳細は<https://example.jp/a?b=1&amp;c=2|こちら>", "詳細はこちら（https://example.jp/a?b=1&c=2）"),
    ("<https://example.jp>", "https://example.jp"),
    ("<mailto:a@example.jp|a@example.jp> まで", "a@example.jp まで"),
    ("<!here> 1 &lt; 2\n  <#C1|jet> を参照", "1 < 2\n#jet を参照"),
])
def test_thread_reply_markup_is_undone(raw: str, plain: str) -> None:
    assert slack_to_plain(raw) == plain


def test_quick_reply_keeps_room_for_the_escalation_item() -> None:
    reply = Reply(text="x", suggestions=tuple(Suggestion(f"話題{n}", f"topic_{n}") for n in range(20)))
    ask = QuickReplyItem(action=PostbackAction(label="担当者に聞く", data="escalate=ask&q=o"))
    items = quick_reply(reply, tail=[ask]).items
    assert len(items) == MAX_QUICK_REPLIES and items[-1] == ask
    assert len(quick_reply(reply).items) == MAX_QUICK_REPLIES


def test_suggested_id_is_ascii_snake_case_and_unique() -> None:
    assert suggest_id(escalation(), set()) == "faq_financial_support_7"
    assert suggest_id(escalation(), {"faq_financial_support_7", "faq_financial_support_7_2"}) == \
        "faq_financial_support_7_3"
    assert suggest_id(escalation(guesses=(), question="What about JET housing?"), set()) == "faq_what_about_jet_7"
    assert suggest_id(escalation(guesses=(), question="住宅手当"), set()) == "faq_7"


@pytest.mark.parametrize("answer", [
    "住宅手当の上限はありません。",
    "複数行の回答です。\n\n- 一つ目: {fact:programme_size} は使えません\n- 二つ目 # コメントではない\n  \"引用\" と 'quote'",
    "key: value で始まる回答: [x] {y} & <z>",
])
def test_faq_snippet_passes_validate_in_a_copy_of_the_repo_intents(repo_engine: Engine, tmp_path: Path,
                                                                   answer: str) -> None:
    intents = repo_engine.kb.knowledge.intents
    done = escalation(state="delivered", answer=answer, answered_by="UT", answered_at=NOW,
                      guesses=(Guess(intents[0].id, "x", 40.0),))
    suggestion = faq_snippet(done, intents)
    assert suggestion.note is None and suggestion.intent_id not in {i.id for i in intents}
    folder = tmp_path / "intents"
    shutil.copytree(REPO_ROOT / "intents", folder)
    (folder / "zz_escalation_faq.yaml").write_text(suggestion.yaml_text, encoding="utf-8")
    findings = validate(folder, REPO_ROOT / "knowledge")
    assert [str(f) for f in findings if f.level == "error"] == []
    [entry] = yaml.safe_load(suggestion.yaml_text)["intents"]
    assert entry["id"] == suggestion.intent_id and entry["examples"] == ["ALTの住宅手当はいくら？"]
    assert entry["answer"].replace("｛", "{").replace("｝", "}") == answer.strip()


def test_faq_for_a_question_already_known_points_to_that_intent(repo_engine: Engine) -> None:
    intents = repo_engine.kb.knowledge.intents
    known = intents[0]
    suggestion = faq_snippet(escalation(question=known.examples[0], answer="新しい回答"), intents)
    assert suggestion.intent_id == known.id and known.id in (suggestion.note or "")
    assert yaml.safe_load(suggestion.yaml_text) == {"answer": "新しい回答"}


def test_settings_and_config_from_the_environment() -> None:
    from bot.settings import Settings

    settings = Settings.from_env({"JETBOT_ESCALATION_CHANNEL": "C0ESC", "JETBOT_ESCALATION_MAX_OPEN": "3",
                                  "JETBOT_ADMIN_SLACK_IDS": "U1, U2 U3", "JETBOT_ESCALATION_OFFICE": "総務省国際室"})
    config = EscalationConfig.from_settings(settings)
    assert (config.channel, config.max_open, config.office, config.max_attempts) == ("C0ESC", 3, "総務省国際室", 8)
    assert config.admin_ids == {"U1", "U2", "U3"}
    assert EscalationConfig.from_settings(Settings.from_env({})).channel is None
    with pytest.raises(ValueError, match="JETBOT_ESCALATION_MAX_OPEN"):
        Settings.from_env({"JETBOT_ESCALATION_MAX_OPEN": "many"})
