"""The window's protocol information says how many of the protocol's example subjects agree."""

from __future__ import annotations

import re

from tests.ui.conftest import when_modal
from trialdesk.resources import resource_path


def test_about_counts_the_example_subjects_that_agree(qtbot, window):
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(read)
    window.about()
    counted = re.search(r"(\d+) of (\d+) example subjects agree", seen["text"])
    assert counted and counted.group(1) == counted.group(2) and int(counted.group(2)) >= 12


def test_a_protocol_without_example_subjects_says_so(qtbot, window, tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8").replace(
        "id: NCT00845832\n", "id: SITE-3\n"), encoding="utf-8")
    assert window.add_protocol_file(own) is True
    assert window.examples_text("SITE-3") == "The protocol has no example subjects"


def test_example_subjects_that_cannot_be_read_are_said_so(qtbot, window):
    kept = window.settings.protocol_dir
    kept.mkdir(parents=True, exist_ok=True)
    (kept / "SITE-4.yaml").write_text(resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8").replace(
        "id: NCT00845832\n", "id: SITE-4\n"), encoding="utf-8")
    (kept / "SITE-4.tests.yaml").write_text("cases: [", encoding="utf-8")
    assert window.examples_text("SITE-4").startswith("The protocol's example subjects cannot be read")
