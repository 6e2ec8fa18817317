"""The forms of a follow-up: 「Xの場合は？」 asks about X in the previous topic; a complete question is its own."""
from __future__ import annotations

import pytest

from asking import after, ask, talk
from bot.core.follow_up_forms import asks_what_it_is, inside_it, link_of_it, names_asked, other_than_it, source_of_it
from bot.core.render import plain_text
from bot.engine import Engine


def test_a_complete_question_with_場合_keeps_its_own_topic_after_another_answer(repo_engine: Engine) -> None:
    reply = ask(repo_engine, "増員を希望する場合の手続きは？", after("contract_length"))
    assert reply.intent_id == "how_to_start"


@pytest.mark.parametrize(("question", "previous", "expected"), [
    ("How about in the case of CIRs?", "alt_role", "cir_role"),      # was not answered
    ("In case of ALTs?", "cir_role", "alt_role"),                     # was a case from the casebook
    ("In the case of CIRs?", "alt_why", "digiden_policy"),            # was the ALT's reasons again
])
def test_in_the_case_of_another_role_in_english_is_about_that_role(
        repo_engine: Engine, question: str, previous: str, expected: str) -> None:
    reply = ask(repo_engine, question, after(previous, "en"))
    assert reply.intent_id == expected and not reply.fallback


@pytest.mark.parametrize(("text", "inside"), [
    ("そこでALTについて何が書かれている？", True), ("What does it say about ALTs in there?", True),
    ("学校での事例は？", False), ("そのうち学校での事例は？", False),
])
def test_a_question_asking_inside_the_document_just_answered(text: str, inside: bool) -> None:
    assert inside_it(text) is inside


@pytest.mark.parametrize(("text", "source"), [
    ("その根拠は？", True), ("出典は？", True), ("Source?", True), ("Where's that from?", True),
    ("その情報の出典は？", True), ("それってどこに書いてあるの？", True), ("What is the source?", True),
    ("source for the split", True), ("Where does that rule come from?", True), ("Why do you think so?", True),  # (dev)
    ("ALT配置の根拠は？", False), ("その理由は？", False), ("What are your sources for the figures?", False),
    ("事例集はどこに載っていますか？", False),
    ("Why do you say so?", True), ("How do you know?", True), ("なんでそう言えるの？", True),  # (were another topic)
    ("Why do you need an ALT?", False),
])
def test_a_question_asking_where_the_answer_comes_from(text: str, source: bool) -> None:
    assert source_of_it(text) is source


@pytest.mark.parametrize("question", ["その根拠は？", "Source?", "その情報の出典は？", "What is the source?"])
def test_the_source_of_an_answer_is_that_answer_with_its_sources(repo_engine: Engine, question: str) -> None:
    # 「その根拠は？」 after the school cases read 根拠 as a why-word and got how to use the casebook;
    # "What is the source?" read as "what is X?" and got the bot's own sources
    reply = ask(repo_engine, question, after("casebook_school_cases"))
    assert reply.intent_id == "casebook_school_cases" and reply.kind == "answer"
    assert reply.source and "教育新聞" in reply.source


@pytest.mark.parametrize(("text", "link"), [
    ("どこでダウンロードできる？", True), ("URLは？", True), ("リンクを教えてください", True),
    ("Where can I download them?", True), ("Link?", True), ("どこで確認できる？", True), ("Where can I check it?", True),
    ("事例集はどこでダウンロードできる？", False), ("マニュアルのURLは？", False), ("Where can I get the CIR casebook?", False),
])
def test_a_question_asking_where_to_get_what_was_just_answered(text: str, link: bool) -> None:
    assert link_of_it(text) is link


@pytest.mark.parametrize(("question", "language"), [("どこでダウンロードできる？", "ja"), ("Where can I download them?", "en")])
def test_where_to_download_after_the_list_of_materials_gives_their_links(
        repo_engine: Engine, question: str, language: str) -> None:
    # it got the ALT casebook's page: the list's materials are four, and the CIR casebook's link was wanted
    reply = ask(repo_engine, question, after("references_list", language))
    assert reply.intent_id == "references_list" and not reply.fallback
    assert "nin-katsuyo-m" in plain_text(reply)


@pytest.mark.parametrize(("first", "then", "document"), [
    ("地方財政措置について教えて", "どこで見られる？", "ref2_local_finance"),  # the paper local finance comes from
    ("学校の事例は？", "どこで見られる？", "casebook_what"),  # the cases are in the casebook
    ("JET活用マニュアルとは", "資料はどこでダウンロードできる？", "ref3_manual"),  # a document: its own link
])
def test_where_to_see_it_after_a_topic_is_the_document_it_comes_from(
        repo_engine: Engine, first: str, then: str, document: str) -> None:
    assert talk(repo_engine, first, then).intent_id == document


@pytest.mark.parametrize("question", ["もう少し詳しく", "Tell me more"])
def test_tell_me_more_gets_the_previous_topic_not_the_help_text(repo_engine: Engine, question: str) -> None:
    # 「もう少し詳しく」 found the official sites (詳しく is their keyword); "Tell me more" was noise: the help text
    reply = ask(repo_engine, question, after("local_finance"))
    assert reply.intent_id == "local_finance" and not reply.fallback


def test_tell_me_more_with_no_conversation_is_still_the_help_text(repo_engine: Engine) -> None:
    assert ask(repo_engine, "Tell me more").intent_id == "help"


@pytest.mark.parametrize("text", ["そこで質問ですが、総務省の電話番号は？", "そこで、総務省の電話は？",
                                  "What happens in that case if we have no budget?"])
def test_soko_de_as_a_conjunction_or_in_that_case_asks_nothing_inside_it(text: str) -> None:
    assert not inside_it(text)


@pytest.mark.parametrize(("text", "what"), [("SEAとは？", True), ("SEAって何？", True), ("What is a CIR?", True),
                                           ("CIRは？", False), ("What is the CIR's term of office in years?", False)])
def test_a_question_asking_what_something_is(text: str, what: bool) -> None:
    assert asks_what_it_is(text) is what


@pytest.mark.parametrize("question", ["What do they do there?", "何してるの？", "そこでは何をしているの？"])
def test_a_question_in_words_that_only_point_back_asks_about_the_answer_just_given(repo_engine: Engine,
                                                                                  question: str) -> None:
    reply = talk(repo_engine, "新潟の事例はある？", question)
    assert reply.intent_id == "case_kashiwazaki" and not reply.fallback


def test_keyboard_mashing_after_an_answer_still_gets_the_help_text(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "新潟の事例はある？", "qwerty?")
    assert reply.fallback and reply.intent_id == "help" and "柏崎" not in reply.text


@pytest.mark.parametrize("turns, said", [
    (("How many JET participants were there in FY2023?", "FY2022?"), "fiscal 2022 are not in the notice"),
    (("ALTは何人？", "R4?"), "令和4年度（2022年度）の数字や情報は、通知にもこのボットの資料にもありません"),
])
def test_a_bare_year_after_figures_is_that_years_figures_in_the_conversations_language(
        repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.fallback and said in reply.text


def test_a_bare_what_after_a_count_is_small_talk(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "令和5年度の参加者数は？", "何してるの？")
    assert reply.fallback and reply.intent_id == "help"


@pytest.mark.parametrize("turns, expected", [
    (("What does ALT stand for?", "What schools do they work in?"), "alt_role"),  # "they" are the ALTs
    (("Is there a case from Niigata in the ALT casebook?", "What do they do there?"), "case_kashiwazaki"),
    (("How many ALTs are there?", "Do they get paid by the municipality?"), "funding_amount"),  # not the count again
])
def test_they_are_the_role_asked_about_unless_the_topic_is_more_particular(repo_engine: Engine,
                                                                          turns: tuple[str, ...],
                                                                          expected: str) -> None:
    assert talk(repo_engine, *turns).intent_id == expected


def test_a_japanese_follow_up_in_an_english_conversation_is_answered_in_japanese(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many participants in 2023?", "令和元年度は？")
    assert reply.language == "ja" and "5,761人" in reply.text


@pytest.mark.parametrize(("turns", "number", "office"), [
    (("外務省の役割は？", "電話番号は？"), "03-5501-8143", "外務省"),
    (("What does MOFA do?", "What's their phone number?"), "03-5501-8143", "MOFA"),
    (("What is MEXT's role?", "Who should I contact?"), "03-6734-3480", "MEXT"),
])
def test_a_contact_asked_after_one_offices_role_is_that_offices(repo_engine: Engine, turns: tuple[str, ...],
                                                                 number: str, office: str) -> None:
    reply = talk(repo_engine, *turns)
    assert number in plain_text(reply) and office in reply.text.split("\n")[0]
    assert not reply.fallback and "CLAIR" not in reply.text.split("\n")[0]


@pytest.mark.parametrize("topic", ["ALTとは？", "令和元年度の参加者数は？", "JET-ALT活動事例集とはどんな資料ですか"])
def test_a_phone_asked_after_an_answer_without_a_contact_gives_the_offices_numbers(repo_engine: Engine,
                                                                                  topic: str) -> None:
    first = talk(repo_engine, topic)
    reply = talk(repo_engine, topic, "電話番号は？")
    assert reply.intent_id != first.intent_id  # not the answer again, without any number
    assert all(n in plain_text(reply) for n in ("03-5253-5527", "03-5501-8143", "03-6734-3480"))


def test_which_prefecture_asks_about_the_case_just_answered(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "柏崎市の事例の内容は？", "それは何県？")
    assert reply.intent_id == "case_kashiwazaki" and "新潟県" in reply.text


@pytest.mark.parametrize("turns", [("令和5年度のALTは何人？", "何県に多い？"), ("ALTの人数は？", "何県が一番多い？"),
                                   ("要望調査は何年度分？", "何時までに出す？")])
def test_a_which_question_that_does_not_point_back_is_not_the_answer_again(repo_engine: Engine,
                                                                          turns: tuple[str, ...]) -> None:
    first = talk(repo_engine, turns[0])
    reply = talk(repo_engine, *turns)
    assert reply.fallback and reply.intent_id != first.intent_id


@pytest.mark.parametrize(("turns", "expected"), [
    (("ALTを配置する理由は何ですか", "担当者は？"), "contact_mext"),   # its answer has MEXT's card
    (("CIRとはどんな人ですか", "担当者は？"), "contact_list"),          # no card: the staff of all three
])
def test_the_staff_asked_after_an_answer_are_its_offices(repo_engine: Engine, turns: tuple[str, ...],
                                                         expected: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and not reply.fallback


@pytest.mark.parametrize(("turns", "expected", "place"), [
    (("柏崎市の事例を教えて", "それって何県にある？"), "case_kashiwazaki", "新潟"),
    (("立山町の事例は？", "それって何市？"), "case_tateyama", "富山"),
    (("柏崎市の事例を教えて", "Which prefecture is that in?"), "case_kashiwazaki", "Niigata"),
])
def test_which_prefecture_or_city_that_is_asks_about_the_case(repo_engine: Engine, turns: tuple[str, ...],
                                                              expected: str, place: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == expected and place in reply.text


@pytest.mark.parametrize(("turns", "number"), [(("外務省の役割", "担当者は誰ですか"), "03-5501-8143"),
                                               (("What does MOFA do?", "Who is in charge?"), "03-5501-8143")])
def test_the_staff_asked_after_one_ministrys_role_are_that_ministrys(repo_engine: Engine, turns: tuple[str, ...],
                                                                    number: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == "contact_mofa" and number in plain_text(reply)


@pytest.mark.parametrize(("turns", "intent"), [(("ALTの新規は？", "SEAについて教えて"), "sea_role"),
                                               (("How many ALTs?", "Tell me about SEAs"), "sea_role")])
def test_about_a_role_after_its_count_is_the_role_itself(repo_engine: Engine, turns: tuple[str, ...],
                                                         intent: str) -> None:
    assert talk(repo_engine, *turns).intent_id == intent


@pytest.mark.parametrize(("text", "other"), [("他に学校での事例で名前が出てるところは？", True), ("ほかにも事例はある？", True),
                                             ("Any other cases in schools?", True), ("他には？", False), ("他にもある？", False),
                                             ("他に問い合わせ先は？", True), ("Other than that, who runs it?", False),
                                             ("学校での事例は？", False), ("他の事例も知りたい", True),
                                             ("それ以外の省の窓口は？", True)])
def test_more_of_a_kind_besides_the_answer_is_asked_with_ほかに_or_any_other(text: str, other: bool) -> None:
    assert other_than_it(text) is other


@pytest.mark.parametrize("follow_up", ["正確な数は？", "正確には？", "exact number?"])
def test_the_exact_number_after_a_rounded_one_is_the_answer_with_every_figure(repo_engine: Engine,
                                                                            follow_up: str) -> None:
    first = "How many participants in total?" if follow_up.isascii() else "JETの累計参加者は？"
    reply = talk(repo_engine, first, follow_up)
    assert reply.intent_id == "size_total" and "77,172" in reply.text


def test_how_many_years_jet_has_run_is_computed_from_its_founding(repo_engine: Engine) -> None:
    assert "36年" in ask(repo_engine, "JETって何年続いてるの？").text


@pytest.mark.parametrize("question", ["それは通知に書いてあるの？報道？", "それは何に書いてある？", "Is that official? Where's the exact figure?"])
def test_which_source_an_answer_is_from_is_its_source(question: str) -> None:
    assert source_of_it(question)  # (「書いてある」 was a writing task not done)


def test_concretely_asks_for_more_of_the_answer() -> None:
    assert source_of_it("具体的には？") and source_of_it("具体的に教えてください")


def test_the_year_in_the_other_calendar_is_the_answer_again(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "JETはいつ始まった？", "西暦だと？")  # (was the apology; the answer gives both)
    assert reply.intent_id == "history" and "1987" in reply.text


def test_the_alt_of_the_casebooks_name_is_no_role_asked_about() -> None:
    assert names_asked({"alt", "cir"}, ("alt", "事例集"), "how many cases are in the jet-alt casebook?") == ()
    assert names_asked({"alt"}, ("alt", "事例集"), "jet-alt活動事例集にalt自身の声はある?") == ("alt",)


def test_of_those_after_the_casebooks_count_are_its_cases(repo_engine: Engine) -> None:
    reply = talk(repo_engine, "How many cases are in the JET-ALT casebook?", "How many of those are school-based?")
    assert "17" in reply.text and "5,355" not in reply.text  # (was the ALTs' head count: 'those' read as ALTs)


@pytest.mark.parametrize("turns", [("What does CIR stand for?", "What do they do?"),
                                   ("CIRって何の略？", "それは何をする人？"),
                                   ("CIRの英語名は？", "その人たちはどこで働くの？")])
def test_what_they_do_after_a_roles_name_is_that_roles_work(repo_engine: Engine, turns: tuple[str, str]) -> None:
    # it gave the English names again
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == "cir_role" and ("国際交流" in reply.text or "international exchange" in reply.text)


def test_it_after_a_count_stays_the_counts_topic_not_a_role(repo_engine: Engine) -> None:
    # 「それ」 is what was answered (the count), not the role: 「ALTはいつから？」 would be the programme's start
    assert talk(repo_engine, "ALTの人数は？", "それはいつから？").intent_id == "numbers_by_type"


@pytest.mark.parametrize(("turns", "not_expected"), [
    # 「その人」 after an office's staff are those staff, not the role also named
    (("CIRについて総務省の担当者を教えて", "その人の名前は？"), "japanese_names"),
    (("CIRのことで文科省の担当者は誰？", "その人たちは何をしている人？"), "cir_role"),
    # "they" after two roles are both (not CLAIR and the ministries)
    (("ALTとCIRの違いは？", "What do they do?"), "organisers"),
    (("SEAのことで問い合わせたい。窓口は？", "その人の電話は？"), None),
])
def test_a_pronoun_is_not_read_as_a_role_it_does_not_point_at(repo_engine: Engine, turns: tuple[str, str],
                                                              not_expected: str | None) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id is not None and reply.intent_id != not_expected


def test_what_they_do_with_nothing_before_gets_the_help_text(repo_engine: Engine) -> None:
    assert talk(repo_engine, "What do they do?").kind == "help"


@pytest.mark.parametrize(("turns", "said"), [
    (("Which ministry handles recruitment and selection of JET participants abroad?", "their number?"), "5501-8143"),
    (("Which ministry handles recruitment and selection of JET participants abroad?", "their number?", "and MEXT?"),
     "6734-3480"),
    (("海外での募集や選考はどの省の担当？", "電話番号は？"), "03-5501-8143")])
def test_the_one_office_an_answer_names_is_the_one_a_contact_asked_next_is_of(
        repo_engine: Engine, turns: tuple[str, ...], said: str) -> None:
    # (was the organisers' answer again: the question named no office)
    assert said in talk(repo_engine, *turns).text


def test_an_office_named_as_a_source_is_no_office_talked_about(repo_engine: Engine) -> None:
    # "According to MIC, the official English names are …": a phone asked next is any office's, not MIC's alone
    reply = talk(repo_engine, "What does SEA stand for?", "電話番号は？")
    assert reply.intent_id == "contact_list" and "外務省" in reply.text and "文部科学省" in reply.text


@pytest.mark.parametrize(("turns", "intent", "said"), [
    (("What does an ALT do?", "their number?"), "numbers_by_type", "5,355"),  # of a role: a headcount
    (("Tell me about the casebook", "its number of cases?"), "casebook_count", "30"),
    (("学校での指導はどの省？", "番号は？"), "contact_mext", "03-6734-3480")])  # of an office: its phone
def test_their_number_is_a_phone_only_after_an_office(repo_engine: Engine, turns: tuple[str, ...], intent: str,
                                                      said: str) -> None:
    reply = talk(repo_engine, *turns)
    assert reply.intent_id == intent and said in reply.text


def test_a_policy_that_mentions_them_is_no_subject_the_knowledge_lacks(repo_engine: Engine) -> None:
    # "mentions" weighed as an unknown subject: the apology (govt, a note's abbreviation, is no word either)
    reply = talk(repo_engine, "what is CIR", "which govt policy mentions them?")
    assert reply.intent_id == "digiden_policy"
