"""Stories submitted before the reports app existed: their first submission is their oldest workflow's start."""

from django.db import migrations
from django.db.models import Min


def backfill(apps, schema_editor):
    ExemplarStoryPage = apps.get_model("exemplar_pages", "ExemplarStoryPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.filter(app_label="wagtailcore", model="page")
    missing = {str(pk) for pk in ExemplarStoryPage.objects.filter(first_submitted_at=None).values_list("pk", flat=True)}
    if not missing:
        return
    first = (
        WorkflowState.objects.filter(base_content_type__in=content_types, object_id__in=missing)
        .values("object_id")
        .annotate(first=Min("created_at"))
    )
    for row in first:
        ExemplarStoryPage.objects.filter(pk=int(row["object_id"]), first_submitted_at=None).update(
            first_submitted_at=row["first"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_quota_reminder"),
        ("exemplar_pages", "0010_consultations_quotas_galleries"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
