"""Slack rendering of escalations: the channel message per state, the modal, refusals, the admin list."""
from __future__ import annotations

import json

from adapters.slack.escalation_blocks import admin_list, answer_modal, message, refusal_text
from escalation_records import LINE_ID, NOW, escalation


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


def test_refusals_are_worded_for_the_team() -> None:
    assert "見つかりません" in refusal_text("not_found", None)
    assert "<@UTEAM> が回答済み" in refusal_text("answered", escalation(state="delivered", answered_by="UTEAM"))
    assert "メンバーだけ" in refusal_text("not_member", escalation())


def test_admin_list() -> None:
    listing = admin_list([escalation(), escalation(id=9, created_at=NOW + 3 * 86_400)], "C1", NOW + 4 * 86_400)
    assert listing.splitlines()[1].startswith("• #7 2024-06-01 21:00（4日前）") and "#9" in listing
    assert admin_list([], "C1", NOW) == "回答待ちの問い合わせはありません。"
