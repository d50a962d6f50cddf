"""Refusals of the site service, in words, and who may do a task now, as the rules say.

The interface never decides who may do what: it asks the signed-in person's `Desk` (which
applies `trialdesk.domain.people`) so that a button can say no before a form is filled in vain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trialdesk.desk.errors import DatabaseError, ProtocolFileError, Refused, StoreError, storage_failure

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.domain.people import Task
    from trialdesk.messages import Messages

#: Refusals about the password or the account itself: shown beside the password field.
ABOUT_PASSWORD = frozenset({"sign_in_failed", "account_locked", "account_disabled"})
#: Refusals about the signing certificate: shown beside the identity file.
ABOUT_CERTIFICATE = frozenset({"certificate_not_enrolled", "certificate_revoked", "certificate_expired"})


def refusal_text(words: Messages, error: BaseException) -> str | None:
    """The words for a refusal the site service raises; None for anything else (an unexpected error)."""
    failure = storage_failure(error)  # a full, read-only or failing disk, however it surfaced
    if failure is not None:
        return words.store_error(failure.code, failure.params)
    if isinstance(error, Refused):
        return words.refusal(error.code, error.params)
    if isinstance(error, StoreError):
        return words.store_error(error.code, error.params)
    if isinstance(error, ProtocolFileError):
        return error.describe()
    if isinstance(error, DatabaseError):
        return str(error)
    return None


def refused(desk: Desk, task: Task) -> Refused | None:
    """Why the signed-in person may not do `task` today, or None when they may."""
    return desk.may(task)
