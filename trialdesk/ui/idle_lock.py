"""The inactivity lock's clock: a single-shot timer that every key press or click anywhere in
the application starts again (21 CFR 11.300; ICH E6(R3) Annex 1 §4.2)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

# Text typed through an input method (Chinese) reaches widgets as InputMethod events, not
# always as key presses; scrolling through a page while reading it is use too.
ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin,
})


class IdleLock(QObject):
    """Calls `on_idle` once `minutes` pass with no activity; a non-positive `minutes` never does."""

    def __init__(self, minutes: float, on_idle: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.enabled = minutes > 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, round(minutes * 60_000)) if self.enabled else 0)
        self.timer.timeout.connect(on_idle)
        self._watching = False
        QCoreApplication.instance().installEventFilter(self)
        self.resume()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watching and event.type() in ACTIVITY:
            self.timer.start()
        return False  # only watched, never consumed

    def pause(self) -> None:
        """Stop counting (while the window is locked)."""
        self._watching = False
        self.timer.stop()

    def resume(self) -> None:
        """Count again from now."""
        if self.enabled:
            self._watching = True
            self.timer.start()

    def stop(self) -> None:
        """For good: the window is closing."""
        self.pause()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
