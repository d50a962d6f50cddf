"""One door into a site: the interface and the command line reach its data only through here.

`Site` opens a data directory (database, protocols, site file) and answers what anyone may
read; `Site.sign_in` gives a `Desk`, the signed-in person's hands, through which every change
is made and attributed. Roles and delegation are decided in `trialdesk.domain.people`.
"""

from trialdesk.desk.errors import DatabaseError, ProtocolFileError, Refused, StorageFailed, StoreError, storage_failure
from trialdesk.desk.site import Desk, Site
from trialdesk.persistence.people_store import Certificate, Completion

__all__ = ["Certificate", "Completion", "DatabaseError", "Desk", "ProtocolFileError", "Refused", "Site", "StorageFailed", "StoreError",
           "storage_failure"]
