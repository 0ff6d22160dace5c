"""The database backend's full-text index: which documents hold which terms.

A document's bag of terms (`SearchTerms.terms`, from its padded token columns) holds `nông` (a word
as written), `nông+nghiệp` (two adjacent words of one part), `~nong` and `~nong+nghiep` (the same,
folded) and `^nong` (a folded title word); query words are `\\w+` runs, so the kinds never collide.
SQLite indexes the bags with an FTS5 table kept in step by triggers; PostgreSQL with a GIN index on
`string_to_array(terms, ' ')`, queried with `@>` (no recheck: a bitmap scan reads only the narrow
terms table). Triggers on both renew `SearchIndexState.generation` on every write of a document row,
by whatever path (ORM, cascade, flush), so the snapshot (`search.snapshot`) knows when it is stale.
"""

from __future__ import annotations

import numpy as np
from django.db import connection, transaction

FOLDED = "~"
TITLE = "^"
PAIR = "+"
#: Longer words are not indexed; a query (at most 200 characters) never asks for them.
MAX_WORD_LENGTH = 120

#: Characters FTS5 keeps inside a token besides letters and digits: the term marks, `_` (a `\\w`
#: character), and the letters Python's Unicode tables call letters and SQLite's (older) do not.
TOKEN_CHARS = FOLDED + TITLE + PAIR + "_" + "".join(map(chr, [*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3]))
DOCUMENT_TABLE = "search_searchdocument"
TERMS_TABLE = "search_searchterms"
STATE_TABLE = "search_searchindexstate"
FTS_TABLE = "search_fulltext"

#: No conflict clause: inside a trigger it would give way to the writing statement's own (an upsert's).
SQLITE_RENEW = f"""UPDATE {STATE_TABLE} SET generation = lower(hex(randomblob(16))) WHERE id = 1;
        INSERT INTO {STATE_TABLE} (id, generation) SELECT 1, lower(hex(randomblob(16)))
            WHERE NOT EXISTS (SELECT 1 FROM {STATE_TABLE} WHERE id = 1);"""
#: The generation renewed on every write of a document row. SQLite drops a table's triggers when Django
#: remakes the table (to add or alter a column): the check `search.E001` then fails until
#: `search_index rebuild` installs them again (`install`).
SQLITE_DOCUMENT_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS search_doc_{name} AFTER {event} ON {DOCUMENT_TABLE} BEGIN
        {SQLITE_RENEW}
    END"""
    for event, name in (("INSERT", "inserted"), ("UPDATE", "updated"), ("DELETE", "deleted"))
]
SQLITE_INSTALL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        terms, content='{TERMS_TABLE}', content_rowid='document_id', detail=none,
        tokenize="unicode61 remove_diacritics 0 tokenchars '{TOKEN_CHARS}'")""",
    f"""CREATE TRIGGER IF NOT EXISTS search_terms_inserted AFTER INSERT ON {TERMS_TABLE} BEGIN
        INSERT INTO {FTS_TABLE} (rowid, terms) VALUES (new.document_id, new.terms);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_terms_deleted AFTER DELETE ON {TERMS_TABLE} BEGIN
        INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, terms) VALUES ('delete', old.document_id, old.terms);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_terms_updated AFTER UPDATE ON {TERMS_TABLE} BEGIN
        INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, terms) VALUES ('delete', old.document_id, old.terms);
        INSERT INTO {FTS_TABLE} (rowid, terms) VALUES (new.document_id, new.terms);
    END""",
    *SQLITE_DOCUMENT_TRIGGERS,
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
]
POSTGRESQL_INSTALL = [
    # Every bag out of line and uncompressed: the table itself stays a few MB of ids, which a bitmap scan
    # of a word most documents hold reads in a few milliseconds (inline, it was 180 MB at 100 000 stories).
    f"ALTER TABLE {TERMS_TABLE} ALTER COLUMN terms SET STORAGE EXTERNAL",
    f"ALTER TABLE {TERMS_TABLE} SET (toast_tuple_target = 128)",
    f"CREATE INDEX IF NOT EXISTS search_terms_gin ON {TERMS_TABLE} USING gin (string_to_array(terms, ' '))",
    f"""CREATE OR REPLACE FUNCTION search_renew_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO {STATE_TABLE} (id, generation) VALUES (1, md5(random()::text || clock_timestamp()::text))
        ON CONFLICT (id) DO UPDATE SET generation = excluded.generation;
        RETURN NULL;
    END $$""",
    f"""CREATE OR REPLACE TRIGGER search_doc_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {DOCUMENT_TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION search_renew_generation()""",
]


PG_HOLDS = "string_to_array(terms, ' ') @> %s::text[]"


def missing_objects() -> list[str]:
    """The index's tables and triggers this database lacks (a migration remaking a table drops its triggers)."""
    if TERMS_TABLE not in connection.introspection.table_names():
        return []  # not migrated yet
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            expected = [FTS_TABLE] + [f"search_terms_{event}" for event in ("inserted", "deleted", "updated")]
            expected += [f"search_doc_{event}" for event in ("inserted", "deleted", "updated")]
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger UNION SELECT indexname FROM pg_indexes WHERE tablename = %s",
                [TERMS_TABLE],
            )
            expected = ["search_doc_generation", "search_terms_gin"]
        else:
            return []
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in expected if name not in present]


def install() -> None:
    """Create whatever of the index's tables and triggers is missing, and re-read the bags into it."""
    with connection.cursor() as cursor:
        for statement in SQLITE_INSTALL if connection.vendor == "sqlite" else POSTGRESQL_INSTALL:
            cursor.execute(statement)


def column_parts(column: str) -> list[str]:
    """The parts of a padded token column (see `documents.padded`)."""
    return [part for part in column.strip().split(" | ") if part]


def pairs(words: list[str], prefix: str = "") -> list[str]:
    """The pair terms of a phrase's adjacent words."""
    return [f"{prefix}{first}{PAIR}{second}" for first, second in zip(words, words[1:])]


def document_terms(title_folded: str, text: str, folded: str) -> str:
    """The term bag of a document from its padded token columns, space-separated and sorted."""
    found: set[str] = set()
    for prefix, column in (("", text), (FOLDED, folded)):
        for part in column_parts(column):
            words = [word for word in part.split(" ") if len(word) <= MAX_WORD_LENGTH]
            found.update(prefix + word for word in words)
            found.update(pairs(words, prefix))
    found.update(TITLE + word for word in title_folded.split() if len(word) <= MAX_WORD_LENGTH)
    return " ".join(sorted(term for term in found if term.strip(FOLDED + TITLE + PAIR)))


def _fts_expression(terms: list[str]) -> str:
    return " AND ".join('"{}"'.format(term.replace('"', '""')) for term in dict.fromkeys(terms))


def _fetch(sql: str, params: list) -> list[tuple]:
    """Rows of a query on the index; on PostgreSQL, with the GIN index rather than a scan.

    The planner would scan for a word most documents hold, and split every row's terms.
    """
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchall()
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            cursor.execute("SET LOCAL enable_seqscan = on")
        return rows


def holding(terms: list[str]) -> np.ndarray:
    """Page ids of the documents holding every term, read as one comma-separated string (far cheaper than rows)."""
    if connection.vendor == "postgresql":
        sql = f"SELECT string_agg(document_id::text, ',') FROM {TERMS_TABLE} WHERE {PG_HOLDS}"
        params: list = [terms]
    else:
        sql = f"SELECT group_concat(rowid, ',') FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        params = [_fts_expression(terms)]
    ((joined,),) = _fetch(sql, params)
    return np.array(joined.split(",") if joined else [], dtype=np.int64)


def count_each(terms: list[str]) -> dict[str, int]:
    """How many documents hold each of these terms, in one statement."""
    terms = list(dict.fromkeys(terms))
    if not terms:
        return {}
    if connection.vendor == "postgresql":
        sql = f"SELECT t, (SELECT count(*) FROM {TERMS_TABLE} WHERE {PG_HOLDS.replace('%s::text[]', 'ARRAY[t]')}) "
        sql += "FROM unnest(%s::text[]) AS t"
        params: list = [terms]
    else:
        rows = ", ".join(["(%s, %s)"] * len(terms))
        sql = f"SELECT column1, (SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH column2) FROM (VALUES {rows})"
        params = [value for term in terms for value in (term, _fts_expression([term]))]
    return dict(_fetch(sql, params))


def optimize() -> None:
    """Compact the index after a bulk load (else broad queries are two to three times slower)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT gin_clean_pending_list('search_terms_gin'::regclass)")
            cursor.execute(f"ANALYZE {TERMS_TABLE}")
        else:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
