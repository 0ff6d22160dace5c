"""Highlights: the query's words marked in the document's own text, the rest escaped."""

from search.highlight import highlight


def test_marks_words_as_typed_and_escapes_the_rest():
    text = "Gương <b>điển hình</b> & điện lực"
    assert highlight(text, ["điển"]) == "Gương &lt;b&gt;<mark>điển</mark> hình&lt;/b&gt; &amp; điện lực"


def test_an_unaccented_word_marks_every_word_that_folds_to_it():
    assert highlight("Điển hình, điện lực", ["dien"]) == "<mark>Điển</mark> hình, <mark>điện</mark> lực"


def test_an_accented_word_marks_folded_forms_only_where_it_is_missing_as_typed():
    assert highlight("điện lực và điển hình", ["điển"]) == "điện lực và <mark>điển</mark> hình"
    assert highlight("điện lực", ["điển"]) == "<mark>điện</mark> lực"


def test_only_whole_words_are_marked():
    assert highlight("phongtrào phong_trào phong", ["phong"]) == "phongtrào phong_trào <mark>phong</mark>"
    assert highlight("chuyện nông", ["ông"]) == ""


def test_the_fragment_starts_eight_words_before_the_first_match_and_holds_thirty():
    words = [f"t{number}" for number in range(1, 71)]
    text = " ".join(words[:39] + ["mốc"] + words[39:])
    fragment = highlight(text, ["mốc"])
    shown = fragment.removeprefix("… ").removesuffix(" …").split(" ")
    assert fragment.startswith("… t32 ") and fragment.endswith(" …")
    assert shown == [*words[31:39], "<mark>mốc</mark>", *words[39:60]]  # 8 before, the match, 21 after


def test_a_match_near_the_start_keeps_the_words_before_it():
    assert highlight("Một, hai: ba mốc bốn", ["mốc"]) == "Một, hai: ba <mark>mốc</mark> bốn"
    assert highlight("x" * 700 + " mốc", ["mốc"]) == "x" * 700 + " <mark>mốc</mark>"


def test_nothing_to_mark_gives_an_empty_highlight():
    assert highlight("Nông nghiệp", ["công"]) == ""
    assert highlight("", ["công"]) == ""
    assert highlight("Nông nghiệp", []) == ""


def test_a_stray_combining_mark_does_not_stop_folded_marks():
    # Text copied from a PDF often carries a mark that has no letter to join ("phu ̣trách").
    text = "Cử chuyên viên phu \u0323trách tuyên truyền phong trào thi đua"
    assert highlight(text, ["thi", "dua"]).endswith("<mark>thi</mark> <mark>đua</mark>")


def test_a_letter_whose_lower_case_is_longer_keeps_the_marks_in_place():
    assert highlight("İstanbul và điển hình", ["điển"]) == "İstanbul và <mark>điển</mark> hình"


def test_the_words_before_the_match_are_found_however_long_they_are():
    long_words = [f"{letter}" * 60 for letter in "abcdefghij"]
    fragment = highlight(" ".join([*long_words, "mốc", "cuối"]), ["mốc"])
    assert fragment == "… " + " ".join(long_words[2:]) + " <mark>mốc</mark> cuối"
