"""`trialdesk selftest`: proves an installed (or frozen) trialdesk is complete, with no network.

It loads every bundled protocol, checks the calculators against published values,
evaluates every bundled example subject against the verdict its name states, makes a
throwaway identity, renders, signs and verifies a worksheet in a throwaway database, and
opens and closes the main window offscreen, and puts the Qt binding through a few hundred
ordinary edits (a binding that mishandles references fails here, before a site's window
aborts mid-entry). Exit 0 only when every step passes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

GOLDEN = (  # (calculator, arguments, published value): REFERENCE.md §3
    ("das28_esr", (4, 5, Decimal(44), Decimal(12)), "4.56"),
    ("das28_esr", (4, 5, Decimal(7), Decimal(50)), "3.81"),
    ("das28_crp", (4, 5, Decimal(44), Decimal(12)), "4.24"),
    ("das28_crp", (5, 6, Decimal(8), Decimal(51)), "4.40"),
)


def _protocols() -> str:
    from trialdesk.desk.protocols import load_protocol
    from trialdesk.resources import bundled_protocols

    found = bundled_protocols()
    for path in found.values():
        load_protocol(path)
    if "NCT03798028" not in found:
        raise AssertionError("NCT03798028 is not bundled")
    return f"{len(found)} protocols"


def _calculators() -> str:
    from trialdesk.domain.scores import das28

    for name, args, expected in GOLDEN:
        value = round(getattr(das28, name)(*args), 2)
        if f"{value:.2f}" != expected:
            raise AssertionError(f"{name}{args} = {value}, published {expected}")
    return f"{len(GOLDEN)} published values"


def _examples() -> str:
    from trialdesk.domain.evaluation import evaluate, parse_facts
    from trialdesk.desk.protocols import find_protocol
    from trialdesk.resources import resource_root

    files = sorted((resource_root() / "examples").glob("*.json"))
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        protocol = find_protocol(data["protocol"])
        on = date.fromisoformat(data["screening_date"])
        overall = evaluate(protocol, parse_facts(protocol, data["facts"], on), on).overall.value
        expected = path.stem.rsplit("-", 1)[1]
        if overall != expected:
            raise AssertionError(f"{path.name}: {overall}, expected {expected}")
    if not files:
        raise AssertionError("no example subjects are bundled")
    return f"{len(files)} example subjects"


def _worksheet(folder: Path) -> str:
    from trialdesk.desk import Site
    from trialdesk.domain.people import Role, Task
    from trialdesk.messages import Messages
    from trialdesk.resources import resource_path
    from trialdesk.settings import AppSettings
    from trialdesk.worksheet.signing import open_identity

    data = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    password, secret = os.urandom(12).hex(), os.urandom(12).hex().encode()
    with Site(AppSettings(data_dir=folder / "worksheet")) as site:
        admin = site.create_first_administrator("Self Test Administrator", password)
        given, password = password, os.urandom(12).hex()
        admin.add_user("Self Test", Role.PRINCIPAL_INVESTIGATOR, given)
        pi = site.sign_in("Self Test", given)
        pi.change_password(given, password)  # the administrator's word is replaced by the owner's
        pi.delegate("Self Test", {Task.ENTER, Task.SIGN}, date.today())
        protocol = site.protocol("NCT03798028")
        session = pi.start_screening(protocol, {**data["subject"], "screening_date": data["screening_date"]},
                                     data["facts"], site="selftest")
        pi.complete(session, password)
        identity = open_identity(pi.create_identity(secret), secret)
        signed = pi.sign(session, identity, password, Messages(protocol))
        check = site.check_worksheet(signed.path.read_bytes())
        if check.outcome != "verified":
            raise AssertionError(f"the signed worksheet does not verify: {check.all_problems}")
        broken = bytearray(signed.document.pdf)
        broken[len(broken) // 2] ^= 1
        if site.check_worksheet(bytes(broken)).outcome != "broken":
            raise AssertionError("a changed byte went unnoticed")
    return f"signed and verified {signed.path.name}"


def _signed_in_site(folder: Path):
    """A throwaway site for the window steps: an administrator, and a principal investigator who
    delegates themself data entry and signing from today, signed in. Returns (site, desk)."""
    from trialdesk.desk import Site
    from trialdesk.domain.people import Role, Task
    from trialdesk.settings import AppSettings

    site = Site(AppSettings(data_dir=folder))
    try:
        admin_password, password = os.urandom(12).hex(), os.urandom(12).hex()
        given = os.urandom(12).hex()
        site.create_first_administrator("Self Test Administrator", admin_password).add_user(
            "Self Test", Role.PRINCIPAL_INVESTIGATOR, given)
        investigator = site.sign_in("Self Test", given)
        investigator.change_password(given, password)  # the administrator's word is replaced by the owner's
        investigator.delegate("Self Test", {Task.ENTER, Task.SIGN}, site.clock().date())
    except Exception:
        site.close()
        raise
    return site, investigator


def _window(folder: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from trialdesk.ui.look import prepare_application
    from trialdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application(app)
    site, desk = _signed_in_site(folder / "window")
    with site:
        window = MainWindow(site, desk)
        window.show()
        app.processEvents()
        window._warm_up()
        shown = window.isVisible()
        signed_in = window.signed_in.text()
        window.close()
        app.processEvents()
    if not shown:
        raise AssertionError("the main window did not show")
    if "Self Test" not in signed_in:
        raise AssertionError(f"the window does not say who is signed in: {signed_in!r}")
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    missing = {"DejaVu Sans", "WenQuanYi Micro Hei"} - families
    if missing:
        raise AssertionError(f"bundled fonts not available to the window: {sorted(missing)}")
    from trialdesk.ui.look import install_language

    installed = install_language(app, "zh_CN")
    install_language(app, "en")
    if installed != 2:
        raise AssertionError(f"the Chinese catalogues (trialdesk's and Qt's own) did not both load ({installed} of 2)")
    return (f"main window opened signed in and closed ({app.platformName()}; bundled Latin and Chinese fonts "
            "registered; Chinese catalogues load)")


SOAK_EDITS = 400  # enough to show a binding that drops or keeps references; the suite runs 5,000


def _binding(folder: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as binding_version
    from PySide6.QtWidgets import QApplication

    from trialdesk.resources import resource_path
    from trialdesk.ui.look import prepare_application
    from trialdesk.ui.main_window import MainWindow
    from trialdesk.ui.soak import soak

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application(app)
    data = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    subject = {**data["subject"], "screening_date": data["screening_date"]}
    known = {fact_id: data["facts"][fact_id] for fact_id in ("date_of_birth", "sex", "consent_date")}
    site, desk = _signed_in_site(folder / "soak")
    with site:
        window = MainWindow(site, desk)
        session = desk.start_screening(site.protocol("NCT03798028"), subject, known, site="selftest")
        window.show()
        window.open_screening(session.screening.id)
        editors = [editors[0] for fact_id, editors in window.view.editors.items() if fact_id not in known]
        result = soak(editors, SOAK_EDITS)
        window.close()
        app.processEvents()
    if not result.sound:
        raise AssertionError(f"the Qt binding (PySide6 {binding_version}) mishandles references: {result.describe()}")
    return f"PySide6 {binding_version}: {result.describe()}"


def run() -> int:
    steps: list[tuple[str, Callable[..., str]]] = [
        ("protocols", _protocols), ("calculators", _calculators), ("example subjects", _examples),
        ("worksheet", _worksheet), ("window", _window),
        ("Qt binding", _binding),
    ]
    failed = 0
    started = datetime.now()
    with tempfile.TemporaryDirectory(prefix="trialdesk-selftest-") as folder:
        for name, step in steps:
            try:
                detail = step(Path(folder)) if step.__code__.co_argcount else step()
            except Exception as error:  # every failure is reported, then the next step runs
                failed += 1
                print(f"FAILED  {name}: {type(error).__name__}: {error}")
                traceback.print_exc(limit=3, file=sys.stderr)
            else:
                print(f"ok      {name}: {detail}")
    seconds = (datetime.now() - started).total_seconds()
    print(f"selftest {'passed' if not failed else 'FAILED'} in {seconds:.1f} s")
    return 0 if not failed else 1
