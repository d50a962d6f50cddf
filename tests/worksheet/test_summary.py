"""The one-page summary of a screening the log prints: subject, overall result, the criteria that
decide it or are still open, who entered, completed and signed it and when; always one page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.worksheet.conftest import NCT, sign
from tests.worksheet.pages import english_left, flat, page_texts, quoted_data, worded_elsewhere
from trialdesk.domain.verdict import Effect
from trialdesk.signoff import worksheet_content, worksheet_words
from trialdesk.worksheet.summary import SignedMark, render_summary

PRINTED = datetime(2026, 11, 21, 8, 30, tzinfo=timezone(timedelta(hours=8)))


def summary(site, name: str, lang: str = "en", **kwargs) -> tuple[object, list[str]]:
    words, alt = worksheet_words(NCT, lang)
    session = site.sessions[name]
    content = worksheet_content(site.store, session, words, alt_words=alt,
                                completion=site.site.completion(session.screening.id))
    return content, [flat(t) for t in page_texts(render_summary(content, words, printed_at=PRINTED, **kwargs))]


@pytest.mark.parametrize("name", ["eligible", "ineligible", "incomplete"])
def test_one_page_with_the_subject_the_result_and_what_decides_it(site, name):
    content, pages = summary(site, name)
    assert len(pages) == 1
    page = pages[0]
    assert "Screening summary" in page and "Screening no. S-00" in page and "Initials" in page
    assert f"Overall result: {name.upper()}" in page
    report = site.sessions[name].report
    deciding = {"ineligible": (Effect.EXCLUDES,), "incomplete": (Effect.OPEN, Effect.PENDING)}.get(name, ())
    for result in report.results:
        assert (site.words.effect(result) in page) == (result.effect in deciding), result.criterion_id
    assert "Entered by Chen Hua: 2026-11-20" in page
    assert ("Completed by Chen Hua, Study coordinator: 2026-11-20" in page) == (name != "incomplete")
    assert "Not signed" in page
    assert f"Printed 2026-11-21 08:30+08:00 · worksheet content SHA-256 {content.digest()}" in page
    assert "not the eligibility worksheet" in page and "pages that follow" not in page


def test_a_signed_screening_says_who_signed_and_when(site):
    signed = sign(site, "eligible")
    document = signed.document
    mark = SignedMark(document.signer, document.role, document.signed_at)
    _, (page,) = summary(site, "eligible", signed=mark)
    assert f"Signed by Wang Li, Principal investigator: {document.signed_at.isoformat(sep=' ', timespec='minutes')}" \
        in page
    assert "Not signed" not in page


def test_long_reasons_and_many_open_criteria_still_fit_one_page(site):
    words, _ = worksheet_words(NCT, "en")
    content = worksheet_content(site.store, site.sessions["incomplete"], words)
    entries = tuple(e.model_copy(update={"effect": "open", "effect_text": f"{e.criterion_id} not decided yet",
                                         "reason": e.reason + " " + "a long reason, " * 40})
                    for e in content.entries)
    crowded = content.model_copy(update={"entries": entries, "deciding": tuple(e.criterion_id for e in entries)})
    (page,) = [flat(t) for t in page_texts(render_summary(crowded, words))]
    assert "Criteria not decided yet (28)" in page
    assert "I1 not decided yet" in page and "… and" in page and "E21" in page  # the rest named by id


def test_the_chinese_summary_has_no_english_of_its_own(site):
    content, pages = summary(site, "ineligible", "zh_CN")
    assert len(pages) == 1
    assert english_left(pages[0], quoted_data(NCT, content, ("Chen Hua", "Wang Li")) + worded_elsewhere(content)) == []
    assert "筛选摘要" in pages[0] and "总体结论" in pages[0]


def test_the_bilingual_summary_is_in_both_languages(site):
    _, (page,) = summary(site, "ineligible", "bilingual")
    assert "筛选摘要 / Screening summary" in page and "Overall result" in page and "总体结论" in page
    assert "Entered by Chen Hua" in page and "录入人 Chen Hua" in page
