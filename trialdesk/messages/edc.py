"""Words of `trialdesk edc`: what each export wrote, and why one is refused."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages import EN, Messages

KEYS: dict[str, str] = {
    "edc.wrote_ie": QT_TRANSLATE_NOOP("edc.wrote_ie", "wrote the IE records of {count} screenings of {protocol} to {file}"),
    "edc.wrote_dictionary": QT_TRANSLATE_NOOP(
        "edc.wrote_dictionary", "wrote the REDCap data dictionary of {protocol} ({count} fields) to {file}"),
    "edc.wrote_records": QT_TRANSLATE_NOOP("edc.wrote_records", "wrote {count} REDCap records of {protocol} to {file}"),
    "edc.file_exists": QT_TRANSLATE_NOOP(
        "edc.file_exists", "{file} exists already: give another name, or --replace to write over it"),
    "edc.bad_range": QT_TRANSLATE_NOOP("edc.bad_range", "--from {date_from} is after --to {date_to}"),
}

# Joined to the others' as the edc command loads this module: nothing else words an export to an EDC.
EN.update(KEYS)


class EdcWords(Messages):
    """The sentences of the EDC exports, in one language."""

    def wrote(self, what: str, count: int, protocol: str, file: str) -> str:
        """What an export wrote (`what`: "ie", "dictionary" or "records")."""
        return self.t(f"edc.wrote_{what}", count=count, protocol=protocol, file=file)

    def file_exists(self, file: str) -> str:
        return self.t("edc.file_exists", file=file)

    def bad_range(self, date_from: str, date_to: str) -> str:
        return self.t("edc.bad_range", date_from=date_from, date_to=date_to)
