"""Read a protocol's example subjects, `ID.tests.yaml` beside the protocol file.

Read as strictly as protocol files are, by the same bounded reader (`read_strict_yaml`: no
anchors or aliases, no key twice, only true/false as booleans, bounded size and depth), then
validated by `trialdesk.domain.protocol_tests`. A refused file names the file, the line, the
path to the bad entry (``cases[3].expect.I2``) and what was expected.

```yaml
protocol: NCT00845832
base_facts: {ra_diagnosis: "yes", functional_class: class_2}   # every case starts from these
cases:
  - name: exactly 18 on the screening date
    on: 2026-11-20
    facts: {date_of_birth: 2008-11-20}                           # replace or add to base_facts
    expect: {I1: met, I2: met, E1: not_met}                      # every criterion of the protocol
    overall: eligible                                            # optional
  - name: haemoglobin outside the plausible range
    on: 2026-11-20
    facts: {haemoglobin: {value: 900, unit: g/L}}
    refused: {haemoglobin: implausible}                          # fact: problem (null: any)
```
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from trialdesk.persistence.errors import ProtocolFileError, ProtocolIssue
from trialdesk.persistence.protocol_files import _line, read_strict_yaml, validation_issues

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol
    from trialdesk.domain.protocol_tests import ProtocolTests

TESTS_SUFFIX = ".tests.yaml"


class ProtocolTestsFileError(ProtocolFileError):
    """A tests file that cannot be used, with every issue found in it."""

    def describe(self) -> str:
        first, _, rest = super().describe().partition("\n")
        first = first.replace("not a valid protocol file", "not a valid protocol tests file", 1)
        return f"{first}\n{rest}" if rest else first


def tests_file_for(protocol_file: Path | str) -> Path:
    """Where a protocol's example subjects are: `ID.tests.yaml` beside `ID.yaml`."""
    path = Path(protocol_file)
    return path.with_name(f"{path.stem}{TESTS_SUFFIX}")


def load_protocol_tests(path: Path | str, protocol: Protocol | None = None) -> ProtocolTests:
    """A tests file, checked to be for `protocol` when given; raises `ProtocolTestsFileError`."""
    from trialdesk.domain.protocol_tests import ProtocolTests  # the evaluation engine: only when cases are run

    try:
        data, node = read_strict_yaml(path)
    except ProtocolFileError as error:
        raise ProtocolTestsFileError(path, list(error.issues)) from None
    if not isinstance(data, dict):
        raise ProtocolTestsFileError(path, [ProtocolIssue("", "expected a mapping with protocol and cases at the top")])
    try:
        tests = ProtocolTests.model_validate(data)
    except ValidationError as error:
        raise ProtocolTestsFileError(path, validation_issues(error, data, node)) from None
    if protocol is not None and tests.protocol != protocol.id:
        message = f"the cases are for {tests.protocol!r}; expected {protocol.id!r}, the protocol they sit beside"
        raise ProtocolTestsFileError(path, [ProtocolIssue("protocol", message, _line(node, ["protocol"]))])
    return tests
