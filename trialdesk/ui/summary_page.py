"""The summary: the overall verdict, every criterion that excludes or is still open with its
reason and a link to its page, the criteria that do not apply (they pass), and the decisions
taken from here. Each link is a button: Tab reaches it, Return or Space follows it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.screening import Screening
from trialdesk.domain.verdict import Effect, EligibilityReport, Outcome, Overall, Verdict
from trialdesk.messages import Messages
from trialdesk.ui.criterion_page import appearance
from trialdesk.ui.look import EXCLUDES, NOT_APPLICABLE, OPEN, PASSES, state_icon

if TYPE_CHECKING:
    from trialdesk.desk import Completion

OVERALL_STATE = {Overall.ELIGIBLE: PASSES, Overall.INELIGIBLE: EXCLUDES, Overall.INCOMPLETE: OPEN}


class SummaryPage(QScrollArea):
    jumpTo = Signal(str)  # a criterion id
    screenFailureRequested = Signal()
    completeRequested = Signal()
    signRequested = Signal()
    printRequested = Signal()

    def __init__(self, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Summary"))
        body = QWidget(self)
        self.layout_ = QVBoxLayout(body)
        top = QHBoxLayout()
        self.icon = QLabel(body)
        self.overall = QLabel(body)
        self.overall.setProperty("role", "overall")
        top.addWidget(self.icon)
        top.addWidget(self.overall, 1)
        self.layout_.addLayout(top)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.completion = QLabel(body)
        self.completion.setObjectName("completion")
        self.completion.setWordWrap(True)
        self.completion.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.completion)
        self.heading = QLabel(body)
        self.heading.setProperty("role", "heading")
        self.layout_.addWidget(self.heading)
        self.items = self._section()
        self.not_applicable_heading = QLabel(body)
        self.not_applicable_heading.setProperty("role", "heading")
        self.layout_.addWidget(self.not_applicable_heading)
        self.not_applicable_items = self._section()
        actions = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Co&mplete…"), body)
        self.complete_button.setToolTip(self.tr("Sign, with your password, that the data entry is complete"))
        self.sign_button = QPushButton(self.tr("&Review and sign…"), body)
        self.print_button = QPushButton(self.tr("&Print worksheet…"), body)
        self.fail_button = QPushButton(self.tr("Record &screen failure…"), body)
        for button in (self.complete_button, self.sign_button, self.print_button, self.fail_button):
            button.setAutoDefault(True)  # Return presses the one with the keyboard, as Space does
        actions.addWidget(self.complete_button)
        actions.addWidget(self.sign_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.fail_button)
        actions.addStretch(1)
        self.actions = actions
        self.layout_.addLayout(actions)
        self.layout_.addStretch(1)
        self.setWidget(body)
        self.fail_button.clicked.connect(self.screenFailureRequested)
        self.complete_button.clicked.connect(self.completeRequested)
        self.sign_button.clicked.connect(self.signRequested)
        self.print_button.clicked.connect(self.printRequested)
        self.links: dict[str, QLabel] = {}  # the reasons of the rows shown, in protocol order
        self.not_applicable_links: dict[str, QLabel] = {}  # the reasons of the not-applicable rows shown
        self._rows: dict[tuple[str, bool], tuple[QLabel, QPushButton, QLabel]] = {}

    def _section(self) -> QGridLayout:
        """A section's rows, in three columns: the state icon, the criterion and its effect as a link
        to its page, and the reason."""
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(8)
        self.layout_.addLayout(grid)
        return grid

    def _make_rows(self, criterion_ids: list[str]) -> None:
        """Every criterion's row in both sections, hidden, made once in protocol order (typing rebuilds no
        widget); Tab goes through the links shown, then the decisions."""
        for not_applicable in (False, True):
            for criterion_id in criterion_ids:
                self._rows[criterion_id, not_applicable] = self._row(criterion_id, not_applicable)
        chain = [link for _, link, _ in self._rows.values()] + [
            self.complete_button, self.sign_button, self.print_button, self.fail_button]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _row(self, criterion_id: str, not_applicable: bool) -> tuple[QLabel, QPushButton, QLabel]:
        body, grid = self.widget(), self.not_applicable_items if not_applicable else self.items
        icon = QLabel(body)
        link = QPushButton(body)
        link.setProperty("role", "link")
        link.setFlat(True)
        link.setAutoDefault(True)  # Return follows it, as Space does
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.setToolTip(self.tr("Go to %s") % criterion_id)
        link.setAccessibleName(self.tr("Go to %s") % criterion_id)
        link.clicked.connect(lambda _=False, c=criterion_id: self.jumpTo.emit(c))
        label = QLabel(body)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = grid.rowCount()
        grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(link, row, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(label, row, 2, Qt.AlignmentFlag.AlignTop)
        for widget in (icon, link, label):
            widget.hide()
        return icon, link, label

    def link(self, criterion_id: str, not_applicable: bool = False) -> QPushButton:
        """The link to a criterion's page, in its section."""
        return self._rows[criterion_id, not_applicable][1]

    def focus_first(self) -> None:
        """The keyboard goes to the first link shown, else to the first decision that can be taken now."""
        shown = [self.link(c) for c in self.links] + [self.link(c, True) for c in self.not_applicable_links]
        decisions = [b for b in (self.complete_button, self.sign_button, self.print_button) if b.isEnabled()]
        (shown or decisions or [self])[0].setFocus()

    def completion_text(self, completion: Completion | None) -> str:
        """"Completed by NAME, role, date time, meaning", or "Not completed"."""
        if completion is None:
            return self.tr("Not completed")
        at = completion.completed_at
        when = f"{at:%Y-%m-%d %H:%M} (UTC{at.isoformat()[-6:]})" if at.utcoffset() is not None else f"{at:%Y-%m-%d %H:%M}"
        return (self.tr("Completed by %1, %2, %3, %4").replace("%2", self.words.role(completion.role))
                .replace("%3", when).replace("%1", completion.name).replace("%4", completion.meaning))

    def show_report(self, report: EligibilityReport, screening: Screening, completion: Completion | None = None,
                    read_only: bool = False, refused: Mapping[str, str] | None = None) -> None:
        """`read_only`: the person may look but not change (no data-entry delegation today); `refused`:
        the values typed and refused, by fact (their reasons say so)."""
        state = OVERALL_STATE[report.overall]
        self.icon.setPixmap(state_icon(state, 40).pixmap(40, 40))
        self.overall.setText(self.tr("Overall: %s") % self.words.overall(report.overall).upper())
        self.overall.setAccessibleName(self.overall.text())
        status = self.tr("Status: %s") % self.words.status(screening.status)
        if screening.screen_failure_reason:
            status += " — " + screening.screen_failure_reason
        self.status.setText(status)
        open_results = [r for r in report.results if r.effect in (Effect.EXCLUDES, Effect.OPEN, Effect.PENDING)]
        self.heading.setText(
            self.tr("Criteria that exclude or are still open: %d") % len(open_results) if open_results
            else self.tr("Every criterion is decided and none excludes.")
        )
        not_applicable = [r for r in report.results if r.verdict is Verdict.NOT_APPLICABLE]
        self.not_applicable_heading.setText(self.tr("Not applicable, counted as passing: %d") % len(not_applicable))
        self.not_applicable_heading.setVisible(bool(not_applicable))
        if not self._rows:
            self._make_rows([r.criterion_id for r in report.results])
        self.links, self.not_applicable_links = {}, {}
        for result in report.results:
            for section, links, state in ((False, self.links, appearance(result)),
                                          (True, self.not_applicable_links, NOT_APPLICABLE)):
                shown = (result.effect is Effect.NOT_APPLICABLE if section
                         else result.effect in (Effect.EXCLUDES, Effect.OPEN, Effect.PENDING))
                icon, link, label = self._rows[result.criterion_id, section]
                for widget in (icon, link, label):
                    widget.setVisible(shown)
                if not shown:
                    continue
                icon.setPixmap(state_icon(state).pixmap(20, 20))
                effect = self.words.effect(result)
                reason = self.words.reason(Outcome(result.verdict, result.reason), refused=refused)
                link.setText(effect)
                link.setAccessibleName(self.tr("Go to %s") % effect)
                link.setAccessibleDescription(reason)
                label.setText(reason)
                links[result.criterion_id] = label
        self.completion.setText(self.completion_text(completion))
        changeable = not screening.status.locked and not read_only
        decided = report.overall is not Overall.INCOMPLETE
        self.fail_button.setEnabled(changeable and screening.status is not ScreeningStatus.SCREEN_FAILURE)
        self.complete_button.setEnabled(changeable and decided and completion is None)
        self.complete_button.setToolTip(
            self.tr("Sign, with your password, that the data entry is complete") if self.complete_button.isEnabled()
            else self.tr("Only a decided screening you may change, not completed since its last change, is completed"))
        self.sign_button.setEnabled(not screening.status.locked and decided)
        self.sign_button.setToolTip("" if self.sign_button.isEnabled() else
                                    self.tr("Only a decided screening that is not yet signed can be signed"))

