"""A value as a person types it: read by `trialdesk.desk.typed_values` (one rule for the window and the command line)."""

from trialdesk.desk.typed_values import MAX_VALUE, parse_value

__all__ = ["MAX_VALUE", "parse_value"]
