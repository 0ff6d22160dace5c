"""Roles through permissions (DESIGN §2): each role's group is granted the role's custom permission.

The groups keep their role when an administrator renames them; the code reads the permission
(``user.has_perm``) and finds the council's group by it, not by the group's name.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

#: The roles' groups as migration 0004 created them, and each one's permission.
ROLE_GRANTS = {
    "Biên tập viên": "edit_unit_pages",
    "Thường trực Hội đồng Thi đua – Khen thưởng": "review_submissions",
    "Thành viên Hội đồng Thi đua – Khen thưởng": "vote_in_council",
    "Quản trị": "publish_directly",
}


def grant_role_permissions(apps, schema_editor):
    app_config = apps.get_app_config("exemplar_pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    CouncilVoteTask = apps.get_model("exemplar_pages", "CouncilVoteTask")
    for name, codename in ROLE_GRANTS.items():
        permission = Permission.objects.get(content_type__app_label="exemplar_pages", codename=codename)
        for group in Group.objects.filter(name=name):
            group.permissions.add(permission)
    # A council vote task's own group votes in the council too.
    vote = Permission.objects.get(content_type__app_label="exemplar_pages", codename="vote_in_council")
    for group in Group.objects.filter(pk__in=CouncilVoteTask.objects.exclude(group=None).values("group_id")):
        group.permissions.add(vote)


def revoke_role_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="exemplar_pages", codename__in=ROLE_GRANTS.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("exemplar_pages", "0006_import_job"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="councilvote",
            options={
                "ordering": ["created_at", "pk"],
                "permissions": [
                    ("edit_unit_pages", "Soạn bài của đơn vị và gửi duyệt"),
                    ("review_submissions", "Xem xét trước khi trình Hội đồng"),
                    ("vote_in_council", "Biểu quyết trong Hội đồng"),
                    ("publish_directly", "Đăng trực tiếp không qua duyệt"),
                ],
                "verbose_name": "phiếu biểu quyết",
                "verbose_name_plural": "phiếu biểu quyết",
            },
        ),
        migrations.AlterField(
            model_name="councilvotetask",
            name="group",
            field=models.ForeignKey(
                blank=True,
                help_text="Để trống: nhóm có quyền “Biểu quyết trong Hội đồng”.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="auth.group",
                verbose_name="nhóm thành viên Hội đồng",
            ),
        ),
        migrations.RunPython(grant_role_permissions, revoke_role_permissions),
    ]
