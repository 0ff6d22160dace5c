"""Find pages by the names that documents and spreadsheets give them, ignoring diacritics and punctuation.

Movements are matched by slug, by folded title, by the names inside a title (the quoted name, its parts
before “ - ”, the title without “Phong trào thi đua”), then by containment; a movement found nowhere becomes
a draft movement page, for the plan importer and the exemplar importer alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.vietnamese import fold_vietnamese, vietnamese_slugify

from .national_movements import abbreviates, national_movement_abbreviated, national_movement_of_initials

_WORD_RE = re.compile(r"[a-z0-9]+")
#: Spelled-out and abbreviated names of the same bodies.
_ABBREVIATIONS = [("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"), ("mat tran to quoc", "mttq")]
#: Words that open a movement's title without naming it (folded, longest first).
MOVEMENT_PREFIXES = (
    "phong trao thi dua yeu nuoc",
    "phong trao thi dua",
    "phong trao",
    "cuoc van dong",
    "chuong trinh",
    "thi dua",  # “Thi đua “Dạy tốt - Học tốt””
)
#: Words movements' names abbreviate ("Nông dân thi đua SXKD giỏi", "Chung sức xây dựng NTM"), folded.
_MOVEMENT_ABBREVIATIONS = [
    ("san xuat kinh doanh", "sxkd"),
    ("nong thon moi", "ntm"),
    ("bao ve an ninh to quoc", "bvantq"),
    ("hop tac xa", "htx"),
    ("an toan giao thong", "atgt"),
    ("bao ve moi truong", "bvmt"),
]
_QUOTES = "“”\"'‘’«»"
_QUOTED_RE = re.compile(r"[“\"'‘«]([^”\"'’»]{3,})[”\"'’»]")
_PART_SEPARATOR_RE = re.compile(r"\s+[-–—:]\s+|,\s+")
#: A name shorter than this (in words) never matches by containment: “thi đua” is in every title.
MIN_CONTAINED_WORDS = 3


def name_key(text: str | None) -> str:
    """A comparison key: folded, lower case, words only, common abbreviations applied."""
    key = " ".join(_WORD_RE.findall(fold_vietnamese(text or "")))
    for long_form, short_form in _ABBREVIATIONS:
        key = re.sub(rf"\b{long_form}\b", short_form, key)
    return key


def find_units_named(name: str) -> list:
    """Unit pages whose title or full name is ``name`` (folded comparison)."""
    from ..models import UnitPage

    key = name_key(name)
    if not key:
        return []
    return [
        unit for unit in UnitPage.objects.order_by("path") if key in {name_key(unit.title), name_key(unit.full_name)}
    ]


def core_key(text: str | None) -> str:
    """The key of a movement's name without the words that open every title (“Phong trào thi đua …”)."""
    key = name_key(text)
    for long_form, short_form in _MOVEMENT_ABBREVIATIONS:
        key = re.sub(rf"\b{short_form}\b", long_form, key)  # spelt out: its words count for containment
    for prefix in MOVEMENT_PREFIXES:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1 :]
            break
    return re.sub(r"\bthi dua (?=\w)", "", key)  # “Nông dân thi đua SXKD giỏi” is “Nông dân SXKD giỏi”


def movement_names(title: str) -> set[str]:
    """Keys a movement may be named by: its title, without its opening words, its quoted name and that name's parts."""
    keys = {name_key(title), core_key(title)}
    for quoted in _QUOTED_RE.findall(title or ""):
        keys.add(core_key(quoted))
        keys.update(core_key(part) for part in _PART_SEPARATOR_RE.split(quoted) if len(part.split()) >= 2)
    return {key for key in keys if key}


def without_opening(text: str) -> str:
    """A movement's name as written without the words that open every title ("Phong trào TDĐKXDĐSVH" ->
    "TDĐKXDĐSVH"), its case kept for the short forms."""
    words = text.split()
    for prefix in MOVEMENT_PREFIXES:
        size = len(prefix.split())
        if len(words) > size and name_key(" ".join(words[:size])) == prefix:
            return " ".join(words[size:])
    return text.strip()


def _contains(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is a run of whole words of ``longer``."""
    return f" {shorter} " in f" {longer} "


@dataclass(eq=False)
class NewMovement:
    """A movement a list names that the portal lacks: a draft page to create once the whole file is valid."""

    name: str
    lines: list[int] = field(default_factory=list)


def create_draft_movement(title: str, parent, user, summary: str, campaign: str = ""):
    """A new draft MovementPage under ``parent`` (a unit page), with its first revision and a log entry."""
    from ..models import MovementPage

    movement = MovementPage(
        title=title[:255], campaign=campaign[:500], summary=summary[:1000], live=False, owner=user
    )  # fmt: skip
    parent.add_child(instance=movement)
    movement.save_revision(user=user)
    log(instance=movement, action="wagtail.create", user=user, content_changed=True)
    return movement


class MovementIndex:
    """Movement pages by slug, by folded title and by the names inside titles; live pages preferred."""

    def __init__(self, unit=None) -> None:
        from ..models import MovementPage

        self.unit = unit  # the unit importing: a name several movements share is read as the nearest one
        self.by_key: dict[str, MovementPage] = {}
        self.by_slug: dict[str, MovementPage] = {}
        self.by_name: dict[str, list[MovementPage]] = {}
        self.new: dict[str, NewMovement] = {}
        self.created: list[MovementPage] = []
        self._saved: dict[int, MovementPage] = {}
        for movement in MovementPage.objects.order_by("-live", "path"):
            self.remember(movement)

    def remember(self, movement) -> None:
        """Make a movement (a newly created one too) findable."""
        self.by_key.setdefault(name_key(movement.title), movement)
        self.by_slug.setdefault(movement.slug, movement)
        for key in movement_names(movement.title):
            pages = self.by_name.setdefault(key, [])
            if movement not in pages:
                pages.append(movement)

    def find(self, text: str | None):
        """The movement named (or slugged) ``text`` exactly, or None."""
        text = (text or "").strip()
        if not text:
            return None
        return self.by_slug.get(text) or self.by_key.get(name_key(text))

    def candidates(self, text: str | None) -> list:
        """The movements ``text`` names best: exactly, by a name inside a title, or by the longest containment."""
        found = self.find(text)
        if found is not None:
            return [found]
        key = core_key(text)
        if not key:
            return []
        candidates = _distinct(self.by_name.get(key, []))
        if not candidates:  # "Toàn dân bảo vệ ANTQ": a page's name with short forms
            written = without_opening(text or "")
            candidates = _distinct(
                [page for name, pages in self.by_name.items() if abbreviates(written, name.split()) for page in pages]
            )
        if not candidates and len(key.split()) >= MIN_CONTAINED_WORDS:
            # The shared run of words: the name given (a shorter name) or the page's name (a longer one).
            overlap: dict[int, tuple[int, object]] = {}
            for name, pages in self.by_name.items():
                if _contains(name, key) or (len(name.split()) >= MIN_CONTAINED_WORDS and _contains(key, name)):
                    size = min(len(name), len(key))
                    for page in pages:
                        if size > overlap.get(page.pk, (0, None))[0]:
                            overlap[page.pk] = (size, page)
            if overlap:
                best = max(size for size, _page in overlap.values())
                candidates = _distinct([page for size, page in overlap.values() if size == best])
        return candidates

    def _rank(self, movement) -> tuple:
        """Within reach of the importing unit (launched by it or a unit above it, or nationwide) first, then the
        nearest, the broadest (the order of `MovementPage.Scope`), live, ongoing, newest."""
        scopes, launcher = list(type(movement).Scope.values), movement.path[: -movement.steplen]
        unit_path = self.unit.path if self.unit is not None else ""
        near = len(os.path.commonprefix([launcher, unit_path])) // movement.steplen
        reach = unit_path.startswith(launcher) or movement.scope == type(movement).Scope.NATIONAL
        broad = -scopes.index(movement.scope) if movement.scope in scopes else -len(scopes)
        ongoing = movement.status == type(movement).Status.ONGOING
        return reach, near, broad, movement.live, ongoing, movement.pk

    def _best(self, candidates: list):
        return max(candidates, key=self._rank) if candidates else None

    def match(self, text: str | None):
        """The movement ``text`` names, the best placed of several (see `_rank`); None if it names none."""
        return self._best(self.candidates(text))

    def resolve(self, text: str, line: int):
        """(movement, note) for a row: the page it names, or the NewMovement (shared by rows naming it alike).

        The note, for the report, says how a name was understood when it was not the page's exact title. A name
        several movements share is never refused: the one within reach of the importing unit is taken and the
        others named; when none is (other units' own movements), a draft movement is made under the unit.
        """
        text = text.strip()
        quoted = _QUOTED_RE.search(text)
        if quoted and name_key(text[: quoted.start()] + text[quoted.end() :]) in ("", *MOVEMENT_PREFIXES):
            text = quoted.group(1).strip()  # “Dạy tốt, học tốt” as an office quotes it, or Thi đua “…”: the name inside
        candidates = self.candidates(text)
        if not candidates and (national := national_movement_abbreviated(without_opening(text))):
            text = national  # "TDĐKXDĐSVH", "Toàn dân bảo vệ ANTQ": the national movement, by its name
            candidates = self.candidates(text)
        movement = self._best(candidates)
        others = "; ".join(f"“{page.title}”" for page in candidates if page is not movement)
        if movement is not None and (len(candidates) == 1 or self._rank(movement)[0]):
            exact = self.find(text) is not None
            note = None if exact else _("taken as the movement “%(title)s”.") % {"title": movement.title}
            if others:
                note = _(
                    "“%(name)s” names several movements: taken as “%(title)s”, the nearest to the unit (also: %(others)s)."
                ) % {
                    "name": text,
                    "title": movement.title,
                    "others": others,
                }
            return movement, note
        name = " ".join(text.split())
        new = self._new_movement(name)
        new.lines.append(line)
        if others:
            note = _(
                "“%(name)s” names other units' movements (%(others)s): a draft movement will be created on import."
            )
            return new, note % {"name": name, "others": "; ".join(f"“{page.title}”" for page in candidates)}
        return new, _("no movement “%(name)s” on the portal yet: a draft movement will be created on import.") % {
            "name": name
        }

    def _new_movement(self, name: str) -> NewMovement:
        """The draft movement rows naming it alike share: by its key, or one name held whole in the other ("Nông dân thi
        đua SXKD giỏi" in "… SXKD giỏi, đoàn kết giúp nhau làm giàu …"), which keeps the longer name."""
        key = core_key(name)
        if key in self.new:
            return self.new[key]
        if len(key.split()) >= MIN_CONTAINED_WORDS:
            for other_key, new in self.new.items():
                if len(other_key.split()) >= MIN_CONTAINED_WORDS and (
                    _contains(other_key, key) or _contains(key, other_key)
                ):
                    if len(key) > len(other_key):
                        new.name = name
                    self.new[key] = new
                    return new
        self.new[key] = NewMovement(name)
        return self.new[key]

    def save(self, value, parent, user):
        """The saved movement for a resolved value, creating a draft for a NewMovement once."""
        if not isinstance(value, NewMovement):
            return value
        if id(value) not in self._saved:
            summary = _("Movement named in an imported exemplar list. Page created automatically; needs completing.")
            movement = create_draft_movement(value.name, parent, user, summary)
            self._saved[id(value)] = movement
            self.created.append(movement)
        return self._saved[id(value)]

    def created_messages(self) -> list[str]:
        """One line per draft movement created, with the rows naming it, for the import report."""
        return [
            _("Created the draft movement “%(title)s” (rows %(lines)s); complete it and submit it for moderation.")
            % {"title": self._saved[id(new)].title, "lines": ", ".join(str(line) for line in new.lines)}
            for new in {id(new): new for new in self.new.values()}.values()
            if id(new) in self._saved
        ]


#: How offices write a field's topic in short (folded keys), and the topic of the 13 fields it means.
FIELD_SYNONYMS = {
    "gd dt": "giao duc", "gddt": "giao duc", "gd": "giao duc", "khcn": "khoa hoc", "kh cn": "khoa hoc",
    "tttt": "thong tin", "tt tt": "thong tin", "cchc": "cai cach hanh chinh", "tdtt": "the duc the thao",
    "cai cach tthc": "cai cach hanh chinh", "tthc": "cai cach hanh chinh", "thu tuc hanh chinh": "cai cach hanh chinh",
    "cai cach thu tuc hanh chinh": "cai cach hanh chinh", "chuyen doi so": "thong tin",
    "antt": "an ninh", "qp an": "quoc phong", "qpan": "quoc phong", "cong an": "an ninh", "quan su": "quoc phong",
    "bien phong": "quoc phong", "ptnt": "nong nghiep", "nn ptnt": "nong nghiep", "nong thon": "nong nghiep",
    "lam nghiep": "nong nghiep", "thuy san": "nong nghiep", "ldtbxh": "an sinh xa hoi", "giam ngheo": "an sinh xa hoi",
    "lao dong thuong binh va xa hoi": "an sinh xa hoi", "bao tro xa hoi": "an sinh xa hoi", "du lich": "van hoa",
    "dan so": "y te", "thue": "tai chinh", "kho bac": "tai chinh", "dang": "xay dung dang", "dan van": "xay dung dang",
    "doi song vh": "van hoa", "van hoa xh": "van hoa", "an sinh xh": "an sinh xa hoi",
    "mat tran": "doan the", "thuong mai": "cong thuong", "cong nghiep": "cong thuong", "giao thong": "giao thong van tai",
    # rural development is the agriculture sector's; since 2025 so are natural resources and the environment
    "xay dung nong thon moi": "nong nghiep", "nong thon moi": "nong nghiep", "moi truong": "nong nghiep",
    "xay dung ntm": "nong nghiep", "ntm": "nong nghiep", "bao ve rung": "nong nghiep",
    "bao ve moi truong": "nong nghiep", "tai nguyen va moi truong": "nong nghiep", "tai nguyen moi truong": "nong nghiep",
    "chan nuoi": "nong nghiep", "trong trot": "nong nghiep", "khuyen nong": "nong nghiep", "thuy loi": "nong nghiep",
    "rung": "nong nghiep", "vuon rung": "nong nghiep",
    "khuyen hoc": "giao duc", "khuyen tai": "giao duc", "hoc tap": "giao duc", "truong hoc": "giao duc",
    "nha truong": "giao duc", "day va hoc": "giao duc", "day tot hoc tot": "giao duc", "hoc sinh gioi": "giao duc",
    "hsg": "giao duc",
    "kinh te": "cong thuong", "kinh te tap the": "cong thuong",
    "san xuat kinh doanh": "cong thuong", "sxkd": "cong thuong", "kinh doanh": "cong thuong",
    "doanh nghiep": "cong thuong",
    "phu nu": "doan the", "thanh nien": "doan the", "cong doan": "doan the", "cuu chien binh": "doan the",
    "xay dung doan": "doan the", "cong tac doan": "doan the", "xay dung hoi": "doan the", "cong tac hoi": "doan the",
    "doan hoi": "doan the",
    "cong tac dan toc": "doi song xa hoi", "ton giao": "doi song xa hoi", "binh dang gioi": "doi song xa hoi",
    # words achievements use, for a row whose field must be read from what it did
    "giao vien": "giao duc", "hoc sinh": "giao duc", "day hoc": "giao duc", "giang day": "giao duc",
    "sinh vien": "giao duc", "mam non": "giao duc", "tieu hoc": "giao duc",
    "tiem chung": "y te", "kham chua benh": "y te", "benh nhan": "y te", "bac si": "y te", "suc khoe": "y te",
    "cay trong": "nong nghiep", "vat nuoi": "nong nghiep", "nuoi tom": "nong nghiep", "trong lua": "nong nghiep",
    "nong dan": "nong nghiep", "dat dai": "nong nghiep", "dia chinh": "nong nghiep",
    "canh tac": "nong nghiep", "trang trai": "nong nghiep", "nha kinh": "nong nghiep", "nha luoi": "nong nghiep",
    "ca phe": "nong nghiep", "sau rieng": "nong nghiep", "ho tieu": "nong nghiep", "cao su": "nong nghiep",
    "hat dieu": "nong nghiep", "cay an trai": "nong nghiep", "cay an qua": "nong nghiep", "rau": "nong nghiep",
    "hoa mau": "nong nghiep", "dau tam": "nong nghiep", "gia suc": "nong nghiep", "gia cam": "nong nghiep",
    "nuoi bo": "nong nghiep", "bo sinh san": "nong nghiep", "nuoi heo": "nong nghiep", "nuoi lon": "nong nghiep",
    "heo nai": "nong nghiep", "lon nai": "nong nghiep", "nuoi ga": "nong nghiep", "nuoi vit": "nong nghiep",
    "nuoi ca": "nong nghiep", "nuoi de": "nong nghiep", "nuoi ong": "nong nghiep", "phan bon": "nong nghiep",
    "lua giong": "nong nghiep", "giong lua": "nong nghiep", "cay lua": "nong nghiep", "ha lua": "nong nghiep",
    "lua gao": "nong nghiep", "ruong": "nong nghiep",
    "toi pham": "an ninh", "an ninh trat tu": "an ninh",
    "ho ngheo": "an sinh xa hoi", "nguoi ngheo": "an sinh xa hoi", "tu thien": "an sinh xa hoi",
    "nhan dao": "an sinh xa hoi", "chu thap do": "an sinh xa hoi", "thoat ngheo": "an sinh xa hoi",
    "viec lam": "an sinh xa hoi", "nguoi cao tuoi": "an sinh xa hoi", "van nghe": "van hoa",
    "tap luyen": "the duc the thao", "so hoa": "thong tin",
    "dang vien": "xay dung dang", "chi bo": "xay dung dang",
    # the options of a youth union's nomination form
    "bao ve to quoc": "quoc phong", "khoi nghiep": "cong thuong", "lao dong san xuat": "cong thuong",
    "tinh nguyen vi cong dong": "an sinh xa hoi", "hoat dong tinh nguyen": "an sinh xa hoi",
    "nghien cuu khoa hoc": "khoa hoc",
    # a person's workplace, for a list whose rows say only where each works ("Công nhân, Công ty CP …")
    "cong ty": "cong thuong", "nha may": "cong thuong", "xi nghiep": "cong thuong", "hop tac xa": "cong thuong",
    # an industry's trade, as a union's list writes it under "Ngành, nghề"
    "dien tu": "cong thuong", "luyen kim": "cong thuong", "khai khoang": "cong thuong", "khai thac than": "cong thuong",
    "det may": "cong thuong", "may mac": "cong thuong", "da giay": "cong thuong", "co khi": "cong thuong",
    "nang luong": "cong thuong", "dien nang": "cong thuong", "hoa chat": "cong thuong", "che bien": "cong thuong",
    "vat lieu xay dung": "cong thuong", "xi mang": "cong thuong",
    "benh vien": "y te", "trung tam y te": "y te", "tram y te": "y te", "dieu duong": "y te", "y si": "y te",
    "ho sinh": "y te", "duoc si": "y te", "thcs": "giao duc", "thpt": "giao duc", "trung hoc": "giao duc",
    "mau giao": "giao duc", "giang vien": "giao duc", "truong dai hoc": "giao duc", "lien doan lao dong": "doan the", "ldld": "doan the", "cong nhan vien chuc": "doan the",
    "doi song van hoa": "van hoa", "van hoa xa hoi": "van hoa",
    # the state's own work: justice, mediation, inspection, home affairs
    "tu phap": "chinh quyen", "hoa giai": "chinh quyen", "pho bien phap luat": "chinh quyen",
    "quan ly nha nuoc": "chinh quyen", "noi vu": "chinh quyen", "thanh tra": "chinh quyen",
    "dan quan": "quoc phong", "tu ve": "quoc phong", "quyet thang": "quoc phong", "nghia vu quan su": "quoc phong",
    "chqs": "quoc phong", "quan khu": "quoc phong", "thon doi": "quoc phong",
    "bo doi": "quoc phong",
    # a village's or a ward's own officers: the grassroots government
    "truong thon": "chinh quyen", "truong buon": "chinh quyen", "truong ban": "chinh quyen", "truong ap": "chinh quyen",
    "to truong tdp": "chinh quyen", "to truong to dan pho": "chinh quyen", "cong chuc": "chinh quyen",
    "hdnd": "chinh quyen", "mttq": "doan the", "mat tran to quoc": "doan the",
    "cong chieng": "van hoa", "tho cam": "van hoa", "le hoi": "van hoa", "binh dan hoc vu so": "thong tin",
    "dkxddsvh": "van hoa",
    "gia dinh": "doi song xa hoi", "hon nhan": "doi song xa hoi", "tre em": "doi song xa hoi",
    "ve sinh moi truong": "doi song xa hoi", "khu dan cu": "doi song xa hoi", "nguoi co uy tin": "doi song xa hoi",
    "nha tam": "an sinh xa hoi", "nha dot nat": "an sinh xa hoi", "nha dai doan ket": "an sinh xa hoi",
}  # fmt: skip
#: Topics of the fields' names that achievements use as everyday words ("xây dựng" a house, "truyền thống" folded as
#: "truyền thông", "đào tạo" staff): no sign of a field in a row's text.
_EVERYDAY_TOPICS = {"xay dung", "truyen thong", "dao tao"}
_TOPIC_SEPARATOR_RE = re.compile(r"\s*[,;/&+]\s*|\s+[-–—]\s+|\s+(?:và|va|and)\s+|-(?=\D)", re.IGNORECASE)


#: The slug of the broadest of the 13 fields (DESIGN §3).
BROADEST_FIELD = "doi-song-xa-hoi"


class FieldProblem(Exception):
    """A field written so that it names none of the fields, or several equally; the message says which, for the user."""


def _topics(text: str) -> list[str]:
    """The folded topics a field's name (or a cell) lists: “Văn hóa, nghệ thuật, thể dục thể thao” has three."""
    parts = [re.sub(r"^(?:linh vuc|nganh)\s+", "", name_key(part)) for part in _TOPIC_SEPARATOR_RE.split(text)]
    return [FIELD_SYNONYMS.get(part, part) for part in parts if part]


class FieldIndex:
    """The fields by name or slug, and by the topics their names list, for cells written loosely."""

    def __init__(self) -> None:
        from ..models import Field

        self.fields = list(Field.objects.order_by("sort_key"))
        self.topics = {term.pk: _topics(term.name) for term in self.fields}
        #: By slug and by the slug of the name (as `Field.find` matches, without a query a row)
        self.exact = {key: term for term in self.fields for key in (term.slug, vietnamese_slugify(term.name))}
        #: The words a row's text names each field by: its topics (not the everyday ones) and their short forms
        self.signs = {
            pk: [f" {topic} " for topic in topics if topic not in _EVERYDAY_TOPICS]
            + [f" {key} " for key, topic in FIELD_SYNONYMS.items() if topic in topics]
            for pk, topics in self.topics.items()
        }

    def resolve(self, text: str, *contexts: str):
        """(field, note): the field ``text`` names exactly, or the one whose topics it holds (the note says so); of
        several equally, the one the row's ``contexts`` (movement, summary) speak of most, else the first."""
        exact = self.exact.get(text.strip()) or self.exact.get(vietnamese_slugify(text))
        if exact is not None:
            return exact, None
        if movement := national_movement_of_initials(text):  # "TDĐKXDĐSVH": the movement, whose topic is the field
            found_in, _note = self.resolve(movement, *contexts)
            return found_in, _("“%(value)s” taken as the field “%(name)s”.") % {"value": text, "name": found_in.name}
        domain = name_key(text).partition(" trong ")[2]  # "Chuyển đổi số trong nông nghiệp": work in agriculture
        if domain:
            try:
                found_in, _note = self.resolve(domain, *contexts)
            except FieldProblem:
                pass
            else:
                return found_in, _("“%(value)s” taken as the field “%(name)s”.") % {
                    "value": text,
                    "name": found_in.name,
                }
        scores: dict[int, int] = {}
        parts = _topics(text)
        whole = name_key(text)  # a short form the separators cut apart: “Dạy tốt - Học tốt”, “… dạy và học”
        parts += [key for key in FIELD_SYNONYMS if len(key.split()) > 2 and _contains(whole, key)]
        for part in parts:
            # a short form inside a longer cell counts by its own length: “Xây dựng nông thôn mới” is rural work
            meant = [(FIELD_SYNONYMS[key], len(key.split())) for key in FIELD_SYNONYMS if _contains(part, key)]
            for term in self.fields:
                held = [
                    len(topic.split())
                    for topic in self.topics[term.pk]
                    # “Xây dựng trường học …”: what is built tells the field, not the everyday verb
                    if _contains(part, topic) and (part == topic or topic not in _EVERYDAY_TOPICS)
                ]
                # a part inside a topic: of two words at least (“học” alone is no sign of “khoa học”)
                held += [len(part.split()) for topic in self.topics[term.pk] if _contains(topic, part) and " " in part]
                held += [size for synonym, size in meant if synonym in self.topics[term.pk]]
                if held:
                    scores[term.pk] = scores.get(term.pk, 0) + max(held)
        found = self._best_scored(scores)
        if len(found) > 1:  # “Kinh tế vườn rừng” under a forest movement: the row tells
            context = self._context_scores(contexts)
            found = self._best_scored({term.pk: context.get(term.pk, 0) for term in found}) or found
        if len(found) == 1:
            return found[0], _("“%(value)s” taken as the field “%(name)s”.") % {"value": text, "name": found[0].name}
        if found:  # never a refusal: the first in the list's order, said so
            note = _("“%(value)s” could be several fields (%(names)s): taken as “%(name)s”; check it.")
            names = "; ".join(term.name for term in found)
            return found[0], note % {"value": text, "names": names, "name": found[0].name}
        names = "; ".join(term.name for term in self.fields)
        raise FieldProblem(_("there is no field “%(value)s”; use one of: %(names)s.") % {"value": text, "names": names})

    def _best_scored(self, scores: dict[int, int]) -> list:
        best = max(scores.values(), default=0)
        return [term for term in self.fields if best and scores.get(term.pk) == best]

    def _context_scores(self, contexts) -> dict[int, int]:
        """How often texts of the row (its movement, summary) name each field's topics or their short forms."""
        scores: dict[int, int] = {}
        for context in filter(None, contexts):
            words = f" {name_key(context)} "
            for term in self.fields:
                held = sum(words.count(sign) for sign in self.signs[term.pk])
                if held:
                    scores[term.pk] = scores.get(term.pk, 0) + held
        return scores

    def broadest(self):
        """The field a row that names no topic is filed under, to be checked: "Đời sống xã hội" (social life)."""
        return self.exact.get(BROADEST_FIELD)

    def infer(self, text: str, *contexts: str):
        """(field, note) for a field no name matches ("Kinh tế vườn đồi"), from the topics the row's movement and
        summary name; None when they name none."""
        found = self._best_scored(self._context_scores(contexts))
        if not found:
            return None
        note = _("there is no field “%(value)s”: taken as “%(name)s” from the row's movement and summary; check it.")
        return found[0], note % {"value": text, "name": found[0].name}


def _distinct(pages: list) -> list:
    """Pages with distinct titles, live first: the same movement copied under several units is one match."""
    seen: dict[str, object] = {}
    for page in sorted(pages, key=lambda page: (not page.live, page.path)):
        seen.setdefault(name_key(page.title), page)
    return list(seen.values())
