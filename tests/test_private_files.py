"""Everything trialdesk creates in the data directory is its owner's only, whatever the umask."""

from __future__ import annotations

import os
import stat

from tests.cli.test_cli import cli
from tests.conftest import COORDINATOR, PASSWORD, PI


def test_every_created_file_is_0600_and_every_folder_0700_under_a_permissive_umask(capsys, site_people, tmp_path):
    data = tmp_path / "new" / "site"
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long enough passphrase\n", encoding="utf-8")
    facts = os.path.join(os.path.dirname(__file__), "..", "resources", "examples", "NCT03798028-eligible.json")
    previous = os.umask(0)
    try:
        run = lambda *args: cli(capsys, "--data-dir", str(data), *args)  # noqa: E731
        assert run("--password-file", str(secret), "site", "init", "--admin", "Ada Admin")[0] == 0
        admin = ("--user", "Ada Admin", "--password-file", str(secret))
        own = tmp_path / "own.txt"
        own.write_text("a password of one's own\n", encoding="utf-8")
        for name, role in ((PI, "principal_investigator"), (COORDINATOR, "coordinator")):
            assert run(*admin, "user", "add", name, "--role", role, "--new-password-file", str(secret))[0] == 0
            assert run("--user", name, "--password-file", str(secret), "user", "password",
                       "--new-password-file", str(own))[0] == 0
        pi = ("--user", PI, "--password-file", str(own))
        coordinator = ("--user", COORDINATOR, "--password-file", str(own))
        assert run(*pi, "delegation", "add", PI, "--tasks", "enter,sign", "--from", "2026-01-01")[0] == 0
        assert run(*pi, "delegation", "add", COORDINATOR, "--tasks", "enter", "--from", "2026-01-01")[0] == 0
        assert run(*coordinator, "screening", "new", "--protocol", "NCT03798028", "--facts", facts)[0] == 0
        assert run(*coordinator, "complete", "S-001")[0] == 0
        assert run(*pi, "identity", "create", "--passphrase-file", str(passphrase))[0] == 0
        identity = next((data / "identities").glob("*.p12"))
        assert run(*pi, "sign", "S-001", "--identity", str(identity), "--passphrase-file", str(passphrase))[0] == 0
        assert run("log", "export", "--csv", str(data / "export.csv"))[0] == 0
        assert run(*pi, "backup", str(data / "backup.sqlite3"))[0] == 0
        assert run("worksheet", "S-001", "-o", str(data / "copy.pdf"))[0] == 0
    finally:
        os.umask(previous)
    created = [data, *data.rglob("*")]
    assert len(created) > 8
    for path in created:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700  # a parent it had to make, too
