"""Resolve locality paths such as “Tỉnh Tây Ninh / Huyện Tân Biên / Xã Tân Lập”, creating missing levels later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import Locality
from .matching import name_key

K = Locality.Kind
PATH_SEPARATOR_RE = re.compile(r"\s*[/›>]\s*")
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


def split_prefix(name: str, depth: int) -> tuple[str | None, str]:
    """The kind a name's prefix means and the name without it: “Huyện Tân Biên” → (huyen, “Tân Biên”)."""
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


def _compatible(kind: str | None, locality: Locality) -> bool:
    return kind is None or locality.kind in (kind, K.OTHER)


class LocalityResolver:
    """Resolves paths level by level under their parent; missing levels become NewLocality, shared by rows."""

    def __init__(self) -> None:
        self.new: dict[tuple[int, str], NewLocality] = {}
        self.created: list[Locality] = []
        self._saved: dict[int, Locality] = {}
        self._found: dict[tuple[int | None, str], Locality | None] = {}

    def resolve(self, path: str) -> Locality | NewLocality:
        """The locality a path names, or the new one to create for it."""
        names = [part.strip() for part in PATH_SEPARATOR_RE.split(path or "") if part.strip()]
        if not names:
            raise LocalityProblem(_("đường dẫn địa bàn trống."))
        current: Locality | NewLocality | None = None
        for depth, name in enumerate(names):
            current = self._level(current, name, depth)
        return current

    def _level(self, parent: Locality | NewLocality | None, name: str, depth: int) -> Locality | NewLocality:
        kind, bare = split_prefix(name, depth)
        if not isinstance(parent, NewLocality):
            memo_key = (parent.pk if parent else None, name_key(name))
            if memo_key not in self._found:
                self._found[memo_key] = self._find(parent, name, kind, bare)
            if self._found[memo_key] is not None:
                return self._found[memo_key]
        stored_name = bare if kind in BARE_NAME_KINDS and not bare.isdigit() else name
        key = (id(parent), name_key(stored_name))
        if key not in self.new:
            guessed = kind or (K.PROVINCE if parent is None else K.OTHER)
            self.new[key] = NewLocality(stored_name[:255], guessed, parent)
        return self.new[key]

    def _find(self, parent: Locality | None, name: str, kind: str | None, bare: str) -> Locality | None:
        """A child of ``parent`` with this name; else a single match anywhere below it (a skipped level)."""
        full_key, bare_key = name_key(name), name_key(bare)
        children = Locality.objects.filter(parent=parent).prefetch_related("aliases")
        below = (parent.subtree().exclude(pk=parent.pk) if parent else Locality.objects.all()).prefetch_related(
            "aliases"
        )
        for candidates in (children, below):
            candidates = list(candidates)
            exact = [loc for loc in candidates if full_key in _keys(loc)[0]]
            if not exact:
                exact = [loc for loc in candidates if bare_key in _keys(loc)[1] and _compatible(kind, loc)]
            if len(exact) == 1:
                return exact[0]
            if len(exact) > 1:
                paths = "; ".join(loc.display_path for loc in exact[:5])
                raise LocalityProblem(
                    _("“%(name)s” có nhiều địa bàn trùng tên (%(paths)s); hãy ghi đủ đường dẫn.")
                    % {"name": name, "paths": paths}
                )
        return None

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
