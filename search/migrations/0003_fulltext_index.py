"""The database backend's full-text index (`search.fulltext`) and the index generation (`search.snapshot`)."""

from django.db import migrations, models

from search.fulltext import document_terms, install_statements

BATCH_SIZE = 500


def fill_terms(apps, schema_editor):
    """The term bags of the documents already stored (before the triggers exist)."""
    documents = apps.get_model("search", "SearchDocument").objects.order_by("pk")
    last = 0
    while batch := list(documents.filter(pk__gt=last).only("pk", "title_folded", "text", "folded")[:BATCH_SIZE]):
        for document in batch:
            document.terms = document_terms(document.title_folded, document.text, document.folded)
        type(batch[0]).objects.bulk_update(batch, ["terms"])
        last = batch[-1].pk


def install(apps, schema_editor):
    for statement in install_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    for statement in install_statements(schema_editor.connection.vendor, reverse=True):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql_trigram_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="terms",
            field=models.TextField(default=""),
        ),
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "trạng thái chỉ mục", "verbose_name_plural": "trạng thái chỉ mục"},
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
