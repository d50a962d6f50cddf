"""The summary: the overall verdict, every criterion that is not met or still open with its
reason and a link to its page, the criteria that do not apply (they pass), and the decisions
taken from here."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

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
        self.items = QVBoxLayout()
        self.layout_.addLayout(self.items)
        self.not_applicable_heading = QLabel(body)
        self.not_applicable_heading.setProperty("role", "heading")
        self.layout_.addWidget(self.not_applicable_heading)
        self.not_applicable_items = QVBoxLayout()
        self.layout_.addLayout(self.not_applicable_items)
        actions = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Co&mplete…"), body)
        self.complete_button.setToolTip(self.tr("Sign, with your password, that the data entry is complete"))
        self.sign_button = QPushButton(self.tr("&Review and sign…"), body)
        self.print_button = QPushButton(self.tr("&Print worksheet…"), body)
        self.fail_button = QPushButton(self.tr("Record screen &failure…"), body)
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
        self.links: dict[str, QLabel] = {}  # the rows shown, in protocol order
        self.not_applicable_links: dict[str, QLabel] = {}  # the not-applicable rows shown
        self._rows: dict[tuple[str, bool], tuple[QWidget, QLabel, QLabel]] = {}

    def _row(self, criterion_id: str, not_applicable: bool = False) -> tuple[QWidget, QLabel, QLabel]:
        """A criterion's row in its section, made once: its state icon, and its id as a link
        followed by the reason."""
        if (criterion_id, not_applicable) not in self._rows:
            row = QWidget(self.widget())
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 2, 0, 2)
            icon = QLabel(row)
            label = QLabel(row)
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.setToolTip(self.tr("Go to %s") % criterion_id)
            label.linkActivated.connect(self.jumpTo)
            layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, 1)
            (self.not_applicable_items if not_applicable else self.items).addWidget(row)
            self._rows[criterion_id, not_applicable] = (row, icon, label)
        return self._rows[criterion_id, not_applicable]

    def completion_text(self, completion: Completion | None) -> str:
        """"Completed by NAME, role, date time, meaning", or "Not completed"."""
        if completion is None:
            return self.tr("Not completed")
        at = completion.completed_at
        when = f"{at:%Y-%m-%d %H:%M} (UTC{at.isoformat()[-6:]})" if at.utcoffset() is not None else f"{at:%Y-%m-%d %H:%M}"
        return (self.tr("Completed by %1, %2, %3, %4").replace("%2", self.words.role(completion.role))
                .replace("%3", when).replace("%1", completion.name).replace("%4", completion.meaning))

    def show_report(self, report: EligibilityReport, screening: Screening, completion: Completion | None = None,
                    read_only: bool = False) -> None:
        """`read_only`: the person may look but not change (no data-entry delegation today)."""
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
            self.tr("Criteria not met or still open: %d") % len(open_results) if open_results
            else self.tr("Every criterion is decided and none excludes.")
        )
        not_applicable = [r for r in report.results if r.verdict is Verdict.NOT_APPLICABLE]
        self.not_applicable_heading.setText(self.tr("Not applicable, counted as passing: %d") % len(not_applicable))
        self.not_applicable_heading.setVisible(bool(not_applicable))
        self.links, self.not_applicable_links = {}, {}
        for result in report.results:  # rows are reused: typing rebuilds no widget
            for section, links, state in ((False, self.links, appearance(result)),
                                          (True, self.not_applicable_links, NOT_APPLICABLE)):
                row, icon, label = self._row(result.criterion_id, section)
                shown = (result.effect is Effect.NOT_APPLICABLE if section
                         else result.effect in (Effect.EXCLUDES, Effect.OPEN, Effect.PENDING))
                row.setVisible(shown)
                if not shown:
                    continue
                icon.setPixmap(state_icon(state).pixmap(20, 20))
                reason = html.escape(self.words.reason(Outcome(result.verdict, result.reason)))
                label.setText(f'<a href="{result.criterion_id}">{result.criterion_id}</a> — '
                              f"{html.escape(self.words.effect(result)[len(result.criterion_id):].lstrip())}: {reason}")
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
