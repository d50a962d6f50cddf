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
    # 3: named people. Accounts with Argon2id password hashes, the PI's dated delegation log,
    # certificates enrolled to people, and the coordinator's "completed by" signature. Entries
    # made before this point keep the name they were recorded under; `named_users_since_seq`
    # marks them as recorded before named users. The old name-only list stays, as history, with
    # no authority: a PI delegates again under named users.
    """
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('coordinator', 'sub_investigator', 'principal_investigator',
                                           'site_administrator')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        password_hash TEXT NOT NULL,
        failed_signins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    );
    CREATE TRIGGER accounts_are_never_renamed BEFORE UPDATE OF name ON accounts
    BEGIN SELECT RAISE(ABORT, 'an account name is never changed or given to someone else'); END;
    CREATE TRIGGER accounts_are_never_deleted BEFORE DELETE ON accounts
    BEGIN SELECT RAISE(ABORT, 'an account is disabled, never deleted'); END;

    CREATE TABLE delegation_log (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        tasks TEXT NOT NULL,
        starts TEXT NOT NULL,
        ends TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        instruction TEXT,
        ended_by TEXT,
        ended_at TEXT
    );
    CREATE INDEX delegation_log_by_account ON delegation_log (account_id);
    CREATE TRIGGER delegation_log_is_kept BEFORE DELETE ON delegation_log
    BEGIN SELECT RAISE(ABORT, 'the delegation log keeps its history: end an entry, never delete it'); END;

    CREATE TABLE certificates (
        fingerprint TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        subject TEXT NOT NULL,
        not_after TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('created', 'imported')),
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        revocation_reason TEXT
    );
    CREATE INDEX certificates_by_account ON certificates (account_id);
    CREATE TRIGGER certificates_are_kept BEFORE DELETE ON certificates
    BEGIN SELECT RAISE(ABORT, 'an enrolled certificate is revoked, never deleted'); END;

    CREATE TABLE completions (
        id INTEGER PRIMARY KEY,
        screening_id INTEGER NOT NULL REFERENCES screenings(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        meaning TEXT NOT NULL,
        completed_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    );
    CREATE INDEX completions_by_screening ON completions (screening_id, id);

    INSERT OR REPLACE INTO site_settings (key, value)
    SELECT 'named_users_since_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM audit;
    """,
    # 4: the file says it is trialdesk's (PRAGMA application_id, "TrDs"), so that a foreign SQLite
    # database or an empty file is never taken for a site database.
    """
    PRAGMA application_id = 1416774771;
    """,
    # 5: the SHA-256 of the exact protocol file each screening was started under (a correction
    # keeps its screening's). Screenings made before stay null ("not recorded"), except those of a
    # site's own protocol: its kept copy is the file they were made with (a different file under
    # its id was refused), and the site service records its hash, audited, when it opens the site.
    """
    ALTER TABLE screenings ADD COLUMN protocol_sha256 TEXT
        CHECK (protocol_sha256 IS NULL OR (length(protocol_sha256) = 64 AND protocol_sha256 NOT GLOB '*[^0-9a-f]*'));
    """,
    # 6: a screening number names one screening per protocol and site. The screening is its first
    # version (the row that supersedes none): its corrections keep its number, so they are not in the
    # index. A database holding two screenings under one number still opens: each later one is marked
    # in `number_reused` (with its own id), kept as it is, and reported by the records check; no new
    # row is ever so marked.
    """
    ALTER TABLE screenings ADD COLUMN number_reused INTEGER NOT NULL DEFAULT 0;
    UPDATE screenings SET number_reused = id WHERE supersedes IS NULL AND EXISTS (
        SELECT 1 FROM screenings AS earlier
        WHERE earlier.supersedes IS NULL AND earlier.protocol_id = screenings.protocol_id
          AND earlier.site = screenings.site AND earlier.screening_number = screenings.screening_number
          AND earlier.id < screenings.id);
    CREATE UNIQUE INDEX screenings_number_once
        ON screenings (protocol_id, site, screening_number, number_reused) WHERE supersedes IS NULL;
    CREATE TRIGGER screenings_number_reused_is_never_new BEFORE INSERT ON screenings WHEN NEW.number_reused != 0
    BEGIN SELECT RAISE(ABORT, 'a screening number is used once per protocol and site'); END;
    CREATE TRIGGER screenings_number_reused_is_kept BEFORE UPDATE OF number_reused ON screenings
    BEGIN SELECT RAISE(ABORT, 'a screening marked as reusing a number stays marked'); END;
    """,
    # 7: the pipeline beyond one verdict. Each screening knows its first version (`first_id`: its
    # corrections keep it) and its subject (`subject_id`: the first version of the subject's first
    # attempt), both set by trigger; a re-screening cites the first version of the attempt before it
    # (`rescreen_of`) and has its attempt number. A pre-screening (before consent, from records) and
    # an enrolment outcome (enrolled with its number and date, or not enrolled with a coded reason)
    # are rows of their own, never changed or deleted: a later row replaces an outcome, audited.
    """
    ALTER TABLE screenings ADD COLUMN first_id INTEGER;
    ALTER TABLE screenings ADD COLUMN subject_id INTEGER;
    ALTER TABLE screenings ADD COLUMN rescreen_of INTEGER REFERENCES screenings(id);
    ALTER TABLE screenings ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 99);
    ALTER TABLE screenings ADD COLUMN prescreen_id INTEGER REFERENCES prescreenings(id);
    UPDATE screenings SET first_id = id, subject_id = id WHERE supersedes IS NULL;
    WITH RECURSIVE chain(id, root) AS (
        SELECT id, id FROM screenings WHERE supersedes IS NULL
        UNION ALL SELECT s.id, chain.root FROM screenings s JOIN chain ON s.supersedes = chain.id)
    UPDATE screenings SET first_id = (SELECT root FROM chain WHERE chain.id = screenings.id),
                          subject_id = (SELECT root FROM chain WHERE chain.id = screenings.id)
    WHERE supersedes IS NOT NULL;
    CREATE TRIGGER screenings_know_their_subject AFTER INSERT ON screenings
    BEGIN
        UPDATE screenings SET
            first_id = COALESCE((SELECT first_id FROM screenings WHERE id = NEW.supersedes), NEW.id),
            subject_id = COALESCE((SELECT subject_id FROM screenings WHERE id = NEW.supersedes),
                                  (SELECT subject_id FROM screenings WHERE id = NEW.rescreen_of), NEW.id)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER screenings_subject_is_kept BEFORE UPDATE OF first_id, subject_id, rescreen_of, attempt ON screenings
    WHEN OLD.first_id IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a screening keeps its subject and attempt'); END;
    CREATE INDEX screenings_by_subject ON screenings (subject_id, attempt);
    CREATE UNIQUE INDEX screenings_attempt_once ON screenings (subject_id, attempt) WHERE supersedes IS NULL;
    CREATE INDEX screenings_by_first ON screenings (first_id);
    CREATE INDEX screenings_by_rescreen ON screenings (rescreen_of) WHERE rescreen_of IS NOT NULL;
    CREATE UNIQUE INDEX screenings_prescreen_once ON screenings (prescreen_id)
        WHERE supersedes IS NULL AND prescreen_id IS NOT NULL;

    CREATE TABLE prescreenings (
        id INTEGER PRIMARY KEY,
        protocol_id TEXT NOT NULL,
        site TEXT NOT NULL,
        candidate TEXT NOT NULL,
        on_date TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('could_be_eligible', 'not_eligible')),
        detail TEXT NOT NULL DEFAULT '',
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('declined', 'not_approached', 'other')),
        outcome_text TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX prescreenings_by_candidate ON prescreenings (protocol_id, site, candidate);
    CREATE TRIGGER prescreenings_are_kept BEFORE DELETE ON prescreenings
    BEGIN SELECT RAISE(ABORT, 'a pre-screening is kept: record its outcome, never delete it'); END;
    CREATE TRIGGER prescreenings_outcome_only BEFORE UPDATE OF id, protocol_id, site, candidate, on_date, result,
        detail, recorded_by, recorded_at ON prescreenings
    BEGIN SELECT RAISE(ABORT, 'a pre-screening is kept as recorded: only its outcome is added'); END;

    CREATE TABLE enrolments (
        id INTEGER PRIMARY KEY,
        first_id INTEGER NOT NULL REFERENCES screenings(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('enrolled', 'not_enrolled')),
        on_date TEXT NOT NULL,
        number TEXT,
        number_key TEXT,
        reason TEXT CHECK (reason IS NULL OR reason IN ('declined', 'not_approached', 'withdrew_consent', 'lost', 'other')),
        reason_text TEXT,
        replaces INTEGER REFERENCES enrolments(id),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL,
        CHECK ((number IS NULL) = (number_key IS NULL)),
        CHECK ((outcome = 'enrolled' AND number IS NOT NULL AND reason IS NULL)
            OR (outcome = 'not_enrolled' AND number IS NULL AND reason IS NOT NULL))
    );
    CREATE INDEX enrolments_by_screening ON enrolments (first_id, id);
    CREATE INDEX enrolments_by_number ON enrolments (number_key) WHERE number_key IS NOT NULL;
    CREATE TRIGGER enrolments_are_kept_update BEFORE UPDATE ON enrolments
    BEGIN SELECT RAISE(ABORT, 'an enrolment outcome is kept: record a new one that replaces it'); END;
    CREATE TRIGGER enrolments_are_kept_delete BEFORE DELETE ON enrolments
    BEGIN SELECT RAISE(ABORT, 'an enrolment outcome is kept: record a new one that replaces it'); END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

#: `PRAGMA application_id` of every trialdesk database ("TrDs"): how a file is known to be ours.
APPLICATION_ID = 0x54724473
