"""The database backend's full-text index (`search.fulltext`) and the index generation (`search.snapshot`)."""

import django.db.models.deletion
from django.db import migrations, models

from search.fulltext import document_terms, install_statements

BATCH_SIZE = 500


def fill_terms(apps, schema_editor):
    """The term bags of the documents already stored (the triggers index them)."""
    documents = apps.get_model("search", "SearchDocument").objects.order_by("pk")
    terms = apps.get_model("search", "SearchTerms")
    last = 0
    while batch := list(documents.filter(pk__gt=last).values_list("pk", "title_folded", "text", "folded")[:BATCH_SIZE]):
        terms.objects.bulk_create([terms(document_id=pk, terms=document_terms(*columns)) for pk, *columns in batch])
        last = batch[-1][0]


def install(apps, schema_editor):
    for statement in install_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    for statement in install_statements(schema_editor.connection.vendor, reverse=True):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql_trigram_index")]

    operations = [
        migrations.CreateModel(
            name="SearchTerms",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="term_bag",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
                ("terms", models.TextField(default="")),
            ],
            options={"verbose_name": "từ chỉ mục của tài liệu", "verbose_name_plural": "từ chỉ mục của tài liệu"},
        ),
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "trạng thái chỉ mục", "verbose_name_plural": "trạng thái chỉ mục"},
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
    ]
