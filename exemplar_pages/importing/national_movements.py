"""Movements and campaigns launched nationally, which plans often name without quotes.

"… đẩy mạnh phong trào thi đua Dân vận khéo trong …": a name in quotes is read whatever it is; a name without quotes
is read only when it is one of these, so the sentence around it is never taken for a movement. The names are the
ones the Prime Minister, the Central Committee's bodies and the mass organisations' central bodies launched.
"""

from __future__ import annotations

import re

from cms.vietnamese import fold_for_search

NATIONAL_MOVEMENTS = (
    "Bình dân học vụ số",
    "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Cả nước chung sức xây dựng nông thôn mới",
    "Chung sức xây dựng nông thôn mới",
    "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời",
    "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số",
    "Toàn dân đoàn kết xây dựng đời sống văn hóa",
    "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "Toàn dân bảo vệ an ninh Tổ quốc",
    "Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại",
    "Dân vận khéo",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Doanh nghiệp Việt Nam hội nhập và phát triển",
    "Lao động giỏi, lao động sáng tạo",
    "Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động",
    "Giỏi việc nước, đảm việc nhà",
    "Giỏi việc trường, đảm việc nhà",
    "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
    "Xây dựng gia đình 5 không, 3 sạch",
    "Dạy tốt - Học tốt",
    "Đổi mới, sáng tạo trong dạy và học",
    "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo",
    "Xây dựng trường học thân thiện, học sinh tích cực",
    "Thiếu nhi Việt Nam thi đua làm theo 5 điều Bác Hồ dạy",
    "Kế hoạch nhỏ",
    "Nghìn việc tốt",
    "Tuổi trẻ sáng tạo",
    "Thanh niên tình nguyện",
    "Tuổi trẻ xung kích bảo vệ Tổ quốc",
    "Sinh viên 5 tốt",
    "Học sinh 3 tốt",
    "Cựu chiến binh gương mẫu",
    "Cựu chiến binh giúp nhau giảm nghèo, làm kinh tế giỏi",
    "Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
    "Nông dân tham gia bảo đảm quốc phòng, an ninh",
    "Thi đua Quyết thắng",
    "Vì an ninh Tổ quốc",
    "Công an nhân dân học tập, thực hiện Sáu điều Bác Hồ dạy",
    "Phát huy truyền thống, cống hiến tài năng, xứng danh Bộ đội Cụ Hồ",
    "Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh",
    "Thầy thuốc như mẹ hiền",
    "Đền ơn đáp nghĩa",
)

_WORD_RE = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(fold_for_search(text)))


#: The names as folded words, the longest first ("Chung sức xây dựng nông thôn mới" after the nation's).
_BY_WORDS = sorted(((_words(name), name) for name in NATIONAL_MOVEMENTS), key=lambda item: -len(item[0]))


def national_movement_at(text: str, start: int) -> tuple[int, int] | None:
    """The span of a national movement's name written at `text[start:]` (any case, marks, dashes, line breaks),
    its words ending there; None when none starts there."""
    words = list(_WORD_RE.finditer(text, start, start + 400))
    if not words or text[start : words[0].start()].strip():
        return None
    folded = [fold_for_search(m.group()) for m in words]
    for name_words, _name in _BY_WORDS:
        size = len(name_words)
        if tuple(folded[:size]) == name_words:
            return words[0].start(), words[size - 1].end()
    return None


def same_movement(first: str, second: str) -> bool:
    """Whether two names are one movement's, written with other marks, case, dashes or spaces (a PDF's line broken
    inside a word: "an toàn vệ sinh la o động")."""
    return "".join(_words(first)) == "".join(_words(second))


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"\w+", fold_for_search(name))).lower()


_BY_INITIALS = {_initials(name): name for name in NATIONAL_MOVEMENTS}


def abbreviates(text: str, words: list[str]) -> bool:
    """Whether a name written with short forms in capitals stands for these folded words: each word written whole
    is the next word, each short form's letters the initials of as many next words ("Toàn dân bảo vệ ANTQ", "Toàn dân
    đoàn kết XDĐSVH", "TDĐKXDĐSVH"). A text with no short form abbreviates nothing."""
    written = _WORD_RE.findall(text)
    short = [token.isalpha() and token.isupper() and 2 <= len(token) <= 16 for token in written]
    if not any(short) or len(written) > len(words):
        return False
    tokens = [fold_for_search(token) for token in written]

    def aligned(at: int, word: int) -> bool:
        if at == len(tokens):
            return word == len(words)
        if word < len(words) and tokens[at] == words[word] and aligned(at + 1, word + 1):
            return True
        size = len(tokens[at])
        return (
            short[at]
            and "".join(next_word[0] for next_word in words[word : word + size]) == tokens[at]
            and aligned(at + 1, word + size)
        )

    return aligned(0, 0)


def national_movement_abbreviated(text: str) -> str | None:
    """The national movement a name written with short forms in capitals stands for, else None."""
    return next((name for words, name in _BY_WORDS if abbreviates(text, list(words))), None)


def national_movement_of_initials(text: str) -> str | None:
    """The national movement whose words' initials a text is ("TDĐKXDĐSVH": "Toàn dân đoàn kết xây dựng đời sống văn
    hóa"), as offices write one in a narrow cell; None for any other text."""
    letters = "".join(text.split())
    if not (4 <= len(letters) <= 20 and letters.isalpha() and letters.isupper()):
        return None
    return _BY_INITIALS.get(fold_for_search(letters).lower())
