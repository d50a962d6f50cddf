"""A clinic list for `trialdesk prescreen`: read by `trialdesk.desk.candidates_file` (shared with the window)."""

from trialdesk.desk.candidates_file import (
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_ROW_CHARS,
    MAX_ROWS,
    Candidate,
    CandidatesFile,
    CandidatesRefused,
    Column,
    columns,
)

__all__ = ["MAX_CELL_CHARS", "MAX_FILE_BYTES", "MAX_ID_CHARS", "MAX_ROW_CHARS", "MAX_ROWS", "Candidate",
           "CandidatesFile", "CandidatesRefused", "Column", "columns"]
