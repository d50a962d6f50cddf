"""Re-evaluating the whole NCT03798028 protocol for one subject (goal: under 1 ms).

Run: .venv/bin/python -m bench.bench_evaluate [--write]   (--write updates the README table)
"""

from __future__ import annotations

import json
import sys
from datetime import date

from bench.common import median_seconds, update_readme
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path


def main() -> None:
    protocol = find_protocol("NCT03798028")
    data = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    on = date.fromisoformat(data["screening_date"])
    facts = parse_facts(protocol, data["facts"], on)

    evaluation = median_seconds(lambda: evaluate(protocol, facts, on).overall)
    with_parsing = median_seconds(lambda: evaluate(protocol, parse_facts(protocol, data["facts"], on), on).overall)
    print(f"evaluate all 28 criteria:           {evaluation * 1e6:8.1f} µs")
    print(f"check every answer, then evaluate:  {with_parsing * 1e6:8.1f} µs")
    if "--write" in sys.argv:
        update_readme(
            {
                "Re-evaluate all 28 criteria of NCT03798028 for one subject": (f"{evaluation * 1e3:.3f} ms", "< 1 ms"),
                "Check every answer of a complete subject, then re-evaluate": (f"{with_parsing * 1e3:.3f} ms", "< 1 ms"),
            }
        )


if __name__ == "__main__":
    main()
