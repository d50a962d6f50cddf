"""Run slow work (rendering, signing) off the interface thread; the work never touches widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.op = op
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.op()
        except Exception as error:  # handed to on_error on the interface thread
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


def run_in_background(op: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
                      parent: QObject) -> None:
    """Run `op` on the thread pool; `on_done(result)` or `on_error(exception)` run on the interface thread."""
    relay = _Relay(parent)
    relay.done.connect(on_done)
    relay.failed.connect(on_error)
    relay.done.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Job(op, relay))
