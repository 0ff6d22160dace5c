"""Resolve locality paths such as “Tỉnh Tây Ninh / Huyện Tân Biên / Xã Tân Lập”, creating missing levels later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from cms.vietnamese import vietnamese_slugify

from ..models import Locality
from .matching import name_key
from .plan_patterns import MOTTO_RE  # the motto's cell beside the body's in a list's title lines

K = Locality.Kind
#: Levels are separated by “/”, “›”, “>”, or by commas as in an address (“Xã Ea Kly, huyện Krông Pắc, tỉnh Đắk Lắk”).
PATH_SEPARATOR_RE = re.compile(r"\s*[/›>,;]\s*")
#: Units below a commune (folded): a path ending in one is written from the top down (“Phường Điện Biên / Tổ 5”).
_VILLAGE_RE = re.compile(
    r"(?:to|thon|ap|ban|buon|bon|phum|xom|lang|khom|khu|khu pho|to dan pho|tdp|plei|soc|doi|giao xu|giao ho)\b|kp(?=\d)"
)  # a parish ("Giáo xứ Phát Diệm, xã Phát Diệm") is a community inside its commune
#: A neighbourhood or a residents' group written short ("KP3", "KP.5", "TDP 12"): in full, as the portal names it.
_SHORT_VILLAGE_RE = re.compile(r"^(?:(KP|Kp|kp)|(TDP|Tdp|tdp))\.?\s*(?=\w)")
#: Where a person comes from, after the address: "…; quê xã Lịch Hội Thượng, tỉnh Sóc Trăng (cũ)" is no locality.
_HOMETOWN_RE = re.compile(r"\s*[;,(]\s*(?i:quê quán|nguyên quán|quê)\b.*$", re.DOTALL)
#: A group of households inside a village or a neighbourhood ("Tổ 12, Khu phố 6"), not a "tổ dân phố".
_HOUSEHOLD_GROUP_RE = re.compile(r"to\b(?! dan pho)")
_DASH_RE = re.compile(r"\s+[-–—]\s+")
#: A prefix written short (its full stop maybe glued to the name: “TP.HCM”, “TX.Hồng Ngự”, “TT. Tân Biên”, “P. Phú
#: Cường”, “Q.5”, “T. Thái Nguyên”) in full; a one-letter one only with its full stop.
_SHORT_PREFIX_RE = re.compile(r"^(?:(TP|TX|TT)(?:\.\s*|\s+)|([PQXHT])\.\s*)", re.IGNORECASE)
_SHORT_PREFIXES = {
    "tp": "Thành phố",
    "tx": "Thị xã",
    "tt": "Thị trấn",
    "p": "Phường",
    "q": "Quận",
    "x": "Xã",
    "h": "Huyện",
    "t": "Tỉnh",
}
#: Name prefixes and the kind they mean (longest first); None: “Thành phố”, central or provincial by depth.
PREFIXES: list[tuple[str, str | None]] = [
    ("thanh pho", None),
    ("thi tran", K.TOWNSHIP),
    ("thi xa", K.TOWN),
    ("dac khu", K.SPECIAL_ZONE),
    ("tinh", K.PROVINCE),
    ("huyen", K.DISTRICT),
    ("quan", K.URBAN_DISTRICT),
    ("phuong", K.WARD),
    ("xa", K.COMMUNE),
]
#: The top of a path: provinces and centrally-run cities.
TOP_KINDS = (K.PROVINCE, K.CENTRAL_CITY)
#: Kinds a path may not start with: their names recur in many provinces.
LOWER_KINDS = {K.DISTRICT, K.URBAN_DISTRICT, K.TOWN, K.PROVINCIAL_CITY, K.COMMUNE, K.WARD, K.TOWNSHIP}
#: Kinds whose names the portal stores without the prefix (“Tây Ninh”, “Tân Biên”); communes keep it.
BARE_NAME_KINDS = {K.PROVINCE, K.CENTRAL_CITY, K.PROVINCIAL_CITY, K.DISTRICT, K.URBAN_DISTRICT, K.TOWN}


class LocalityProblem(Exception):
    """A locality path that cannot be resolved; the message is for the user."""


@dataclass(eq=False)
class NewLocality:
    """A locality to create once the whole file is valid."""

    name: str
    kind: str
    parent: Locality | NewLocality | None

    @property
    def display_path(self) -> str:
        above = self.parent.display_path + " › " if self.parent is not None else ""
        return above + self.name


def expand_short_prefix(name: str) -> str:
    """ "TT. Ea Pốk" -> "Thị trấn Ea Pốk"; "TP.HCM" -> "Thành phố HCM"."""
    return _SHORT_PREFIX_RE.sub(lambda short: _SHORT_PREFIXES[(short.group(1) or short.group(2)).lower()] + " ", name)


_TITLE_COMMUNE_RE = re.compile(r"(?i:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+((?i:xã|phường|thị trấn|đặc khu))\s+(.+)")
#: The unit alone on its line above its commune's ("ỦY BAN NHÂN DÂN" over "XÃ EA SÚP")
_BODY_ALONE_RE = re.compile(r"^(?i:ủy ban nhân dân|uỷ ban nhân dân|ubnd)$")
_COMMUNE_RE = re.compile(r"^((?i:xã|phường|thị trấn|đặc khu))\s+(\S.*)$")


def _commune_name(unit: str, rest: str) -> str:
    """ "XÃ", "EA KAR … (the motto)" -> "Xã Ea Kar": the name's words, in capitals as the unit is or each capitalised."""
    words, written = [], rest.split()
    for word in written:
        bare = word.strip(",;.()")
        caps_differ = not bare.isdigit() and (unit.isupper() != (bare.upper() == bare))
        if not (bare[:1].isupper() or bare.isdigit()) or caps_differ or len(words) == 5:
            break
        words.append(bare)
        if bare != word:
            break
    if not words:
        return ""
    if unit.isupper():  # "EA KAR", "CƯ M'GAR": a place's name has no acronym
        words = [word[:1] + word[1:].lower() for word in words]
    return f"{unit[:1].upper()}{unit[1:].lower()} {' '.join(words)}"


def title_commune(line: str) -> str:
    """The commune or ward a list's title line names: "ỦY BAN NHÂN DÂN XÃ VỤ BỔN" (beside the motto's cell),
    "(Kèm theo Tờ trình … của UBND xã Vụ Bổn)" -> "Xã Vụ Bổn"; "" when it names none."""
    found = _TITLE_COMMUNE_RE.search(MOTTO_RE.sub(" ", line))
    return _commune_name(found[1], found[2]) if found else ""


_GROUP_MARK_RE = re.compile(r"^(?:[IVX]{1,4}|[A-Z]|\d{1,2})\s*[.)/-]\s*")


def heading_commune(heading: str) -> str:
    """The commune or ward a group's heading inside a list names ("V. XÃ MÈO VẠC", "I. PHƯỜNG MINH XUÂN (thành phố
    Tuyên Quang cũ)" -> "Phường Minh Xuân"); "" when it names none ("I. TẬP THỂ")."""
    commune = _COMMUNE_RE.match(_GROUP_MARK_RE.sub("", heading.strip(), count=1))
    return _commune_name(*commune.groups()) if commune else ""


def list_commune(title_lines: list[str], sheet: str = "") -> str:
    """The commune or ward a list's title lines name (on one line, or "ỦY BAN NHÂN DÂN" over "XÃ EA SÚP"), else the
    one its sheet is named after ("Xã Ea Kar", "P. Buôn Hồ"); "" when none."""
    lines = [" ".join(MOTTO_RE.sub(" ", line).split()) for line in title_lines]
    for line, below in zip(lines, [*lines[1:], ""], strict=False):
        if named := title_commune(line):
            return named
        if _BODY_ALONE_RE.match(line) and (commune := _COMMUNE_RE.match(below)):
            return _commune_name(*commune.groups())
    commune = _COMMUNE_RE.match(expand_short_prefix(sheet.strip()))
    return _commune_name(*commune.groups()) if commune else ""


def split_prefix(name: str, depth: int) -> tuple[str | None, str]:
    """The kind a name's prefix means and the name without it: “Huyện Tân Biên” → (huyen, “Tân Biên”)."""
    name = expand_short_prefix(name)
    words = name.split()
    key = name_key(name)
    for prefix, kind in PREFIXES:
        size = len(prefix.split())
        if key.startswith(prefix + " ") and len(words) > size:
            if kind is None:
                kind = K.CENTRAL_CITY if depth == 0 else K.PROVINCIAL_CITY
            return kind, " ".join(words[size:])
    return None, name


def _keys(locality: Locality) -> tuple[set[str], set[str]]:
    """(full keys, keys without prefix) of a locality's name and aliases."""
    names = [locality.name, *(alias.name for alias in locality.aliases.all())]
    full = {name_key(name) for name in names}
    bare = {name_key(split_prefix(name, locality.depth)[1]) for name in names}
    return full, bare


#: "tỉnh Yên Bái (cũ)": a unit named as it was before the 2025 reform is the unit of that name (its successor is known).
_FORMER_RE = re.compile(r"\s*\((?:cũ|trước đây|trước sáp nhập|trước khi sáp nhập)\)\s*$", re.IGNORECASE)
#: "huyện Đức Cơ cũ" without brackets: a unit's word first, "cũ" in small letters (a village "Chợ Cũ" keeps it).
_FORMER_WORD_RE = re.compile(r"^((?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s.+?)\s+cũ\s*$")

#: "(tỉnh Phú Yên cũ)", "(huyện Krông Pắc cũ)" after a unit: the old unit it was in.
#: "(thị trấn Măng Đen cũ)" after a commune or a village: the commune-level unit merged into the one it is written
#: in, which is all the path needs.
#: "(nay là tỉnh Đồng Nai)", "(nay thuộc tỉnh Lâm Đồng)" after a unit: what it became, which the portal knows.
_NOW_RE = re.compile(r"\s*\(\s*nay\s+(?:là|thuộc|đã sáp nhập vào|sáp nhập vào)\s+[^()]+\)", re.IGNORECASE)
_FORMER_COMMUNE_RE = re.compile(
    r"\s*\(\s*(?:thị trấn|xã|phường|tt\.|p\.|x\.)\s*[^()]+?\s+cũ\s*\)"  # "(P.11 cũ)" written short too
    r"|\s+[-–]\s+(?:thị trấn|xã|phường|tt\.|p\.|x\.)\s*[^,;/()]+?\s+cũ\b",  # "KP11 - P.13 cũ"
    re.IGNORECASE,
)
_FORMER_UNIT_RE = re.compile(r"\s*\(\s*((?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+[^()]+?)\s+cũ\s*\)", re.IGNORECASE)


#: "Số 112 đường Trần Hưng Đạo", "12/3 hẻm 5", "4 Trần Hưng Đạo", "ngõ 14 phố Huế": a house or a street in an address,
#: below any locality (no unit's name opens with a number: "Phường 7", "Tổ 12").
_STREET_RE = re.compile(r"^(?:so\s+)?\d|^so nha\b|^(?:duong|ngo|ngach|hem|kiet)\s")
#: "Phố Hàng Đường": a street, read with its marks ("Phó Trưởng …" folds alike).
_PHO_RE = re.compile(r"^(?i:phố)\s")


def _in_full(short: re.Match) -> str:
    return "Khu phố " if short.group(1) else "Tổ dân phố "


def _compatible(kind: str | None, locality: Locality) -> bool:
    return kind is None or locality.kind in (kind, K.OTHER)


class LocalityResolver:
    """Resolves paths level by level under their parent; missing levels become NewLocality, shared by rows."""

    def __init__(self, home: Locality | None = None, list_commune: str = "") -> None:
        #: The importing unit's province: an office's address that leaves it out ("Xã Ea Drơng, huyện Cư M'gar")
        #: is read inside it.
        self.home = next((loc for loc in home.ancestors_and_self() if loc.kind in TOP_KINDS), None) if home else None
        #: The unit's own commune or ward: a village written alone ("Khu vực 3", "Thôn 5") is one of its own.
        self.commune = home if home is not None and home.kind in (K.COMMUNE, K.WARD, K.TOWNSHIP) else None
        #: The commune or ward a list's title names ("ỦY BAN NHÂN DÂN XÃ VỤ BỔN"), for a unit above it: its villages.
        self.list_commune = list_commune if self.commune is None and self.home is not None else ""
        self.notes: list[str] = []  # how the last path was completed, for the report
        #: By parent and name, then by the kind written ("" when none)
        self.new: dict[tuple[int | None, str], dict[str, NewLocality]] = {}
        self.created: list[Locality] = []
        self._saved: dict[int, Locality] = {}
        self._found: dict[tuple[int | None, str], Locality | None] = {}
        self._top_keys: set[str] | None = None

    def read_list_commune(self, name: str) -> None:
        """The commune of the next rows' list (another sheet's, "ỦY BAN NHÂN DÂN XÃ EA SÚP"; "" when it names none,
        not the sheet's before it)."""
        if self.commune is None and self.home is not None:
            self.list_commune = name

    def resolve(self, path: str) -> Locality | NewLocality:
        """The locality a path names, or the new one to create for it."""
        self.notes = []
        path = _FORMER_UNIT_RE.sub(self._former_unit, path or "")  # “phường Sông Cầu (tỉnh Phú Yên cũ)”
        path = _FORMER_COMMUNE_RE.sub("", path)  # “xã Măng Đen (thị trấn Măng Đen cũ)”: merged into the unit before it
        path = _NOW_RE.sub("", path)  # “tỉnh Bình Phước (nay là tỉnh Đồng Nai)”: the unit as written is on the portal
        path = _HOMETOWN_RE.sub("", path)  # "KP12; quê xã Lịch Hội Thượng, …": where the person lives, not comes from
        names = [_FORMER_WORD_RE.sub(r"\1", _FORMER_RE.sub("", part).strip()) for part in PATH_SEPARATOR_RE.split(path)]
        names = [self._top_as_written(_SHORT_VILLAGE_RE.sub(_in_full, name)) for name in names]
        streets = [name for name in names if _STREET_RE.match(name_key(name)) or _PHO_RE.match(name)]
        if "," in path:  # "Châu Văn Liêm, KP4": a name below a neighbourhood or a village is its street
            lowest = next((i for i, name in enumerate(names) if _VILLAGE_RE.match(name_key(name))), 0)
            streets += [name for name in names[:lowest] if self._rank(name) is None and name not in streets]
        names = [name for name in names if name and name not in streets]  # a house or a street is no locality
        if streets and not names:
            raise LocalityProblem(
                _("“%(path)s” gives a house or a street, no locality; add its ward or commune.") % {"path": path}
            )
        if streets:
            self.notes.append(
                _("“%(street)s” is an address inside a locality, not one: left out.") % {"street": ", ".join(streets)}
            )
        if not names:
            raise LocalityProblem(_("empty locality path."))
        dashed = [_FORMER_RE.sub("", part).strip() for part in _DASH_RE.split(names[0])]  # “Kon Tum (cũ) - TP. …”
        if len(names) == 1 and len(dashed) > 1 and (self._is_top(dashed[0]) or self._is_top(dashed[-1])):
            names = dashed  # “Đắk Lắk - Krông Pắc - Ea Kly”; a name with a dash (“Bà Rịa - Vũng Tàu”) stays whole
        kinds = [split_prefix(name, 1)[0] for name in names]
        siblings = [i for i in range(1, len(names)) if kinds[i] in LOWER_KINDS and kinds[i] == kinds[i - 1]]
        # “xã Văn Bàn, xã Minh Lương, xã Dương Quỳ”: a collective of several communes, filed under the first
        if siblings:
            kept = [name for i, name in enumerate(names) if i not in siblings]
            self.notes.append(
                _("“%(path)s” names several localities of one level; filed under the first, “%(first)s”.")
                % {"path": path, "first": names[siblings[0] - 1]}
            )
            names = kept
        ranks = [self._rank(name) for name in names]
        first, last = ranks[0], ranks[-1]
        known = [rank for rank in ranks if rank is not None]  # "khu phố 2, phường Dĩ An, <a city not on the portal>"
        descending = len(known) > 1 and all(upper > lower for upper, lower in zip(known, known[1:]))
        if len(names) > 1 and (
            (last == 0 and first != 0)
            or ("," in path and (descending or (first is not None and last is not None and first > last)))
        ):
            names.reverse()  # written from the bottom up, as an address is: “Xã Ea Kly, huyện Krông Pắc, tỉnh Đắk Lắk”
            ranks.reverse()
        current: Locality | NewLocality | None = None
        if self.list_commune and all(rank in (3, 4) for rank in ranks):
            current = self._level(self._level(self.home, self.list_commune, 1), names[0], 3)
            self.notes.append(
                _("“%(path)s” read in %(commune)s, the commune or ward whose list it is.")
                % {"path": path, "commune": self.list_commune}
            )
            for name in names[1:]:
                current = self._level(current, name, 4)
            return current
        if self.list_commune and len(names) == 1 and ranks[0] is None and self.home is not None:
            commune = self._existing_under(self.home, self.list_commune)
            village = self._existing_under(commune, names[0]) if commune is not None else None
            if village is not None:  # "Lô Lô Chải" under "thôn Lô Lô Chải" of the list's commune: that village
                self.notes.append(
                    _("“%(path)s” read in %(commune)s, the commune or ward whose list it is.")
                    % {"path": path, "commune": self.list_commune}
                )
                return village
        if self.commune is not None and all(rank in (3, 4) for rank in ranks):
            self.notes.append(
                _("“%(path)s” read in %(commune)s, the importing unit's commune or ward.")
                % {"path": path, "commune": self.commune.name}
            )
            current = self.commune
            for depth, name in enumerate(names, start=3):  # “Tổ 12, Khu phố 6”: the neighbourhood, then its group
                current = self._level(current, name, depth)
            return current
        if self.home is not None and ranks[0] != 0:
            # “Xã Ea Drơng, huyện Cư M'gar”, or a name alone that is no province's (“Krông Năng”, an old district):
            # in the importing unit's province
            current = self.home
            self.notes.append(
                _("“%(path)s” read in %(province)s, the importing unit's province.")
                % {
                    "path": path,
                    "province": self.home.name,
                }
            )
        for depth, name in enumerate(names, start=1 if current is not None else 0):
            current = self._level(current, name, depth)
        return current

    def _former_unit(self, written: re.Match) -> str:
        """“(tỉnh Phú Yên cũ)” after a unit: nothing more when that province is the importing unit's or was merged
        into it (the unit is read there, as the others of the list), else the path's next part, “, tỉnh Phú Yên (cũ)”."""
        unit = written.group(1)
        kind, bare = split_prefix(unit, 0)
        if self.home is not None and kind not in LOWER_KINDS:
            # "(TP Bến Tre cũ)": a province's own city, named as the province is, lies where that province did
            former = self._find_once(None, unit, kind, bare) or self._find_once(None, bare, None, bare)
            if former is not None and self.home.pk in (former.pk, former.successor_id):
                return ""
        return f", {unit} (cũ)"

    def _top_as_written(self, name: str) -> str:
        """A province written bare with a former one: "Quảng Bình cũ" (the former province), "Khánh Hòa (Ninh Thuận
        cũ)" (the province now, the former in brackets): the province's name alone."""
        bracketed = re.fullmatch(r"(.+?)\s*\(\s*([^()]+?)\s+cũ\s*\)", name)
        if bracketed and name_key(bracketed.group(1)) in self._tops() and name_key(bracketed.group(2)) in self._tops():
            return bracketed.group(1)
        bare = re.fullmatch(r"(.+?)\s+cũ", name)
        return bare.group(1) if bare and name_key(bare.group(1)) in self._tops() else name

    def _rank(self, name: str) -> int | None:
        """How high a unit its prefix or name makes it: 0 a province, 1 a district, 2 a commune, 3 a village, 4 a group
        of its households."""
        if name_key(name) in self._tops():  # "Sóc Trăng" is a province, not a Khmer village ("sóc …")
            return 0
        if _VILLAGE_RE.match(name_key(name)):
            return 4 if _HOUSEHOLD_GROUP_RE.match(name_key(name)) else 3
        kind = split_prefix(name, 1)[0]
        if kind in (K.COMMUNE, K.WARD, K.TOWNSHIP, K.SPECIAL_ZONE):
            return 2
        if kind in (K.DISTRICT, K.URBAN_DISTRICT, K.TOWN):
            return 1
        if kind == K.PROVINCIAL_CITY:  # “Thành phố …”: a central city on the portal, else a province's
            return 0 if name_key(split_prefix(name, 0)[1]) in self._tops() else 1
        return 0 if self._is_top(name) else None

    def _is_top(self, name: str) -> bool:
        """Whether a name is a province's or a centrally-run city's: by its prefix, or a top-level name on the portal."""
        kind, bare = split_prefix(name, 0)
        if kind in LOWER_KINDS:
            return False
        if kind in TOP_KINDS:
            return True
        return name_key(bare) in self._tops()

    def _tops(self) -> set[str]:
        """The names (without prefix) of the provinces and central cities on the portal, and their aliases."""
        if self._top_keys is None:
            tops = Locality.objects.filter(Q(parent=None) | Q(kind__in=TOP_KINDS)).prefetch_related("aliases")
            self._top_keys = {key for locality in tops for key in _keys(locality)[1]}
        return self._top_keys

    def planned(self) -> list[str]:
        """The paths of the localities the import will create."""
        return [new.display_path for kinds in self.new.values() for new in kinds.values()]

    def _existing_under(self, parent: Locality | NewLocality, name: str) -> Locality | NewLocality | None:
        """A unit of this name, whatever its kind, already on the portal or planned under the parent ("Thôn Lô Lô Chải"
        for "Lô Lô Chải"); None if none."""
        kind, bare = split_prefix(name, 2)
        owner, key = parent.pk if isinstance(parent, Locality) else id(parent), name_key(bare)
        for (under, written), planned in self.new.items():
            village = written.endswith(" " + key) and _VILLAGE_RE.fullmatch(written[: -len(key) - 1])
            if under == owner and planned and (written == key or village):
                return next(iter(planned.values()))
        return self._find_once(parent, name, kind, bare) if isinstance(parent, Locality) else None

    def _level(self, parent: Locality | NewLocality | None, name: str, depth: int) -> Locality | NewLocality:
        kind, bare = split_prefix(name, depth)
        if not isinstance(parent, NewLocality) and (found := self._find_once(parent, name, kind, bare)) is not None:
            return found
        stored_name = bare if kind in BARE_NAME_KINDS and not bare.isdigit() else name
        stored_name = expand_short_prefix(stored_name)  # “TT. Ea Pốk”: “Thị trấn Ea Pốk”
        stored_name = stored_name[:1].upper() + stored_name[1:]  # “xã Ea M'nang” in an address: “Xã Ea M'nang”
        # “Xã Ea Kly” and “Ea Kly” under one parent (however the rows named it) are one new unit; “huyện Mù Cang Chải”
        # and “xã Mù Cang Chải” (the 2025 commune named after the old district) are two
        base = (parent.pk if isinstance(parent, Locality) else id(parent), name_key(bare))
        kinds = self.new.setdefault(base, {})
        same = [new for written, new in kinds.items() if kind in (None, written) or written == ""]
        if same:
            if kind and "" in kinds and same[0] is kinds[""]:  # “Sán Chải” first, “X. Sán Chải” later: a commune
                same[0].name, same[0].kind = stored_name[:255], kind
                kinds[kind] = kinds.pop("")
            return same[0]
        guessed = kind or (K.PROVINCE if parent is None else K.OTHER)
        new = kinds[kind or ""] = NewLocality(stored_name[:255], guessed, parent)
        return new

    def _find_once(self, parent: Locality | None, name: str, kind: str | None, bare: str) -> Locality | None:
        """`_find`, asked of the database once per parent and name for the whole list."""
        memo_key = (parent.pk if parent else None, name_key(name))
        if memo_key not in self._found:
            self._found[memo_key] = self._find(parent, name, kind, bare)
        return self._found[memo_key]

    def _find(self, parent: Locality | None, name: str, kind: str | None, bare: str) -> Locality | None:
        """The locality ``name`` means under ``parent``, matched level by level from the top.

        At the top only provinces and centrally-run cities match (by name or alias), never a lower unit
        of the same name elsewhere (“Điện Biên” is not Hà Nội's “Phường Điện Biên”). Under a parent: its
        children, then a single match further below it (a level left out), then in the units merged into it
        and below its successor (the 2025 reform).
        """
        full_key, bare_key = name_key(name), name_key(bare)
        for depth, candidates in enumerate(self._candidate_groups(parent)):
            candidates = list(candidates.prefetch_related("aliases"))
            exact = [loc for loc in candidates if full_key in _keys(loc)[0]]
            if not exact:  # below the parent's children, a unit of no kind (a village) is no "huyện …" or "xã …"
                exact = [
                    loc
                    for loc in candidates
                    if bare_key in _keys(loc)[1]
                    and _compatible(kind, loc)
                    and (depth == 0 or loc.kind == (kind or loc.kind))
                ]
            if len(exact) == 1:
                return exact[0]
            if len(exact) > 1:
                paths = "; ".join(loc.display_path for loc in exact[:5])
                raise LocalityProblem(
                    _("“%(name)s” names several localities (%(paths)s); give the full path.")
                    % {"name": name, "paths": paths}
                )
        if parent is None and kind in LOWER_KINDS:
            raise LocalityProblem(
                _(
                    "“%(name)s” is not a province or city; give the path from the province (for example: Tỉnh … / %(name)s)."
                )
                % {"name": name}
            )
        if parent is None and kind is None:
            slug = vietnamese_slugify(bare)
            nearby = Locality.objects.filter(Q(slug__contains=slug) | Q(aliases__slug__contains=slug)).distinct()
            lower = [loc for loc in nearby.prefetch_related("aliases") if bare_key in _keys(loc)[1]]
            if lower:
                raise LocalityProblem(
                    _(
                        "“%(name)s” is not a province or city on the portal; lower-level localities with that name: "
                        "%(paths)s. Give the path from the province, or “Tỉnh %(name)s” if it is a new province."
                    )
                    % {"name": name, "paths": "; ".join(loc.display_path for loc in lower[:5])}
                )
        return None

    @staticmethod
    def _candidate_groups(parent: Locality | None):
        """Where to look for a name, nearest first."""
        if parent is None:
            yield Locality.objects.filter(parent=None)
            yield Locality.objects.filter(kind__in=TOP_KINDS).exclude(parent=None)  # under a country root
            return
        yield Locality.objects.filter(parent=parent)
        yield parent.subtree().exclude(pk=parent.pk)
        for predecessor in parent.predecessors.all():  # units merged into this one: “Tây Ninh / Đức Hòa”
            yield predecessor.subtree()
        successor, seen = parent.successor, {parent.pk}
        while successor is not None and successor.pk not in seen:  # merged into another: “Long An / Xã Hậu Nghĩa”
            seen.add(successor.pk)
            yield successor.subtree().exclude(pk=successor.pk)
            successor = successor.successor

    def save(self, value: Locality | NewLocality) -> Locality:
        """The saved locality for a resolved value, creating new levels once."""
        if isinstance(value, Locality):
            return value
        if id(value) not in self._saved:
            parent = self.save(value.parent) if value.parent is not None else None
            locality = Locality(name=value.name, kind=value.kind, parent=parent)
            locality.save()
            self._saved[id(value)] = locality
            self.created.append(locality)
        return self._saved[id(value)]
