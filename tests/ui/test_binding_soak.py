"""The Qt binding survives a day of entry: thousands of edits through the real editors in one process."""

from __future__ import annotations

from trialdesk.ui.soak import REFCOUNT_TOLERANCE, soak
from trialdesk.ui.fact_editors import YesNoEditor

from .conftest import example


def _open_new_screening(window):
    """A screening with only the subject's details, open in the window; its other editors, one per fact."""
    data = example("eligible")
    subject = {**data["subject"], "screening_date": data["screening_date"]}
    facts = {fact_id: data["facts"][fact_id] for fact_id in ("date_of_birth", "sex", "consent_date")}
    session = window.desk.start_screening(window.protocol("NCT03798028"), subject, facts)
    window.open_screening(session.screening.id)
    view = window.view
    return view, [editors[0] for fact_id, editors in view.editors.items() if fact_id not in facts]


def test_five_thousand_edits_leave_the_reference_counts_of_none_true_and_false_where_they_were(window):
    view, editors = _open_new_screening(window)
    kinds = {type(editor).__name__ for editor in editors}
    assert {"NumberEditor", "DateEditor", "YesNoEditor", "ChoiceEditor", "MedicationEditor", "JointsEditor"} <= kinds

    result = soak(editors, 5000)

    assert result.edits == 5000
    assert result.signals >= 5000, result.describe()
    assert result.sound, result.describe()
    assert all(abs(moved) <= REFCOUNT_TOLERANCE for moved in result.drift.values())
    entries = window.site.history(view.session.screening.id)
    assert len(entries) > 500  # the edits went all the way through the session into the audit trail
    assert {entry.actor for entry in entries} == {"Chen Hua"}  # every one of them the signed-in person's


def test_the_soak_reports_a_binding_that_drops_or_keeps_references(window, monkeypatch):
    _, editors = _open_new_screening(window)
    editors = [editor for editor in editors if isinstance(editor, YesNoEditor)]
    kept: list[object] = []
    original = YesNoEditor._clicked

    def leaky(self, *args):  # what a faulty binding does: one stray reference to None per delivery
        kept.append(None)
        original(self, *args)

    monkeypatch.setattr(YesNoEditor, "_clicked", leaky)
    for editor in editors:  # re-wire, so the group delivers to the faulty slot
        editor.group.buttonClicked.disconnect()
        editor.group.buttonClicked.connect(editor._clicked)
    result = soak(editors, 600)
    assert not result.sound
    assert result.drift["None"] >= len(kept) - REFCOUNT_TOLERANCE > REFCOUNT_TOLERANCE  # the stray references show
