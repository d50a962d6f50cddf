"""The database schema as ordered migrations: MIGRATIONS[n] takes user_version n to n + 1.

Rules for changing the schema: never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE screenings (
        id INTEGER PRIMARY KEY,
        protocol_id TEXT NOT NULL,
        protocol_version TEXT NOT NULL,
        site TEXT NOT NULL,
        screening_number TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        supersedes INTEGER REFERENCES screenings(id),
        initials TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        sex TEXT NOT NULL,
        screening_date TEXT NOT NULL,
        consent_date TEXT NOT NULL,
        consent_version TEXT NOT NULL,
        status TEXT NOT NULL,
        failed_criteria TEXT NOT NULL DEFAULT '',
        screen_failure_reason TEXT,
        correction_reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (protocol_id, site, screening_number, version)
    );
    CREATE INDEX screenings_by_date ON screenings (screening_date DESC, id DESC);
    CREATE INDEX screenings_by_status ON screenings (status, screening_date DESC);

    CREATE TABLE answers (
        screening_id INTEGER NOT NULL REFERENCES screenings(id),
        fact_id TEXT NOT NULL,
        value TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        edit_session TEXT NOT NULL,
        PRIMARY KEY (screening_id, fact_id)
    ) WITHOUT ROWID;

    CREATE TABLE notes (
        screening_id INTEGER NOT NULL REFERENCES screenings(id),
        criterion_id TEXT NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (screening_id, criterion_id)
    ) WITHOUT ROWID;

    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at_utc TEXT NOT NULL,
        utc_offset TEXT NOT NULL,
        actor TEXT NOT NULL,
        screening_id INTEGER,
        action TEXT NOT NULL,
        target TEXT,
        old_value TEXT,
        new_value TEXT,
        reason TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_by_screening ON audit (screening_id, seq);
    CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed'); END;
    CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted'); END;

    CREATE TABLE site_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 2: the site's delegation list, and signed worksheets kept with their screening
    """
    CREATE TABLE delegation (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('coordinator', 'sub_investigator', 'principal_investigator')),
        active INTEGER NOT NULL DEFAULT 1,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
    );
    CREATE UNIQUE INDEX delegation_active_name ON delegation (name) WHERE active = 1;

    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        screening_id INTEGER NOT NULL REFERENCES screenings(id),
        document_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        pdf_sha256 TEXT NOT NULL,
        signer TEXT NOT NULL,
        role TEXT NOT NULL,
        meaning TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        pdf BLOB NOT NULL
    );
    CREATE INDEX documents_by_screening ON documents (screening_id);
    CREATE INDEX documents_by_content ON documents (content_sha256);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
