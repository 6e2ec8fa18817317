"""A question narrowed to one role or office gets only that one's items of a list answer."""
from __future__ import annotations

import pytest

from asking import talk
from bot.core.answer import answer
from bot.core.narrow import kind_of, lost_in_narrowing, named_things, narrow
from bot.core.render import plain_text
from bot.core.text import Analyzer
from bot.core.types import IncomingMessage
from bot.engine import Engine

ANALYZER = Analyzer([["ALT", "外国語指導助手"], ["CIR", "国際交流員"], ["SEA"], ["総務省", "MIC"]])
NAMES = named_things(ANALYZER.apply_synonyms)
FIGURES = "総務省の公表によると、職種別の人数はALT 5,355人（うち新規1,837人）、CIR 468人（うち新規154人）、SEA 8人です。"


def test_only_the_asked_role_is_kept_of_a_list() -> None:
    assert narrow(FIGURES, "CIRの人数だけ", {"cir"}, NAMES) == \
        "総務省の公表によると、職種別の人数はCIR 468人（うち新規154人）です。"


def test_the_last_item_asked_keeps_the_lead_in() -> None:
    assert narrow(FIGURES, "SEAは何人？", {"sea"}, NAMES) == "総務省の公表によると、職種別の人数はSEA 8人です。"


def test_a_japanese_list_is_cut_at_its_commas_only_not_inside_the_english_names(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外務省の担当室の英語名は？")
    # (the English names' own ", " and " and " cut them: 「Communications（外務省＝…（MOFA）、Technology（です。」)
    assert "公式サイトでの英語名は、外務省＝Ministry of Foreign Affairs（MOFA）です。" in reply.text
    assert "Technology（です" not in reply.text


def test_english_lists_are_narrowed_too() -> None:
    text = "According to MIC, figures by type are: ALT 5,355 (1,837 new), CIR 468 (154 new) and SEA 8."
    assert narrow(text, "ALTs only", {"alt"}, NAMES) == "According to MIC, figures by type are: ALT 5,355 (1,837 new)."


def test_words_every_item_has_go_with_the_items_left_out() -> None:
    text = "The notice lists three contact points, one at ALT, one at CIR and one at SEA."
    # ("one at " is each item's own lead-in, not the sentence's: was "…points, one at one at CIR and one at .")
    assert narrow(text, "CIR only", {"cir"}, NAMES) == "The notice lists three contact points, one at CIR."


def test_a_question_that_does_not_narrow_gets_the_whole_list() -> None:
    assert narrow(FIGURES, "CIRとは", {"cir"}, NAMES) == FIGURES  # no だけ / only / how many
    assert narrow(FIGURES, "ALTとCIRの人数だけ", {"alt", "cir"}, NAMES) == FIGURES  # two roles asked


def test_a_sentence_that_is_no_list_stays_as_written() -> None:
    text = "CIRは地域の国際交流の幅広い分野で活躍しています。"
    assert narrow(text, "CIRだけ", {"cir"}, NAMES) == text


def test_a_sentence_of_clauses_is_no_list() -> None:
    text = "外務省については、通知に電話番号のみが記載されており、メールアドレスの記載はありません。"
    assert narrow(text, "電話番号だけ", {"電話"}, lambda t: [("メール", "メール")] if "メール" in t else
                  [("電話", "電話")] if "電話" in t else []) == text  # was cut to 「…記載されており。」


def test_a_polite_request_is_not_asking_for_one_item_only() -> None:
    # 「教えていただけますか」 holds だけ: the whole list stays
    assert narrow(FIGURES, "CIRについて教えていただけますか", {"cir"}, NAMES) == FIGURES
    assert narrow(FIGURES, "CIRの人数だけ教えていただけますか", {"cir"}, NAMES) != FIGURES


def test_the_bot_answers_a_narrowed_figure_question_with_that_figure_alone(repo_engine: Engine) -> None:
    reply = plain_text(answer(IncomingMessage("令和5年度の新規CIRの人数だけ知りたい"), repo_engine.kb))
    assert "154" in reply and "1,837" not in reply and "5,355" not in reply


def test_a_question_about_one_place_gets_no_suggestion_about_another(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("事例集に新潟県の事例ってある？"), repo_engine.kb)
    assert "柏崎" in reply.text and not any("立山" in s.label for s in reply.suggestions)
    assert reply.suggestions  # the related topics that name no other place stay


def test_one_attribute_asked_of_a_contact_gets_that_attribute_alone(repo_engine: Engine) -> None:
    reply = plain_text(answer(IncomingMessage("総務省の電話番号だけ"), repo_engine.kb))
    assert "03-5253-5527" in reply and "kokusai@soumu.go.jp" not in reply
    reply = plain_text(answer(IncomingMessage("MIC email only"), repo_engine.kb))
    assert "kokusai@soumu.go.jp" in reply and "03-5253-5527" not in reply


@pytest.mark.parametrize("question", ["外務省のメールアドレスだけ", "外務省のメールアドレスは？", "What's MOFA's e-mail address?",
                                      "水谷主査のメールアドレスは？"])  # (a MOFA staff member: MOFA's card, not MIC's)
def test_an_attribute_the_office_lacks_is_said_not_held_with_what_it_has(repo_engine: Engine, question: str) -> None:
    # the thing asked is not held: said plainly (not counted as answered), the office's phone offered beside it
    reply = answer(IncomingMessage(question), repo_engine.kb)
    assert reply.fallback and "03-5501-8143" in plain_text(reply) and "03-5253-5527" not in plain_text(reply)
    assert any(s.intent_id == "contact_mofa" for s in reply.suggestions)


@pytest.mark.parametrize("question", ["外務省のメールアドレスは載っていますか？", "外務省のメールアドレスはありますか？",
                                      "Is there an email address for MOFA? If not, how do I reach them?"])
def test_whether_the_notice_gives_an_attribute_is_answered(repo_engine: Engine, question: str) -> None:
    reply = answer(IncomingMessage(question), repo_engine.kb)  # "No, only a phone" answers it
    assert not reply.fallback and reply.intent_id == "contact_mofa" and "03-5501-8143" in reply.text


def test_asking_an_attribute_without_narrowing_gets_the_whole_contact(repo_engine: Engine) -> None:
    reply = plain_text(answer(IncomingMessage("総務省の電話番号は？"), repo_engine.kb))
    assert "03-5253-5527" in reply and "kokusai@soumu.go.jp" in reply


def test_a_word_the_answer_says_only_of_the_roles_left_out_is_found() -> None:
    sea = narrow(FIGURES, "SEAの新規は何人", {"sea"}, NAMES)
    assert lost_in_narrowing(FIGURES, sea, ["新規", "人数"]) == "新規"  # new participants: ALT and CIR only
    cir = narrow(FIGURES, "CIRの新規は何人", {"cir"}, NAMES)
    assert lost_in_narrowing(FIGURES, cir, ["新規", "人数"]) is None
    assert lost_in_narrowing(FIGURES, sea, ["ウチ"]) is None  # 「そのうち」: kana of two, no word asked


@pytest.mark.parametrize(("question", "said"), [
    ("SEA R5 新規何人", "SEAの「新規」"),
    ("令和5年度のSEAの新規は？", "SEAの「新規」"),  # no 何人: the reply would list every role
    ("How many new SEAs were there in 2023?", '"new" for SEA'),
])
def test_a_figure_held_for_other_roles_only_is_said_not_to_be_held(repo_engine: Engine, question: str,
                                                                   said: str) -> None:
    reply = answer(IncomingMessage(question), repo_engine.kb)
    # (the year's figures stay the topic, not the answer: 「CIRは？」 next asks CIR's new participants)
    assert reply.fallback and reply.intent_id == "size_2023" and said in reply.text
    # SEA's total follows, after the new ones are said not to be held (not given as if it were the new ones)
    lines = reply.text.split("\n")
    assert said in lines[0] and "SEA 8" not in lines[0] and "SEA 8" in lines[1]
    assert [s.intent_id for s in reply.suggestions] == ["size_2023"]  # the figures offered as a choice


def test_the_new_participants_of_a_role_that_has_them_are_answered(repo_engine: Engine) -> None:
    reply = plain_text(answer(IncomingMessage("令和5年度のCIRの新規は何人？"), repo_engine.kb))
    assert "154" in reply and "1,837" not in reply


@pytest.mark.parametrize(("question", "first"), [("令和5年度のCIRの人数は？", "CIR 468人"),
                                                 ("How many CIRs were there in FY2023?", "CIR 468")])
def test_a_count_asked_of_one_role_leads_with_that_roles_figure(repo_engine: Engine, question: str, first: str) -> None:
    text = answer(IncomingMessage(question), repo_engine.kb).text
    assert first in text.split("。")[0].split(". ")[0] and "5,831" in text  # the year's total follows as context


def test_the_attribute_asked_as_a_follow_up_is_said_not_held_too(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "外務省の問い合わせ先", "メールは？")
    assert reply.fallback and "メールアドレスは、通知にもこのボットの資料にも載っていません" in reply.text
    assert "03-5501-8143" in plain_text(reply)


@pytest.mark.parametrize("question, first_line_names", [
    ("CLAIRの英語名は？", "Council of Local Authorities for International Relations"),
    ("外務省の英語名は？", "Ministry of Foreign Affairs"),
    ("ALTの英語名は？", "Assistant Language Teacher"),
    # (were the roles' names, "according to MIC": the line naming the office most leads)
    ("What does MIC stand for?", "Ministry of Internal Affairs and Communications"),
    ("MIC in Japanese?", "総務省 = Ministry of Internal Affairs"),
])
def test_the_name_asked_of_one_thing_leads_the_answer(repo_engine: Engine, question: str,
                                                      first_line_names: str) -> None:
    reply = answer(IncomingMessage(question), repo_engine.kb)
    assert first_line_names in reply.text.split("\n")[0]


def test_the_office_asked_about_leads_the_repo_answer_on_the_ministries_roles(repo_engine: Engine) -> None:
    first = plain_text(talk(repo_engine, "What does MOFA do in JET?")).split("\n")[0]
    assert "MOFA (Ministry of Foreign Affairs) handles recruitment and selection abroad" in first and "MIC" not in first


@pytest.mark.parametrize("question, lead", [
    ("Which ministry handles recruitment overseas?", "MOFA (Ministry of Foreign Affairs) handles recruitment and selection abroad."),
    ("海外での募集はどの省が担当？", "外務省が海外での募集・選考を担当しています。"),
])
def test_which_office_does_something_leads_with_the_office_doing_it(repo_engine: Engine, question: str,
                                                                    lead: str) -> None:
    first = plain_text(talk(repo_engine, question)).split("\n")[0]
    assert first.endswith(lead)


def test_an_item_with_and_inside_is_left_out_whole() -> None:
    analyzer = Analyzer([["総務省", "MIC"], ["外務省", "MOFA"], ["文部科学省", "MEXT"]])
    said = "The ministries: MIC handles funding, MOFA handles recruitment and selection abroad, and MEXT handles schools."
    assert narrow(said, "MIC only", {"総務省"}, named_things(analyzer.apply_synonyms)) == \
        "The ministries: MIC handles funding."


def test_what_one_ministry_does_leads_with_its_part_in_english(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "What does MOFA do?")
    assert reply.text.index("MOFA (Ministry of Foreign Affairs) handles recruitment") < reply.text.index("Council of Local Authorities")


def test_one_office_asked_of_the_contact_points_drops_the_count_of_the_list(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "通知の問合せ先はどこ", "MEXTの担当者は誰？")
    assert "の3か所" not in reply.text.split("\n")[0] and "文部科学省" in reply.text.split("\n")[0]


def test_only_the_roles_codes_are_roles() -> None:
    assert kind_of("sea") == kind_of("cir") == "role"
    assert kind_of("run") is None and kind_of("new") is None and kind_of("jet") is None  # ("running" is "run")


def test_whether_one_office_alone_does_it_is_answered_with_the_whole_list(repo_engine: Engine) -> None:
    reply = answer(IncomingMessage("この通知って総務省だけが出してる？"), repo_engine.kb)
    assert "外務省" in reply.text and "文部科学省" in reply.text  # (was 「問い合わせ先として総務省自治行政局国際室。」)
