"""Full-text search over each article's lemma text (``articles.lemmas``).

SQLite: an FTS5 external-content table kept in sync by triggers (datasette's pattern), and
filled from the rows already there. PostgreSQL: a generated ``tsvector`` ('simple'
configuration: the lemmas are already normalised) with a GIN index.
"""

VERSION = 2

SQLITE = [
    (
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "lemmas, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
    ),
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, lemmas) VALUES (new.id, new.lemmas);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF lemmas ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas);
        INSERT INTO articles_fts (rowid, lemmas) VALUES (new.id, new.lemmas);
    END""",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
]

POSTGRES = [
    (
        "ALTER TABLE articles ADD COLUMN lemma_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED"
    ),
    "CREATE INDEX articles_lemma_tsv ON articles USING GIN (lemma_tsv)",
]
