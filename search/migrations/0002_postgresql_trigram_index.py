"""On PostgreSQL, a trigram index makes the folded-word LIKE filters of the database backend fast."""

import logging

from django.db import migrations, transaction

logger = logging.getLogger(__name__)

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_doc_folded_trgm ON search_searchdocument USING gin (folded gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS search_doc_folded_trgm"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                for statement in statements:
                    schema_editor.execute(statement)
        except Exception as error:  # no right to create the extension: searches still work, only slower
            logger.warning("Trigram index not created (%s); ask a DBA for `CREATE EXTENSION pg_trgm`.", error)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
