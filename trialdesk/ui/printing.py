"""The worksheet on screen and on paper, page by page from the PDF itself (PDFium renders it),
so what is previewed and printed is exactly the file that is signed or filed."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
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


def print_with_preview(pdf: bytes, parent: QWidget) -> None:
    """Qt's print preview; its Print button opens the system print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.paintRequested.connect(lambda target: paint_pdf(pdf, target))
    dialog.exec()
    dialog.deleteLater()
