"""The CONSORT page: a period to count, the flow diagram and the chart of screen failures by
criterion as the printed picture shows them, every number beside it as text (a screen reader reads
the list), and the diagram saved as a PDF or a PNG.

The page counts nothing and writes nothing itself: `counts_for(start, end)` gives the counts of a
period (None: open-ended), `save(path, data)` writes a file the person chose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trialdesk.desk import DatabaseError
from trialdesk.domain.consort import ConsortCounts
from trialdesk.messages.consort import ConsortWords
from trialdesk.ui.date_field import DateField
from trialdesk.ui.look import set_flag
from trialdesk.worksheet.consort import render_consort_pdf, render_consort_png

Period = tuple[date | None, date | None]
#: pixels per point of the picture on screen (a saved PNG has its own, finer)
SCREEN_SCALE = 1.5


def _now() -> datetime:
    return datetime.now().astimezone()


class ConsortPage(QWidget):
    """`title_lines` head the printed page and the picture (protocol and version, site); the period
    chosen here is added under them. `now` gives the printed-at time."""

    saved = Signal(str)  # the path of a file written

    def __init__(self, words: ConsortWords, counts_for: Callable[[date | None, date | None], ConsortCounts],
                 parent: QWidget | None = None, *, save: Callable[[Path, bytes], None],
                 title_lines: Sequence[str] = (), now: Callable[[], datetime] = _now) -> None:
        super().__init__(parent)
        self.words = words
        self.counts_for = counts_for
        self.save = save
        self.title_lines = tuple(title_lines)
        self.now = now
        self.counts: ConsortCounts | None = None
        self.period: Period = (None, None)
        self.start = DateField(self)
        self.start.line.setAccessibleName(self.tr("From date"))
        self.end = DateField(self)
        self.end.line.setAccessibleName(self.tr("To date"))
        start_label = QLabel(self.tr("&From:"), self)
        start_label.setBuddy(self.start.line)
        end_label = QLabel(self.tr("&To:"), self)
        end_label.setBuddy(self.end.line)
        self.show_button = QPushButton(self.tr("&Count"), self)
        self.show_button.setToolTip(self.tr("Count the subjects screened in this period (empty: no limit)"))
        self.pdf_button = QPushButton(self.tr("Save &PDF…"), self)
        self.pdf_button.setToolTip(self.tr("The diagram, the chart and the definitions on A4"))
        self.png_button = QPushButton(self.tr("Save P&NG…"), self)
        self.png_button.setToolTip(self.tr("The diagram and the chart as a picture, for a report or a slide"))
        self.message = QLabel(self)
        self.message.setProperty("role", "problem")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (start_label, self.start, end_label, self.end, self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.png_button)

        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.picture.setAccessibleName(self.tr("CONSORT flow diagram and chart of screen failures by criterion"))
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # the picture's room stays put
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll the picture
        self.scroll.setAccessibleName(self.tr("Diagram"))
        self.numbers = QTreeWidget(self)
        self.numbers.setHeaderLabels([self.tr("Counts")])
        self.numbers.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.numbers.header().setStretchLastSection(False)  # a long line scrolls rather than ending in "…"
        self.numbers.setAccessibleName(self.tr("CONSORT counts"))
        self.numbers.setToolTip(self.tr("Every number of the diagram and the chart, as text"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.numbers)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the picture the wider, whatever the list's own wish
        splitter.splitterMoved.connect(lambda _position, _index: self._fit_picture())
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.image = QImage()

        self.show_button.clicked.connect(self.refresh)
        for field in (self.start, self.end):
            field.line.returnPressed.connect(self.refresh)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.png_button.clicked.connect(self.save_png)
        self.refresh()

    # -- counting -----------------------------------------------------------------------------------

    def _chosen(self) -> Period | None:
        """The period typed, or None (and the problem shown) when a date is not one or they are crossed."""
        dates: list[date | None] = []
        for field in (self.start, self.end):
            text = field.text()
            try:
                dates.append(date.fromisoformat(text) if text else None)
                set_flag(field.line, "invalid", False)
            except ValueError:
                set_flag(field.line, "invalid", True)
                self.message.setText(self.tr("“%1” is not a date: write it as YYYY-MM-DD").replace("%1", text))
                return None
        start, end = dates
        if start and end and start > end:
            set_flag(self.end.line, "invalid", True)
            self.message.setText(self.tr("The period ends before it starts"))
            return None
        return start, end

    @Slot()
    def refresh(self) -> None:
        """Count the period typed and show it; what was shown stays when it cannot be counted."""
        period = self._chosen()
        if period is None:
            return
        try:
            counts = self.counts_for(*period)
        except (DatabaseError, ValueError) as error:
            self.message.setText(self.tr("The counts could not be read: %1").replace("%1", str(error)))
            return
        self.message.clear()
        self.counts, self.period = counts, period
        self._show_numbers(counts)
        png = render_consort_png(counts, self.words, title_lines=self.header_lines(), printed_at=self.now(),
                                 scale=SCREEN_SCALE * self.devicePixelRatioF())
        self.image = QImage.fromData(png, "PNG")
        self._fit_picture()

    def header_lines(self) -> list[str]:
        """What heads the picture and the printed page: the lines given, then the period counted."""
        return [*self.title_lines, self.words.period(*self.period)]

    def _show_numbers(self, counts: ConsortCounts) -> None:
        self.numbers.clear()
        for heading, lines in self.words.outline(counts):
            item = QTreeWidgetItem(self.numbers, [heading])
            for line in lines:
                QTreeWidgetItem(item, [line])
        self.numbers.expandAll()
        self.picture.setAccessibleDescription("\n".join(
            line for heading, lines in self.words.outline(counts) for line in (heading, *lines)))

    @Slot()
    def _fit_picture(self) -> None:
        """The picture as wide as the room for it (never wider than drawn); the height scrolls."""
        if self.image.isNull():
            return
        ratio = self.devicePixelRatioF()
        width = min(round((self.scroll.viewport().width() - 4) * ratio), self.image.width())
        pixmap = QPixmap.fromImage(self.image).scaledToWidth(max(width, 200), Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_picture)  # once the layout has given the picture its room

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_picture)

    # -- saving -------------------------------------------------------------------------------------

    def ask_path(self, caption: str, suggested: str, filter_: str) -> str:
        """Where to save: the file dialog's answer, empty when cancelled."""
        name, _ = QFileDialog.getSaveFileName(self, caption, suggested, filter_)
        return name

    def _suggested(self, suffix: str) -> str:
        start, end = self.period
        span = "-".join(d.isoformat() for d in (start, end) if d) or self.now().date().isoformat()
        return f"consort-{span}.{suffix}"

    @Slot()
    def save_pdf(self) -> None:
        self._save(self.tr("Save the CONSORT diagram as PDF"), "pdf", self.tr("PDF documents (*.pdf)"),
                   lambda counts: render_consort_pdf(counts, self.words, title_lines=self.header_lines(),
                                                     printed_at=self.now()))

    @Slot()
    def save_png(self) -> None:
        self._save(self.tr("Save the CONSORT diagram as PNG"), "png", self.tr("PNG pictures (*.png)"),
                   lambda counts: render_consort_png(counts, self.words, title_lines=self.header_lines(),
                                                     printed_at=self.now()))

    def _save(self, caption: str, suffix: str, filter_: str, render: Callable[[ConsortCounts], bytes]) -> None:
        if self.counts is None:
            self.message.setText(self.tr("Nothing counted yet: choose a period and press Count"))
            return
        name = self.ask_path(caption, self._suggested(suffix), filter_)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        try:
            self.save(path, render(self.counts))
        except OSError as error:
            self.message.setText(self.tr("Could not save %1: %2").replace("%1", str(path))
                                 .replace("%2", error.strerror or str(error)))
            return
        self.message.clear()
        self.saved.emit(str(path))
