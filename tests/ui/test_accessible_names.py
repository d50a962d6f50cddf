"""Every interactive widget of every screen has a name a screen reader can say: each criterion page
of the bundled protocol (every editor, every line of a medication history, the joint figures), the
summary, the log and every dialog. The name is the one assistive technology reads (Qt's accessible
interface: the widget's accessible name, else its text, else its label's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from tests.ui.screens import every_screen

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit, QTextEdit)


def interactive(widget: QWidget) -> bool:
    """A widget a person works with (not Qt's own parts: a spin box's line, a scroll bar, a viewport)."""
    if isinstance(widget, (QScrollBar, QMenuBar, QHeaderView)) or widget.objectName().startswith("qt_"):
        return False
    if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)):
        return False  # a part of a field or a table (a spin box's line, a clear button): the whole speaks for it
    if isinstance(widget, INTERACTIVE):
        return True
    takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return takes_tab and not isinstance(widget, QAbstractScrollArea)  # a drawn figure, a custom field


def unnamed(top: QWidget) -> dict[QWidget, str]:
    """The interactive widgets of `top` (shown or waiting to be) whose accessible name is empty."""
    missing = {}
    for widget in top.findChildren(QWidget):
        if widget.window() is not top or not interactive(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        if not (face.text(QAccessible.Text.Name) if face is not None else "").strip():
            where = widget.parentWidget()
            path = []
            while where is not None and where is not top:
                path.append(type(where).__name__)
                where = where.parentWidget()
            label = getattr(widget, "text", lambda: "")() or widget.toolTip()
            missing[widget] = f"{type(widget).__name__} {label!r} in {' < '.join(path[:4])}"
    return missing


def test_every_interactive_widget_of_every_screen_has_an_accessible_name(qtbot, window, site_people):
    missing: dict[QWidget, str] = {}  # each widget once, on the first screen it is part of
    widgets: set[QWidget] = set()
    for shown, top in every_screen(qtbot, window, site_people):
        widgets.update(w for w in top.findChildren(QWidget) if w.window() is top and interactive(w))
        for widget, what in unnamed(top).items():
            missing.setdefault(widget, f"{shown}: {what}")
    assert len(widgets) > 300  # every page's editors were looked at
    assert not missing, "\n".join(missing.values())
