"""Protocol files as the site service offers them: checked, found by id, kept with the site's data,
and tried on the example subjects that ship beside them (`ID.tests.yaml`).

Reading a protocol needs no database: checking a file or evaluating a facts file opens none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trialdesk.persistence.protocol_files import (
    find_protocol,
    keep_site_protocol,
    load_protocol,
    parse_protocol,
    protocol_file_sha256,
    protocol_path,
)
from trialdesk.persistence.protocol_tests_file import ProtocolTestsFileError, load_protocol_tests, tests_file_for

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol
    from trialdesk.domain.protocol_tests import Agreement

__all__ = ["ProtocolTestsFileError", "example_agreement", "find_protocol", "keep_site_protocol", "load_protocol",
           "parse_protocol", "protocol_file_sha256", "protocol_path", "run_examples", "tests_file_for"]


def run_examples(protocol: Protocol, protocol_file: Path | str) -> Agreement | None:
    """The protocol's example subjects run against it; None when no tests file sits beside the protocol
    file. A tests file that cannot be used raises `ProtocolTestsFileError`."""
    from trialdesk.domain.protocol_tests import run_cases  # the evaluation engine: only when there are cases

    tests_file = tests_file_for(protocol_file)
    if not tests_file.exists():
        return None
    return run_cases(protocol, load_protocol_tests(tests_file, protocol))


def example_agreement(id_or_file: str, site_dir: Path | None = None) -> Agreement | None:
    """`run_examples` for a protocol named as `find_protocol` names it (bundled, the site's, or a file)."""
    path = protocol_path(id_or_file, site_dir)
    return run_examples(load_protocol(path), path)
