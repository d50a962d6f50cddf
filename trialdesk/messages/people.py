"""Who may do what: roles and tasks by name, and why the rules refuse a person an action."""

from __future__ import annotations

from typing import Any

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import EN, Words
from trialdesk.messages.shown import plain

KEYS: dict[str, str] = {
    "role.coordinator": QT_TRANSLATE_NOOP("role.coordinator", "Study coordinator"),
    "role.sub_investigator": QT_TRANSLATE_NOOP("role.sub_investigator", "Sub-investigator"),
    "role.principal_investigator": QT_TRANSLATE_NOOP("role.principal_investigator", "Principal investigator"),
    "role.site_administrator": QT_TRANSLATE_NOOP("role.site_administrator", "Site administrator"),
    "task.enter": QT_TRANSLATE_NOOP("task.enter", "enter data"),
    "task.sign": QT_TRANSLATE_NOOP("task.sign", "decide eligibility and sign"),
    "meaning.completed": QT_TRANSLATE_NOOP("meaning.completed", "Completed by: I entered or checked every fact of this screening against its source documents for protocol {protocol} version {version}."),
    "people.bad_name": QT_TRANSLATE_NOOP("people.bad_name", "a full name is needed (at most {limit} characters)"),
    "people.password_too_short": QT_TRANSLATE_NOOP("people.password_too_short", "the password must have at least {minimum} characters"),
    "people.password_too_long": QT_TRANSLATE_NOOP("people.password_too_long", "the password must have at most {maximum} characters"),
    "people.password_unchanged": QT_TRANSLATE_NOOP("people.password_unchanged", "the new password is the same as the current one"),
    "people.number_off_pattern": QT_TRANSLATE_NOOP("people.number_off_pattern", "screening number {number} is not written to the site's pattern {pattern}: the next number is {next}"),
    "people.number_pattern_too_long": QT_TRANSLATE_NOOP("people.number_pattern_too_long", "the screening-number pattern “{pattern}” is longer than 32 characters"),
    "people.number_pattern_bad_character": QT_TRANSLATE_NOOP("people.number_pattern_bad_character", "the screening-number pattern “{pattern}” holds a character no screening number may hold (letters, digits and . _ / - besides {{site}} and {{seq}} or {{seq:03}})"),
    "people.number_pattern_one_sequence": QT_TRANSLATE_NOOP("people.number_pattern_one_sequence", "the screening-number pattern “{pattern}” must hold the sequence {{seq}} (or {{seq:03}}, padded to 3 digits) exactly once, for example {{site}}-{{seq:03}}"),
    "people.not_administrator": QT_TRANSLATE_NOOP("people.not_administrator", "{name} is not a site administrator: only an administrator does this"),
    "people.instruction_needed": QT_TRANSLATE_NOOP("people.instruction_needed", "a site administrator changes the delegation log only on the principal investigator's documented instruction: give it with --instruction"),
    "people.not_delegation_keeper": QT_TRANSLATE_NOOP("people.not_delegation_keeper", "{name} may not change the delegation log: it belongs to the principal investigator"),
    "people.no_tasks": QT_TRANSLATE_NOOP("people.no_tasks", "name at least one task: enter, sign"),
    "people.sign_needs_investigator": QT_TRANSLATE_NOOP("people.sign_needs_investigator", "{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs"),
    "people.administrator_not_delegated": QT_TRANSLATE_NOOP("people.administrator_not_delegated", "{name} is a site administrator: trial tasks are delegated to coordinators and investigators"),
    "people.account_disabled": QT_TRANSLATE_NOOP("people.account_disabled", "the account of {name} is disabled"),
    "people.not_investigator": QT_TRANSLATE_NOOP("people.not_investigator", "{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs"),
    "people.not_delegated": QT_TRANSLATE_NOOP("people.not_delegated", "{name} holds no delegation to {task} on {day}"),
    "people.sign_in_failed": QT_TRANSLATE_NOOP("people.sign_in_failed", "the name or the password is wrong"),
    "people.account_locked": QT_TRANSLATE_NOOP("people.account_locked", "the account of {name} is locked after repeated failed sign-ins, until {until}"),
    "people.signed_out": QT_TRANSLATE_NOOP("people.signed_out", "sign in to make changes"),
    "people.no_account": QT_TRANSLATE_NOOP("people.no_account", "no account named {name} at this site"),
    "people.disable_self": QT_TRANSLATE_NOOP("people.disable_self", "an administrator cannot disable their own account"),
    "people.ends_before_start": QT_TRANSLATE_NOOP("people.ends_before_start", "the end date {ends} is before the start {starts}"),
    "people.no_delegation": QT_TRANSLATE_NOOP("people.no_delegation", "{name} has no delegation entry open on {day}"),
    "people.certificate_not_enrolled": QT_TRANSLATE_NOOP("people.certificate_not_enrolled", "this certificate is not enrolled to {name}: sign with your own enrolled certificate (identity create or identity import)"),
    "people.certificate_of_another": QT_TRANSLATE_NOOP("people.certificate_of_another", "this certificate is issued to “{certificate}”, not to {name}: a certificate is enrolled only to the person it names (PDF readers show that name as the signer)"),
    "people.certificate_revoked": QT_TRANSLATE_NOOP("people.certificate_revoked", "this certificate was revoked on {on}"),
    "people.certificate_expired": QT_TRANSLATE_NOOP("people.certificate_expired", "this certificate expired on {until}"),
    "people.not_completed": QT_TRANSLATE_NOOP("people.not_completed", "the screening's data entry is not completed (or changed after completion): it is completed before it is signed"),
    "people.no_password": QT_TRANSLATE_NOOP("people.no_password", "this command changes the site's records: sign in with --user NAME --password-file FILE"),
    "people.passwords_differ": QT_TRANSLATE_NOOP("people.passwords_differ", "the two entries differ: nothing was changed"),
    "people.stdin_twice": QT_TRANSLATE_NOOP("people.stdin_twice", "the password and the passphrase cannot both come from standard input: give one of them in a file"),
    "people.must_change_password": QT_TRANSLATE_NOOP("people.must_change_password", "{name} still has the password an administrator gave: choose your own first (trialdesk user password, or the window asks at sign-in)"),
    "what.reason": QT_TRANSLATE_NOOP("what.reason", "reason"),
    "what.meaning": QT_TRANSLATE_NOOP("what.meaning", "meaning of the signature"),
    "what.instruction": QT_TRANSLATE_NOOP("what.instruction", "instruction"),
    "what.name": QT_TRANSLATE_NOOP("what.name", "name"),
    "what.source_note": QT_TRANSLATE_NOOP("what.source_note", "source-document note"),
    "people.control_characters": QT_TRANSLATE_NOOP("people.control_characters", "the {what} holds control or invisible formatting characters: type it as plain text"),
    "people.text_too_long": QT_TRANSLATE_NOOP("people.text_too_long", "the {what} is longer than {limit} characters"),
    "people.mixed_scripts": QT_TRANSLATE_NOOP("people.mixed_scripts", "the name mixes letters of {scripts}: a look-alike of another name is refused"),
    "people.secret_not_text": QT_TRANSLATE_NOOP("people.secret_not_text", "{file} is not UTF-8 text: save the password or passphrase in it as plain text"),
    "people.secret_unreadable": QT_TRANSLATE_NOOP("people.secret_unreadable", "{file} cannot be read: {error}"),
    "people.already_revoked": QT_TRANSLATE_NOOP("people.already_revoked", "this certificate was revoked already, on {on}"),
    "people.no_certificate": QT_TRANSLATE_NOOP("people.no_certificate", "no certificate with the SHA-256 {fingerprint} is enrolled at this site"),
    "people.reason_needed": QT_TRANSLATE_NOOP("people.reason_needed", "give the reason with --reason"),
    "people.completion_incomplete": QT_TRANSLATE_NOOP("people.completion_incomplete", "the screening is still incomplete ({open} criteria open): data entry is completed when every criterion is decided"),
    "people.delegation_used": QT_TRANSLATE_NOOP("people.delegation_used", "{name} signed under this delegation on {day}: it cannot end before that day"),
    "people.date_out_of_range": QT_TRANSLATE_NOOP("people.date_out_of_range", "{day} is outside the years {first}–{last}"),
    "people.export_onto_records": QT_TRANSLATE_NOOP("people.export_onto_records", "{target} is part of the site's own records (the database, the site file, identities, protocols): export somewhere else"),
    "people.worksheet_unreadable": QT_TRANSLATE_NOOP("people.worksheet_unreadable", "{file} cannot be read as a worksheet: {error}"),
    "people.clock_behind": QT_TRANSLATE_NOOP("people.clock_behind", "this computer's clock is behind the audit trail (its last entry is at {last}): set the clock right, then sign"),
    "people.no_site": QT_TRANSLATE_NOOP("people.no_site", "this site has no accounts yet: start with trialdesk site init --admin NAME --password-file FILE"),
    "meaning.eligibility": QT_TRANSLATE_NOOP("meaning.eligibility", "Investigator's eligibility decision: I confirm that the subject is {overall} for protocol {protocol} version {version}."),
}


class PeopleWords(Words):
    def role(self, role: str) -> str:
        return self.t(f"role.{getattr(role, 'value', role)}")

    def task(self, task: str) -> str:
        return self.t(f"task.{getattr(task, 'value', task)}")

    def refusal(self, code: str, params: dict[str, Any]) -> str:
        """Why the rules refuse this person an action, in words."""
        params = dict(params)
        if "role" in params:
            params["role"] = self.role(params["role"])
        if "task" in params:
            params["task"] = self.task(params["task"])
        if "status" in params and hasattr(self, "status"):  # a screening's status and stage, in words
            params["status"] = self.status(params["status"])
        if "stage" in params and hasattr(self, "stage"):
            params["stage"] = self.stage(params["stage"])
        if f"what.{params.get('what')}" in EN:
            params["what"] = self.t(f"what.{params['what']}")
        return self.t(f"people.{code}", **{k: plain(v) for k, v in params.items()})
