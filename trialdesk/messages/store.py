"""The screening store's refusals and failures, and a screening's status, in words."""

from __future__ import annotations

from typing import Any

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words
from trialdesk.messages.shown import plain

KEYS: dict[str, str] = {
    "store.duplicate_screening_number": QT_TRANSLATE_NOOP("store.duplicate_screening_number", "screening number {value} is already used for protocol {protocol} at site {site}: a number names one screening"),
    "store.reason_required": QT_TRANSLATE_NOOP("store.reason_required", "this replaces a value entered earlier: give a reason for the change"),
    "store.locked": QT_TRANSLATE_NOOP("store.locked", "the screening is {status}: its answers cannot change (open a correction instead)"),
    "store.no_screening": QT_TRANSLATE_NOOP("store.no_screening", "no screening {value} in this database"),
    "store.ambiguous_screening": QT_TRANSLATE_NOOP("store.ambiguous_screening", "screening number {value} names several screenings ({candidates}); use its id, written #id"),
    "store.candidate": QT_TRANSLATE_NOOP("store.candidate", "#{id}: protocol {protocol}, site {site}"),
    "store.no_site": QT_TRANSLATE_NOOP("store.no_site", "(no site number)"),
    "store.wrong_protocol": QT_TRANSLATE_NOOP("store.wrong_protocol", "the screening belongs to protocol {value}, not {protocol}"),
    "store.not_signed": QT_TRANSLATE_NOOP("store.not_signed", "only a signed screening is corrected by a new version; this one is {status} and can be edited"),
    "store.unknown_role": QT_TRANSLATE_NOOP("store.unknown_role", "unknown role “{value}”; expected one of {roles}"),
    "store.not_delegated": QT_TRANSLATE_NOOP("store.not_delegated", "{value} is not on the site's delegation list"),
    "store.not_investigator": QT_TRANSLATE_NOOP("store.not_investigator", "{value} is on the delegation list as {role}: only a sub-investigator or the principal investigator may sign an eligibility decision"),
    "store.incomplete": QT_TRANSLATE_NOOP("store.incomplete", "the screening is incomplete: every criterion must be decided before it is signed"),
    "store.ambiguous_reference": QT_TRANSLATE_NOOP("store.ambiguous_reference", "{value} is both a screening's id and another screening's number: write #{value} for the id"),
    "store.changed_underneath": QT_TRANSLATE_NOOP("store.changed_underneath", "{who} changed this screening meanwhile ({count} change(s), the last at {when}): nothing was saved. It has been read again: look at what changed, then make your change again"),
    "store.changed_while_signing": QT_TRANSLATE_NOOP("store.changed_while_signing", "the screening changed while the worksheet was being signed: nothing was signed; complete it again and sign what it says now"),
    "store.screen_failure_recorded": QT_TRANSLATE_NOOP("store.screen_failure_recorded", "the screening is recorded as a screen failure ({reason}): it is not signed as an eligibility decision"),
    "store.no_account": QT_TRANSLATE_NOOP("store.no_account", "no account {value}"),
    "store.site_initialised": QT_TRANSLATE_NOOP("store.site_initialised", "this site has accounts already: an administrator adds people with trialdesk user add"),
    "store.account_exists": QT_TRANSLATE_NOOP("store.account_exists", "an account named {value} exists already (names are never given twice)"),
    "store.certificate_enrolled": QT_TRANSLATE_NOOP("store.certificate_enrolled", "this certificate is enrolled to {value} already"),
    "store.disk_full": QT_TRANSLATE_NOOP("store.disk_full", "the disk holding {folder} is full: nothing was saved"),
    "store.disk_read_only": QT_TRANSLATE_NOOP("store.disk_read_only", "the disk holding {folder} is read-only: nothing was saved"),
    "store.disk_io_error": QT_TRANSLATE_NOOP("store.disk_io_error", "the disk holding {folder} could not be read or written (an input/output error): nothing was saved; have the disk checked"),
    "disk.not_saved": QT_TRANSLATE_NOOP("disk.not_saved", "Not saved"),
    "disk.full": QT_TRANSLATE_NOOP("disk.full", "the disk holding {folder} is full"),
    "disk.read_only": QT_TRANSLATE_NOOP("disk.read_only", "the disk holding {folder} is read-only"),
    "disk.io_error": QT_TRANSLATE_NOOP("disk.io_error", "the disk holding {folder} could not be read or written (an input/output error)"),
    "disk.other": QT_TRANSLATE_NOOP("disk.other", "{file}: {error}"),
    "signed.copy_missing": QT_TRANSLATE_NOOP("signed.copy_missing", "signed and kept in the database; the copy in the site file could not be written ({problem}): run trialdesk site-file check"),
    "status.in_progress": QT_TRANSLATE_NOOP("status.in_progress", "in progress"),
    "status.eligible": QT_TRANSLATE_NOOP("status.eligible", "eligible"),
    "status.ineligible": QT_TRANSLATE_NOOP("status.ineligible", "ineligible"),
    "status.screen_failure": QT_TRANSLATE_NOOP("status.screen_failure", "screen failure"),
    "status.signed": QT_TRANSLATE_NOOP("status.signed", "signed"),
    "status.superseded": QT_TRANSLATE_NOOP("status.superseded", "superseded"),
}


class StoreWords(Words):
    def status(self, status: Any) -> str:
        return self.t(f"status.{getattr(status, 'value', status)}")

    def store_error(self, code: str, params: dict[str, Any]) -> str:
        """A refusal of the screening store, in words."""
        if code == "changed_underneath":
            changes = params.get("changes") or []
            who = ", ".join(dict.fromkeys(e.actor for e in changes))
            when = changes[-1].at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if changes else ""
            return self.t("store.changed_underneath", who=who, count=len(changes), when=when)
        if code == "duplicate_screening_number":
            params = {**params, "site": params.get("site") or self.t("store.no_site")}
        if code == "ambiguous_screening":
            params = {**params, "candidates": "; ".join(
                self.t("store.candidate", id=c.id, protocol=c.protocol_id, site=c.site or self.t("store.no_site"))
                for c in params.get("candidates", ()))}
        return self.t(f"store.{code}", **{k: plain(v) for k, v in params.items()})
