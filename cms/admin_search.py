"""Wagtail's own search index (the admin's search boxes), safe with several processes on SQLite.

The database backend of `modelsearch` picks its engine from the database. On SQLite its index
reads which entries exist and then inserts the missing ones in separate statements, so two
processes indexing the same page at once (the worker running a task while `import_exemplars` or a
second worker indexes it too) both insert and one fails on the unique entry. Here that read and
write run in one transaction: with `transaction_mode = IMMEDIATE` (settings) the second process
waits for the first and then updates the entry. PostgreSQL's index already upserts, and its
backend is left as it is (the SQLite module is imported only on SQLite: it needs SQLite's models).
A query with a double quote left open is searched without it, since FTS5 would refuse it.
"""

from functools import cache

from django.db import connection, transaction
from modelsearch.backends.database import SearchBackend as database_backend


@cache
def serialized_sqlite_backend_class():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend

    class SerializedSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            with transaction.atomic(using=self.write_connection.alias):
                super().add_items(model, objs)

    class SerializedSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = SerializedSQLiteIndex

        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            # A double quote left open ('day "tot') reaches FTS5 as an unterminated string, a server error in every
            # admin search box: typed words are searched without it.
            if isinstance(query, str) and query.count('"') % 2:
                query = " ".join(query.replace('"', " ").split())
                if not query:  # nothing but the quote: no result, as a result set the listings can read
                    model_or_queryset = getattr(model_or_queryset, "objects", model_or_queryset).none()
                    query = "none"
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    return SQLiteSearchBackend, SerializedSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail calls the module's `SearchBackend`
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    plain, serialized = serialized_sqlite_backend_class()
    return serialized(params) if type(backend) is plain else backend  # not the fallback without FTS5
