"""A command imports only what it uses: checking a protocol or evaluating a facts file loads no database,
PDF, signing or Qt code; a command that only reads the site, no password hashing; a command's help, not
even the protocol models.

Each case runs the command in a fresh interpreter and lists the modules it imported (no timing is asserted).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from trialdesk.cli.main import COMMANDS
from trialdesk.resources import resource_path

FACTS = str(resource_path("examples/NCT03798028-eligible.json"))

#: the start of a module name, for what the interface, the worksheet, signing and the site's database bring
HEAVY = ("PySide6", "shiboken6", "reportlab", "pyhanko", "pyhanko_certvalidator", "cryptography", "argon2",
         "trialdesk.ui", "trialdesk.worksheet", "trialdesk.signoff", "trialdesk.session", "trialdesk.desk.site")

RUN_AND_LIST = """
import sys
from trialdesk.app import main
try:
    code = main(sys.argv[1:])
finally:  # also after --help, which exits
    print("\\n".join(sorted(sys.modules)), file=sys.stderr)
raise SystemExit(code)
"""


def imported_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *args], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stderr.split())


def heavy(modules: set[str], names: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(f"{h}.") for h in names))


@pytest.mark.parametrize("args", [
    ("evaluate", "--protocol", "NCT03798028", FACTS),
    ("evaluate", "--protocol", "NCT03798028", FACTS, "--format", "json"),
    ("protocol", "check", str(resource_path("protocols/NCT03798028.yaml"))),
])
def test_reading_a_protocol_or_a_facts_file_imports_nothing_heavy(args):
    assert heavy(imported_by(*args)) == []


def test_a_command_that_only_reads_the_site_loads_no_password_hashing_pdf_or_qt(site_dir):
    modules = imported_by("log", "list")
    assert "trialdesk.desk.site" in modules
    assert heavy(modules, ("argon2", "reportlab", "pyhanko", "cryptography", "PySide6", "trialdesk.ui")) == []


def test_a_command_s_help_does_not_even_load_the_protocol_models():
    modules = imported_by("evaluate", "--help")
    assert heavy(modules) == []
    assert not {"pydantic", "yaml", "trialdesk.domain.protocol"} & modules


def test_only_the_module_of_the_command_given_is_imported():
    modules = imported_by("evaluate", "--help")
    assert {m for m in modules if m.startswith("trialdesk.cli.")} <= {
        "trialdesk.cli.main", "trialdesk.cli.common", "trialdesk.cli.context", "trialdesk.cli.evaluate_cmd"}


def test_the_list_of_commands_still_names_every_command():
    done = subprocess.run([sys.executable, "-m", "trialdesk", "--help"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    listed = re.findall(r"^ {4}([\w-]+)", done.stdout, re.MULTILINE)
    assert listed == list(COMMANDS)
