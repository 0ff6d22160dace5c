"""Demo users, one per role of DESIGN §2, with a shared password and a Wagtail API token each."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from wagtail.models import APIToken, Page

from exemplar_pages.roles import ADMINISTRATORS, ALL_ROLES, COUNCIL_MEMBERS, EDITORS, STANDING_OFFICE, ensure_role_group

from .builder import StageCount

#: The one password of every demo user (demo only: change it on any shared machine).
DEMO_PASSWORD = "thidua-demo-2026"  # noqa: S105 - a documented demo password

#: The name of the API token the seed creates for each demo user.
TOKEN_NAME = "Demo (seed_demo)"  # noqa: S105 - a label, not a secret

#: username, role (group name), given name, family and middle names, unit page slug they edit, superuser.
DEMO_USERS: list[dict] = [
    {
        "username": "admin",
        "role": ADMINISTRATORS,
        "first_name": "Quang",
        "last_name": "Trần Minh",
        "unit": "",
        "is_superuser": True,
    },
    {
        "username": "bientapvien",
        "role": EDITORS,
        "first_name": "Hà",
        "last_name": "Nguyễn Thị Thu",
        "unit": "ubnd-thi-tran-tan-bien",
        "is_superuser": False,
    },
    {
        "username": "bientapvien2",
        "role": EDITORS,
        "first_name": "Nam",
        "last_name": "Lê Hoàng",
        "unit": "van-phong-ubnd-tinh-dong-nai",
        "is_superuser": False,
    },
    {
        "username": "thuongtruc",
        "role": STANDING_OFFICE,
        "first_name": "Đức",
        "last_name": "Phạm Văn",
        "unit": "",
        "is_superuser": False,
    },
    {
        "username": "hoidong1",
        "role": COUNCIL_MEMBERS,
        "first_name": "Lan",
        "last_name": "Võ Thị",
        "unit": "",
        "is_superuser": False,
    },
    {
        "username": "hoidong2",
        "role": COUNCIL_MEMBERS,
        "first_name": "Huy",
        "last_name": "Đặng Quốc",
        "unit": "",
        "is_superuser": False,
    },
    {
        "username": "hoidong3",
        "role": COUNCIL_MEMBERS,
        "first_name": "Mai",
        "last_name": "Huỳnh Ngọc",
        "unit": "",
        "is_superuser": False,
    },
]
for _user in DEMO_USERS:
    _user["email"] = f"{_user['username']}@example.org"

ALREADY_CREATED = "(đã tạo trước đó)"


def seed_users() -> tuple[dict[str, AbstractBaseUser], StageCount]:
    """Find the role groups by their permission (creating any that is missing) and the demo users; return users by username."""
    count = StageCount("Người dùng / Users")
    groups = {name: ensure_role_group(name) for name in ALL_ROLES}
    User = get_user_model()
    users: dict[str, AbstractBaseUser] = {}
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec["username"],
            defaults={
                "email": spec["email"],
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "is_staff": spec["is_superuser"],
                "is_superuser": spec["is_superuser"],
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            validate_password(DEMO_PASSWORD, user)
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if not user.groups.filter(pk=groups[spec["role"]].pk).exists():
            user.groups.add(groups[spec["role"]])
        count.saw(created)
        users[spec["username"]] = user
    count.extra["nhóm / groups"] = len(groups)
    return users, count


def seed_tokens(users: dict[str, AbstractBaseUser], reset: bool) -> tuple[dict[str, str], StageCount]:
    """Give each demo user an API token; return the raw keys, or a note when a token already existed."""
    count = StageCount("Khóa API / API tokens")
    keys: dict[str, str] = {}
    for username, user in users.items():
        tokens = APIToken.objects.filter(user=user, name=TOKEN_NAME, revoked_at__isnull=True)
        if reset:
            tokens.delete()
        if tokens.exists():
            keys[username] = ALREADY_CREATED
            count.saw(False)
            continue
        _, keys[username] = APIToken.create_token(user=user, name=TOKEN_NAME)
        count.saw(True)
    return keys, count


def assign_unit_editors(users: dict[str, AbstractBaseUser], units: dict[str, Page]) -> int:
    """Make each demo editor an editor of their unit through the moderation app's unit editor groups."""
    try:
        from exemplar_pages.moderation.permissions import add_unit_editor, units_edited_by
    except ImportError:  # the moderation app is not installed: group membership alone
        return 0
    assigned = 0
    for spec in DEMO_USERS:
        if spec["unit"]:
            user, unit = users[spec["username"]], units[spec["unit"]]
            if unit.pk not in units_edited_by(user):
                add_unit_editor(user, unit)
            assigned += 1
    return assigned


def owners_by_unit(users: dict[str, AbstractBaseUser]) -> dict[str, AbstractBaseUser]:
    """The editor who owns each unit's pages, by unit page slug."""
    return {spec["unit"]: users[spec["username"]] for spec in DEMO_USERS if spec["unit"]}


def user_table(keys: dict[str, str]) -> list[str]:
    """The printed table of demo accounts: username, role, password, API token."""
    rows = [("Tên đăng nhập", "Vai trò", "Mật khẩu", "Khóa API")]
    rows += [(spec["username"], spec["role"], DEMO_PASSWORD, keys.get(spec["username"], "")) for spec in DEMO_USERS]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3] for row in rows]
    lines.insert(1, "-" * (sum(widths) + 6 + max(len(row[3]) for row in rows)))
    return lines
