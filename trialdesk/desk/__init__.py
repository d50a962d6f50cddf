"""One door into a site: the interface and the command line reach its data only through here.

`Site` opens a data directory (database, protocols, site file) and answers what anyone may
read; `Site.sign_in` gives a `Desk`, the signed-in person's hands, through which every change
is made and attributed. Roles and delegation are decided in `trialdesk.domain.people`.
"""

from typing import TYPE_CHECKING

from trialdesk.desk.errors import DatabaseError, ProtocolFileError, Refused, StorageFailed, StoreError, storage_failure

if TYPE_CHECKING:
    from trialdesk.desk.site import Desk, Site
    from trialdesk.persistence.people_store import Certificate, Completion

__all__ = ["Certificate", "Completion", "DatabaseError", "Desk", "ProtocolFileError", "Refused", "Site", "StorageFailed", "StoreError",
           "storage_failure"]


def __getattr__(name: str) -> object:
    """`Site` and `Desk` (and what they return) on first use: they bring the database and the password
    hashing, which reading a protocol or evaluating a facts file never needs (PEP 562)."""
    if name in ("Desk", "Site"):
        from trialdesk.desk import site

        return getattr(site, name)
    if name in ("Certificate", "Completion"):
        from trialdesk.persistence import people_store

        return getattr(people_store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
