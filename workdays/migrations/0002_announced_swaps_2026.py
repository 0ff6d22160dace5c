"""The 2026 swap the `holidays` library (0.109) does not know yet, as editable `Holiday` records.

Công văn 12729/VPCP-KGVX of 25/12/2025: officials rest Thursday 1/1 to Sunday 4/1/2026, the working
Friday 2/1 being swapped for Saturday 10/1/2026, worked instead.
"""

from datetime import date

from django.db import migrations

SOURCE = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
SWAPS = [
    (date(2026, 1, 2), "day_off", "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)"),
    (date(2026, 1, 10), "working_day", "Làm bù cho thứ Sáu 02/01/2026 (Tết Dương lịch)"),
]


def add_swaps(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    for day, kind, name in SWAPS:
        Holiday.objects.get_or_create(date=day, defaults={"kind": kind, "name": name, "source": SOURCE})


def remove_swaps(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    Holiday.objects.filter(date__in=[day for day, _, _ in SWAPS], source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_holiday")]

    operations = [migrations.RunPython(add_swaps, remove_swaps)]
