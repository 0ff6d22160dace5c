"""A list written as numbered paragraphs rather than a table, as small offices write a short list in Word.

"1. Ông A Thuyên, sinh năm 1956, người có uy tín thôn Kon Chốt: Vận động …; được tặng Bằng khen của Chủ tịch UBND tỉnh
năm 2023." Each entry (with the paragraphs under it that are no entry of their own) is one row: the name and what the
head before ":" says of it (the place, the position), the achievements, and the awards its sentences name. The parts'
headings ("I. TẬP THỂ") and the line that ends the list are rows as a table's would be, for the validator to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cms.vietnamese import fold_vietnamese

#: An entry's number: "1.", "12)".
_ENTRY_RE = re.compile(r"^\s*(\d{1,3})\s*[.)]\s+(\S.*)$", re.DOTALL)
#: A part's heading: "I. TẬP THỂ", "B. CÁ NHÂN", "PHẦN II. CÁ NHÂN" (read without its "PHẦN").
_PART_RE = re.compile(r"^\s*(?:(?i:phần|mục)\s+)?(?:[IVX]{1,4}|[A-Z])\s*[.)]\s+\S")
_PART_WORD_RE = re.compile(r"^\s*(?i:phần|mục)\s+")
#: A labelled line under an entry, as a report's annex writes each exemplar ("Địa chỉ: Thôn Giang Cao, xã Bát
#: Tràng", "Thành tích: …", "Khen thưởng:" over its items), and the columns such a label may name.
_LABELLED_RE = re.compile(r"^([^\W\d][^:]{1,40}?)\s*:\s*(.*)$")
_LABELLED_COLUMNS = frozenset({"locality", "summary", "awards", "position", "movement"})
_ITEM_MARK_RE = re.compile(r"^[-+•*]\s*")
_HONORIFIC_RE = re.compile(r"^(?:Ông|Bà|Anh|Chị|Em|Cô|Thầy|Cụ|Đồng chí|Đ/c)\s+(?=[A-ZĐÀ-Ỹ])")
#: Where a place is written in the head: after its unit ("thôn Kon Pring", "xã Măng Đen", "tổ dân phố 3").
_UNIT = r"(?:thôn|xóm|bản|buôn|làng|plei|bon|ấp|khóm|tổ dân phố|khu phố|tổ|khu|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|TP\.)"
_PLACE_RE = re.compile(rf"^(?:(?:trú tại|nhà ở|ở|quê quán|quê|địa chỉ)\s*:?\s*)?({_UNIT}\s.+)$", re.IGNORECASE)
_PLACE_TAIL_RE = re.compile(rf"\s({_UNIT}\s+[A-ZĐÀ-Ỹ\d].*)$")
_IGNORED_RE = re.compile(r"^(?:sinh năm|sinh ngày|SN|năm sinh|dân tộc|giới tính|nam|nữ)\b", re.IGNORECASE)
#: The words that name an award in a sentence.
_AWARD_WORDS_RE = re.compile(
    r"\b(?:Bằng khen|Giấy khen|Cờ thi đua|Huân chương|Huy chương|Kỷ niệm chương|Huy hiệu|Thư khen|Chiến sĩ thi đua"
    r"|Lao động tiên tiến|Tập thể lao động|Chiến sỹ thi đua|Giải (?:Nhất|Nhì|Ba|Khuyến khích|Đặc biệt)|danh hiệu"
    r"|Anh hùng|Nhà giáo ưu tú|Thầy thuốc ưu tú|Nghệ nhân ưu tú|Nghệ sĩ ưu tú)\b",
    re.IGNORECASE,
)
#: What a sentence says after its award: why, or what else ("… năm 2022 vì có mô hình …", "… năm 2024 - vận động …").
_AWARD_END_RE = re.compile(r"\s+(?:vì|do|về thành tích|về việc|trong phong trào|nhờ|cho)\s|\s+[-–]\s+(?!\d)")
_FORM = r"(?:Bằng khen|Giấy khen|Cờ thi đua|Kỷ niệm chương|Thư khen)"
_AND_RE = re.compile(r"\s+và\s+")
_LEAD_RE = re.compile(
    r"^(?:(?:khen thưởng|thành tích|hình thức khen thưởng)\s*:\s*)?(?:(?:hai|ba|bốn|\d+)\s+lần\s+)?(?:đã\s+)?"
    r"(?:được\s+)?(?:trao\s+)?(?:tặng\s+)?(?:đạt\s+)?(?:danh hiệu\s+)?",
    re.IGNORECASE,
)
#: "… được Chủ tịch UBND tỉnh Kon Tum tặng Bằng khen": the giver before "tặng", the award's form after it.
_GIVER_RE = re.compile(rf"(?:^|\b(?i:được)\s+)((?:(?!\b(?i:được)\b).){{3,120}}?)\s+(?:trao\s+)?tặng\s+(?={_FORM})")
#: "Giấy khen (năm 2021 và năm 2024)": the award once a year.
_YEARS_RE = re.compile(r"\s*\((?:năm\s+)?((?:19|20)\d{2})(?:\s*(?:,|và)\s*(?:năm\s+)?(?:19|20)\d{2})+\)")
#: How a body's name begins ("Chi hội …", "Tổ hợp tác …", "Trường …"), for a name with a comma of its own.
_COLLECTIVE_FIRST_WORDS = frozenset(
    "chi tổ ban trường hội hợp htx đội câu nhóm công đoàn liên trạm trung bệnh phòng ủy ubnd đảng lớp khu".split()
)
MIN_ENTRIES = 3
EXEMPLAR_SHARE = 0.6


def _names_an_exemplar(head: str, name: str) -> bool:
    """Whether an entry opens with someone's name: addressed ("Ông …", "Chị …"), a person's name (every word
    capitalised), or a body's ("Chi hội Phụ nữ thôn …": a body's first word and a proper name after it)."""
    words = name.split()
    if not words or len(words) > 15:
        return False
    if _HONORIFIC_RE.match(head) or (len(words) <= 6 and all(word[:1].isupper() for word in words)):
        return True
    return words[0].lower() in _COLLECTIVE_FIRST_WORDS and any(word[:1].isupper() for word in words[1:])


def _depth_zero(text: str, separators: str) -> list[int]:
    """Positions of the separators in `text` outside brackets."""
    depth, found = 0, []
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in separators and not depth:
            found.append(index)
    return found


def _head_and_body(entry: str) -> tuple[str, str]:
    """ "Ông A, sinh năm 1956, thôn B: Vận động …" -> the head before ":" (or before the first sentence's end or " - ")
    and what follows it."""
    colons = [i for i in _depth_zero(entry, ":") if i < 300]
    if colons:
        return entry[: colons[0]].strip(), entry[colons[0] + 1 :].strip()
    ends = [m.start() for m in re.finditer(r"\.\s+(?=[A-ZĐÀ-Ỹ(])|\s[-–]\s", entry) if m.start() < 300]
    if ends:
        cut = ends[0]
        return entry[:cut].strip(), entry[cut:].lstrip(" .-–").strip()
    return entry.rstrip(" ."), ""


def _read_head(head: str) -> tuple[str, str, str]:
    """(name, place, position) from an entry's head."""
    pieces = [piece.strip() for piece in _split_at(head, ",") if piece.strip()]
    if not pieces:
        return "", "", ""
    name = _HONORIFIC_RE.sub("", pieces[0])
    rest = pieces[1:]
    collective = name.split()[0].lower() in _COLLECTIVE_FIRST_WORDS
    while collective and rest and rest[0][:1].islower() and not _PLACE_RE.match(rest[0]):
        name = f"{name}, {rest.pop(0)}"  # "Tổ hợp tác trồng rau, hoa xứ lạnh thôn …": one name
    places, positions = [], []
    for piece in rest:
        if _IGNORED_RE.match(piece):
            continue
        if place := _PLACE_RE.match(piece):
            places.append(place.group(1))
        elif tail := _PLACE_TAIL_RE.search(piece):  # "người có uy tín thôn Kon Chốt"
            places.append(tail.group(1))
            positions.append(piece[: tail.start()].strip())
        else:
            positions.append(piece)
    aside = re.search(r"\s*\(([^()]*)\)$", name)  # "Tổ hợp tác … (tổ trưởng: ông Nguyễn Văn Thạch)"
    if aside and name[: aside.start()].strip():
        name, positions = name[: aside.start()], [aside.group(1), *positions]
    village = collective and re.search(
        r"\s((?:thôn|bản|buôn|làng|plei|bon|xóm|ấp|khóm|tổ dân phố)\s+[A-ZĐÀ-Ỹ\d].*)$", name
    )
    if village and not any(re.match(r"(?i)(?:thôn|bản|buôn|làng|plei|bon|xóm|ấp|khóm|tổ)\s", p) for p in places):
        places.insert(0, village.group(1))  # "Chi đoàn thôn Kon Tu Rằng": the village it is of
    return name.strip(), ", ".join(places), ", ".join(positions)


def _split_at(text: str, separators: str) -> list[str]:
    cuts = _depth_zero(text, separators)
    return [text[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True)]


def _clauses(sentence: str) -> list[str]:
    """A sentence parted before each "và" that follows a whole award ("… tặng Bằng khen năm 2022 và Chủ tịch UBND
    huyện … tặng Giấy khen năm 2021"), not inside a giver's name ("Sở Văn hóa, Thể thao và Du lịch")."""
    parts, start = [], 0
    for m in _AND_RE.finditer(sentence):
        if _AWARD_WORDS_RE.search(sentence, start, m.start()) and _AWARD_WORDS_RE.search(sentence, m.end()):
            parts.append(sentence[start : m.start()])
            start = m.end()
    return [*parts, sentence[start:]]


def _award_of(clause: str) -> str:
    """The award a clause names, written as a list would ("Bằng khen của <giver> năm …")."""
    clause = clause.strip()
    word = _AWARD_WORDS_RE.search(clause)
    giver = _GIVER_RE.search(clause)
    if giver and giver.end() <= word.start():
        rest = clause[giver.end() :]
        form = re.match(_FORM, rest)
        clause = f"{form.group()} của {giver.group(1).strip()}{rest[form.end() :]}"
    else:
        lead = _LEAD_RE.match(clause).end()
        clause = clause[lead:] if word.start() <= lead <= word.end() + 1 else clause[word.start() :]
    if end := _AWARD_END_RE.search(clause):
        clause = clause[: end.start()]
    clause = clause.strip(" .,;")
    if clause.startswith("(") and ")" not in clause:
        clause = clause[1:]
    if clause.endswith(")") and clause.count(")") > clause.count("("):
        clause = clause[:-1].rstrip()
    return clause[:1].upper() + clause[1:]


def awards_in(text: str) -> list[str]:
    """The awards an entry's sentences name, each as a list would write it ("Bằng khen của Chủ tịch UBND tỉnh Kon Tum
    năm 2022"), once a year when it gives several; "(Chưa được khen thưởng)" names none."""
    found: list[str] = []
    for sentence in re.split(r";|\.\s+(?=[A-ZĐÀ-Ỹ(])|\n", text):
        for clause in _clauses(sentence):
            if not _AWARD_WORDS_RE.search(clause) or re.search(r"(?i)chưa được|chưa có", clause):
                continue
            award = _award_of(clause)
            if years := _YEARS_RE.search(award):
                award = (award[: years.start()] + award[years.end() :]).strip()
                found += [f"{award} năm {year}" for year in re.findall(r"(?:19|20)\d{2}", years.group())]
            elif award:
                found.append(award)
    return found


def read_entries(
    lines: list[str], column_of: Callable[[str], str] | None = None
) -> tuple[list[str], list[dict[str, str]]] | None:
    """The title lines and the rows of a list written as numbered paragraphs; None when the lines hold fewer than
    `MIN_ENTRIES` entries. `column_of` names the column a labelled line under an entry gives ("Địa chỉ: …"), as a
    header's heading would."""
    title: list[str] = []
    rows: list[dict[str, str]] = []
    entry: dict[str, str] | None = None
    texts: list[str] = []
    named: list[bool] = []

    labelled: dict[str, list[str]] = {}
    label = ""

    def close() -> None:
        if entry is not None and labelled:  # "1. Công ty …" over "Địa chỉ: …", "Thành tích: …", "Khen thưởng:"
            name, place, position = _read_head(" ".join(texts).strip())
            named.append(_names_an_exemplar(name, name))
            summary = " ".join(" ".join(labelled.get("summary", [])).split())
            awards = [_ITEM_MARK_RE.sub("", item) for item in labelled.get("awards", []) if item.strip(" -+•*")]
            entry.update(
                subject_name=name,
                locality=" ".join(labelled.get("locality", [])) or place,
                summary=summary,
                awards="\n".join(awards) if awards else "\n".join(awards_in(summary)),
            )
            if found := ", ".join(filter(None, [position, " ".join(labelled.get("position", []))])):
                entry["position"] = found
            if labelled.get("movement"):
                entry["movement"] = " ".join(labelled["movement"])
        elif entry is not None:
            head, body = _head_and_body(" ".join(texts))
            name, place, position = _read_head(head)
            named.append(_names_an_exemplar(head, name))
            summary = " ".join(filter(None, [position and f"{position}.", " ".join(body.split())]))
            entry.update(subject_name=name, locality=place, summary=summary)
            entry["awards"] = "\n".join(awards_in(body or head))

    for line in (" ".join(line.split()) for line in lines):
        if not line:
            continue
        folded = " ".join(re.sub(r"[^\w./]+", " ", fold_vietnamese(line)).split())
        if rows and re.match(r"^(?:danh sach (?:nay )?(?:co|gom)|tong cong|tong so)\b|\./\.$", folded):
            close()
            rows.append({"subject_name": line})  # the line that ends the list
            break
        numbered = _ENTRY_RE.match(line)
        labelled_line = _LABELLED_RE.match(line) if entry is not None else None
        column = column_of(labelled_line.group(1)) if labelled_line and column_of else ""
        column = column if column in _LABELLED_COLUMNS else ""
        if _PART_RE.match(line) and not numbered and len(line) <= 120:
            close()
            entry, texts, labelled, label = None, [], {}, ""
            rows.append({"subject_name": _PART_WORD_RE.sub("", line)})
        elif numbered:
            close()
            entry, texts, labelled, label = {}, [numbered.group(2)], {}, ""
            rows.append(entry)
        elif column:  # "Khen thưởng:" and the lines below it until the next label
            label = column
            labelled.setdefault(column, []).extend([labelled_line.group(2)] if labelled_line.group(2) else [])
        elif label:
            items = labelled[label]
            if label == "awards" and (_ITEM_MARK_RE.match(line) or not items):
                items.append(line)
            elif items:
                items[-1] = f"{items[-1]} {line}"  # a line wrapped
            else:
                items.append(line)
        elif rows and entry is not None:
            texts.append("\n" + line)
        elif not rows:
            title.append(line)
    else:
        close()
    # a plan's or a report's numbered points ("1. Tổ chức phát động …") are no list: at least most entries name someone
    if len(named) < MIN_ENTRIES or sum(named) < EXEMPLAR_SHARE * len(named):
        return None
    return title, rows
