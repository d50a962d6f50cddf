"""Pre-screening a clinic list against NCT03798028 (goal: at least 5,000 candidates a second).

Typical rows: a candidate id and a few facts known from records (date of birth, sex, haemoglobin with
its unit in the header or in the cell, CRP, tuberculosis, HBsAg), varied so that candidates differ;
about one row in seven is ruled out, one in fifty refused. Timed twice: the domain's decision alone
(answers in, decision out), and `trialdesk prescreen` whole in one process (the file read and checked,
every row decided and worded, the results file written), as candidates a second.

Run: .venv/bin/python -m bench.bench_prescreen [--write] [--candidates N]   (--write updates the README table)
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path

from bench.common import median_seconds, update_readme
from trialdesk.cli.main import main as trialdesk
from trialdesk.domain.prescreen import Prescreener
from trialdesk.persistence.protocol_files import find_protocol

ON = date(2026, 11, 20)
HEADER = ["candidate", "date_of_birth", "sex", "haemoglobin [g/L]", "crp", "tuberculosis", "hbv"]


def clinic_list(count: int, seed: int = 20261120) -> list[list[str]]:
    """`count` candidate rows, after the header: most cells known, some empty, a few bad."""
    pick = random.Random(seed)
    rows = [HEADER]
    for number in range(count):
        born = f"{pick.randint(1950, 2008)}-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}"
        crp = pick.choice(["", f"{pick.randint(1, 80)} mg/L", f"{pick.randint(1, 8)},{pick.randint(0, 9)} mg/dL"])
        row = [f"P{number:06d}", born, pick.choice(["female", "male", ""]), str(pick.randint(70, 160)), crp,
               pick.choice(["no"] * 12 + ["yes", ""]), pick.choice(["negative", "negative", "", "positive"])]
        if number % 50 == 49:
            row[3] = "8 5"  # not a number: the row is refused
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--candidates", type=int, default=20_000)
    args = parser.parse_args()
    rows = clinic_list(args.candidates)
    protocol = find_protocol("NCT03798028")

    raw = [dict(zip(("date_of_birth", "sex", "haemoglobin", "crp", "tuberculosis", "hbv"), row[1:])) for row in rows[1:]]
    for answers in raw:  # as the command reads the cells: the header's unit, an empty cell not known
        answers["haemoglobin"] = {"value": answers["haemoglobin"], "unit": "g/L"}
        value, _, unit = answers["crp"].partition(" ")
        answers["crp"] = {"value": value, "unit": unit} if value else None
        for fact in ("sex", "tuberculosis", "hbv"):
            answers[fact] = answers[fact] or None
    def decide_all() -> None:  # one prescreener for the list, as one command run has
        prescreener = Prescreener(protocol, ON)
        for answers in raw:
            prescreener.decide(answers)

    decide = median_seconds(decide_all, repeat=5, number=1) / len(raw)

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "candidates.csv")
        with open(source, "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)
        runs = []
        for run in range(6):  # run 0 warms up (modules imported, the protocol loaded)
            target = Path(folder, f"results-{run}.csv")
            start = time.perf_counter()
            with redirect_stderr(io.StringIO()):
                code = trialdesk(["prescreen", "--protocol", "NCT03798028", "--on", ON.isoformat(), str(source),
                                  "-o", str(target)])
            if code != 0:
                sys.exit(f"trialdesk prescreen exited {code}")
            if run:
                runs.append(time.perf_counter() - start)
    whole = statistics.median(runs)
    rate = args.candidates / whole
    print(f"decide one candidate (answers in, decision out):  {decide * 1e6:8.1f} µs  ({1 / decide:,.0f} a second)")
    print(f"trialdesk prescreen of {args.candidates:,} candidates, in one process: {whole:.2f} s  ({rate:,.0f} a second)")
    if args.write:
        update_readme({
            "`trialdesk prescreen` of NCT03798028 candidates (CSV in, results file out), in one process":
                (f"{rate:,.0f} candidates/s", "≥ 5,000 candidates/s"),
        })


if __name__ == "__main__":
    main()
