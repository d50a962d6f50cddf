"""The medication editor offers the fact's own drugs by their labels (as list entries: "Methotrexate"),
routes by their labels in the reader's language, another drug where the fact allows it, and only the
fields the fact asks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.domain.conftest import mini
from trialdesk.domain.evaluation import parse_facts
from trialdesk.messages import Messages
from trialdesk.ui.editor_factory import make_editor

ON = date(2026, 5, 31)
DRUGS = [{"id": "adalimumab", "label": "adalimumab", "synonyms": ["Humira", "阿达木单抗"],
          "translations": {"zh_CN": {"label": "阿达木单抗"}}}]
CLASSES = [{"id": "biologics", "label": "biological DMARDs", "members": ["adalimumab"]}]
HISTORY = {"id": "history", "type": "medications", "label": "DMARDs", "drugs": ["methotrexate"], "classes": ["biologics"],
           "allow_other": True, "routes": ["oral", "subcutaneous"], "dose_units": ["mg/week"]}
UNDOSED = {"id": "history", "type": "medications", "label": "Prior biologics", "classes": ["biologics"],
           "dose_required": False}


def protocol(fact: dict):
    return mini([fact], {"kind": "medication_ever_used", "fact": "history"}, drugs=DRUGS, drug_classes=CLASSES)


@pytest.fixture
def editor(qtbot):
    def make(fact: dict = HISTORY, lang: str = "en"):
        p = protocol(fact)
        widget = make_editor(p.fact["history"], Messages(p, lang))
        qtbot.addWidget(widget)
        return p, widget

    return make


def drug_items(row) -> list[tuple[str, object]]:
    combo = row.combos["drug"]
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_the_drugs_are_the_facts_own_by_label_classes_expanded(editor):
    _, widget = editor()
    widget.add.click()
    assert drug_items(widget.rows[0]) == [("", None), ("Methotrexate", "methotrexate"), ("Adalimumab", "adalimumab"),
                                          ("Other drug…", "other")]
    combo = widget.rows[0].combos["drug"]
    assert combo.itemData(2, Qt.ItemDataRole.ToolTipRole) == "Humira, 阿达木单抗"


def test_drug_labels_follow_the_readers_language(editor):
    _, widget = editor(lang="zh_CN")
    widget.add.click()
    assert [text for text, _ in drug_items(widget.rows[0])][1:3] == ["甲氨蝶呤", "阿达木单抗"]


def test_routes_are_labels_in_the_readers_language(editor):
    _, widget = editor()
    widget.add.click()
    route = widget.rows[0].combos["route"]
    assert [(route.itemText(i), route.itemData(i)) for i in range(route.count())] == [
        ("", None), ("Oral", "oral"), ("Subcutaneous", "subcutaneous")]


def test_dose_units_read_in_the_readers_language_and_keep_their_symbol(editor):
    for lang, shown in (("en", "mg/week"), ("zh_CN", "mg/周")):
        _, widget = editor(lang=lang)
        widget.add.click()
        unit = widget.rows[0].combos["unit"]
        assert [(unit.itemText(i), unit.itemData(i)) for i in range(unit.count())][1:] == [(shown, "mg/week")]


def test_another_drug_is_typed_as_written(editor, qtbot):
    p, widget = editor()
    widget.add.click()
    row = widget.rows[0]
    assert not row.other.isVisibleTo(widget)
    row.combos["drug"].setCurrentIndex(row.combos["drug"].findData("other"))
    row.combos["drug"].activated.emit(row.combos["drug"].currentIndex())
    assert row.other.isVisibleTo(widget)
    row.other.setText("艾拉莫德")
    row.lines["dose"].setText("25")
    row.combos["route"].setCurrentIndex(row.combos["route"].findData("oral"))
    row.dates["start"].set_text("2026-01-05")
    with qtbot.waitSignal(widget.committed) as committed:
        qtbot.keyClick(row.other, Qt.Key.Key_Return)  # Enter ends the line
    (entry,) = committed.args[1]
    assert entry["other"] == "艾拉莫德" and "drug" not in entry
    (line,) = parse_facts(p, {"history": committed.args[1]}, ON, typed=True)["history"]
    assert (line.drug, line.other) == (None, "艾拉莫德")


def test_a_stored_other_drug_is_shown_as_written(editor):
    _, widget = editor()
    widget.set_value([{"other": "iguratimod", "dose": 25, "unit": "mg/week", "route": "oral", "start": "2026-01-05",
                       "last_change": None, "stop": None}])
    row = widget.rows[0]
    assert row.combos["drug"].currentData() == "other" and row.other.text() == "iguratimod"
    assert row.entry()["other"] == "iguratimod"


def test_only_the_fields_the_fact_asks_are_shown(editor):
    _, widget = editor(UNDOSED)
    widget.add.click()
    row = widget.rows[0]
    assert widget.COLUMNS == ("drug", "start", "stop")
    assert set(row.combos) == {"drug"} and row.lines == {} and set(row.dates) == {"start", "stop"}
    assert row.other is None and "Other drug…" not in [text for text, _ in drug_items(row)]
    assert widget.heading.text().startswith("One line per drug and dose: Drug · Start · Stop (")
    row.combos["drug"].setCurrentIndex(row.combos["drug"].findData("adalimumab"))
    row.dates["start"].set_text("2025-02-01")
    assert row.entry() == {"drug": "adalimumab", "start": "2025-02-01", "stop": None}


def test_a_problem_marks_the_field_it_is_in_on_the_line_it_is_in(editor):
    _, widget = editor()
    widget.set_value([{"drug": "methotrexate", "dose": 15, "unit": "mg/week", "route": "oral", "start": "2026-01-05",
                       "last_change": None, "stop": None}])
    widget.add.click()  # a line not begun is no entry: the problems' entries are the lines begun
    widget.add.click()
    third = widget.rows[2]
    third.combos["drug"].setCurrentIndex(third.combos["drug"].findData("other"))
    third.combos["drug"].activated.emit(third.combos["drug"].currentIndex())
    widget.show_problem("required", ((1, "other"), (1, "start")))
    first, second = widget.rows[:2]
    assert third.other.property("invalid") is True and third.dates["start"].line.property("invalid") is True
    assert not third.lines["dose"].property("invalid") and not second.dates["start"].line.property("invalid")
    assert not first.combos["drug"].property("invalid")  # the editor's own focus is not marked for another line's problem
    widget.show_problem(None)
    assert not third.other.property("invalid")
