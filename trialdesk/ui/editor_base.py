"""The base of every fact editor: label, input, help and the problem line of one fact, the raw
answer it shows and produces, and the value typed and refused that it keeps as typed.

An editor shows and produces *raw answers* (what a facts file holds); it never decides
whether a value is valid: the session does, and the editor shows the problem it is told.
`edited` fires as the user types (live evaluation), `committed` when an entry is complete
(focus leaves, Enter, a choice is made): that is when it is saved. A value typed that the
session refused stays in the field as typed (`refused_text`), for the verdict to name it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trialdesk.messages import Messages
from trialdesk.ui.look import set_flag


class AnswerSource(Protocol):
    """What an editor may read of the screening open in the window (its session gives it)."""

    @property
    def on(self) -> date: ...

    def answer(self, fact_id: str) -> Any: ...


class FactEditor(QWidget):
    """Label, input, help and the problem line of one fact."""

    edited = Signal(str, object)
    committed = Signal(str, object)
    #: the value typed was refused, or a refused one is gone (`refused_text` says which)
    refusedChanged = Signal()
    #: the window's answers, for an editor that offers to start from another fact's (set by the view)
    answers: AnswerSource | None = None

    def __init__(self, fact: Any, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fact = fact
        self.words = words
        self._loading = False
        self._typed = False  # the entry shown was typed here, not shown from what is stored
        self._refused: str | None = None
        self.label = QLabel(f"<b>{words.fact_label(fact.id)}</b>", self)
        self.label.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.layout_.addWidget(self.label)
        self.input = self.build()
        self.layout_.addWidget(self.input)
        if words.fact_help(fact.id):
            hint = QLabel(words.fact_help(fact.id), self)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            self.layout_.addWidget(hint)
        self.layout_.addWidget(self.problem)
        if not self.focus_target().accessibleName():  # an answer's button keeps its own ("Infection: Yes")
            self.focus_target().setAccessibleName(words.fact_label(fact.id))
        self._retarget_focus()

    def build(self) -> QWidget:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.input

    def _retarget_focus(self) -> None:
        """Point the label at the entry that takes the keyboard now (an editor whose fields are
        enabled by a choice calls it after each)."""
        self.label.setBuddy(self.focus_target())

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the editor goes on to its entry. Not a focus proxy: Tab arriving at a
        widget whose proxy is a child lands on that child and skips the ones before it, the unit
        before a value or the result before a number, which Tab must reach on its way."""
        self.focus_target().setFocus(event.reason())

    def raw(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def display(self, raw: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def set_value(self, raw: Any) -> None:
        """Show a stored answer without announcing an edit."""
        self._loading = True
        try:
            self.display(raw)
        finally:
            self._loading = False
        self._typed = False
        self._set_refused(None)

    def is_empty(self) -> bool:
        """Nothing is entered (the keyboard starts on the first empty field of a page)."""
        return self.raw() is None

    def entry_text(self) -> str | None:
        """The entry as the person typed it, in words ("8.5 g/L"); None when nothing is entered."""
        raw = self.raw()
        return None if raw is None else str(raw)

    def refused_text(self) -> str | None:
        """The value typed and refused, as typed ("8.5 g/L"): it stays in the field, unsaved, with
        the problem beside it; None when the field shows no refused value."""
        return self._refused

    def _set_refused(self, text: str | None) -> None:
        if text != self._refused:
            self._refused = text
            self.refusedChanged.emit()

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        """Show the session's refusal beside the field (None clears it); `paths` say where inside the
        answer each problem lies (("uln",) for a ULN), for an editor with several fields to mark the right one."""
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        set_flag(self.focus_target(), "invalid", bool(text))
        self.focus_target().setAccessibleDescription(text or "")
        self._set_refused(self.entry_text() if text and self._typed else None)

    def set_read_only(self, read_only: bool) -> None:
        self.input.setEnabled(not read_only)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self._typed = True
            self.edited.emit(self.fact.id, self.raw())

    def _committed(self, *_: object) -> None:
        if not self._loading:
            self._typed = True
            self.committed.emit(self.fact.id, self.raw())
