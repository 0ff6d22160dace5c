"""The administrators' group (“Quản trị”) edits the portal's settings (DESIGN §2): the agency's identity shown in
every page's header and footer (§11) and the working-day calendar's announced days off and swaps (§9)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATORS = "Quản trị"
GRANTED = {
    "home": ["change_agencyidentity", "view_agencyidentity"],
    "workdays": ["add_holiday", "change_holiday", "delete_holiday", "view_holiday"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get_or_create(name=ADMINISTRATORS)[0]
    for app_label, codenames in GRANTED.items():
        app_config = apps.get_app_config(app_label)  # a fresh database has no model permissions before post_migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames),
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=ADMINISTRATORS):
        for app_label, codenames in GRANTED.items():
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("exemplar_pages", "0013_unfinished_import"),
        ("home", "0004_english_pages"),
        ("workdays", "0003_english_msgids"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
