# Generated for ImportJob (background admin imports); only this model.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exemplar_pages", "0005_private_files_collection"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportJob",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[("plan", "Kế hoạch"), ("exemplars", "Gương điển hình")],
                        max_length=20,
                        verbose_name="loại",
                    ),
                ),
                ("file", models.FileField(max_length=255, upload_to="imports/%Y/%m/", verbose_name="tệp")),
                ("file_name", models.CharField(max_length=255, verbose_name="tên tệp")),
                ("options", models.JSONField(blank=True, default=dict, verbose_name="tùy chọn")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Đang chờ"),
                            ("running", "Đang nhập"),
                            ("done", "Đã xong"),
                            ("failed", "Không nhập được"),
                        ],
                        default="queued",
                        max_length=20,
                        verbose_name="tình trạng",
                    ),
                ),
                ("rows", models.PositiveIntegerField(default=0, verbose_name="số dòng")),
                ("created_count", models.PositiveIntegerField(default=0, verbose_name="số trang đã tạo")),
                ("error_count", models.PositiveIntegerField(default=0, verbose_name="số lỗi")),
                ("report", models.TextField(blank=True, verbose_name="kết quả")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="lúc tải lên")),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="lúc bắt đầu")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="lúc xong")),
                (
                    "parent",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.page",
                        verbose_name="đơn vị nhận",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người nhập",
                    ),
                ),
            ],
            options={
                "verbose_name": "lần nhập dữ liệu",
                "verbose_name_plural": "các lần nhập dữ liệu",
                "ordering": ["-created_at", "-pk"],
            },
        ),
    ]
