"""Rendering and signing the NCT03798028 worksheet, against reportlab rendering a plain table
document with the same page count plus pyHanko signing it, side by side (goal: within 1.5x).

Run: .venv/bin/python -m bench.bench_worksheet [--write]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date, datetime, timezone
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from bench.common import update_readme
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.screening import Screening, Subject
from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path
from trialdesk.worksheet.content import Signature, build_content
from trialdesk.worksheet.render import render_worksheet
from trialdesk.worksheet.signing import create_identity, open_identity, sign_pdf


def plain_document(pages: int) -> bytes:
    rows = [[f"row {i}", "some text in a cell", "another cell", str(i * 7)] for i in range(pages * 44)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def main() -> None:
    protocol = find_protocol("NCT03798028")
    data = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    on = date.fromisoformat(data["screening_date"])
    report = evaluate(protocol, parse_facts(protocol, data["facts"], on), on)
    words = Messages(protocol)
    subject = Subject(**{**data["subject"], "date_of_birth": data["facts"]["date_of_birth"], "sex": "female",
                         "screening_date": on, "consent_date": data["facts"]["consent_date"]})
    screening = Screening(id=1, protocol_id=protocol.id, protocol_version=protocol.version, site="01", subject=subject,
                          answers=data["facts"], created_at=datetime.now(timezone.utc), created_by="bench")
    identity = open_identity(create_identity("Wang Li", "principal_investigator", b"bench passphrase"), b"bench passphrase")
    signature = Signature(name="Wang Li", role="principal_investigator", signed_at=datetime.now().astimezone(), meaning="bench",
                          delegation="enter data, decide eligibility and sign, from 2026-01-01", certificate_sha256=identity.fingerprint)

    def ours() -> bytes:
        content = build_content(protocol, screening, report, words, site_name="Site", site_number="01",
                                program_version="bench", signature=signature)
        rendered = render_worksheet(content, words)
        return sign_pdf(rendered.pdf, identity, page=rendered.signature_page, box=rendered.signature_box, reason="bench")

    signed = ours()  # warm: fonts registered, pyHanko imported
    import pypdfium2

    page_count = len(pypdfium2.PdfDocument(signed))

    def baseline() -> bytes:
        return sign_pdf(plain_document(page_count), identity, page=0, box=(50, 50, 250, 120), reason="bench")

    baseline()
    ours_samples, base_samples = [], []
    for _ in range(15):
        for run, samples in ((ours, ours_samples), (baseline, base_samples)):
            start = time.perf_counter()
            run()
            samples.append(time.perf_counter() - start)
    mine, base = statistics.median(ours_samples) * 1e3, statistics.median(base_samples) * 1e3
    print(f"plain {page_count}-page table document, rendered and signed: {base:7.1f} ms")
    print(f"NCT03798028 worksheet ({page_count} pages), rendered and signed:  {mine:7.1f} ms   ratio {mine / base:.2f}x")
    if "--write" in sys.argv:
        update_readme({
            f"Render and sign the NCT03798028 worksheet ({page_count} pages) vs a plain {page_count}-page reportlab table document + pyHanko signing":
                (f"{mine:.0f} ms vs {base:.0f} ms ({mine / base:.2f}x)", "within 1.5x"),
        })


if __name__ == "__main__":
    main()
