"""The protocol file SHA-256 of screenings made before it was stored (schema 5), recorded once.

A site's own protocol was kept in the data directory when first used, and a different file under
its id was refused ever after: that kept copy is the file its older screenings were made with,
so its hash is recorded for them, each with an audit entry. Screenings of a bundled protocol stay
"not recorded": the program's own file may have changed between versions of trialdesk.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.version_files import file_sha256

#: who the audit trail says recorded a hash found on upgrade.
RECORDED_BY = "(trialdesk, on upgrade)"


def unrecorded_protocol_ids(db: sqlite3.Connection) -> list[str]:
    """The protocols that have screenings with no protocol file SHA-256."""
    return [row[0] for row in db.execute(
        "SELECT DISTINCT protocol_id FROM screenings WHERE protocol_sha256 IS NULL ORDER BY protocol_id")]


def record_kept_copy(database: Database, protocol_id: str, kept: Path, *, at: datetime) -> int:
    """Give the screenings of `protocol_id` with no hash the hash of its kept copy, audited; how many."""
    sha256 = file_sha256(kept)
    with database.write() as db:
        ids = [sid for (sid,) in db.execute(
            "SELECT id FROM screenings WHERE protocol_id = ? AND protocol_sha256 IS NULL ORDER BY id", (protocol_id,))]
        for sid in ids:
            db.execute("UPDATE screenings SET protocol_sha256 = ? WHERE id = ?", (sha256, sid))
            audit_trail.append(db, at=at, actor=RECORDED_BY, action="protocol_sha256", screening_id=sid,
                               target=protocol_id, new=sha256,
                               reason=f"the site's kept copy {kept.name}: the file its screenings were made with")
    return len(ids)
