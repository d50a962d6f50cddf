"""How states look: verdict icons drawn by shape as well as colour, and the style sheet.

Shapes carry the meaning (tick, cross, question mark, bar), so a verdict reads the same in
greyscale and for colour-blind users; the word is always shown beside it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from trialdesk.resources import resource_path

PASSES, EXCLUDES, OPEN = "passes", "excludes", "open"
#: how a not-applicable criterion looks: it passes, but it was not tested, so it is not a tick
NOT_APPLICABLE = "not_applicable"
COLOURS = {PASSES: "#1b7f3b", EXCLUDES: "#b3261e", OPEN: "#8a6d00", NOT_APPLICABLE: "#5f6b7a"}


@cache
def state_icon(state: str, size: int = 32) -> QIcon:
    """A tick in a filled circle (passes), a cross in a filled square (excludes), a question
    mark in a dashed circle (open), or a bar in a plain circle (not applicable)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[state])
    box = QRectF(2, 2, size - 4, size - 4)
    white = QPen(QColor("white"), size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    if state == PASSES:
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box)
        painter.setPen(white)
        tick = QPainterPath(QPointF(size * 0.28, size * 0.52))
        tick.lineTo(size * 0.44, size * 0.68)
        tick.lineTo(size * 0.73, size * 0.34)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif state == EXCLUDES:
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box, size / 8, size / 8)
        painter.setPen(white)
        painter.drawLine(QPointF(size * 0.3, size * 0.3), QPointF(size * 0.7, size * 0.7))
        painter.drawLine(QPointF(size * 0.7, size * 0.3), QPointF(size * 0.3, size * 0.7))
    elif state == NOT_APPLICABLE:
        painter.setPen(QPen(colour, size / 12))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))
        painter.setPen(QPen(colour, size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(size * 0.3, size * 0.5), QPointF(size * 0.7, size * 0.5))
    else:
        painter.setPen(QPen(colour, size / 12, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))
        font = QFont()
        font.setPixelSize(int(size * 0.6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return QIcon(pixmap)


def set_flag(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and restyle the widget."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


#: what a window manager's frame and title bar may add around a window before it is shown (once shown,
#: the frame is measured)
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget) -> QRect:
    """Where a top-level window may go on the screen it is on (or will open on): the screen less
    its taskbars and docks."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int, *, centre: bool = False) -> None:
    """Give a top-level `window` `width` × `height`, or as much of its screen's available area as
    there is, its frame included; with `centre`, place it in the middle of that area (a dialog is
    placed over its parent by Qt, inside the area). Its contents scroll or wrap below that size."""
    area = available_area(window)
    frame = window.frameGeometry().size() - window.geometry().size() if window.isVisible() else FRAME_ALLOWANCE
    size = QSize(min(width, area.width() - frame.width()), min(height, area.height() - frame.height()))
    window.resize(size)
    if centre:
        window.move(area.x() + (area.width() - size.width() - frame.width()) // 2,
                    area.y() + (area.height() - size.height() - frame.height()) // 2)


def style_sheet() -> str:
    return resource_path("ui/app.qss").read_text(encoding="utf-8")


BUNDLED_FONTS = ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "fonts/wqy-microhei.ttc")


_translators: list = []


def install_language(app: QApplication, lang: str) -> int:
    """Translate the interface (our catalogue) and Qt's own dialogs (Qt's qtbase catalogue);
    returns how many catalogues were installed."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if lang == "en":
        return 0
    ours = QTranslator(app)
    if ours.load(str(resource_path(f"translations/trialdesk_{lang}.qm"))):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    return len(_translators)


def prepare_application(app: QApplication) -> None:
    """The style sheet, and the bundled fonts: Latin and Chinese text render on a machine with
    no fonts of its own (a Chinese character falls back to WenQuanYi Micro Hei)."""
    for font in BUNDLED_FONTS:
        QFontDatabase.addApplicationFont(str(resource_path(font)))
    app.setStyleSheet(style_sheet())
