"""The last guard of the interface: an unexpected error becomes a dialog with a reference,
its details go to errors.log in the data directory, and nothing entered is lost (every
entry was saved as it was made)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from trialdesk.private import open_private

ERROR_LOG = "errors.log"


def log_error(log_dir: Path, exc: BaseException, tb: TracebackType | None) -> str:
    """Append the error to the log and return its reference."""
    from secrets import token_hex

    reference = datetime.now().strftime("TD-%Y%m%d-%H%M%S-") + token_hex(2).upper()
    with open_private(log_dir / ERROR_LOG, "a", encoding="utf-8") as log:
        log.write(f"--- {reference} {datetime.now().astimezone().isoformat()} {type(exc).__name__}\n")
        log.write(_places(tb))
    return reference


def _places(tb: TracebackType | None) -> str:
    """Where it happened: files, lines and functions only. The exception's message and the source
    lines can carry values, names or initials, and never reach the log."""
    return "".join(f"  at {Path(frame.filename).name}:{frame.lineno} in {frame.name}\n"
                   for frame in traceback.extract_tb(tb))


def install_error_handler(log_dir: Path, parent: Callable[[], QWidget | None]) -> None:
    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if _storage_message(exc, log_dir, parent()):  # a full or failing disk is said as such, not "unexpected"
            return
        try:
            reference = log_error(log_dir, exc, tb)
        except OSError:
            reference = "—"
        QMessageBox.critical(
            parent(),
            QWidget.tr("Something went wrong"),
            QWidget.tr("trialdesk met an unexpected problem (reference %1). Everything entered up to now is saved. "
                       "The details are in %2; please pass the reference on to whoever supports trialdesk at your site.")
            .replace("%1", reference).replace("%2", str(log_dir / ERROR_LOG)),
        )

    sys.excepthook = handle


def _storage_message(exc: BaseException, data_dir: Path, parent: QWidget | None) -> bool:
    """Show a full, read-only or failing disk in plain words; False for any other error."""
    from trialdesk.desk import storage_failure
    from trialdesk.messages import Messages

    failure = storage_failure(exc, data_dir)
    if failure is None:
        return False
    words = getattr(parent, "words", None) or Messages()
    QMessageBox.warning(parent, words.t("disk.not_saved"), words.store_error(failure.code, failure.params))
    return True
