"""One criterion: its registry text verbatim, the site's interpretation, the facts it needs,
the scores it computes, the live verdict with its reason, and the source-document note.

A fact not asked with the answers given (its `asked_if` is not met) has its editor disabled, with
the condition it is asked under beside it ("Asked only when Sex is Female"). A value refused in
one of the page's fields is named by the verdict's reason as refused, not as missing.

Shown, a page puts the keyboard in its first empty field (`focus_first_empty`): a fact entered
already, on this page or another (a joint examination several criteria read), is passed over, so
that a stray key never changes it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from trialdesk.domain.protocol import Criterion, Protocol
from trialdesk.domain.verdict import CriterionResult, Effect, EligibilityReport, Outcome
from trialdesk.messages import Messages
from trialdesk.ui.editor_base import FactEditor
from trialdesk.ui.editor_factory import make_editor
from trialdesk.ui.look import EXCLUDES, NOT_APPLICABLE, OPEN, PASSES, set_flag, state_icon


def appearance(result: CriterionResult) -> str:
    """The icon a result shows, by the effect the domain gives it: passes, excludes, open
    (pending a date included: it is not decided), or not applicable, which passes without
    having been tested."""
    return {Effect.PASSES: PASSES, Effect.EXCLUDES: EXCLUDES, Effect.NOT_APPLICABLE: NOT_APPLICABLE}.get(
        result.effect, OPEN)


class VerdictPanel(QFrame):
    """Icon, words and reason of one criterion's result."""

    def __init__(self, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.setProperty("role", "verdict")
        self.icon = QLabel(self)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reason)

    def show_result(self, result: CriterionResult, refused: Mapping[str, str] | None = None) -> None:
        """`refused`: fact id -> the value typed and refused in its field, as typed."""
        outcome = Outcome(result.verdict, result.reason)
        self.icon.setPixmap(state_icon(appearance(result)).pixmap(28, 28))
        self.title.setText(self.words.effect(result))
        self.reason.setText(self.words.reason(outcome, refused=refused))
        self.reason.setAccessibleName(self.reason.text())
        self.setAccessibleName(f"{self.title.text()}. {self.reason.text()}")
        set_flag(self, "effect", appearance(result))


class CriterionPage(QScrollArea):
    """A page of the criterion walk."""

    noteEdited = Signal(str, str)  # criterion id, note

    def __init__(self, protocol: Protocol, criterion: Criterion, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.words = words
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)

        header = QLabel(f"{criterion.id} · {words.kind(criterion.kind)}", body)
        header.setProperty("role", "criterion-id")
        layout.addWidget(header)
        caption = QLabel(self.tr("Protocol text (registry record, verbatim)"), body)
        caption.setProperty("role", "hint")
        layout.addWidget(caption)
        text = QLabel(criterion.text, body)
        text.setProperty("role", "registry-text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(self.tr("Protocol text"))
        layout.addWidget(text)
        translation = words.criterion_translation(criterion)
        if translation:
            caption = QLabel(self.tr("Site translation (%s)") % words.lang, body)
            caption.setProperty("role", "hint")
            layout.addWidget(caption)
            translated = QLabel(translation, body)
            translated.setProperty("role", "registry-text")
            translated.setWordWrap(True)
            translated.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            translated.setAccessibleName(self.tr("Site translation (%s)") % words.lang)
            layout.addWidget(translated)
        if words.interpretation(criterion):
            note = QLabel(self.tr("Site interpretation: %s") % words.interpretation(criterion), body)
            note.setProperty("role", "interpretation")
            note.setWordWrap(True)
            layout.addWidget(note)

        self.editors: list[FactEditor] = []
        self.asked_notes: dict[str, QLabel] = {}  # beside each fact asked only under a condition
        for fact_id in protocol.facts_used(criterion):
            editor = make_editor(protocol.fact[fact_id], words, body)
            layout.addWidget(editor)
            self.editors.append(editor)
            editor.refusedChanged.connect(self._show_verdict)
            if protocol.fact[fact_id].asked_if is not None:
                note = QLabel(words.asked_only_when(fact_id), body)
                note.setProperty("role", "not-asked")
                note.setWordWrap(True)
                note.hide()
                layout.addWidget(note)
                self.asked_notes[fact_id] = note
        self._read_only = False
        self._unasked: frozenset[str] = frozenset()
        self._report: EligibilityReport | None = None

        self.score_ids = protocol.scores_used(criterion)
        self.scores = QLabel(body)
        self.scores.setProperty("role", "hint")
        self.scores.setWordWrap(True)
        frame = QFrame(body)
        frame.setProperty("role", "scores")
        frame_layout = QVBoxLayout(frame)
        frame_layout.addWidget(self.scores)
        frame.setVisible(bool(self.score_ids))
        layout.addWidget(frame)

        self.verdict = VerdictPanel(words, body)
        layout.addWidget(self.verdict)

        note_label = QLabel(self.tr("Source &document (where this was verified)"), body)
        self.note = QLineEdit(body)
        self.note.setPlaceholderText(self.tr("e.g. CBC report 2026-11-19, hospital lab system"))
        self.note.setAccessibleName(self.tr("Source document for %s") % criterion.id)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setWidget(body)
        self.note.editingFinished.connect(lambda: self.noteEdited.emit(self.criterion.id, self.note.text()))

    def show_report(self, report: EligibilityReport) -> None:
        self._report = report
        self._show_verdict()
        if self.score_ids:
            self.scores.setText("\n".join(self.words.score(report.scores[s]) for s in self.score_ids))

    def refused(self) -> dict[str, str]:
        """Fact id -> the value refused in its field on this page, as typed."""
        return {e.fact.id: text for e in self.editors if (text := e.refused_text()) is not None}

    def _show_verdict(self) -> None:
        if self._report is not None:
            self.verdict.show_result(self._report.result(self.criterion.id), self.refused())

    def first_input(self) -> QWidget:
        """The first fact asked, else the source note."""
        return next((e for e in self.editors if e.fact.id not in self._unasked), self.note)

    def first_empty_input(self) -> QWidget:
        """Where the keyboard starts on this page: the first field asked, open to entries and empty,
        else the source note."""
        for editor in self.editors:
            target = editor.focus_target()
            if editor.fact.id not in self._unasked and not self._read_only and target.isEnabled() \
                    and editor.is_empty():
                return target
        return self.note

    def focus_first_empty(self) -> QWidget:
        """Put the keyboard in the page's first empty field (`first_empty_input`), scrolled into
        view; returns it."""
        target = self.first_empty_input()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(target)
        return target

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for editor in self.editors:
            editor.set_read_only(read_only or editor.fact.id in self._unasked)
        self.note.setReadOnly(read_only)

    def show_asked(self, not_asked: Mapping[str, object]) -> None:
        """Disable the editors of the facts not asked with the answers given, the condition beside each."""
        unasked = frozenset(f for f in self.asked_notes if f in not_asked)
        if unasked == self._unasked:
            return
        self._unasked = unasked
        for editor in self.editors:
            note = self.asked_notes.get(editor.fact.id)
            if note is None:
                continue
            off = editor.fact.id in unasked
            editor.set_read_only(self._read_only or off)
            note.setVisible(off)
            editor.setAccessibleDescription(note.text() if off else "")
