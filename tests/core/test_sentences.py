"""Sentences are cut after 。？! but not inside quotation marks; a quoted question is found."""
import pytest

from bot.core.sentences import is_opening, quoted_asked, sentences


def test_a_sentence_is_not_cut_inside_quotation_marks() -> None:
    assert sentences("議員から『JETって評価されてるの？』と聞かれた。どう答えれば？") == [
        "議員から『JETって評価されてるの？』と聞かれた。", "どう答えれば？"]
    assert sentences('My boss asked "why do we need an ALT?" What should I tell him?') == [
        'My boss asked "why do we need an ALT?"', "What should I tell him?"]


def test_a_quoted_question_is_what_a_request_for_how_to_answer_it_asks() -> None:
    assert quoted_asked(["上司に「CIRって何？」と聞かれました。", "どう説明すればいいですか"]) == "CIRって何？"
    assert quoted_asked(["『CIRは何人？』『ALTは？』と聞かれた。", "何て答えれば？"]) == "CIRは何人？ALTは？"


def test_no_quoted_question_without_a_request_for_how_to_answer_or_a_topic() -> None:
    assert quoted_asked(["上司に「CIRって何？」と聞かれました。", "CIRの人数は？"]) == ""  # (a question of its own)
    assert quoted_asked(['He asked "why?"', "What should I tell him?"]) == ""  # ("why?" alone names no topic)
    assert quoted_asked(["どう説明すればいいですか"]) == ""  # (nothing quoted before)


def test_a_dash_between_spaces_ends_a_sentence_as_a_hyphen_does_not() -> None:
    assert sentences("hi, BOE in Nagano here — what year did the JET Programme start?") == [
        "hi, BOE in Nagano here —", "what year did the JET Programme start?"]
    assert sentences("Hello -- how many CIRs?") == ["Hello --", "how many CIRs?"]
    assert sentences("Hi, quick question about SEA — how many?") == ["Hi, quick question about SEA — how many?"]
    assert sentences("JET-ALT casebook - where?") == ["JET-ALT casebook - where?"]


def test_they_after_a_dash_are_the_one_role_named_before_it() -> None:
    message = "Hi — we're thinking of hiring a CIR — what do they do?"
    assert sentences(message)[-1] == "what do CIRs do?"
    assert sentences(message)[-2].endswith("we're thinking of hiring a CIR.")


@pytest.mark.parametrize("message", ["we're a small town — what do they do?", "ALT or CIR — which do they prefer?",
                                     "our CIR — do they work with the ALT?",
                                     "The prefecture has an ALT quota — do they decide the numbers?",
                                     "We're thinking of hiring a CIR — how much do they cost?"])
def test_a_dash_before_they_of_no_one_role_keeps_the_sentence_whole(message: str) -> None:
    assert sentences(message) == [message]


def test_a_dash_after_a_topic_keeps_the_sentence_whole() -> None:
    assert sentences("SEA — how many in 2023?") == ["SEA — how many in 2023?"]


def test_a_dash_after_what_the_writers_office_is_keeps_the_sentence_whole() -> None:
    assert sentences("we're a small town — can we get a CIR?") == ["we're a small town — can we get a CIR?"]


def test_a_quote_asked_how_to_answer_in_one_sentence_keeps_what_is_said_before_it() -> None:
    assert quoted_asked(["ALTのことで、議員から「何人いるの？」と聞かれたらどう答えれば"]) == "ALTのことで、議員から何人いるの？"
    assert quoted_asked(["議会で「JETの経費はどうなってるんだ」と聞かれたら、どう答えるのが正解？"]) == "議会でJETの経費はどうなってるんだ"


def test_an_opening_greets_or_says_who_writes() -> None:
    assert is_opening("hi, BOE in Nagano here —") and is_opening("Hello") and is_opening("BOE here")
    assert not is_opening("SEA") and not is_opening("Is there a casebook here") and not is_opening("")


def test_a_colon_after_a_greeting_and_who_writes_ends_a_sentence_as_a_dash_does() -> None:
    message = "hi, this is Ono from Hiroshima BOE: how many new ALTs in 2023?"
    assert sentences(message)[-1] == "how many new ALTs in 2023?"
    assert sentences("Note: the survey is run by CLAIR?") == ["Note: the survey is run by CLAIR?"]


def test_a_question_reported_as_the_last_sentence_is_what_is_asked() -> None:
    assert quoted_asked(["住民から「SEAって何？」と問い合わせがありました"]) == "SEAって何？"
    assert quoted_asked(["議員から「JETっていつからやってるの？」と質問されました。"]) == "JETっていつからやってるの？"
    assert quoted_asked(['A resident asked us "what is an SEA?"']) == "what is an SEA?"
    assert quoted_asked(["住民から「SEAって何？」と聞かれました。", "CIRの人数は？"]) == ""  # (a question of its own)


def test_a_statement_quoted_and_checked_is_what_is_asked() -> None:
    assert quoted_asked(["下書きに「JETは昭和63年度に創設された」と書いたのですが、合っていますか？"]) \
        == "JETは昭和63年度に創設された？"
    assert quoted_asked(["隣の町のALTが「JETは最長10年まで更新できる」と言っていたのですが、本当でしょうか。"]) \
        == "JETは最長10年まで更新できる？"
    assert quoted_asked(["a colleague's email says: 'the survey is run by mext.' is that right?"]) == "the survey is run by mext?"
    # a value said of its topic is read with it (not the quote alone); a quote not checked is no question
    assert quoted_asked(["JETの正式名称って「語学指導等を行う外国青年招致事業」で合ってますよね？"]) == ""
    assert quoted_asked(["通知の「一層の活用」の部分を読みました。"]) == ""


def test_a_quick_check_or_question_label_is_an_opening() -> None:
    assert is_opening("Quick check") and is_opening("question") and is_opening("hi, quick question")
    assert not is_opening("quick question about SEA")
