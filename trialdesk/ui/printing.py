"""The worksheet on screen and on paper, page by page from the PDF itself (PDFium renders it),
so what is previewed and printed is exactly the file that is signed or filed.

The preview opens at the width of the page, and PgUp/PgDn turn its pages (Home/End: the first and
the last), whatever has the focus in it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget


_FORMATS = {
    "BGR": QImage.Format.Format_BGR888,
    "BGRA": QImage.Format.Format_ARGB32,
    "BGRX": QImage.Format.Format_RGB32,
    "L": QImage.Format.Format_Grayscale8,
}


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of a PDF as an image at `dpi`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, _FORMATS[bitmap.mode])
            images.append(image.copy())  # the copy owns its pixels once PDFium's buffer is gone
            page.close()
    finally:
        document.close()
    return images


def page_pixmaps(pdf: bytes, width: int) -> list[QPixmap]:
    """Pages scaled to `width` pixels, for a preview."""
    return [QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            for image in page_images(pdf, 110)]


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draw every page onto the printer's pages; returns how many were drawn."""
    images = page_images(pdf, min(printer.resolution(), 300))
    painter = QPainter(printer)
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return len(images)


class PreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of a PDF, at page width, paged with PgUp/PgDn; Print opens the system dialog."""

    def __init__(self, pdf: bytes, printer: QPrinter, parent: QWidget, title: str | None = None) -> None:
        super().__init__(printer, parent)
        self.printer = printer  # Qt does not own it: it must live as long as the dialog
        self.setObjectName("printPreview")
        self.setWindowTitle(title or self.tr("Print preview"))
        self.setAccessibleName(self.windowTitle())
        self.preview = self.findChild(QPrintPreviewWidget)
        self.preview.setAccessibleName(self.tr("Pages"))
        self.preview.setToolTip(self.tr("PgDn: next page, PgUp: previous page, Home: first, End: last"))
        self.paintRequested.connect(lambda target: paint_pdf(pdf, target))
        current = self.preview.currentPage
        for keys, turn in ((QKeySequence.StandardKey.MoveToNextPage, lambda: self.turn_to(current() + 1)),
                           (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.turn_to(current() - 1)),
                           (Qt.Key.Key_Home, lambda: self.turn_to(1)),
                           (Qt.Key.Key_End, lambda: self.turn_to(self.preview.pageCount()))):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(turn)
            self.addAction(action)
        fit_width = self.findChild(QAction, "fitWidthAction")
        if fit_width is not None:  # the dialog's own button, so that its toolbar shows the mode
            fit_width.trigger()
        else:  # pragma: no cover (a Qt without the named action)
            self.preview.fitToWidth()

    def turn_to(self, page: int) -> None:
        self.preview.setCurrentPage(max(1, min(page, self.preview.pageCount())))


def print_with_preview(pdf: bytes, parent: QWidget, title: str | None = None) -> None:
    """Qt's print preview, at page width; its Print button opens the system print dialog."""
    dialog = PreviewDialog(pdf, QPrinter(QPrinter.PrinterMode.HighResolution), parent, title)
    dialog.exec()
    dialog.deleteLater()
