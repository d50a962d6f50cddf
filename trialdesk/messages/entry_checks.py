"""Words for the soft checks of the subject's dates, for Undo, and for the checklist of yes/no criteria."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP

KEYS: dict[str, str] = {
    # soft checks (trialdesk.domain.soft_checks): said beside the field, asked to be confirmed
    "problem.age_over_usual": QT_TRANSLATE_NOOP(
        "problem.age_over_usual", "{value} gives an age of {age} at the screening date, over {limit}: check the year"),
    "problem.date_in_future": QT_TRANSLATE_NOOP(
        "problem.date_in_future", "{value} is after today ({today}): this date has not come yet"),
    "problem.date_far_past": QT_TRANSLATE_NOOP(
        "problem.date_far_past", "{value} is {days} days before today ({today}), a year or more: check the year"),
    # Undo: the reason recorded with the change that undoes another (the trail keeps English)
    "undo.reason": QT_TRANSLATE_NOOP("undo.reason", "Undo: undoes the change of {time} (audit entry {seq})"),
    "problem.undo_empties_subject": QT_TRANSLATE_NOOP(
        "problem.undo_empties_subject",
        "its first entry cannot be undone: that would leave the subject's record empty; correct it instead"),
}
