"""Everyday words are read as the knowledge's own; a text with none is left as it is."""
from bot.core.everyday_words import figures_asked_bare, in_the_knowledges_words


def test_everyday_words_become_the_knowledges_own() -> None:
    assert in_the_knowledges_words("総務省の担当の人は？") == "総務省の担当者は？"
    assert in_the_knowledges_words("参資3 何") == "参考資料3 何"
    assert in_the_knowledges_words("sea 8人") == "sea 8人"  # (nothing everyday: unchanged)


def test_what_a_printed_figure_is_asked_bare_is_what_it_counts() -> None:
    assert in_the_knowledges_words("what's 5,831 then?") == "5,831って何の数字?"
    assert in_the_knowledges_words("what is 77,172?") == "77,172って何の数字?"
    assert in_the_knowledges_words("what is 2023?") == "what is 2023?"  # (a year: read as written)


def test_a_role_corrected_is_that_role_asked_again() -> None:
    assert in_the_knowledges_words("ごめん、cirのことが聞きたかった") == "cirは?"
    assert in_the_knowledges_words("あ、seaの方です") == "seaは?"
    assert in_the_knowledges_words("cirのことが知りたいです") == "cirは?"


def test_what_sort_of_post_is_what_work_and_by_what_it_is_funded_is_how() -> None:
    assert in_the_knowledges_words("altとはどのような職ですか") == "altとはどのような仕事ですか"
    assert in_the_knowledges_words("どんな職種がある?") == "どんな職種がある?"  # (the roles themselves)
    assert in_the_knowledges_words("具体的には何で措置されるの?") == "どういう形で措置されるの?"
    assert in_the_knowledges_words("jetで外務省の担当は何") == "jetで外務省の役割は"
    assert in_the_knowledges_words("めーるで問い合わせたいのであてさきは?") == "めーるで問い合わせたいのでメールアドレスは?"
    assert in_the_knowledges_words("通知の宛先は?") == "通知の宛先は?"  # (the notice's addressees)
    assert in_the_knowledges_words("そのうちしんきは") == "そのうち新規は"
    assert in_the_knowledges_words("外務省の担当は誰?") == "外務省の担当者は誰?"  # (who: the staff printed)


def test_one_roles_total_is_its_head_count() -> None:
    assert in_the_knowledges_words("total cir") == "cir headcount"
    assert in_the_knowledges_words("ok, alts total?") == "alt headcount?"
    assert in_the_knowledges_words("jet total") == "jet total"  # (the programme's: the cumulative total)


def test_a_year_written_short_is_read_as_the_year() -> None:
    assert in_the_knowledges_words("cir new hires 23") == "cir new hires fy23"
    assert in_the_knowledges_words("total since 87") == "total since 1987"
    assert in_the_knowledges_words("case 23") == "case 23"  # (a case's number, not a year)


def test_the_total_so_far_is_the_cumulative_one() -> None:
    assert in_the_knowledges_words("これまでの参加者の合計ってどのくらい？") == "参加者の累計ってどのくらい？"


def test_the_newest_years_figures_and_a_number_asked_in_kana() -> None:
    assert in_the_knowledges_words("一番新しい年度の参加者数は何人") == "最新の年度の参加者数は何人"  # (not a ranking)
    assert in_the_knowledges_words("電話はなんばん？") == "電話は何番？"  # (the analyser reads なんばん as 南蛮)


def test_all_participants_are_their_total_not_the_full_version() -> None:
    assert in_the_knowledges_words("全体の参加者数は？") == "参加者の総数は？"  # (全体 is the casebook's 全体版)
    assert in_the_knowledges_words("事例集の全体版は？") == "事例集の全体版は？"


def test_an_office_in_japanese_is_its_japanese_name() -> None:
    assert in_the_knowledges_words("mic in japanese?") == "japanese name of mic?"  # (not a CIR's Japanese)
    assert in_the_knowledges_words("micって日本語で何?") == "micの日本語名は?"


def test_the_participants_at_the_start_are_those_of_1987() -> None:
    assert in_the_knowledges_words("創設時の参加者は何人だった?") == "昭和62年度の参加者は何人だった?"  # (not the total since)
    assert in_the_knowledges_words("how many participants were there in the first year?") == \
        "how many participants were there in 1987?"
    assert "1987" not in in_the_knowledges_words("what does an alt do in the first year?")
    assert in_the_knowledges_words("創設時はどこの省が関わった?") == "創設時はどこの省が関わった?"


def test_what_an_office_is_responsible_for_is_its_role() -> None:
    assert in_the_knowledges_words("which part of jet is mic responsible for?") == "what is mic's role?"
    assert in_the_knowledges_words("what is mext in charge of?") == "what is mext's role?"  # (was MEXT's card)


def test_casual_where_from_and_how_they_are_grouped() -> None:
    assert in_the_knowledges_words("どっからおとせる？") == "どこからおとせる？"
    assert in_the_knowledges_words("事例の分け方は？") == "事例の分類は？"


def test_a_places_suffix_typed_in_kana_is_its_kanji() -> None:
    assert in_the_knowledges_words("柏崎しの事例どんなの") == "柏崎市の事例どんなの"
    assert in_the_knowledges_words("立山まちの事例は？") == "立山町の事例は？"
    assert in_the_knowledges_words("少しの間") == "少しの間"  # (one kanji before し: a word, no place)


def test_a_number_checked_against_a_count_asks_the_count() -> None:
    assert in_the_knowledges_words("were cirs bigger than 500?") == "were cirs more than 500?"
    assert in_the_knowledges_words("令和5年度のcirは500人より多い?") == "令和5年度のcirは500人を超えてる?"


def test_the_schools_a_role_works_in_are_asked_as_such() -> None:
    assert in_the_knowledges_words("altってどこの学校で活動してるの") == "altはどこで働いているの"
    assert in_the_knowledges_words("altが活動するのはどの学校?") == "altはどこで働いている?"  # (was the school cases)


def test_an_abbreviation_spelled_out_is_what_it_stands_for() -> None:
    assert in_the_knowledges_words("mext spelled out") == "what does mext stand for?"
    assert in_the_knowledges_words("mic in full") == "what does mic stand for?"
    assert in_the_knowledges_words("full name of clair?") == "what does clair stand for?"


def test_a_release_is_a_publication_and_stats_are_figures() -> None:
    assert in_the_knowledges_words("casebook release date") == "casebook published date"
    assert in_the_knowledges_words("when was the notice released?") == "when was the notice issued?"
    assert in_the_knowledges_words("source for fy19 stats") == "source for fy19 figures"


def test_the_ministry_for_schools_all_participants_and_one_before() -> None:
    assert in_the_knowledges_words("じゃあ学校関係の省の電話番号は?") == "じゃあ文部科学省の電話番号は?"
    assert in_the_knowledges_words("phone of the ministry for schools?") == "phone of mext?"
    assert in_the_knowledges_words("jet全体だと?") == "参加者全体だと?"  # (was the JET-ALT casebook)
    assert in_the_knowledges_words("事例集ってこれまでにもあったの?") == "事例集って前にもあった?"
    assert in_the_knowledges_words("was there one like it before?") == "was it the first of its kind?"


def test_an_address_in_japanese_is_an_e_mail_address_or_a_pages_url() -> None:
    assert in_the_knowledges_words("文部科学省に聞く場合のアドレスは?") == "文部科学省に聞く場合のメールアドレスは?"
    assert in_the_knowledges_words("メールアドレスは?") == "メールアドレスは?"
    assert in_the_knowledges_words("事例集のサイトのアドレスは?") == "事例集のurlは?"


def test_what_an_office_does_in_the_programme_is_its_role() -> None:
    assert in_the_knowledges_words("外務省ってこのプログラムで何やってるの") == "外務省の役割"  # (was MOFA's card)


def test_how_other_towns_use_the_participants_is_the_casebooks() -> None:
    assert in_the_knowledges_words("ほかの自治体がaltをどう使ってるか知りたい") == "alt活用事例集知りたい"
    assert in_the_knowledges_words("how do other towns use their alts?") == "alts casebook of activity examples?"
    assert in_the_knowledges_words("how do other towns use cirs?") == "cir活用事例集?"  # (review 158: was the ALTs')


def test_the_international_affairs_offices_address_is_mics() -> None:
    assert in_the_knowledges_words("国際室のアドレスは?") == "総務省国際室のメールアドレスは?"  # (review 157: every office)


def test_the_figures_asked_bare_are_the_latest_participants() -> None:
    assert figures_asked_bare("stats") == "latest number of participants"  # (review 156: "see MIC's pages")
    assert figures_asked_bare("数字は？") == "参加者数は？"
    assert figures_asked_bare("その数字はどこから？") == "その数字はどこから？"
    assert in_the_knowledges_words("数字") == "数字"  # (words of the knowledge are read as they are)


def test_specifically_only_stresses_the_question() -> None:
    assert in_the_knowledges_words("具体的に何が交付税で措置される?") == "何が交付税で措置される?"  # (was the amounts)
    assert in_the_knowledges_words("具体的な金額は?") == "具体的な金額は?"


def test_a_plan_approved_is_adopted_by_the_cabinet() -> None:
    assert in_the_knowledges_words("when was that plan approved?") == "when was that plan approved by the cabinet?"
    assert in_the_knowledges_words("who approved the notice?") == "who approved the notice?"


def test_handing_the_casebook_out_is_making_it_known() -> None:
    assert in_the_knowledges_words("事例集の配布先は?") == "事例集の周知先は?"
    assert in_the_knowledges_words("配布資料はある?") == "配布資料はある?"  # (not of the casebook or the notice)


def test_which_years_placements_and_pushing_are_said_in_the_knowledges_words() -> None:
    assert in_the_knowledges_words("配置要望調査っていつのぶん？") == "配置要望調査って何年度分？"  # (dev214: the timing not held)
    assert in_the_knowledges_words("why is the notice pushing sea now") == "why is the notice promoting sea now"
    assert in_the_knowledges_words("結果っていつ分かる？") == "結果っていつ分かる？"  # (when it is known: dev117)
    assert in_the_knowledges_words("今回のはいつからの配置分？") == "今回のは何年度分？"  # (dev: when JET began)
    assert in_the_knowledges_words("what's the point of the jet-alt casebook?") == "what is the purpose of the jet-alt casebook?"


def test_why_an_office_is_among_the_contacts_is_why_it_takes_part() -> None:
    assert in_the_knowledges_words("なんでjetの通知の問い合わせ先に外務省も入ってるの？") == "外務省はなんで関係あるの？"
    assert in_the_knowledges_words("文科省の外国語教育推進室が連絡先に並んでるのはなぜ？") == "文科省はなんで関係あるの？"
    assert in_the_knowledges_words("why is mofa listed as a contact?") == "why is mofa involved?"
