"""What a command needs from the world: settings, the site database, protocols, words."""

from __future__ import annotations

import argparse
import sys
from functools import cached_property
from pathlib import Path

from trialdesk.domain.protocol import Protocol
from trialdesk.persistence.database import Database
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_log import ScreeningLog
from trialdesk.persistence.screening_store import ScreeningStore
from trialdesk.session import ScreeningSession
from trialdesk.settings import AppSettings


class Context:
    """Built from the parsed arguments; opens the database only when a command needs it."""

    def __init__(self, args: argparse.Namespace) -> None:
        overrides = {"data_dir": Path(args.data_dir)} if getattr(args, "data_dir", None) else {}
        self.settings = AppSettings(**overrides)
        self.actor = getattr(args, "by", None) or self.settings.user

    @cached_property
    def database(self) -> Database:
        return Database(self.settings.database_path, on_wait=lambda message: print(message, file=sys.stderr))

    @cached_property
    def store(self) -> ScreeningStore:
        return ScreeningStore(self.database)

    @cached_property
    def log(self) -> ScreeningLog:
        return ScreeningLog(self.database)

    def protocol(self, id_or_file: str) -> Protocol:
        return find_protocol(id_or_file, self.settings.protocol_dir)

    def session(self, reference: str) -> ScreeningSession:
        screening = self.store.find(reference)
        return ScreeningSession(self.store, self.protocol(screening.protocol_id), screening, actor=self.actor)

    def close(self) -> None:
        if "database" in self.__dict__:
            self.database.close()
