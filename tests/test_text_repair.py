"""Tests for cms.vietnamese.text_repair (pure Python, no Django)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cms.vietnamese.syllable import is_valid_syllable
from cms.vietnamese.text_repair import fix_legacy_fonts, fix_word, repair_vietnamese

try:
    from tests.seeds_helper import seed_text
except ImportError:  # tests/ not a package
    from seeds_helper import seed_text

# Real syllables, in both tone-placement styles, including vowel-initial words.
SYLLABLES = """
thực hiện kế hoạch tuyên truyền các phong trào thi đua yêu nước điển hình tiên tiến mô
mới nhân tố năm của huyện tỉnh xã thị trấn ủy ban dân chủ tịch phó văn phòng công chức
viên người nghèo không để ai bị bỏ lại phía sau chung sức xây dựng nông thôn đoàn kết
đời sống hóa hoá khỏe khoẻ thủy thuỷ quý quốc giữ gìn già giếng khuỷu ngoài quyết
nguyễn trần lê phạm hoàng huỳnh võ đặng bùi đỗ hồ ngô dương lý ăn uống ở ông anh em
ước ý yên ấy áo ít ở ưu quả qua thuở hướng dẫn trường học sáng tạo hiệu quả tập thể
cá gia đình hộ lĩnh vực nông nghiệp y tế giáo dục đào khoa công nghệ nghệ thuật
an sinh đời thường tốt việc gương quanh ta khen thưởng hội đồng ban hành đề nghị giao
trước ngày tháng chậm nhất gửi về báo cáo kết quả quý một hai ba bốn luật
""".split()
PUNCT_AFTER = ["", "", "", ",", ";"]


def _sentence(words: list[str], puncts: list[str]) -> str:
    """Join words into a sentence with inner punctuation, capitalised, ending with a dot."""
    parts = [w + p for w, p in zip(words, puncts)]
    text = " ".join(parts).rstrip(",;")
    return text[0].upper() + text[1:] + "."


sentences = st.builds(
    _sentence,
    st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=25),
    st.lists(st.sampled_from(PUNCT_AFTER), min_size=25, max_size=25),
)
prefixes = st.sampled_from(["", "", "- ", "a) ", "đ) ", "1. ", "II. "])
paragraphs = st.builds(lambda p, ss: p + " ".join(ss), prefixes, st.lists(sentences, min_size=1, max_size=4))
documents = st.builds(
    lambda ps, seps: "".join(p + s for p, s in zip(ps, seps)).rstrip("\n"),
    st.lists(paragraphs, min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", "\n\n"]), min_size=8, max_size=8),
)
messy = st.text(
    alphabet=st.sampled_from(
        list("aăâeêioôơuưyđbcdghklmnpqrstvx AĐTHƯ,.;:)(-“”\n\t")
        + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "ṇ", "ị", "Ã", "¡", "º", "á", "»", "Æ", "°", "ƣ"]
        + list("0123456789/")
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_correct_text_is_unchanged(text: str) -> None:
    """Correct NFC Vietnamese text is never modified."""
    assert unicodedata.is_normalized("NFC", text)
    assert repair_vietnamese(text) == text


@settings(max_examples=500, deadline=None)
@given(messy)
def test_repair_is_idempotent_on_messy_text(text: str) -> None:
    """Repairing twice gives the same result as repairing once."""
    once = repair_vietnamese(text)
    assert repair_vietnamese(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_repair_is_idempotent_on_any_text(text: str) -> None:
    """Idempotent on arbitrary Unicode too."""
    once = repair_vietnamese(text)
    assert repair_vietnamese(once) == once


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("thưc̣ hiêṇ", "thực hiện"),
        ("nghiêp̣ Viêṭ", "nghiệp Việt"),
        ("bi ̣ bỏ laị", "bị bỏ lại"),
        ("xây dưṇg", "xây dựng"),
        ("hôị nhâp̣", "hội nhập"),
        ("phu ̣trách", "phụ trách"),
        ("Kế hoac̣h", "Kế hoạch"),
        ("Toàn dân đo àn kết", "Toàn dân đoàn kết"),
        ("Tập trung truyên truyền", "Tập trung tuyên truyền"),
        ("các Phong trào thi đua : “Tân Biên”", "các Phong trào thi đua: “Tân Biên”"),
        ("viết bài , đưa tin", "viết bài, đưa tin"),
        ("phát triển” , “Tân Biên", "phát triển”, “Tân Biên"),
        ("Tr\u01b0\u01a1\u0300ng", "Trường"),
        ("nƣớc", "nước"),
        ("Ƣu tiên", "Ưu tiên"),
        ("ca\u0301c", "các"),
        ("chương trỡnh, tỡnh hỡnh, CHƯƠNG TRỠNH", "chương trình, tình hình, CHƯƠNG TRÌNH"),  # a faulty TCVN3 conversion
        ("thỡ vẫn sỡ hữu", "thỡ vẫn sỡ hữu"),  # a syllable as written is left alone
        ("chất lượng gi ống cây trồng", "chất lượng giống cây trồng"),  # "gi" is no word on its own
        ("chuyển đổi s ố”; mỗi", "chuyển đổi số”; mỗi"),  # a fragment before punctuation
        ("ra ở ống nước", "ra ở ống nước"),
    ],
)
def test_concrete_repairs(broken: str, fixed: str) -> None:
    """Known defects of PDF dumps are repaired."""
    assert repair_vietnamese(broken) == fixed


def test_mojibake_is_decoded() -> None:
    """UTF-8 read as cp1252 is turned back into Vietnamese."""
    text = "Kế hoạch tuyên truyền phong trào thi đua yêu nước năm 2023."
    assert repair_vietnamese(text.encode("utf-8").decode("latin-1")) == text


def test_hard_wrapped_lines_are_joined() -> None:
    """Wrapped lines of one paragraph are joined; list items and headings stay."""
    text = "1. Mục đích\n\n- Tuyên truyền sâu rộng để cán bộ, công \n\nnhân, người lao động.\n- Huy động sức mạnh."
    assert repair_vietnamese(text) == (
        "1. Mục đích\n\n- Tuyên truyền sâu rộng để cán bộ, công nhân, người lao động.\n- Huy động sức mạnh."
    )


def test_a_label_and_its_value_stay_a_line_of_their_own() -> None:
    """A legal site's metadata lines ("Số hiệu: …", "Nơi ban hành: …") in a hard-wrapped page are not prose."""
    wrapped = [
        "Ủy ban nhân dân tỉnh vừa ban hành quy định mới về công tác thi đua, khen thưởng năm nay",
        "trên địa bàn toàn tỉnh, áp dụng với mọi cơ quan, đơn vị và địa phương trong tỉnh",
    ] * 4
    text = "\n".join(
        [
            "Quyết định 12/2020/QĐ-UBND ban hành Quy chế công tác thi đua khen thưởng trên địa bàn tỉnh",
            "Số hiệu: 12/2020/QĐ-UBND Loại văn bản: Quyết định",
            "Nơi ban hành: Tỉnh Tây Ninh Người ký: Nguyễn Văn Bình",
            *wrapped,
        ]
    )
    lines = repair_vietnamese(text).split("\n")
    assert lines[1:3] == [
        "Số hiệu: 12/2020/QĐ-UBND Loại văn bản: Quyết định",
        "Nơi ban hành: Tỉnh Tây Ninh Người ký: Nguyễn Văn Bình",
    ]
    assert any(
        line.endswith("năm nay trên địa bàn toàn tỉnh, áp dụng với mọi cơ quan, đơn vị và địa phương trong tỉnh")
        for line in lines
    )


def test_words_are_not_glued_when_both_are_words() -> None:
    """Two real syllables stay apart even if their join would be a syllable."""
    assert repair_vietnamese("hoa ăn quả") == "hoa ăn quả"
    assert repair_vietnamese("ngu y") == "ngu y"


def test_fix_word_leaves_foreign_words() -> None:
    """Words that are not Vietnamese syllables are left alone."""
    assert fix_word("café") == "café"
    assert fix_word("José") == "José"


def test_seed_000_is_repaired() -> None:
    """The broken PDF dump becomes clean Vietnamese."""
    text = repair_vietnamese(seed_text("000"))
    for expected in [
        "Kết quả thực hiện các Phong trào thi đua: “Tân Biên chung sức xây dựng nông thôn mới”",
        "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
        "“Doanh nghiệp Việt Nam hội nhập và phát triển”",
        "“Tân Biên chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
        "Cử chuyên viên phụ trách công tác tuyên truyền viết bài, đưa tin",
        "Nghị quyết Đại hội Đảng bộ thị trấn Tân Biên lần thứ VII.",
        "3. Công chức VH-XH, Trung tâm Văn hóa Thể thao và HTCĐ, Đài Truyền thanh.",
        "Các ban ngành, đoàn thể trên địa bàn thị trấn xây dựng Kế hoạch tuyên truyền",
        "Tập trung tuyên truyền việc triển khai",
    ]:
        assert expected in text
    assert unicodedata.is_normalized("NFC", text)
    words = [w.strip(",.;:“”()") for w in text.split()]
    assert not [w for w in words if any(unicodedata.combining(c) for c in unicodedata.normalize("NFC", w))]


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_seed_repair_is_idempotent(prefix: str) -> None:
    """Each seed is a fixpoint after one repair."""
    once = repair_vietnamese(seed_text(prefix))
    assert repair_vietnamese(once) == once


def test_clean_seed_keeps_its_words() -> None:
    """A clean seed keeps every word (only whitespace may change)."""
    raw = seed_text("004")
    assert repair_vietnamese(raw).split() == raw.split()


def test_syllable_pool_is_valid() -> None:
    """Every syllable used by the generator is valid."""
    assert [s for s in SYLLABLES if not is_valid_syllable(s)] == []


MINORITY_NAMES = [
    line.strip()
    for line in (Path(__file__).parent / "fixtures" / "minority_names.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(MINORITY_NAMES), before=st.sampled_from(SYLLABLES), after=st.sampled_from(SYLLABLES))
def test_minority_names_are_not_repaired(name: str, before: str, after: str) -> None:
    """Repair never glues, splits or re-accents names of minority people and places (issue #14)."""
    text = f"Anh {before} {name} {after}, {name}."
    assert repair_vietnamese(text) == text


_VNI_TONES = dict(zip("\u0301\u0300\u0309\u0303\u0323", "ùøûõï", strict=True))
_VNI_I = dict(zip("íìỉĩị", "íìæóò", strict=True)) | {"ỵ": "î"}
_VNI_WITH_HAT = dict(zip("\u0301\u0300\u0309\u0303\u0323", "áàåãä", strict=True))
_VNI_WITH_BREVE = dict(zip("\u0301\u0300\u0309\u0303\u0323", "éèúüë", strict=True))


def to_vni(text: str) -> str:
    """Unicode Vietnamese as a VNI font's bytes read as cp1252 (what an old .doc gives)."""
    out = []
    for char in text:
        lower = char.lower()
        upper = char != lower
        if lower in _VNI_I:
            code = _VNI_I[lower]
            out.append(code.upper() if upper else code)
            continue
        base, *marks = unicodedata.normalize("NFD", lower)
        tone = next((mark for mark in marks if mark in _VNI_TONES), None)
        pieces = {"đ": "ñ"}.get(base, base)
        if "\u031b" in marks:  # horn: ơ, ư
            pieces = {"o": "ô", "u": "ö"}[base] + (_VNI_TONES[tone] if tone else "")
        elif "\u0302" in marks:
            pieces = base + (_VNI_WITH_HAT[tone] if tone else "â")
        elif "\u0306" in marks:
            pieces = base + (_VNI_WITH_BREVE[tone] if tone else "ê")
        elif tone:
            pieces = base + _VNI_TONES[tone]
        out.append(pieces.upper() if upper else pieces)
    return "".join(out)


def test_text_left_in_vni_is_decoded() -> None:
    vni = "COÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nTRÖÔØNG TH SOÁ 1 TT TUY PHƯỚC\nKEÁ HOAÏCH\nChò H'Hen Niê ôû buoân Ea H'leo."
    assert repair_vietnamese(vni) == (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTRƯỜNG TH SỐ 1 TT TUY PHƯỚC\nKẾ HOẠCH\nChị H'Hen Niê ở buôn Ea H'leo."
    )
    assert to_vni("Trường học, thi đua yêu nước") == "Tröôøng hoïc, thi ñua yeâu nöôùc"


def test_words_a_copy_glued_across_an_old_font_are_read_apart() -> None:
    """A header half retyped in Unicode, its lines run together: "PHƯỚCCOÄNG" is "PHƯỚC" then VNI's "CỘNG"."""
    assert repair_vietnamese("TRÖÔØNG TH SOÁ 1 TT TUY PHƯỚCCOÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓAVIEÄT NAM") == (
        "TRƯỜNG TH SỐ 1 TT TUY PHƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )


#: Codes only VNI uses (its capital marks) and only TCVN3 uses (ă â ê ô ơ ư đ à á ạ …): a line with one says its font.
VNI_SIGNS = set("ÀÁÂÃÄÅÙÚÛ")
TCVN3_SIGNS = set(map(chr, range(0xA1, 0xBF)))
WORDS_RE = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00fe])+")


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_any_heading_written_in_vni_is_read_back(sentence: str) -> None:
    """A line in VNI capitals with a word that is no syllable as written reads back whole ("HOAØ" alone could be
    Unicode's "HOÀ", and is left)."""
    heading = sentence.upper()
    vni = to_vni(heading)
    assume(set(vni) & VNI_SIGNS and any(not is_valid_syllable(word) for word in WORDS_RE.findall(vni)))
    assert repair_vietnamese(vni) == heading


_TCVN3_CODES = dict(
    zip(
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
        strict=True,
    )
)


def to_tcvn3(text: str) -> str:
    """Unicode Vietnamese (small letters, and the capitals TCVN3 has) as a TCVN3 font's bytes read as cp1252."""
    return "".join(_TCVN3_CODES.get(char, char) for char in unicodedata.normalize("NFC", text))


def test_text_left_in_tcvn3_is_decoded() -> None:
    assert repair_vietnamese("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÕ ho¹ch thi ®ua") == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nKế hoạch thi đua"
    )
    assert to_tcvn3("trường") == "tr\u00adêng"
    kept = "Chị H'Hen Niê ở buôn Ea H'leo; «Dân vận khéo», café, Mlô, Êđê, Kdăm."
    assert repair_vietnamese(kept) == kept


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_any_sentence_written_in_tcvn3_is_read_back(sentence: str) -> None:
    sentence = sentence.lower()
    tcvn3 = to_tcvn3(sentence)
    assume(set(tcvn3) & TCVN3_SIGNS and any(not is_valid_syllable(word) for word in WORDS_RE.findall(tcvn3)))
    assert repair_vietnamese(tcvn3) == sentence


def to_tcvn3_capitals(heading: str) -> str:
    """A heading typed in a TCVN3 capitals font (.VnTimeH): plain letters as capitals, the others as small codes."""
    return "".join(char.upper() if char.isascii() else char for char in to_tcvn3(heading.lower()))


def test_a_heading_in_the_tcvn3_capitals_font_is_read_in_capitals() -> None:
    assert repair_vietnamese("KÕ HO¹CH\nCéNG HßA X· HéI CHñ NGHÜA VIÖT NAM\nKÕ ho¹ch thi ®ua\nSè: 93/KH-VP") == (
        "KẾ HOẠCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKế hoạch thi đua\nSố: 93/KH-VP"
    )


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_any_heading_in_the_tcvn3_capitals_font_is_read_back(sentence: str) -> None:
    """A heading with a word that shows the capitals font (a plain capital past its first letter) reads back in
    capitals; one whose plain letters all begin words ("KÕ Sè") could be a sentence's, and is not asked for."""
    heading = sentence.upper()
    tcvn3 = to_tcvn3_capitals(heading)
    assume(any(any(char.isascii() and char.isalpha() for char in word[1:]) for word in WORDS_RE.findall(tcvn3)))
    assume(set(tcvn3) & TCVN3_SIGNS)
    assume(any(not is_valid_syllable(word) for word in WORDS_RE.findall(tcvn3)))
    assert repair_vietnamese(tcvn3) == heading


def test_minority_names_are_never_read_as_an_old_font() -> None:
    """Ê Đê, Jrai, Bahnar… names hold letters the old fonts' codes use ("Niê", "Mlô"): repair keeps every one."""
    names = [
        line.split("#")[0].strip()
        for line in (Path(__file__).parent / "fixtures" / "minority_names.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    assert len(names) >= 300
    assert [name for name in names if repair_vietnamese(name) != name] == []
    assert repair_vietnamese(", ".join(names)) == ", ".join(names)


def test_a_unicode_line_with_two_words_left_in_tcvn3_keeps_its_unicode_words() -> None:
    """A PDF line whose "Căn cứ" kept the old font ("C¨n cø") while the rest is Unicode: only those two words are
    read in TCVN3; "Phòng", whose "ò" is also a TCVN3 code, stays "Phòng" (held-out round 37)."""
    line = "C¨n cø Quyết định số 161/PGD&ĐT ngày 21/9/2020 của Phòng GD&ĐT Hiệp Hòa"
    assert repair_vietnamese(line) == "Căn cứ Quyết định số 161/PGD&ĐT ngày 21/9/2020 của Phòng GD&ĐT Hiệp Hòa"
    # a whole line in the font still reads its plain-letter words in it ("Chò" is "Chß" there)
    assert repair_vietnamese(to_tcvn3("Căn cứ kế hoạch của phòng")) == "Căn cứ kế hoạch của phòng"


def test_a_tcvn3_table_s_minority_names_and_capitals_the_font_has_no_code_for() -> None:
    """A K'Ho name whose reading is no Vietnamese syllable is read in the font all the same when a code no Vietnamese
    word holds says so ("Brå"); a name's word whose capital ".VnTime" cannot show is restored between capitalised
    words or last ("¸nh", "æn"), not in a sentence ("®· ñng hé ¸o Êm")."""
    table = "1\tPh¹m ThÞ ¸nh NguyÖt\tKÕ to¸n\n2\tTrÇn V¨n æn\tTr­ëng th«n\n3\tK' Brå\tN«ng d©n\n4\t®· ñng hé ¸o Êm\tx"
    assert fix_legacy_fonts(table).split("\n") == [
        "1\tPhạm Thị Ánh Nguyệt\tKế toán",
        "2\tTrần Văn Ổn\tTrưởng thôn",
        "3\tK' Brồ\tNông dân",
        "4\tđã ủng hộ áo ấm\tx",
    ]
