"""The inactivity lock's clock: a single-shot timer that every key press or click anywhere in
the application starts again (21 CFR 11.300; ICH E6(R3) Annex 1 §4.2).

The key presses and clicks are seen by an event filter on the application, which Qt calls for
every event of every object. It is installed once the window is on screen (its first paint, or
`WATCH_AFTER_MS` at the latest, or a screening opened, whichever comes first), not before: the first events handed to a Python filter make the
bindings set up each Qt type they meet, a cost the first paint need not wait for. The count runs
from the start all the same; a key pressed before the filter is in place (there is hardly time
for one) can only make the lock come sooner, never later."""

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

#: the filter is in place this long after the lock is made even if the window is not painted by then
WATCH_AFTER_MS = 250


class _FirstPaint(QObject):
    """Calls `then` once, on the event loop's next turn after `widget` is first painted."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.then = widget, then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)
        return False


class IdleLock(QObject):
    """Calls `on_idle` once `minutes` pass with no activity; a non-positive `minutes` never does.

    `parent` is the window locked: the watching starts once it is painted."""

    def __init__(self, minutes: float, on_idle: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.enabled = minutes > 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, round(minutes * 60_000)) if self.enabled else 0)
        self.timer.timeout.connect(on_idle)
        self._watching = False  # counting: activity starts the count again
        self._installed = False  # the application's filter is in place
        self._ready = False  # the window is on screen: the filter may go in
        if self.enabled:
            _FirstPaint(parent, self.on_screen)
            QTimer.singleShot(WATCH_AFTER_MS, self, self.on_screen)
        self.resume()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # called for every event of every object while counting: it does no more than compare the type
        if event.type() in ACTIVITY:
            self.timer.start()
        return False  # only watched, never consumed

    def on_screen(self) -> None:
        """The window is on screen (or about to take entries: a screening opens): watch from now on."""
        self._ready = True
        self._install(self._watching)

    def _install(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self._installed or (on and not self._ready):
            return
        self._installed = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def pause(self) -> None:
        """Stop counting (while the window is locked): nothing is watched meanwhile."""
        self._watching = False
        self._install(False)
        self.timer.stop()

    def resume(self) -> None:
        """Count again from now; a lock that never locks watches nothing."""
        if self.enabled:
            self._watching = True
            self._install(True)
            self.timer.start()

    def stop(self) -> None:
        """For good: the window is closing."""
        self.pause()
