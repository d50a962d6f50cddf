"""The screening log as the site service offers it to the interface (reading only)."""

from trialdesk.persistence.screening_log import ScreeningLog

__all__ = ["ScreeningLog"]
