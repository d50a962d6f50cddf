"""What a command needs from the world: the site, and for a change, the person signed in.

A command that only reads opens the `Site`. A command that changes anything asks for
`context.desk`, which signs in with the global `--user NAME --password-file FILE` (a terminal
is asked, without echo, when no file is given). The password never comes from the command
line or the environment, and is kept only while this one command runs: a signature made by the
command (complete, sign) is checked against the password given for it, as 21 CFR 11.200(a) asks.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from trialdesk.desk.errors import Refused
from trialdesk.settings import AppSettings

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site
    from trialdesk.domain.protocol import Protocol
    from trialdesk.session import ScreeningSession


MAX_SECRET_FILE = 64 * 1024  # a password file holds one line


def read_secret(file: str | None, prompt: str, *, used_stdin: list[bool] | None = None) -> str:
    """A password or passphrase: from FILE, from standard input with `-`, or asked at a terminal."""
    if file and file != "-":
        try:
            with open(file, "rb") as source:
                data = source.read(MAX_SECRET_FILE)
        except OSError as error:
            raise Refused("secret_unreadable", file=file, error=error.strerror or type(error).__name__) from None
        try:
            text = data.decode("utf-8-sig")  # a byte-order mark is how Windows Notepad saves UTF-8
        except UnicodeDecodeError:
            raise Refused("secret_not_text", file=file) from None
        return text.splitlines()[0] if text.strip() else ""
    if file is None and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    if used_stdin is not None:
        if used_stdin[0]:
            raise Refused("stdin_twice")
        used_stdin[0] = True
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


class Context:
    """Built from the parsed arguments; opens the site only when a command needs it."""

    def __init__(self, args: argparse.Namespace) -> None:
        overrides = {"data_dir": Path(args.data_dir)} if getattr(args, "data_dir", None) else {}
        self.settings = AppSettings(**overrides)
        self.user = getattr(args, "user", None)
        self.password_file = getattr(args, "password_file", None)
        self.used_stdin = [False]
        self.signed_in_password = ""
        self.creates_site = bool(getattr(args, "creates_site", False))

    @cached_property
    def site(self) -> Site:
        """The site's data; only `site init` makes a new database where there is none."""
        from trialdesk.desk import Site  # the database and the password checks: only for commands that use the site

        site = Site(self.settings, on_wait=lambda message: print(message, file=sys.stderr), create=self.creates_site)
        if site.read_only_notice:
            print(f"trialdesk: {site.read_only_notice}", file=sys.stderr)
        return site

    def password(self, prompt: str = "Password: ") -> str:
        return read_secret(self.password_file, prompt, used_stdin=self.used_stdin)

    @cached_property
    def desk(self) -> Desk:
        if self.site.needs_first_administrator():
            raise Refused("no_site")
        if not self.user:
            raise Refused("no_password")
        if self.password_file is None and not (sys.stdin is not None and sys.stdin.isatty()):
            raise Refused("no_password")
        self.signed_in_password = self.password(f"Password for {self.user}: ")
        return self.site.sign_in(self.user, self.signed_in_password)

    def protocol(self, id_or_file: str) -> Protocol:
        if "site" in self.__dict__:
            return self.site.protocol(id_or_file)
        from trialdesk.desk.protocols import find_protocol

        return find_protocol(id_or_file, self.settings.protocol_dir)

    def session(self, reference: str) -> ScreeningSession:
        """A screening to change, as the signed-in person: one change, decided on what is stored."""
        return self.desk.open(reference, one_shot=True)

    def view(self, reference: str) -> ScreeningSession:
        """A screening to read."""
        return self.site.read_only_session(reference)

    def close(self) -> None:
        self.signed_in_password = ""
        if "site" in self.__dict__:
            self.site.close()
