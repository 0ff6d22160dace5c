"""The administrators' group (“Quản trị”) may watch the outbox and the tasks, and send failed e-mails again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATORS = "Quản trị"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("operations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="operations", codename="manage_operations")
    Group.objects.get_or_create(name=ADMINISTRATORS)[0].permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="operations", codename="manage_operations").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
        ("exemplar_pages", "0004_roles_and_review_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
