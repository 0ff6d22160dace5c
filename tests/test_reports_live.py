"""Live: the scheduler enqueues the quota reminders, the worker sends them through a real SMTP server, once
(issue #16). Real processes on a copy of the seeded demo database."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest

from tests.live import free_port
from tests.test_operations_faults import FAST, emails, smtp_server, smtp_settings

pytestmark = [pytest.mark.live, pytest.mark.slow]


def test_a_units_editors_get_their_quota_reminder_once(live_portal):
    port = free_port()
    # Every deadline is within 100 days: each demo unit that still owes stories this quarter is reminded.
    env = {
        **FAST,
        **smtp_settings(port, timeout=10),
        "REPORTS_REMINDER_DAYS": "100",
        "REPORTS_REMINDER_CHECK_SECONDS": "2",
    }
    with smtp_server(port) as server:
        portal = live_portal(processes=("worker", "scheduler"), env=env)
        owing = json.loads(
            portal.shell(
                "import json; from reports.quotas import count_year, current_quarter; "
                "from reports.reminders import unit_editor_emails; y, q = current_quarter(); "
                "print(json.dumps({l.unit.slug: [l.quarters[q].owed, unit_editor_emails(l.unit)] for l in count_year(y, (q,))}))"
            )
            .strip()
            .splitlines()[-1]
        )
        assert owing["ubnd-thi-tran-tan-bien"] == [1, ["bientapvien@example.org"]]
        assert owing["so-noi-vu-tinh-tay-ninh"][0] == 0

        def reminders() -> list[dict]:
            return [row for row in emails(portal) if row["subject"].startswith("Nhắc hạn gửi gương điển hình")]

        portal.wait_until(
            lambda: (rows := reminders()) and all(row["status"] == "sent" for row in rows),
            timeout=120,
            message="the scheduler and the worker sent no quota reminder",
        )
        time.sleep(8)  # several more runs of the job: nothing is sent twice
        rows = reminders()
        delivered = Counter(
            (message["to"], message["subject"])
            for message in server.messages
            if message["subject"].startswith("Nhắc hạn gửi gương điển hình")
        )
    assert set(delivered.values()) == {1}
    # One e-mail per unit that owes stories and has an editor with an e-mail address.
    assert len(rows) == len(delivered) == sum(1 for owed, editors in owing.values() if owed and editors)
    mine = [subject for (to, subject) in delivered if "bientapvien@example.org" in to]
    assert mine == [next(row["subject"] for row in rows if "bientapvien@example.org" in row["recipients"])]
    assert "UBND thị trấn Tân Biên" in mine[0] and "còn thiếu 1 bài" in mine[0]
    assert not any("Tây Ninh" in subject for _to, subject in delivered)  # that unit has sent its story
    portal.assert_logs_clean()
