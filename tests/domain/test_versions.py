"""Which version is in force on a date: inclusive ends, open ends, withdrawn versions, overlaps."""

from __future__ import annotations

from datetime import date

import pytest

from trialdesk.domain.versions import NONE_IN_FORCE, WITHDRAWN, InstalledVersion, choose, current, overlaps
from trialdesk.persistence.protocol_files import find_protocol

BASE = find_protocol("NCT00845832")


def version(name: str, valid_from: str | None = None, valid_to: str | None = None,
            withdrawn: bool = False) -> InstalledVersion:
    protocol = BASE.model_copy(update={
        "version": name, "withdrawn": withdrawn,
        "valid_from": date.fromisoformat(valid_from) if valid_from else None,
        "valid_to": date.fromisoformat(valid_to) if valid_to else None})
    return InstalledVersion(protocol, f"{name}-{withdrawn}".ljust(64, "0"), f"{name}.yaml")


@pytest.mark.parametrize(("on", "expected"), [
    ("2025-12-31", None), ("2026-01-01", "1"), ("2026-06-30", "1"), ("2026-07-01", None),
    ("2026-07-02", "2"), ("2099-01-01", "2"),
])
def test_the_version_whose_validity_holds_the_date_both_ends_included(on, expected):
    versions = [version("1", "2026-01-01", "2026-06-30"), version("2", "2026-07-02")]
    choice = choose("P", versions, date.fromisoformat(on))
    assert (choice.chosen.protocol.version if choice.chosen else None) == expected
    assert choice.problem == (None if expected else NONE_IN_FORCE)


def test_a_withdrawal_notice_withdraws_its_version_and_frees_its_dates():
    original, notice = version("1", "2026-01-01", "2026-12-31"), version("1", "2026-01-01", "2026-12-31", True)
    replacement = version("1b", "2026-01-01", "2026-12-31")
    choice = choose("P", [original, notice], date(2026, 5, 1))
    assert choice.chosen is None and choice.problem == WITHDRAWN and choice.withdrawn.protocol.version == "1"
    assert list(overlaps([original, notice, replacement])) == []  # the withdrawn version holds no dates
    assert choose("P", [original, notice, replacement], date(2026, 5, 1)).chosen is replacement
    assert current([original, notice], date(2026, 5, 1)).protocol.version == "1"  # shown, never started under


def test_overlaps_are_found_even_on_one_shared_day_and_open_ends():
    assert [(a.protocol.version, b.protocol.version) for a, b in
            overlaps([version("1", "2026-01-01", "2026-06-30"), version("2", "2026-06-30")])] == [("1", "2")]
    assert len(list(overlaps([version("1"), version("2", "2030-01-01")]))) == 1  # "any date" meets everything
    assert list(overlaps([version("1", None, "2026-06-30"), version("2", "2026-07-01")])) == []
