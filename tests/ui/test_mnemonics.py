"""No two things on one screen answer the same Alt+letter: Alt+N is Next and nothing else, Alt+P
one thing. Checked on every window and dialog, in each state that shows other widgets."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QWidget

from tests.ui.screens import every_screen


def mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Alt+key -> the texts that answer it among the widgets shown in `top` (buttons, labels with a
    buddy, group boxes, the menu bar's menus), enabled or not (a greyed one answers once enabled)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty():
            found[key.toString()].append(text)

    for widget in top.findChildren(QWidget):
        if widget.window() is not top or not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if action.isVisible():
                add(action.text())
    return found


def menu_clashes(window: QMainWindow) -> list[str]:
    """Within each menu of the menu bar, its entries' mnemonics."""
    clashes = []
    for title in window.menuBar().actions():
        seen: dict[str, list[str]] = defaultdict(list)
        for action in title.menu().actions():
            key = QKeySequence.mnemonic(action.text())
            if action.isVisible() and not key.isEmpty():
                seen[key.toString()].append(action.text())
        clashes += [f"menu {title.text()}: {key} is {texts}" for key, texts in seen.items() if len(texts) > 1]
    return clashes


def test_every_window_and_dialog_has_unique_mnemonics(qtbot, window, site_people):
    clashes = []
    checked = 0
    for shown, top in every_screen(qtbot, window, site_people):
        checked += 1
        clashes += [f"{shown}: {key} is {texts}" for key, texts in mnemonics(top).items() if len(texts) > 1]
    clashes += menu_clashes(window)
    assert checked >= 28 + 10
    assert not clashes, "\n".join(clashes)


def test_next_and_no_and_protocol_and_print_are_apart(qtbot, window, site_people):
    """The clashes the issue found: Alt+N Next and No, Alt+P Protocol and Print."""
    screens = dict((shown, mnemonics(top)) for shown, top in every_screen(qtbot, window, site_people))
    assert screens["criterion page E4"]["Alt+N"] == ["&Next ▶"]  # a page of yes/no questions
    assert screens["the summary"]["Alt+P"] == ["&Print worksheet…"]
    assert screens["the screening log"]["Alt+T"] == ["Pro&tocol:"]
