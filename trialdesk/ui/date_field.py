"""A date typed as YYYY-MM-DD, or picked from a calendar; empty means not entered."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction


class DateField(QWidget):
    """Typing is free (the domain checks the date); the calendar writes the ISO form."""

    textEdited = Signal(str)
    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setMaxLength(10)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pick a date from a calendar"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self._name_calendar()
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self.textEdited)
        self.line.editingFinished.connect(self.editingFinished)
        self.calendar.clicked.connect(self._picked)
        menu.aboutToShow.connect(self._show_current)

    def _name_calendar(self) -> None:
        """Every part of the calendar a screen reader reaches has a name."""
        self.calendar.setAccessibleName(self.tr("Calendar"))
        names = {"qt_calendar_calendarview": self.tr("Calendar"), "qt_calendar_prevmonth": self.tr("Previous month"),
                 "qt_calendar_nextmonth": self.tr("Next month"), "qt_calendar_monthbutton": self.tr("Month"),
                 "qt_calendar_yearbutton": self.tr("Year"), "qt_calendar_yearedit": self.tr("Year")}
        for part in self.calendar.findChildren(QWidget):
            if part.objectName() in names:
                part.setAccessibleName(names[part.objectName()])

    def text(self) -> str:
        return self.line.text().strip()

    def set_text(self, text: str) -> None:
        if self.line.text() != text:
            self.line.setText(text)

    def set_date(self, value: date) -> None:
        self.set_text(value.isoformat())

    @Slot()
    def _show_current(self) -> None:
        try:
            chosen = date.fromisoformat(self.text())
        except ValueError:
            return
        self.calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))

    @Slot(QDate)
    def _picked(self, picked: QDate) -> None:
        self.button.menu().close()
        self.line.setText(picked.toString("yyyy-MM-dd"))
        self.textEdited.emit(self.line.text())
        self.editingFinished.emit()
        self.line.setFocus()
