"""The database backend's full-text index: which documents hold which words.

Every document carries a bag of *terms* (`SearchTerms.terms`) derived from
its token columns (`title_folded`, `text`, `folded`, see `documents.padded`):

- `nông`            a word of the text as written (lower-case, with its diacritics);
- `nông+nghiệp`     two such words next to each other in one part of the text;
- `~nong`           a folded word of the text;
- `~nong+nghiep`    two folded words next to each other in one part of the text;
- `^nong`           a folded word of the title.

Query words are `\\w+` runs, so they hold none of `~ ^ +` and the kinds never
collide. The clauses of a query plan (`search.relevance`) are single terms:
a word, or two adjacent words as a pair.

The bag is indexed by the database itself:

- **SQLite**: an FTS5 table over `search_searchterms.terms` (external
  content, `detail=none`), kept in step by triggers; its tokenizer keeps each
  term whole and its diacritics.
- **PostgreSQL**: a GIN index on `string_to_array(terms, ' ')`, queried with
  `@>` (every term present), which needs no recheck: the bitmap scan reads
  only the narrow terms table, never the terms themselves. The planner is
  told not to scan instead (it would, for a word most documents hold, and
  split every row's terms).

Both get triggers that give `SearchIndexState.generation` a new random value
whenever a document row is written or deleted, by whatever path (ORM,
cascade, flush), so the in-memory snapshot (`search.snapshot`) knows when it
is stale.
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
SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS search_terms_{event}" for event in ("inserted", "deleted", "updated")),
    *(f"DROP TRIGGER IF EXISTS search_doc_{event}" for event in ("inserted", "deleted", "updated")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
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
POSTGRESQL_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS search_doc_generation ON {DOCUMENT_TABLE}",
    "DROP FUNCTION IF EXISTS search_renew_generation()",
    "DROP INDEX IF EXISTS search_terms_gin",
]


PG_HOLDS = "string_to_array(terms, ' ') @> %s::text[]"


def install_statements(vendor: str, reverse: bool = False) -> list[str]:
    """The DDL that creates (or drops) the index and its triggers on a database vendor."""
    if vendor == "sqlite":
        return SQLITE_UNINSTALL if reverse else SQLITE_INSTALL
    if vendor == "postgresql":
        return POSTGRESQL_UNINSTALL if reverse else POSTGRESQL_INSTALL
    raise NotImplementedError(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")


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
        for statement in install_statements(connection.vendor):
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


def _holding(terms: list[str]) -> tuple[str, list]:
    """`FROM … WHERE …` of the documents holding every term, id as `page_id`."""
    if connection.vendor == "postgresql":
        return f"FROM (SELECT document_id AS page_id FROM {TERMS_TABLE} WHERE {PG_HOLDS}) AS held", [terms]
    return f"FROM (SELECT rowid AS page_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [_fts_expression(terms)]


def _select(sql: str, params: list) -> tuple:
    """One row of a query on the index; on PostgreSQL, with the GIN index rather than a scan."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return cursor.fetchone()
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            row = cursor.fetchone()
            cursor.execute("SET LOCAL enable_seqscan = on")
        return row


def _ids(source: tuple[str, list]) -> np.ndarray:
    """Page ids from a `_holding` source, as one comma-separated string (far cheaper than a row each)."""
    sql, params = source
    aggregate = "string_agg(page_id::text, ',')" if connection.vendor == "postgresql" else "group_concat(page_id, ',')"
    (joined,) = _select(f"SELECT {aggregate} {sql}", params)
    if not joined:
        return np.zeros(0, dtype=np.int64)
    return np.array(joined.split(","), dtype=np.int64)


def holding(terms: list[str]) -> np.ndarray:
    """Page ids of the documents holding every term."""
    return _ids(_holding(terms))


def count_holding(terms: list[str]) -> int:
    """How many documents hold every term."""
    sql, params = _holding(terms)
    return _select(f"SELECT count(*) {sql}", params)[0]


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
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(sql, params)
            return dict(cursor.fetchall())
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            found = dict(cursor.fetchall())
            cursor.execute("SET LOCAL enable_seqscan = on")
        return found


def optimize() -> None:
    """Compact the index after a bulk load: merge FTS5's segments, or flush GIN's pending list and analyze.

    Without it a freshly rebuilt index answers broad queries two to three times slower.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT gin_clean_pending_list('search_terms_gin'::regclass)")
            cursor.execute(f"ANALYZE {TERMS_TABLE}")
        else:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
