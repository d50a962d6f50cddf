"""The refusals a caller of the site service shows: one import for the interface and the command line."""

from trialdesk.domain.people import Refused
from trialdesk.persistence.database import DatabaseError
from trialdesk.persistence.errors import ProtocolFileError
from trialdesk.persistence.errors import StoreError
from trialdesk.persistence.storage_errors import StorageFailed, storage_failure

__all__ = ["DatabaseError", "ProtocolFileError", "Refused", "StorageFailed", "StoreError", "storage_failure"]
