"""The screening log as the site service offers it to the interface (reading only): the rows the
window shows, what each screening still leaves open, and a screening's one-page summary.

A page of rows is one query: the screenings, who entered and signed each. The time spent on each,
from its audit trail, is one more query for the rows on screen (or part of the page's when the log
is ordered by it). What is still open is worked out from each screening's answers as the
screening view does (the protocol file it started under, on its screening date): its answers are
read in one query on the interface thread, and the evaluation can run on another.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from trialdesk.domain.log import WORKING_PAUSE, LogEntry, LogFilter, LogRow, ScreeningStatus, Signing, still_open
from trialdesk.persistence.screening_log import PIPELINE_COLUMNS, enrolment_of
from trialdesk.persistence.screening_log import ScreeningLog as StoredLog

if TYPE_CHECKING:
    from trialdesk.desk.protocol_versions import SiteProtocols
    from trialdesk.desk.site import Site
    from trialdesk.domain.screening import Screening
    from trialdesk.domain.verdict import CriterionResult

__all__ = ["OpenCriteria", "ScreeningLog", "SORT_KEYS", "reading", "summary_job"]

#: What a page of rows can be ordered by, each with its SQL (over the query's rows, named `page`).
SORT_KEYS = {
    "screening_number": "page.screening_number",
    "initials": "page.initials",
    "screening_date": "page.screening_date",
    "consent_date": "page.consent_date",
    "status": "page.status",
    "failed_criteria": "page.failed_criteria",
    "version": "page.version",
    "protocol_id": "page.protocol_id",
    "entered_by": "page.created_by",  # the first name shown: who started it
    "signed": "julianday(substr(page.signed, instr(page.signed, char(31)) + 1))",
    "time_spent": "page.seconds",
}
#: Orders that need every filtered screening's trail and signatures before the page is cut.
_BY_WHOLE_LOG = frozenset({"signed", "time_spent"})
#: Audit actions that are no one's work on the screening.
_NOT_WORK = ("protocol_sha256",)  # a hash recorded by the program on upgrade

#: The time spent on each screening in `{ids}` (a subquery or a list): each gap between two of its
#: audit entries counts unless it is longer than the pause given (parameters: the actions that
#: are no one's work, then the pause in seconds).
_SPENT = """
steps AS (
    SELECT screening_id,
           (julianday(at_utc) - julianday(LAG(at_utc) OVER (PARTITION BY screening_id ORDER BY seq))) * 86400.0 AS gap
    FROM audit WHERE screening_id IN ({ids}) AND action NOT IN ({not_work})
),
spent AS (
    SELECT screening_id, TOTAL(CASE WHEN gap <= ? THEN gap END) AS seconds FROM steps GROUP BY screening_id
)"""

# The time spent is read with a page only when the log is ordered by it: it reads every audit entry
# of the page's screenings, which costs more than the rest of the page together (the window asks
# `time_spent` for the rows it shows once they are on screen). Who entered, signed and completed
# each row are subqueries on the tables' screening indexes, cheaper than joins of the whole page.
_ROWS = """
WITH page AS (
    SELECT id, protocol_id, protocol_version, screening_number, version, initials, screening_date, consent_date,
           status, failed_criteria, screen_failure_reason, created_by, first_id, attempt, rescreen_of
    FROM screenings{where}{page_order}
),
{spent},
shown AS (
    SELECT page.*,
           (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT entered_by AS name FROM answers
                                                       WHERE answers.screening_id = page.id)) AS entered,
           (SELECT signer || char(31) || signed_at FROM documents WHERE documents.screening_id = page.id
            ORDER BY signed_at DESC LIMIT 1) AS signed,
           (SELECT name || char(31) || completed_at FROM completions WHERE completions.screening_id = page.id
            ORDER BY id DESC LIMIT 1) AS completed,
           spent.seconds,
           (SELECT MAX(seq) FROM audit WHERE audit.screening_id = page.id) AS last_seq,
           {pipeline}
    FROM page LEFT JOIN spent ON spent.screening_id = page.id
)
SELECT id, protocol_id, protocol_version, screening_number, version, initials, screening_date, consent_date, status,
       failed_criteria, screen_failure_reason, created_by, entered, signed, completed, seconds, last_seq,
       attempt, rescreen_number, enrolment
FROM shown AS page
{order}
"""


class ScreeningLog(StoredLog):
    """The site's screening log, with the rows its window shows."""

    def rows(
        self,
        log_filter: LogFilter = LogFilter(),
        *,
        limit: int = 100,
        offset: int = 0,
        order_by: str = "screening_date",
        descending: bool = True,
    ) -> list[LogRow]:
        """One page of rows in one query, newest screening date first unless `order_by` (a key of
        `SORT_KEYS`) says otherwise."""
        if order_by not in SORT_KEYS:
            raise ValueError(f"cannot sort the log by {order_by!r}; expected one of {tuple(SORT_KEYS)}")
        where, args = self._where(log_filter)
        direction = "DESC" if descending else "ASC"
        order = f" ORDER BY {SORT_KEYS[order_by]} {direction}, page.id {direction}"
        whole = order_by in _BY_WHOLE_LOG  # else the page is cut first, and only its rows are joined
        spent = _SPENT.format(ids="SELECT id FROM page" if order_by == "time_spent" else "NULL",
                              not_work=", ".join("?" for _ in _NOT_WORK))
        sql = _ROWS.format(pipeline=PIPELINE_COLUMNS.format(t="page"), where=where, page_order="" if whole else order.replace("page.", "") + " LIMIT ? OFFSET ?",
                           spent=spent, order=order + (" LIMIT ? OFFSET ?" if whole else ""))
        cut = [limit, offset]
        params = [*args, *([] if whole else cut), *_NOT_WORK, WORKING_PAUSE.total_seconds(), *(cut if whole else [])]
        return [_row(r) for r in self._read.execute(sql, params)]

    def time_spent(self, ids: Iterable[int]) -> dict[int, timedelta]:
        """The time spent on each of these screenings (one query); a screening with no audit entry is left out."""
        ids = list(ids)
        if not ids:
            return {}
        spent = _SPENT.format(ids=", ".join("?" for _ in ids), not_work=", ".join("?" for _ in _NOT_WORK))
        rows = self._read.execute(f"WITH {spent} SELECT screening_id, seconds FROM spent",
                                  [*ids, *_NOT_WORK, WORKING_PAUSE.total_seconds()])
        return {sid: timedelta(seconds=round(seconds)) for sid, seconds in rows}


def _signing(text: str | None) -> Signing | None:
    """ "name<US>ISO time" as the query gives it."""
    if text is None:
        return None
    name, _, at = text.rpartition("\x1f")
    return Signing(name, datetime.fromisoformat(at))


def _row(r: tuple) -> LogRow:
    entry = LogEntry(
        id=r[0], protocol_id=r[1], protocol_version=r[2], screening_number=r[3], version=r[4], initials=r[5],
        screening_date=date.fromisoformat(r[6]), consent_date=date.fromisoformat(r[7]),
        status=ScreeningStatus(r[8]), failed_criteria=tuple(r[9].split()), screen_failure_reason=r[10],
        attempt=r[17], rescreen_of=r[18], enrolment=enrolment_of(r[19]),
    )
    others = sorted(set((r[12] or "").split("\x1f")) - {"", r[11]})
    return LogRow(
        entry=entry,
        entered_by=(r[11], *others),
        signed=_signing(r[13]),
        completed=_signing(r[14]),
        time_spent=None if r[15] is None else timedelta(seconds=round(r[15])),
        last_change=r[16] or 0,
    )


def reading(log: StoredLog) -> ScreeningLog:
    """`log` with the window's rows: itself, or the same site's log read through this class."""
    return log if isinstance(log, ScreeningLog) else ScreeningLog(log.database)


@dataclass(frozen=True)
class _Screening:
    id: int
    on: date
    answers: dict[str, Any]


class OpenCriteria:
    """What is still open in some screenings: their answers read at once (`read`, on the thread that
    owns the database), then `evaluate`, which reads only protocol files and may run on any thread."""

    def __init__(self, protocols: SiteProtocols, groups: Sequence[tuple[Screening, Sequence[_Screening]]]) -> None:
        self.protocols = protocols
        self.groups = groups

    @classmethod
    def read(cls, site: Site, ids: Iterable[int]) -> OpenCriteria:
        """The answers of the screenings `ids`, in one query, grouped by the protocol file each is read under."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return cls(site.protocols, ())
        marks = ", ".join("?" for _ in ids)
        found: dict[int, _Screening] = {}
        files: dict[tuple[str, str, str | None], list[int]] = {}
        for sid, protocol_id, version, sha256, on, fact_id, value in site.database.connection.execute(
            "SELECT s.id, s.protocol_id, s.protocol_version, s.protocol_sha256, s.screening_date, a.fact_id, a.value "
            f"FROM screenings s LEFT JOIN answers a ON a.screening_id = s.id WHERE s.id IN ({marks})", ids,
        ):
            if sid not in found:
                found[sid] = _Screening(sid, date.fromisoformat(on), {})
                files.setdefault((protocol_id, version, sha256), []).append(sid)
            if fact_id is not None:
                found[sid].answers[fact_id] = json.loads(value)
        # the protocol file of each group is found from one of its screenings (one load per file, not per row)
        groups = [(site.screening(members[0]), [found[m] for m in members]) for members in files.values()]
        return cls(site.protocols, groups)

    def evaluate(self) -> dict[int, tuple[CriterionResult, ...] | None]:
        """Each screening's results still open (or waiting for a date), in protocol order; None for a
        screening whose protocol file cannot be read."""
        from trialdesk.domain.evaluation import evaluate
        from trialdesk.persistence.errors import ProtocolFileError
        from trialdesk.session import parse_stored

        results: dict[int, tuple[CriterionResult, ...] | None] = {}
        for representative, members in self.groups:
            try:
                protocol = self.protocols.of_screening(representative).protocol
            except ProtocolFileError:
                results.update((m.id, None) for m in members)
                continue
            for member in members:
                facts, _unreadable = parse_stored(protocol, member.answers, member.on)
                results[member.id] = still_open(evaluate(protocol, facts, member.on).results)
        return results


def summary_job(site: Site, screening_id: int, lang: str) -> Callable[[], bytes]:
    """The one-page summary of a screening as it stands, in `lang`: what it prints is read now (on
    the thread that owns the database); the returned function renders the PDF, on any thread."""
    from trialdesk.messages import Messages
    from trialdesk.signoff import worksheet_content
    from trialdesk.worksheet.summary import SignedMark, render_summary

    session = site.read_only_session(screening_id)
    words = Messages(session.protocol, lang)
    content = worksheet_content(site.store, session, words, completion=site.completion(screening_id))
    documents = site.documents(screening_id)
    signed = SignedMark(documents[-1].signer, documents[-1].role, documents[-1].signed_at) if documents else None
    printed_at = site.clock()
    return lambda: render_summary(content, words, signed=signed, printed_at=printed_at)


def consort(log: StoredLog, log_filter: LogFilter, criteria_order: Sequence[str]):
    """The CONSORT counts of the screenings the filter keeps (its statuses aside: every outcome counts),
    each subject once, and of the candidates pre-screened in its period."""
    from dataclasses import replace

    from trialdesk.domain.consort import OutcomeGroup, PrescreenGroup, consort_counts
    from trialdesk.persistence.screening_log import consort_groups, prescreen_groups

    log_filter = replace(log_filter, statuses=(), search="", include_superseded=False)
    groups = [OutcomeGroup(status, tuple(failed.split()), outcome, reason, subjects, attempts)
              for status, failed, outcome, reason, subjects, attempts in consort_groups(log, log_filter)]
    prescreens = [PrescreenGroup(result, became, n) for result, became, n in prescreen_groups(log, log_filter)]
    return consort_counts(groups, prescreens, criteria_order=criteria_order)
