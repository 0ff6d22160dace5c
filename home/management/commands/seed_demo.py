"""`python manage.py seed_demo`: load the portal's demo content, idempotently, in one transaction."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Site

from home.demo.commendations import seed_consultations, seed_decisions
from home.demo.contests import seed_contests
from home.demo.english import seed_english
from home.demo.identity import seed_identity
from home.demo.images import seed_images
from home.demo.localities import seed_localities
from home.demo.movements import seed_movements
from home.demo.plans import seed_plans
from home.demo.quotas import seed_quotas
from home.demo.stories import seed_stories
from home.demo.units import seed_columns, seed_units
from home.demo.users import assign_unit_editors, owners_by_unit, seed_tokens, seed_users, user_table

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

REFUSAL = (
    "Lệnh seed_demo chỉ chạy với cấu hình phát triển (SEED_DEMO_ALLOWED), không bao giờ trên hệ thống thật "
    "(dữ liệu mẫu và mật khẩu dùng chung); dùng --force nếu thật sự muốn.\n"
    "seed_demo only runs with the development settings (SEED_DEMO_ALLOWED), never in production "
    "(demo content and a shared demo password); use --force to override."
)


class Command(BaseCommand):
    """Load demo localities, units, columns, movements, plans, stories, users and API tokens."""

    help = "Tạo dữ liệu mẫu cho cổng thông tin (chạy lại nhiều lần không tạo trùng). / Load idempotent demo content."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Chạy cả với cấu hình không cho phép. / Run even where the settings forbid it.",
        )
        parser.add_argument(
            "--reset-tokens",
            action="store_true",
            help="Thu hồi và cấp lại khóa API của người dùng mẫu. / Replace the demo users' API tokens.",
        )

    def handle(self, *args: Any, force: bool = False, reset_tokens: bool = False, **options: Any) -> None:
        if not getattr(settings, "SEED_DEMO_ALLOWED", False) and not force:
            raise CommandError(REFUSAL)
        self.verbose = options.get("verbosity", 1) >= 1
        # The search and reference indexes of what the demo creates are brought up to date here, not
        # left as a thousand queued tasks: the choosers find the demo's localities the moment the site runs.
        with override_settings(TASKS=IMMEDIATE_TASKS), transaction.atomic():
            keys = self._seed(reset_tokens)
        if self.verbose:
            self.stdout.write("")
            self.stdout.write("Tài khoản mẫu / Demo accounts:")
            for line in user_table(keys):
                self.stdout.write(line)
            self.stdout.write(self.style.SUCCESS("Đã tạo xong dữ liệu mẫu. / Demo content ready."))

    def _seed(self, reset_tokens: bool) -> dict[str, str]:
        """Run every stage in order, reporting each one."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("Chưa có trang chủ: hãy chạy migrate trước. / No default site: run migrate first.")
        home = site.root_page.specific
        self._report(seed_identity(site))
        users, count = seed_users()
        self._report(count)
        admin = users["admin"]
        localities, count = seed_localities()
        self._report(count)
        self._report(seed_columns(home, admin))
        units, count = seed_units(home, localities, admin, owners_by_unit(users))
        count.extra["biên tập viên / unit editors"] = assign_unit_editors(users, units)
        self._report(count)
        movements, count = seed_movements(units, localities, admin)
        self._report(count)
        _, count = seed_plans(units, movements, admin)
        self._report(count)
        _, count = seed_stories(units, movements, localities, admin)
        self._report(count)
        self._report(seed_quotas(units, admin))
        self._report(seed_images(admin))
        _, count = seed_decisions(units, admin)
        self._report(count)
        _, count = seed_consultations(units, admin)
        self._report(count)
        self._report(seed_contests(units, users))
        self._report(seed_english(home, admin))
        keys, count = seed_tokens(users, reset_tokens)
        self._report(count)
        return keys

    def _report(self, count: Any) -> None:
        """Print one stage's progress line unless quiet."""
        if self.verbose:
            self.stdout.write(count.line())
