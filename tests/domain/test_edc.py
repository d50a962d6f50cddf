"""The EDC builders on plain results: CDASH names and records, ODM 1.3.2 against CDISC's schema, and the
REDCap instrument against REDCap's rules (tests/edc_rules.py), for every bundled protocol and for the
cases a site meets (a screen failure with no criterion failed, a signed screening, an older version)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.edc_rules import REDCAP_COLUMNS, dictionary_problems, ie_problems, odm_schema, records_problems
from trialdesk.domain import edc
from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.verdict import Verdict
from trialdesk.persistence.protocol_files import load_protocol
from trialdesk.resources import resource_path

BUNDLED = ("NCT00220155", "NCT00845832", "NCT03036150", "NCT03798028", "NCT04367051")
BEIJING = timezone(timedelta(hours=8))


def protocol(name: str = "NCT03798028"):
    return load_protocol(resource_path(f"protocols/{name}.yaml"))


def screening(p, number: str, status: ScreeningStatus, not_met: tuple[str, ...] = (), *, attempt: int = 1,
              failed: tuple[str, ...] | None = None, on: date = date(2026, 11, 20), unknown: tuple[str, ...] = ()):
    """A screening of protocol `p` whose criteria all pass, but those in `not_met` (which exclude) and `unknown`."""
    def verdict(criterion) -> Verdict:
        if criterion.id in unknown:
            return Verdict.UNKNOWN
        excluded = criterion.id in not_met
        if criterion.kind == "inclusion":
            return Verdict.NOT_MET if excluded else Verdict.MET
        return Verdict.MET if excluded else Verdict.NOT_MET

    outcomes = tuple(edc.CriterionOutcome(c.id, c.kind, c.text, verdict(c)) for c in p.criteria)
    return edc.ScreeningResult(number, "01", attempt, on, p.version, status,
                               not_met if failed is None else failed, outcomes)


def as_csv(columns, rows):
    """What the service writes, read back as a REDCap import reads it."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([row[c] for c in columns] for row in rows)
    header, *body = list(csv.reader(io.StringIO(out.getvalue())))
    return header, body


# -- names -------------------------------------------------------------------------------------------


def test_ietestcd_is_the_criterion_id_in_capitals_and_stays_unique_within_eight_characters():
    codes = edc.ie_test_codes(["I1", "I1.a", "I1A", "I12", "E_2b", "Inclusion10", "Inclusion1"])
    assert codes["I1"] == "I1" and codes["I1.a"] == "I1A" and codes["I12"] == "I12" and codes["E_2b"] == "E2B"
    assert codes["I1A"] == "I1A2"  # the second to want I1A ends in a number no other criterion takes
    assert codes["Inclusion10"] == "INCLUSIO" and codes["Inclusion1"] == "INCLUSI2"
    assert len(set(codes.values())) == len(codes)
    assert all(len(c) <= 8 and c[0].isalpha() and c.isalnum() and c.isupper() for c in codes.values())


def test_redcap_variables_are_short_lower_case_unique_and_never_an_instrument_field():
    names = edc.variable_names([("I1", "inclusion"), ("I.1", "inclusion"), ("E1", "exclusion"),
                                ("Avery-long.criterion-identifier", "exclusion")])
    assert names["I1"] == "inc_i1" and names["I.1"] == "inc_i_1" and names["E1"] == "exc_e1"
    long_name = names["Avery-long.criterion-identifier"]
    assert long_name.startswith("exc_avery_long_criterion") and len(long_name) <= 26
    clash = edc.variable_names([("Record_id", "inclusion"), ("I_1", "inclusion"), ("I.1", "inclusion")])
    assert clash["I.1"] == "inc_i_1_2" and len(set(clash.values())) == 3


def test_ietest_is_the_text_on_one_line_cut_to_200_characters_with_an_ellipsis():
    assert edc.ietest("Age 18 to 70\n  years.") == "Age 18 to 70 years."
    long = "Participants " + "with a very long criterion " * 20
    cut = edc.ietest(long)
    assert len(cut) == 200 and cut.endswith("...") and long.startswith(cut[:-3])
    assert edc.ietest("x" * 200) == "x" * 200  # exactly 200: kept whole


# -- CDASH IE ----------------------------------------------------------------------------------------


def test_ie_records_an_exception_per_criterion_not_met_and_ieyn_for_each_screening():
    p = protocol()
    form = edc.IeForm.of(p)
    rows = edc.ie_rows(form, [
        screening(p, "S-001", ScreeningStatus.ELIGIBLE),
        screening(p, "S-002", ScreeningStatus.INELIGIBLE, ("I5", "E5")),
        screening(p, "S-003", ScreeningStatus.SCREEN_FAILURE),  # recorded by hand: no criterion failed
        screening(p, "S-004", ScreeningStatus.SIGNED, ("I2",)),  # signed as ineligible
        screening(p, "S-005", ScreeningStatus.SIGNED),
    ])
    assert ie_problems(rows) == []
    assert [(r["SUBJID"], r["IEYN"], r["IETESTCD"], r["IECAT"], r["IEORRES"]) for r in rows] == [
        ("S-001", "Y", "", "", ""), ("S-002", "N", "I5", "INCLUSION", "N"), ("S-002", "N", "E5", "EXCLUSION", "Y"),
        ("S-003", "N", "", "", ""), ("S-004", "N", "I2", "INCLUSION", "N"), ("S-005", "Y", "", "", ""),
    ]
    assert tuple(rows[0]) == edc.IE_COLUMNS


def test_an_open_criterion_of_a_screen_failure_is_no_exception():
    p = protocol()
    rows = edc.ie_rows(edc.IeForm.of(p), [screening(p, "S-009", ScreeningStatus.SCREEN_FAILURE, unknown=("I4",))])
    assert [(r["IEYN"], r["IETESTCD"]) for r in rows] == [("N", "")]


def test_the_rules_checker_catches_broken_ie_records():
    p = protocol()
    good = edc.ie_rows(edc.IeForm.of(p), [screening(p, "S-002", ScreeningStatus.INELIGIBLE, ("I5", "E5"))])
    for change in ({"IEORRES": "Y"}, {"IETESTCD": "5I"}, {"IECAT": "Inclusion"}, {"IEYN": "Y"}, {"IEDAT": "20/11/2026"},
                   {"IETEST": "x" * 201}):
        assert ie_problems([{**good[0], **change}]), change


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_protocol_exports_odm_that_cdisc_s_schema_accepts(name):
    p = protocol(name)
    form = edc.IeForm.of(p)
    first = p.criteria[0].id
    text = edc.ie_odm(form, [screening(p, "S-1", ScreeningStatus.INELIGIBLE, (first,)),
                             screening(p, "S-1", ScreeningStatus.ELIGIBLE, attempt=2),
                             screening(p, "S-2", ScreeningStatus.SCREEN_FAILURE)],
                      created=datetime(2026, 11, 20, 9, 30, tzinfo=BEIJING), file_oid="trialdesk.test")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"')
    odm_schema().validate(text)
    assert 'CreationDateTime="2026-11-20T09:30:00+08:00"' in text
    assert text.count("<SubjectData ") == 2 and 'StudyEventRepeatKey="2"' in text  # two attempts, one subject


def test_the_schema_refuses_odm_that_breaks_it():
    p = protocol()
    text = edc.ie_odm(edc.IeForm.of(p), [screening(p, "S-1", ScreeningStatus.INELIGIBLE, ("I5",))],
                      created=datetime(2026, 11, 20, 9, 30, tzinfo=BEIJING), file_oid="trialdesk.test")
    schema = odm_schema()
    assert schema.is_valid(text)
    assert not schema.is_valid(text.replace('ODMVersion="1.3.2"', 'ODMVersion="9"'))
    assert not schema.is_valid(text.replace('Repeating="Yes"', 'Repeating="Often"', 1))
    assert not schema.is_valid(text.replace("ItemGroupRepeatKey=", "RepeatKey=", 1))  # no such attribute
    assert not schema.is_valid(text.replace("<GlobalVariables>", "<GlobalVariables><Sponsor>x</Sponsor>", 1))


# -- REDCap ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_protocol_gives_a_redcap_dictionary_and_records_redcap_accepts(name):
    p = protocol(name)
    form = edc.IeForm.of(p)
    header, fields = as_csv(edc.REDCAP_COLUMNS, edc.redcap_dictionary(form))
    assert dictionary_problems(header, fields) == []
    assert len(fields) == 9 + len(p.criteria)
    first = p.criteria[0].id
    records = edc.redcap_records(form, [screening(p, "S-1", ScreeningStatus.ELIGIBLE),
                                        screening(p, "S-2", ScreeningStatus.INELIGIBLE, (first,)),
                                        screening(p, "S-2", ScreeningStatus.SCREEN_FAILURE, attempt=2,
                                                  unknown=(p.criteria[-1].id,))])
    record_header, rows = as_csv(edc.redcap_fields(form), records)
    assert records_problems(fields, record_header, rows) == []
    assert [r["record_id"] for r in records] == ["01-S-1", "01-S-2", "01-S-2-2"]


def test_a_criterion_s_field_codes_its_verdict():
    p = protocol()
    form = edc.IeForm.of(p)
    record, = edc.redcap_records(form, [screening(p, "S-2", ScreeningStatus.INELIGIBLE, ("I5", "E5"), unknown=("E9",))])
    assert (record["inc_i5"], record["inc_i1"], record["exc_e5"], record["exc_e1"], record["exc_e9"]) == (
        "0", "1", "1", "0", "2")
    assert (record["eligibility_status"], record["all_criteria_met"]) == ("2", "0")


def test_a_criterion_only_an_older_version_has_gets_its_field_and_stays_empty_for_the_others():
    current = protocol()
    older = current.model_copy(update={"version": "rule file 0.9", "criteria": (
        *current.criteria, current.criteria[-1].model_copy(update={"id": "E22", "text": "A criterion since dropped."}))})
    form = edc.IeForm.of(current, [older])
    assert [c.criterion_id for c in form.criteria][-2:] == ["E21", "E22"]
    new, old = edc.redcap_records(form, [screening(current, "S-1", ScreeningStatus.ELIGIBLE),
                                         screening(older, "S-2", ScreeningStatus.INELIGIBLE, ("E22",))])
    assert (new["exc_e22"], old["exc_e22"], old["protocol_version"]) == ("", "1", "rule file 0.9")
    rows = edc.ie_rows(form, [screening(older, "S-2", ScreeningStatus.INELIGIBLE, ("E22",))])
    assert (rows[0]["IETESTCD"], rows[0]["IETEST"]) == ("E22", "A criterion since dropped.")


BROKEN = {
    "a column out of order": lambda h, f: (h[1:2] + h[:1] + h[2:], f),
    "an upper-case variable": lambda h, f: (h, [["Record_ID", *f[0][1:]], *f[1:]]),
    "a variable of 27 characters": lambda h, f: (h, [f[0], ["a" * 27, *f[1][1:]], *f[2:]]),
    "a variable given twice": lambda h, f: (h, [f[0], f[1], f[1], *f[2:]]),
    "a field type REDCap lacks": lambda h, f: (h, [f[0], [*f[1][:3], "date", *f[1][4:]], *f[2:]]),
    "a validation type REDCap lacks": lambda h, f: (h, [f[0], [*f[1][:7], "iso_date", *f[1][8:]], *f[2:]]),
    "choices without labels": lambda h, f: (h, [*f[:-1], [*f[-1][:5], "1 | 0", *f[-1][6:]]]),
    "a yes/no with choices": lambda h, f: (h, [*f[:8], [*f[8][:5], "1, Yes | 0, No", *f[8][6:]], *f[9:]]),
    "a record id that is not first": lambda h, f: (h, [f[1], f[0], *f[2:]]),
    "'yes' for Required Field?": lambda h, f: (h, [f[0], [*f[1][:12], "yes", *f[1][13:]], *f[2:]]),
}


@pytest.mark.parametrize("breakage", BROKEN)
def test_the_rules_checker_refuses_a_broken_dictionary(breakage):
    header, fields = as_csv(edc.REDCAP_COLUMNS, edc.redcap_dictionary(edc.IeForm.of(protocol())))
    broken_header, broken_fields = BROKEN[breakage](list(header), [list(f) for f in fields])
    assert dictionary_problems(broken_header, broken_fields), breakage


def test_the_rules_checker_refuses_records_that_do_not_fit_the_dictionary():
    p = protocol()
    form = edc.IeForm.of(p)
    _, fields = as_csv(REDCAP_COLUMNS, edc.redcap_dictionary(form))
    header, rows = as_csv(edc.redcap_fields(form), edc.redcap_records(form, [screening(p, "S-1", ScreeningStatus.ELIGIBLE)]))
    assert records_problems(fields, header, rows) == []
    at = {name: i for i, name in enumerate(header)}
    for column, value in (("inc_i1", "Y"), ("all_criteria_met", "yes"), ("screening_date", "2026-02-30"),
                          ("screening_attempt", "first"), ("eligibility_status", "eligible")):
        row = list(rows[0])
        row[at[column]] = value
        assert records_problems(fields, header, [row]), column
    assert records_problems(fields, header[1:], [rows[0][1:]])  # the record id's column missing
    assert records_problems(fields, header, [rows[0], rows[0]])  # one record id twice
