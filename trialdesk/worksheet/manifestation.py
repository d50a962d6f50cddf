"""The worksheet's signing part, kept together on the page: the investigator's statement, the
coordinator's "completed by" and the investigator's signature manifestations (21 CFR 11.50: who,
role, date and time with the UTC offset, meaning), and the line for a handwritten signature.
On a bilingual worksheet each label is in both languages and each value printed once."""

from __future__ import annotations

from datetime import timezone

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.fonts import SANS
from trialdesk.worksheet.voices import INLINE

SIGNATURE_HEIGHT = 20 * mm  # at least: the box the PDF signature field covers
WET_INK_HEIGHT = 8 * mm


class _SignatureBox(Flowable):
    """The signature manifestation, boxed; remembers where on which page it was drawn."""

    def __init__(self, table: Table, where: dict) -> None:
        super().__init__()
        self.table = table
        self.where = where

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self.where.update(page=canvas.getPageNumber() - 1, box=(int(x), int(y), int(x + self.width), int(y + self.height)))
        super().drawOn(canvas, x, y, _sW)


class Manifestations:
    """The signing part of a renderer that has `words`, `voices`, `p`, `width` and `frame_height`."""

    def _signing(self, content: WorksheetContent, where: dict) -> list[Flowable]:
        """The investigator's statement, both signature manifestations and the line for ink: kept together."""
        v, p = self.voices, self.p
        evidence = []
        if content.audit_hash:
            evidence = [p(v.t("ws.evidence", seq=content.audit_seq, head=content.audit_hash,
                              protocol=content.protocol_sha256 or "—"), "small")]
        return [p(v.t("ws.statement", INLINE), "subheading"), p(content.statement),
                p(v.t("ws.completion", INLINE), "subheading"), self._completion(content),
                p(v.t("ws.signature", INLINE), "subheading"), _SignatureBox(self._signature(content), where),
                *evidence, Spacer(1, 2 * mm), self._wet_ink()]

    @staticmethod
    def _when(at) -> dict[str, str]:
        offset = at.strftime("%z")
        return {"local": at.strftime("%Y-%m-%d %H:%M:%S"), "offset": f"{offset[:3]}:{offset[3:]}",
                "utc": at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")}

    def _labelled(self, label_key: str, key: str, value: str, **params) -> str:
        """A labelled line: the message itself on a worksheet in one language; on a bilingual one
        the label in both languages and the value once."""
        if self.voices.alt is None:
            return self.words.t(key, **params)
        return f"{self.voices.t(label_key, INLINE)}: {value}"

    def _moment(self, at) -> str:
        when = self._when(at)
        if self.voices.alt is None:
            return self.words.t("ws.signed_at", **when)
        return f"{self.voices.t('sheet.when_label', INLINE)}: {when['local']} (UTC{when['offset']}); {when['utc']} UTC"

    def _box(self, lines: list[Flowable], line_width: float, min_height: float | None = None) -> Table:
        table = Table([[lines]], colWidths=[self.width])
        if min_height is not None:
            height = table.wrap(self.width, self.frame_height)[1]
            table = Table([[lines]], colWidths=[self.width], rowHeights=[max(min_height, height + 4)])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                   ("BOX", (0, 0), (-1, -1), line_width, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5)]))
        return table

    def _completion(self, content: WorksheetContent) -> Table:
        """The coordinator's "completed by" manifestation (outside the box the digital signature covers)."""
        v, p = self.voices, self.p
        mark = content.completion
        if mark is None:
            lines = [p(v.t("ws.not_completed", INLINE), "label")]
        else:
            completed_by = [w.t("ws.completed_by", name=mark.name, role=w.role(mark.role)) for w in v.languages]
            lines = [p(INLINE.join(completed_by), "label"),
                     p(self._moment(mark.completed_at)),
                     p(self._labelled("sheet.meaning_label", "ws.meaning", mark.meaning, meaning=mark.meaning))]
        return self._box(lines, 0.8)

    def _signature(self, content: WorksheetContent) -> Table:
        v, p = self.voices, self.p
        signature = content.signature
        if signature is None:
            lines = [p(v.t("ws.not_signed", INLINE), "label")]
        else:
            signed_by = [w.t("ws.signed_by", name=signature.name, role=w.role(signature.role)) for w in v.languages]
            lines = [
                p(INLINE.join(signed_by), "label"),
                p(self._moment(signature.signed_at)),
                p(self._labelled("sheet.meaning_label", "ws.meaning", signature.meaning, meaning=signature.meaning)),
                p(self._labelled("sheet.delegation_label", "ws.delegation", signature.delegation,
                                 entry=signature.delegation), "small"),
                p(self._labelled("sheet.certificate_label", "ws.certificate", signature.certificate_sha256,
                                 fingerprint=signature.certificate_sha256), "small"),
            ]
        return self._box(lines, 1.2, SIGNATURE_HEIGHT)

    def _wet_ink(self) -> Table:
        v, p = self.voices, self.p
        third = self.width / 3
        rows = [[p(v.t("ws.wet_ink", INLINE), "label"), "", ""], ["", "", ""],
                [p(v.t("ws.wet_ink_line"), "small"), p(v.t("ws.wet_ink_name"), "small"), p(v.t("ws.wet_ink_date"), "small")]]
        table = Table(rows, colWidths=[third] * 3, rowHeights=[None, WET_INK_HEIGHT, None])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("SPAN", (0, 0), (-1, 0)),
                                   ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 10)]))
        return table
