"""Keep each document's content and its API result in their own columns.

A page of API results is then read as ready JSON (`result`) and the text its highlight is cut
from (`content`), without parsing whole documents. Existing rows are moved over here.
"""

import orjson
from django.db import migrations, models

from search.documents import result_fields
from search.fulltext import document_trigger_statements

BATCH = 1000


def reinstall_triggers(apps, schema_editor):
    """Adding (or removing) the columns remade the table on SQLite, which dropped its generation triggers."""
    for statement in document_trigger_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def split_documents(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    batch = []
    for row in SearchDocument.objects.only("page_id", "document").iterator(chunk_size=BATCH):
        document = dict(row.document)
        row.content = document.pop("content", "") or ""
        row.result = orjson.dumps(result_fields(row.document)).decode()
        row.document = document
        batch.append(row)
        if len(batch) == BATCH:
            SearchDocument.objects.bulk_update(batch, ["document", "content", "result"])
            batch = []
    SearchDocument.objects.bulk_update(batch, ["document", "content", "result"])


def join_documents(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    batch = []
    for row in SearchDocument.objects.only("page_id", "document", "content").iterator(chunk_size=BATCH):
        row.document = {**row.document, "content": row.content}
        batch.append(row)
        if len(batch) == BATCH:
            SearchDocument.objects.bulk_update(batch, ["document"])
            batch = []
    SearchDocument.objects.bulk_update(batch, ["document"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_fulltext_index"),
    ]

    operations = [
        # Undoing this migration remakes the table again: the triggers are installed last then.
        migrations.RunPython(migrations.RunPython.noop, reinstall_triggers),
        migrations.AddField(
            model_name="searchdocument",
            name="content",
            field=models.TextField(default=""),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="result",
            field=models.TextField(default=""),
        ),
        migrations.RunPython(reinstall_triggers, migrations.RunPython.noop),
        migrations.RunPython(split_documents, join_documents),
    ]
