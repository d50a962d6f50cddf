"""Protocol files as the site service offers them: checked, found by id, kept with the site's data.

Reading a protocol needs no database: checking a file or evaluating a facts file opens none.
"""

from trialdesk.persistence.protocol_files import find_protocol, keep_site_protocol, load_protocol, protocol_file_sha256

__all__ = ["find_protocol", "keep_site_protocol", "load_protocol", "protocol_file_sha256"]
