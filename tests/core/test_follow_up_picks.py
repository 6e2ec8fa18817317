"""One item picked from a list just given (「2番目のは？」, "the last one's email?"): that item, asked about."""
from __future__ import annotations

import pytest

from asking import after, talk
from bot.core.follow_up_picks import picked
from bot.core.types import Context
from bot.engine import Engine


@pytest.mark.parametrize(("text", "previous", "read"), [
    ("その2番目のはどういう内容？", "references_list", "参考資料2はどういう内容?"),
    ("2番目の電話は？", "contact_list", "MOFAの電話は?"),
    ("最後のは？", "contact_list", "MEXTは?"),
    ("二つ目は？", "numbers_by_type", "CIRは?"),
    ("the last one's email?", "contact_list", "MEXT's email?"),
    ("And the second one?", "notice_issuers", "MOFA?"),
    ("1は？", "ref3_manual", "参考資料1は？"),  # after one of the list's own answers, the list still counts
    ("3番のやつはどこからDL？", "references_list", "参考資料3はどこからdl?"),  # (番 without 目: was an apology)
    ("3番はどこからダウンロードできる？", "references_list", "参考資料3はどこからダウンロードできる?"),
])
def test_an_order_after_a_list_names_the_item(repo_engine: Engine, text: str, previous: str, read: str) -> None:
    assert picked(repo_engine.kb, text, after(previous)) == read


@pytest.mark.parametrize(("text", "context"), [
    ("2番目は？", None),                                    # no list talked about
    ("2番目は？", after("history")),                         # an answer that lists nothing
    ("1は？", Context("numbers_by_type", 1000.0, "ja", ("ALT",))),  # ALT's count alone was shown
    ("last year?", after("contact_list")),                  # "last" of a year, not of the list
    ("その2番目の資料について、来年度の予算要求に使いたいので詳しく教えてください", after("references_list")),  # a long message
    ("最初に連絡するならどこ？", after("contact_list")),      # 最初に: first of all, no item
    ("最後に、通知の日付は？", after("contact_list")),        # 最後に: lastly
    ("最初の事例集はいつ出た？", after("casebook_count")),    # the first ever
    ("3番目に多い国は？", after("numbers_by_type")),         # a ranking, not the third role
    ("一番新しい数字は？", after("numbers_by_type")),         # the newest, not the first role
    ("1番多い国は？", after("numbers_by_type")),
    ("2つ目の質問です。SEAとは？", after("contact_list")),
    ("Which do I call first?", after("contact_list")),
    ("Second, what is an SEA?", after("contact_list")),
    ("Was this casebook the first?", after("casebook_count")),
    ("最後、SEAは何人？", after("contact_list")),            # 最後、: lastly
    ("2つ目、CIRの任期は？", after("contact_list")),          # the second question
    ("the last thing, how many SEAs?", after("contact_list")),
    ("and the last question: what is a CIR?", after("contact_list")),
    ("so the first step is the survey?", after("contact_list")),
])
def test_no_item_is_picked_without_a_list_and_an_order(repo_engine: Engine, text: str,
                                                        context: Context | None) -> None:
    assert picked(repo_engine.kb, text, context) is None


@pytest.mark.parametrize(("turns", "expected", "shown"), [
    (("通知に付いている参考資料を全部並べてもらえますか", "その2番目のはどういう内容？"), "ref2_local_finance", "地方財政措置"),
    (("参考資料は何がある？", "2番は何？"), "ref2_local_finance", "参考資料2"),
    (("参考資料3は？", "1は？"), "ref1_cir_casebook", "参考資料1"),
    (("問い合わせ先一覧", "2番目の電話は？"), "contact_mofa", "03-5501-8143"),
    (("What are the contact points listed in the notice?", "the last one's email?"), "contact_mext", "josui@mext.go.jp"),
    (("事例集は何件？", "最初のは？"), "casebook_school_cases", "17"),
    (("職種別の人数", "3番目は？"), "numbers_by_type", "SEA 8人"),
    # an item that is a document of its own is that document, not the list again
    (("参考資料は何がありますか", "3番目は？"), "ref3_manual", "JET活用マニュアル"),
    (("参考資料って何がありますか", "2番目のやつの中身は？"), "ref2_local_finance", "地方財政措置"),  # (dev207: the apology)
    (("参考資料って何がありますか", "3番目の詳細を教えて"), "ref3_manual", "JET活用マニュアル"),
    (("What reference materials are attached?", "the third one?"), "ref3_manual", "manual"),
    (("令和5年度の参加者数は？", "2番目の新規は何人？"), "numbers_by_type", "154"),
    (("contact offices?", "what about the 3rd ministry, email?"), "contact_mext", "josui@mext.go.jp"),
    # after an item's own answer the list still counts
    (("Which offices can I contact?", "the second one's email?", "and the first?"), "contact_mic", "kokusai@soumu.go.jp"),
    (("問い合わせ先一覧", "1番目のメールは？", "じゃあ3番目の電話は？"), "contact_mext", "03-6734-3480"),
    (("Who do I contact about this?", "the third office's email?", "sorry, I meant the first"), "contact_mic",
     "kokusai@soumu.go.jp"),  # a correction picks again
])
def test_the_item_picked_is_answered(repo_engine: Engine, turns: tuple[str, ...], expected: str, shown: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and shown in reply.text


def test_a_lone_number_after_anything_else_still_gets_the_help_text(repo_engine: Engine) -> None:
    assert talk(repo_engine, "ALTは何人？", "1は？").kind == "help"


@pytest.mark.parametrize(("turns", "expected", "shown"), [
    # the two cases the press names: the first picked, then 「もう一つ」 (was the apology, then the case count)
    (("事例集に載ってる自治体の事例で具体的なのある？", "一つ目のやつ、もうちょい詳しく"), "case_kashiwazaki", "3分"),
    (("事例集に載ってる自治体の事例で具体的なのある？", "一つ目のやつ、もうちょい詳しく", "もう一つの方は？"),
     "case_tateyama", "毎日"),
    (("柏崎の事例", "the other one?"), "case_tateyama", "every day"),
    # the casebook's two kinds of case: the other one, a word of one, all of them
    (("学校の事例は？", "残りは？"), "casebook_community_cases", "13"),
    (("学校の事例は？", "地域の方は？"), "casebook_community_cases", "13"),
    (("ALT事例集は何事例？", "学校のは？"), "casebook_school_cases", "17"),
    (("ALT事例集は何事例？", "2番目は？"), "casebook_community_cases", "13"),
    (("事例集のうち学校での活動の事例数は？", "地域のほうは？", "全部で？"), "casebook_count", "30"),
])
def test_one_of_two_and_the_whole_list_are_picked(repo_engine: Engine, turns: tuple[str, ...], expected: str,
                                                 shown: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and shown in reply.text


def test_a_word_of_no_item_picks_nothing(repo_engine: Engine) -> None:
    # 「地域の方は？」 after the roles names no role: read as a question of its own
    assert picked(repo_engine.kb, "地域の方は？", after("alt_vs_cir")) is None


@pytest.mark.parametrize(("turns", "expected", "shown"), [
    # the whole of the top list: the casebook's 30 after a press case, not the school cases' 17
    (("柏崎市の事例を教えてください", "もう一つの方は？", "全部で何件？"), "casebook_count", "30"),
    (("外務省の連絡先", "全部で？"), "contact_list", "文部科学省"),
])
def test_all_of_them_after_an_item_is_the_top_list(repo_engine: Engine, turns: tuple[str, ...], expected: str,
                                                 shown: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and shown in reply.text


def test_all_of_them_after_a_role_is_no_count_of_that_role(repo_engine: Engine) -> None:
    # 「全部で？」 after what an ALT is: not ALT's count presented as the whole (a reviewer's finding)
    assert "5,355" not in talk(repo_engine, "ALTとは？", "全部で？").text


def test_a_circled_number_after_a_kind_picks_the_other_kind(repo_engine: Engine) -> None:
    # 「②は？」 after 「①は？」 is the casebook's second kind, not the second case the school cases name
    reply = talk(repo_engine, "事例集の事例数", "①は？", "②は？")
    assert reply.intent_id == "casebook_community_cases" and "13" in reply.text


@pytest.mark.parametrize(("turns", "said"), [
    (("事例集の①ってどんな活動？", "②は？"), "②地域活性化"),  # (the help text: what the casebook is lists no items)
    (("What is the casebook?", "②?"), "(2) activities"),  # in the conversation's language (was Japanese)
])
def test_a_circled_number_after_an_answer_numbering_a_list_picks_from_it(repo_engine: Engine, turns, said) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == "casebook_community_cases" and said in reply.text


def test_the_second_one_said_with_hou_picks(repo_engine: Engine) -> None:
    # 「2つ目のほうの内容は？」 after the two school cases: 立山町's (ほう in hiragana was no pick)
    assert talk(repo_engine, "学校での事例は？", "2つ目のほうの内容は？").intent_id == "case_tateyama"


def test_a_circled_number_after_an_answer_numbering_nothing_picks_nothing(repo_engine: Engine) -> None:
    assert talk(repo_engine, "JETとは", "②は？").kind == "help"  # (not CIR's answer, the second of JET's roles)


def test_a_pick_after_a_list_shown_whole_for_all_its_names_is_answered(repo_engine: Engine) -> None:
    # 「ALT、CIR、SEAの違いは」 names all three: the list was shown whole (the apology before)
    reply = talk(repo_engine, "ALT、CIR、SEAの違いは", "2番目は？")
    assert not reply.fallback and "CIR（国際交流員）" in reply.text


@pytest.mark.parametrize(("turns", "expected"), [
    (("Who are the contacts?", "the 4th one?"), "contact_list"),  # (was the 4th Basic Plan for Education)
    (("問い合わせ先は？", "4番目は？"), "contact_list"),  # (was the apology)
    (("参考資料は？", "5番目は？"), "references_list"),
    (("連絡先一覧", "5番目は？"), "contact_list")])  # three offices only (no item was picked: the apology)
def test_an_order_past_the_lists_end_gives_the_list_again(repo_engine: Engine, turns: tuple[str, ...],
                                                          expected: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and not reply.fallback


def test_an_english_pick_asked_as_a_question_is_picked(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "Who are the contacts?", "What's the second one's phone number?")
    assert reply.intent_id == "contact_mofa" and "5501-8143" in reply.text  # (was CLAIR's details not held)
