"""The Chinese worksheet has no English left, and the bilingual one is bilingual throughout:
labels, facts, effects, the overall result, the signature block and its meaning, the PDF's
signature reason. Read back from the pages, every page."""

from __future__ import annotations

from io import BytesIO

import pytest

from tests.worksheet.conftest import NCT, investigator, pdfsig
from tests.worksheet.pages import compact, english_left, flat, page_texts, quoted_data, worded_elsewhere
from trialdesk.domain.verdict import Effect
from trialdesk.messages import Messages
from trialdesk.signoff import draft_worksheet, worksheet_content, worksheet_words
from trialdesk.worksheet.content import default_meaning

PEOPLE = ("Chen Hua", "Wang Li")
ZH, EN = Messages(NCT, "zh_CN"), Messages(NCT, "en")


def chinese(site, name: str, lang: str = "zh_CN"):
    words, alt = worksheet_words(NCT, lang)
    session = site.sessions[name]
    completion = site.site.completion(session.screening.id)
    content = worksheet_content(site.store, session, words, alt_words=alt, completion=completion)
    pdf = draft_worksheet(site.store, session, words, alt_words=alt, completion=completion).pdf
    return content, page_texts(pdf)


@pytest.mark.parametrize("name", ["eligible", "ineligible", "incomplete"])
def test_the_chinese_worksheet_says_every_word_of_its_own_in_chinese(site, name):
    """Labels, headings, header and footer, the result and its criteria, the effects, the signature
    block: on every page, no English word but abbreviations, units and codes. What the messages
    package words (reasons, scores, answers) is left to the test below."""
    content, pages = chinese(site, name)
    quoted = quoted_data(NCT, content, PEOPLE) + worded_elsewhere(content)
    for number, text in enumerate(pages, start=1):
        left = english_left(text, quoted)
        assert left == [], (number, left)
    assert "总体结论" in pages[0] and any(w in pages[0] for w in ("合格", "不合格", "未完成"))


def test_no_english_is_left_anywhere_on_the_chinese_worksheet(site):
    content, pages = chinese(site, "ineligible")
    quoted = quoted_data(NCT, content, PEOPLE)
    left = {number: english_left(text, quoted) for number, text in enumerate(pages, start=1)}
    assert not any(left.values()), left


def test_the_bilingual_worksheet_is_bilingual_throughout(site):
    content, pages = chinese(site, "ineligible", "bilingual")
    first, everything = compact(pages[0]), compact(" ".join(pages))

    def on(page: str, *texts: str) -> bool:
        return all(compact(text) in page for text in texts)

    assert on(first, "入选资格核查表 / Eligibility worksheet", "总体结论", "Overall result", "不合格", "INELIGIBLE")
    assert ZH.t("sheet.excluded_by", count=4) != EN.t("sheet.excluded_by", count=4)
    assert on(first, ZH.t("sheet.excluded_by", count=4), EN.t("sheet.excluded_by", count=4))
    for result in site.sessions["ineligible"].report.results:  # every effect in both languages
        assert ZH.effect(result) != EN.effect(result)
        assert on(everything, ZH.effect(result), EN.effect(result))
        if result.effect is Effect.EXCLUDES:  # the deciding ones on the first page too
            assert on(first, ZH.effect(result), EN.effect(result))
    for key in ("ws.registry_text", "ws.facts", "ws.reason", "ws.source", "ws.entered", "ws.screening_number",
                "ws.date_of_birth", "ws.consent", "ws.site", "ws.statement", "ws.signature", "ws.wet_ink_line"):
        assert on(everything, ZH.t(key), EN.t(key)), key
    assert on(first, "第 1 页，共", "Page 1 of", "女 / Female")
    assert on(everything, f"{ZH.fact_label('haemoglobin')} / {EN.fact_label('haemoglobin')}:")  # facts by both labels
    for words, overall in ((ZH, "不合格"), (EN, "INELIGIBLE")):
        assert on(everything, words.t("ws.statement_text", protocol=NCT.id, version=NCT.version, overall=overall))
    i5 = site.sessions["ineligible"].report.result("I5")
    from trialdesk.domain.verdict import Outcome

    assert on(everything, ZH.reason(Outcome(i5.verdict, i5.reason)), EN.reason(Outcome(i5.verdict, i5.reason)))
    assert content.alt_language == "en" and content.sex_alt == "Female"


def signed_bilingually(site):
    words, alt = worksheet_words(NCT, "bilingual")
    signed = site.pi.sign(site.sessions["ineligible"], investigator(site), site.people.pi.password, words,
                          alt_words=alt)
    return signed, signed.path.read_bytes()


def test_the_bilingual_signature_block_is_in_both_languages_and_verifies(site):
    signed, pdf = signed_bilingually(site)
    assert "Signature Validation: Signature is Valid." in pdfsig(signed.path)
    check = site.site.check_worksheet(pdf)
    assert check.outcome == "verified", check.all_problems
    page = next(flat(t) for t in page_texts(pdf) if "Signed by Wang Li" in t)
    assert "签署人：Wang Li，主要研究者 / Signed by Wang Li, Principal investigator" in page
    assert "签名含义 / Meaning of the signature:" in page and "日期和时间 / Date and time:" in page
    assert "签名当日的授权 / Delegation on the signing date:" in page
    assert "总体结论" in page and "Overall result" in page  # the result stands with the signature
    assert "录入完成人：Chen Hua，研究协调员 / Completed by Chen Hua, Study coordinator" in page


def test_the_default_meaning_of_a_bilingual_signature_is_in_both_languages():
    from trialdesk.domain.verdict import EligibilityReport

    report = EligibilityReport(NCT.id, NCT.version, NCT.version_date, (), {})
    meaning = default_meaning(NCT, report, ZH, EN)
    assert meaning == f"{default_meaning(NCT, report, ZH)} / {default_meaning(NCT, report, EN)}"
    assert "研究者的入选资格判定" in meaning and "Investigator's eligibility decision" in meaning


def test_the_pdfs_signature_reason_of_a_bilingual_worksheet_is_in_both_languages(site):
    from pyhanko.pdf_utils.reader import PdfFileReader

    signed, pdf = signed_bilingually(site)
    reason = str(PdfFileReader(BytesIO(pdf)).embedded_signatures[0].sig_object["/Reason"])
    assert reason == signed.document.meaning
    assert "研究者的入选资格判定" in reason and "Investigator's eligibility decision" in reason
    page = next(flat(t) for t in page_texts(pdf) if "Signed by Wang Li" in t)
    assert f"签名含义 / Meaning of the signature: {reason}" in page
