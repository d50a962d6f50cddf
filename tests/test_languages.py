"""Simplified Chinese and English: every string translated, on screen and on paper."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
import xml.etree.ElementTree as ElementTree

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import _prepared  # noqa: F401  (fixtures shared with the interface tests)
from tests.worksheet.conftest import NCT, site  # noqa: F401  (the site with its screenings)
from trialdesk.i18n import catalogue, catalogue_path, languages, system_language
from trialdesk.messages import EN, Messages
from trialdesk.resources import resource_path


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_every_interface_string_and_message_is_translated(lang):
    root = ElementTree.parse(catalogue_path(lang)).getroot()
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if not (message.find("translation").text or "").strip() or message.find("translation").get("type")
    ]
    assert not untranslated
    translated = catalogue(lang)
    assert all((key, text) in translated for key, text in EN.items())  # every message, in its current wording
    for (context, source), text in translated.items():  # and each keeps the placeholders it must fill
        assert sorted(re.findall(r"\{\w+\}|%\d+|%[sd]", source)) == sorted(re.findall(r"\{\w+\}|%\d+|%[sd]", text)), source


def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    """Extracting again finds nothing the catalogue lacks (a new tr() string fails until translated)."""
    fresh = tmp_path / "fresh.ts"
    root = resource_path("..").resolve()
    sources = sorted(str(p) for folder in ("messages", "ui") for p in root.joinpath("trialdesk", folder).glob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=resource_path("..").resolve())
    def strings(path):
        root = ElementTree.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    assert strings(fresh) <= strings(catalogue_path("zh_CN"))


def test_protocol_words_in_chinese_and_the_registry_text_kept():
    words = Messages(NCT, "zh_CN")
    assert words.fact_label("haemoglobin") == "血红蛋白"
    assert words.answer("hbv", "positive") == "阳性"
    i4 = NCT.criteria[3]
    assert i4.text.startswith("Disease Activity Score (DAS) 28≥3.2或")  # the registry's words stay the source
    assert words.criterion_translation(i4).startswith("疾病活动度评分")
    assert all(words.criterion_translation(c) for c in NCT.criteria)
    assert all("zh_CN" in f.translations for f in NCT.facts)


def test_score_labels_units_and_routes_in_chinese_and_english():
    zh, en = Messages(NCT, "zh_CN"), Messages(NCT, "en")
    assert zh.score_label("acr_eular_2010") == "2010 ACR/EULAR 类风湿关节炎分类评分"
    assert zh.score_label("acr_1987") == "符合 1987 年 ACR 分类标准的条数"
    assert zh.score_label("das28_esr") == en.score_label("das28_esr") == "DAS28-ESR"  # an abbreviation stays
    units = ("weeks", "days", "mg/week", "mg/day", "mg/L", "mm/h", "min", "")
    assert [zh.unit(u) for u in units] == ["周", "天", "mg/周", "mg/天", "mg/L", "mm/h", "min", ""]
    assert [en.unit(u) for u in units] == list(units)  # English says the symbols as they are written
    routes = ("oral", "subcutaneous", "intramuscular", "intra_dermal")
    assert [zh.route(r) for r in routes] == ["口服", "皮下注射", "肌内注射", "intra-dermal"]
    assert [en.route(r) for r in routes] == ["oral", "subcutaneous", "intramuscular", "intra-dermal"]
    course = [{"drug": "methotrexate", "dose": "15", "unit": "mg/week", "route": "oral", "start": "2026-08-01"}]
    assert "15 mg/周 口服" in zh.answer_text("csdmard_history", course)
    assert "15 mg/week oral, from 2026-08-01" in en.answer_text("csdmard_history", course)


def test_reasons_are_worded_from_data_in_each_language(site):
    session = site.sessions["ineligible"]
    result = session.report.result("E15")
    from trialdesk.domain.verdict import Outcome

    assert Messages(NCT, "zh_CN").reason(Outcome(result.verdict, result.reason)) == \
        "最近一次使用任何生物制剂的日期 2026-09-01 在 2026-11-20 之前 3 个月 内（不早于 2026-08-20）"
    assert Messages(NCT, "en").reason(Outcome(result.verdict, result.reason)).startswith("Date of the last dose")


def test_system_language(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert system_language() == "zh_CN"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert system_language() == "en"


@pytest.mark.parametrize("lang", ["zh_CN", "bilingual"])
def test_a_chinese_worksheet_prints_the_chinese_criterion_text_on_pages_that_render(site, tmp_path, lang):
    from trialdesk.signoff import draft_worksheet, worksheet_words

    words, alt = worksheet_words(NCT, lang)
    pdf = draft_worksheet(site.store, site.sessions["eligible"], words, alt_words=alt).pdf
    path = tmp_path / "zh.pdf"
    path.write_bytes(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "入选资格核查表" in text and "疾病活动度评分（DAS）28 ≥ 3.2 或 简化疾病活动指数" in text
    assert "Disease Activity Score (DAS) 28≥3.2或" in text  # the registry's English beside it
    assert "总体结论" in text and "2026-11-20" in text  # dates in ISO form on paper
    if lang == "bilingual":
        assert "DAS28-ESR 5.32 >= 3.2 (rounded half up" in text
    document = pypdfium2.PdfDocument(pdf)
    assert "草稿——未签署" in document[0].get_textpage().get_text_range()
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(path), str(tmp_path / "page")], check=True)
    for image in sorted(tmp_path.glob("page-*.pgm")):
        data = image.read_bytes()
        assert sum(1 for v in data[data.index(b"255\n") + 4:] if v < 128) > 100


def test_the_interface_speaks_chinese_through_the_walk_and_the_summary(qtbot, open_site, site_people):
    from tests.ui.conftest import create
    from trialdesk.ui.look import install_language
    from trialdesk.ui.main_window import MainWindow

    app = QApplication.instance()
    install_language(app, "zh_CN")
    try:
        site = open_site()
        person = site_people.coordinator
        window = MainWindow(site, site.sign_in(person.name, person.password), lang="zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert window.log.model.headerData(0, Qt.Orientation.Horizontal) == "筛选号"
        window.open_screening(create(window, "incomplete"))
        view = window.view
        view.go_to_criterion("I4")
        page = view.current_page()
        assert page.verdict.title.text() == "I4 符合入选标准"
        assert page.verdict.reason.text() == "CDAI 21 > 10.0（未经舍入比较）"  # worded from data, in Chinese
        assert any("本中心译文" in label.text() for label in page.findChildren(type(page.verdict.title)))
        assert page.editors[0].label.text() == "<b>本次关节检查（压痛 / 肿胀）</b>"
        assert view.next.text() == "下一条(&N) ▶"
        view.side.setCurrentRow(len(view.pages))
        assert view.summary.overall.text() == "总体结论：未完成"
        assert "缺少：血红蛋白" in " ".join(label.text() for label in view.summary.links.values())
        window.close()
    finally:
        install_language(app, "en")


def test_input_method_text_reaches_the_fields_and_is_saved(qtbot, open_site, site_people):
    from PySide6.QtGui import QInputMethodEvent

    from tests.ui.conftest import create
    from trialdesk.ui.main_window import MainWindow

    site = open_site()
    person = site_people.coordinator
    window = MainWindow(site, site.sign_in(person.name, person.password), lang="zh_CN")
    qtbot.addWidget(window)
    window.show()
    window.open_screening(create(window, "incomplete"))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    view.go_to_criterion("I5")
    note = view.current_page().note
    note.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString("血常规报告 2026-11-19")  # what a Pinyin input method commits
    QApplication.sendEvent(note, event)
    assert note.text() == "血常规报告 2026-11-19"
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert window.site.screening("S-003").notes == {"I5": "血常规报告 2026-11-19"}
    with qtbot.waitSignal(window.languageChosen) as chosen:
        window.language_actions["en"].trigger()
    assert chosen.args == ["en"] and window.ui_state.value("language") == "en"
    window.close()
