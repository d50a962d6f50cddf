"""The command line's speed: loading a protocol file (goal: under 20 ms), and `trialdesk evaluate`
of one subject against `python -c "import pydantic, yaml"` (goal: within 2x), side by side. Printed
beside them: the same import with one pydantic model defined, what any program built on pydantic
models pays before its own code runs.

Every figure comes from fresh processes, run in turn so that a busy machine slows them alike. A
command loads its protocol once, so the load is timed as a command meets it: the first in a new
process (its modules imported); the same load again in that process is printed beside it. The
processes run as an installed program does, from bytecode compiled once, by an unmeasured first
round, into a temporary folder (never beside the sources).

Run: .venv/bin/python -m bench.bench_cli [--write] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench.common import update_readme
from trialdesk.resources import resource_path

BARE = "import pydantic, yaml"
#: what any program that defines a pydantic model pays before its own code: printed beside the others
ONE_MODEL = BARE + "\nfrom pydantic import BaseModel\nclass One(BaseModel):\n    x: int"

#: prints the seconds of the first and of a second load of NCT03798028, in a new process
LOAD = """
import json, time
from trialdesk.persistence.protocol_files import find_protocol
times = []
for _ in range(2):
    start = time.perf_counter()
    find_protocol("NCT03798028")
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    trialdesk = [sys.executable, "-m", "trialdesk"]
    commands = {
        "bare": [sys.executable, "-c", BARE],
        "one model": [sys.executable, "-c", ONE_MODEL],
        "evaluate": [*trialdesk, "evaluate", "--protocol", "NCT03798028", str(resource_path("examples/NCT03798028-eligible.json"))],
        "help": [*trialdesk, "evaluate", "--help"],
    }
    wall: dict[str, list[float]] = {name: [] for name in commands}
    loads: list[list[float]] = []
    with tempfile.TemporaryDirectory() as bytecode:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = bytecode
        for round_ in range(args.runs + 1):  # round 0 compiles the bytecode
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
                if round_:
                    wall[name].append(time.perf_counter() - start)
            load = subprocess.run([sys.executable, "-c", LOAD], env=env, check=True, capture_output=True, text=True)
            if round_:
                loads.append(json.loads(load.stdout))
    bare, one_model, evaluate, help_ = (statistics.median(wall[name]) * 1e3 for name in ("bare", "one model", "evaluate", "help"))
    first, again = (statistics.median(times) * 1e3 for times in zip(*loads))
    print(f"load NCT03798028 (YAML and its translation, validated): {first:5.1f} ms (again in the same process: {again:.1f} ms)")
    print(f'python -c "{BARE}":                       {bare:5.0f} ms')
    print(f"the same, and one pydantic model defined:          {one_model:5.0f} ms   ratio {one_model / bare:.2f}x")
    print(f"trialdesk evaluate (one subject):                  {evaluate:5.0f} ms   ratio {evaluate / bare:.2f}x")
    print(f"trialdesk evaluate --help:                         {help_:5.0f} ms   ratio {help_ / bare:.2f}x")
    if args.write:
        update_readme({
            "Load the NCT03798028 protocol file (YAML and its translation, bounded, validated), first in a process":
                (f"{first:.1f} ms (again: {again:.1f} ms)", "< 20 ms"),
            '`trialdesk evaluate` of one subject vs `python -c "import pydantic, yaml"`, fresh processes':
                (f"{evaluate:.0f} ms vs {bare:.0f} ms ({evaluate / bare:.2f}x)", "within 2x"),
            "`trialdesk evaluate --help` vs the same":
                (f"{help_:.0f} ms vs {bare:.0f} ms ({help_ / bare:.2f}x)", "reported"),
        })


if __name__ == "__main__":
    main()
