"""Syllables and names of Vietnam's minority languages as Vietnamese texts write them.

Ê Đê, Jrai, Bahnar, Mnông, K'Ho, Sê Đăng, Cơ Tu, H'Mông, Khmer, Chăm, Tày,
Thái… are written in Latin letters with clusters Vietnamese lacks (kr, kl, bl,
tl, dr, hr, ml, mn…), finals such as -k, -l, -r, -s, the letters ƀ, č, ñ and
short vowels ŏ, ĕ, ĭ, ŭ, and apostrophes (H'Hen, M'Drắk, t'rưng). Texts that
honour these people and places must not be judged "broken" for it.
"""

from __future__ import annotations

import re
import unicodedata

from .folding import fold_vietnamese
from .syllable import is_valid_syllable

APOSTROPHES = "'’ʼ"
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_BREVE = "\u0306"
_LETTERS = str.maketrans("ƀčñšž", "bcnsz")
_CONSONANTS = "bcdđfghjklmnpqrstvwxzy"
_VOWELS = "aăâeêioôơuưy"
_NATIVE_ONSETS = ("ch", "gh", "gi", "kh", "ng", "ngh", "nh", "ph", "qu", "th", "tr")
#: One syllable of a minority orthography: a consonant cluster, one to three vowels, up to two finals.
_SYLLABLE = rf"[{_CONSONANTS}]{{0,4}}[{_VOWELS}]{{1,3}}[bcdghklmnprstw]{{0,2}}"
#: A word may join up to three syllables (Adrơng, Rahlan, Êban, Pleiku).
MINORITY_WORD_RE = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")

#: Name parts and words of minority languages as Vietnamese texts spell them (lower case, NFC).
#: Most are not Vietnamese syllables; the shape rule covers many more, this list covers the rest
#: wherever they stand (sentence start, lower case).
NAME_PARTS: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", word)
    for word in """
    ê đê êđê rađê jrai gia rai bahnar ba na mnông m'nông k'ho cơ ho mạ xtiêng stiêng chơ ro
    sê đăng xơ đăng giẻ triêng gié triêng brâu rơ măm cơ tu ta ôi pa kô bru vân kiều tà ôi
    h'mông hmông mông khmer kh'mer khơ me chăm chàm raglai ra glai churu chu ru hrê co
    niê kdăm niê ksor ktla êban byă mlô bkrông adrơng ayŭn ayun hwing knul hđơk kpă kpor
    ksơr rơ mah rahlan rơ lan romah siu nay puih kpuih rcom bdăp mdrang aleo alê enuôl
    buôn krông kdoh kpah hmok mjâo hjao hdok êya êmông êđăr ênao êtuôl niê buôn ya kbuôr
    y ngông y ơn y moan y jut y bih y khu y biêr y đhăm y mửi y tlam y kông y nuê y wang
    h'hen h'bla h'mai h'lan h'nga h'xíu h'năm h'luy h'zuôn h'yâo h'ngon h'liên h'điệp h'ben
    h'lim h'wen h'mơ h'ra h'juk h'loan h'riêng h'lơp h'ngăm h'rin h'nhung h'ngân h'ni
    ama amí ami yă bok bia drăm dam săn dam san xinh nhã khing jú mtao
    ea ia cư chư kon đắk đăk đak lắk lăk plei pleiku kbang krông búk pắc ana bông năng
    h'leo m'gar m'drắk mdrăk kar súp tul kpam pơng drơng sin toh nuôl bar jing trang
    drăm wy hiao dliê dray bhăng ktur bhốk yông hu kênh phê drang ngai sar păl m'ta
    riêng knuếc kao rốk rvê h'mlay knốp đar m'droh m'nang êwi kang ning yiêng hiu liêng
    tría triết krang nô r'bin phơi nuê jlơi lốp kbang tling wil êrang êrông ktơr kmát
    kuin jút mil r'lấp glong glei plông rẫy mơ rông h'drai păh prông sê pưh grai pa
    chro pơ ayun đoa mang yang tôr krêl dom ko rsươm rsai mrơn blứ piơr boòng đrăng hrú
    kla hla khươl pết grăng puch mơr dêr sol peng dơk mơ nông kriêng krong hnol
    đam rông lạc dương lang biang bidoup bi đúp đạ huoai đạ tẻh m'ri đưng k'nớ lác
    tà nung đơn dương k'long k'sung k'săn ka hin liêng hót ha sar bon jang bah ja rah
    đinh núp a sanh jơ ngây kông lơng khơng sơ ró tơ drăh hà đông kon chiêng ngok pơ tó
    tu mơ rông măng bút măng cành pờ ê ngọc tụ đăk rơ nga đăk tờ kan rơ xăng
    a lưới a xing bhalêê alăng zơrâm atiêng bríu clâu cơlâu bh'riu a tiêng ka dăng k'brơi
    a vương ch'ơm tr'hy ga ry a nông lăng prao pơ rning ating tơ viêng zuôih
    điểu k'lieng bù đăng bù gia mập bù đốp đắk ơ bom bo đắk nhau thống nhất
    giàng páo sùng mí chứ vàng seo sử thào sính mùa dế hờ lầu chơ phử ly vư sình dìn
    ly seo lử pả vi sà phìn lũng cú xín mần hoàng su phì sủng là mèo vạc ma lé lao chải
    mù cang chải tà xùa háng đồng ngài thầu tả van sa pa y tý a lù dền sáng phìn ngan
    khau phạ nậm păm sán chải nậm lúc mường khương si ma cai bản phố cán cấu lùng phình
    thạch sa rây danh sơn sóc kim khon chau khăn néang chanh trà vinh sóc trăng tri tôn
    tịnh biên ô môn chôl chnăm thmây chol chnam thmay sen đôn ta đôn ta ok om bok oóc om bóc
    dù kê som rông ka tum ba thê lai vung kê sách mỹ xuyên vĩnh châu ngã năm cù lao dung
    thạch thị danh sơn thị kim thị lâm thị chau sóc châu văn thạch phol kiên srây
    kh'leang khleang wat rô ka sa la pôthi srok phum ponl san tha néang kâl
    katê kate rija nagar po klong garai pô klông ga rai inrasara đàng năng thọ thuận bắc
    ninh phước phan rang bàu trúc mỹ nghiệp ramưwan ramưvan bani po nagar pô ina nagar
    chàm quảng đại thông báo trượng kiều ka ja phú tịnh thành tín châu giang an phú
    lò quàng cầm lường tòng điêu lù mường thanh lay nhé nậm pồ tủa chùa tuần giáo ảng
    sốp cộp quỳnh nhai thuận châu phù yên vân hồ mộc châu sông mã than uyên phong thổ sìn hồ
    nậm nhùn pá khoang nà tấu noọng pác bó nà rì pác nặm chợ đồn ba bể hà quảng trùng khánh
    nông dền ma kháng thạch an bảo lạc nguyên bình bình gia tràng định văn lãng lộc bình
    pò mè pác mòng pò lèng nà phặc chiềng chiềng mai chiềng sinh chiềng cơi chiềng khoang
    mường lò mường chà mường ảng mường nhé mường phăng na hẩu nghĩa lộ tú lệ púng luông
    kpă cuôr hdruôm kơ pa rơ chăm rơ ô rơ châm rơ lan rơ mah ksor nay siu puih
    aliêng alao eban êban mlô êban niê hra bkrông knul hmok ayŭn byă buôn krông ênuôl
    kon tum đăk glei ngọc hồi sa thầy kon plông kon rẫy đăk hà đăk tô ia h'drai
    gia lai chư păh chư prông chư sê chư pưh ia grai ia pa krông pa mang yang kông chro
    đak đoa đak pơ ayun pa an khê phú thiện đắk nông gia nghĩa đắk mil đắk r'lấp đắk song
    krông nô tuy đức cư jút đắk glong lâm đồng đam rông lạc dương di linh bảo lộc cát tiên
    ea kar ea súp ea h'leo cư m'gar krông pắc krông ana krông bông krông năng cư kuin
    buôn đôn buôn hồ buôn ma thuột m'đrắk mađaguôi lắk ea kly ea knuếc ea yông hòa đông
    chu ru k'dung tou prong bă sa văn ma nai đà loan ta hine ninh gia
    """.split()
)


def _base(word: str) -> tuple[str, int]:
    """A word without tone marks or short-vowel breves (ă kept), lower case, and its number of tone marks."""
    kept: list[str] = []
    tones = 0
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            tones += 1
        elif char == _BREVE and not (kept and kept[-1] == "a"):
            continue  # ŏ, ĕ, ĭ, ŭ, ơ̆: short vowels of Ê Đê, Jrai, Bahnar
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).translate(_LETTERS), tones


def is_minority_shape(word: str) -> bool:
    """Whether a word has the shape of a minority-language word (one to three syllables, one tone at most)."""
    base, tones = _base(word)
    return tones <= 1 and bool(MINORITY_WORD_RE.fullmatch(base))


def has_foreign_onset(word: str) -> bool:
    """Whether a word starts with a consonant cluster Vietnamese lacks (Kr, Kd, Bl, Hb, Sr…): a minority word."""
    base, _tones = _base(word)
    onset = re.match(f"[{_CONSONANTS}]*", base).group(0)
    return len(onset) >= 2 and not any(onset == native for native in _NATIVE_ONSETS)


def has_minority_feature(word: str) -> bool:
    """Whether a word shows something Vietnamese spelling lacks: a cluster (Krông), a final (Búk, Ksor),
    a letter (ƀ, ŏ, j, w, f, z) or several syllables in one word (Adrơng, Pleiku).

    An open “ă” or “iê” (Kpă, Niê) alone does not count: dropped letters make those too (“Mặ” for “Mặt”).
    """
    base, _tones = _base(word)
    if has_foreign_onset(word) or any(char in "fjwzƀčñŏĕĭŭ" for char in word.lower()):
        return True
    if re.search(f"[{_VOWELS}][klrshj]$|(?:ing|êng)$|^k[aăâoôơuư]|^y[{_VOWELS}]", base):
        return True  # finals -k -l -r -s -h, -ing, -êng; K before a back vowel (Kông, Kơ); Y as onset (Yang)
    return bool(re.search(f"[{_VOWELS}][{_CONSONANTS}]+[{_VOWELS}]", base))


#: Words of these languages that Vietnamese texts write in lower case: instruments, epics, customs.
COMMON_WORDS: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", word)
    for word in """
    xòe then tính khèn khắp lượn sli páo dung cấp sắc pí pặp slấn nàng ơi
    kpan t'rưng trưng h'gơr k'ni klông pút đing năm goong ting ning đinh pă ching chêng
    atâu pơthi yang kút khan hơamon hri ay ray tơ rưng gùi rông
    """.split()
)


def is_name_part(word: str) -> bool:
    """Whether a word is a listed name part (capitalised, as names are written) or a listed common word."""
    folded = unicodedata.normalize("NFC", word.lower())
    return folded in COMMON_WORDS or (word[:1].isupper() and folded in NAME_PARTS)


def split_apostrophe(word: str) -> list[str]:
    """Parts of a word written with apostrophes: “H'Hen” → [“H”, “Hen”]."""
    return re.split(f"[{APOSTROPHES}]", word)


def is_apostrophe_word(word: str) -> bool:
    """“H'Hen”, “M'Drắk”, “Kh'mer”, “t'rưng”: a one- or two-consonant prefix, then a syllable."""
    parts = split_apostrophe(word)
    if len(parts) < 2 or not all(parts):
        return False
    *prefixes, last = parts
    for prefix in prefixes:
        if not (len(prefix) <= 2 and all(char.lower() in _CONSONANTS for char in prefix)):
            return False
    return is_valid_syllable(last) or is_minority_shape(last) or is_name_part(last)


#: Vietnam's 54 ethnic groups by their official names, and the other names texts write some of them by.
ETHNIC_GROUPS = (
    "Kinh, Tày, Thái, Mường, Khmer, Khơ-me, Hoa, Nùng, Mông, H'Mông, Dao, Gia Rai, Jrai, Ê Đê, Ba Na, Bahnar, Sán Chay,"
    " Cao Lan, Sán Chí, Chăm, Chăm Hroi, Cơ Ho, K'Ho, Xơ Đăng, Sê Đăng, Sán Dìu, Hrê, Ra Glai, Mnông, M'Nông, Thổ, Xtiêng,"
    " Stiêng, Khơ Mú, Bru-Vân Kiều, Vân Kiều, Pa Cô, Cơ Tu, Giáy, Tà Ôi, Mạ, Giẻ Triêng, Gié Triêng, Co, Chơ Ro, Xinh Mun,"
    " Hà Nhì, Chu Ru, Lào, Kháng, La Chí, Phù Lá, La Hủ, La Ha, Pà Thẻn, Chứt, Lự, Lô Lô, Mảng, Cờ Lao, Bố Y, Cống,"
    " Ngái, Si La, Pu Péo, Rơ Măm, Brâu, Ơ Đu"
).split(", ")


def _group_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold_vietnamese(text))  # "Ê-đê", "Ê Đê" and "Êđê" alike


_GROUP_KEYS = frozenset(_group_key(name) for name in ETHNIC_GROUPS)


def is_ethnic_group(text: str) -> bool:
    """Whether a text names one of Vietnam's ethnic groups ("Sán Dìu", "dân tộc Tày", "người H'Mông", "Ê-đê")."""
    text = re.sub(r"^(?:dân tộc|người|đồng bào|DTTS)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    return bool(text) and _group_key(text) in _GROUP_KEYS
