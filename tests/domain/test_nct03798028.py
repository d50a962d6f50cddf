"""NCT03798028 end to end: each path, each boundary, each exclusion alone, missing facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.domain.conftest import SCREENING, example, run
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.verdict import Overall, Verdict
from trialdesk.messages import Messages
from trialdesk.resources import resource_path

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN


def verdicts(protocol, raw, on=SCREENING):
    return {r.criterion_id: r.verdict for r in run(protocol, raw, on).results}


def test_bundled_examples_have_their_expected_outcome(nct):
    assert run(nct, example("eligible")).overall is Overall.ELIGIBLE
    assert run(nct, example("ineligible")).overall is Overall.INELIGIBLE
    assert run(nct, example("incomplete")).overall is Overall.INCOMPLETE


def test_protocol_has_7_inclusions_and_21_exclusions_with_registry_text(nct):
    assert [c.id for c in nct.inclusions] == [f"I{i}" for i in range(1, 8)]
    assert [c.id for c in nct.exclusions] == [f"E{i}" for i in range(1, 22)]
    record = resource_path("protocols/NCT03798028.registry.txt").read_text(encoding="utf-8")
    position = 0
    for criterion in nct.criteria:  # verbatim, and in the registry's order
        found = record.find(criterion.text, position)
        assert found >= 0, criterion.id
        position = found + len(criterion.text)


# -- I4: each path -----------------------------------------------------------------------------

def _activity(raw, *, joints=((), ()), esr=None, crp=None, ptga_cm=None, evga_cm=None):
    raw["joint_exam"] = {"tender": list(joints[0]), "swollen": list(joints[1])}
    for key, value in (("esr", esr and {"value": esr, "unit": "mm/h"}), ("crp", crp and {"value": crp, "unit": "mg/L"}),
                       ("patient_global", ptga_cm and {"value": ptga_cm, "unit": "cm"}),
                       ("evaluator_global", evga_cm and {"value": evga_cm, "unit": "cm"})):
        raw[key] = value
    return raw


@pytest.mark.parametrize(
    ("path", "values", "decided_by"),
    [
        ("DAS28-ESR", {"joints": (["wrist_r", "wrist_l", "knee_r"], ["wrist_r"]), "esr": 40, "ptga_cm": "5"}, 0),
        ("DAS28-CRP", {"joints": (["wrist_r", "wrist_l", "knee_r"], ["wrist_r"]), "crp": 30, "ptga_cm": "5"}, 1),
        ("SDAI", {"esr": 10, "crp": 20, "ptga_cm": "1", "evga_cm": "9"}, 2),
        ("CDAI", {"esr": 10, "crp": 5, "ptga_cm": "1", "evga_cm": "9.1"}, 3),
    ],
)
def test_eligible_by_each_path_of_i4(nct, eligible, path, values, decided_by):
    report = run(nct, _activity(eligible, **values))
    result = report.result("I4")
    assert result.verdict is MET
    assert result.reason.decided_by == decided_by
    # the other arms that could be computed are not met: this path alone decided
    others = [o for i, o in enumerate(result.reason.children) if i != decided_by]
    assert all(o.verdict is not MET for o in others)
    assert report.overall is Overall.ELIGIBLE
    assert Messages(nct).reason(result.reason.children[decided_by]).startswith(path)


def _das28_esr_only(raw, esr, gh_mm):
    return _activity(raw, joints=(["wrist_r"], ["wrist_r"]), esr=esr) | {"patient_global": {"value": gh_mm, "unit": "mm"}}


@pytest.mark.parametrize(
    ("esr", "gh_mm", "compared", "expected"),
    [
        (16, 30, "3.20", MET),  # 3.2008
        (15, 33, "3.20", MET),  # 3.1976 rounds half up to 3.20: the declared rounding decides
        (15, "32.5", "3.19", NOT_MET),  # 3.1906
    ],
)
def test_das28_boundary_with_declared_rounding(nct, eligible, esr, gh_mm, compared, expected):
    report = run(nct, _das28_esr_only(eligible, esr, gh_mm))
    assert report.scores["das28_esr"].compared == Decimal(compared)
    assert report.result("I4").verdict is (expected if expected is MET else UNKNOWN)
    text = Messages(nct).reason(report.result("I4").reason.children[0])
    assert f"DAS28-ESR {compared}" in text and "rounded half up to 2 decimals" in text


@pytest.mark.parametrize(("crp_mg_l", "expected"), [("10", NOT_MET), ("10.1", MET)])
def test_sdai_boundary_11_0_against_11_01(nct, eligible, crp_mg_l, expected):
    raw = _activity(eligible, esr=10, crp=crp_mg_l, ptga_cm="1", evga_cm="9")  # CDAI 10.0
    report = run(nct, raw)
    assert report.scores["sdai"].compared == Decimal("11.0") + (Decimal("0.01") if expected is MET else 0)
    assert report.result("I4").verdict is expected


@pytest.mark.parametrize(("evga", "expected"), [("9", NOT_MET), ("9.1", MET)])
def test_cdai_boundary_10_0_against_10_1(nct, eligible, evga, expected):
    report = run(nct, _activity(eligible, esr=10, crp=5, ptga_cm="1", evga_cm=evga))
    assert report.scores["cdai"].compared in (Decimal("10.0"), Decimal("10.1"))
    assert report.result("I4").verdict is expected


def test_sdai_unit_trap_crp_in_mg_per_litre_is_converted(nct, eligible):
    # REFERENCE §3.3 B: CRP 12 mg/L is 1.2 mg/dL in SDAI: 9.2, not 20.0
    raw = _activity(eligible, joints=(["wrist_r", "knee_r"], ["wrist_r"]), crp=12, ptga_cm="3", evga_cm="2")
    assert run(nct, raw).scores["sdai"].compared == Decimal("9.2")


# -- I5 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("hb", "unit", "ild", "expected"),
    [
        ("85", "g/L", "no", MET), ("85", "g/L", "yes", MET), ("120", "g/L", "yes", MET),  # anaemia, both, ILD
        ("89", "g/L", "no", MET), ("90", "g/L", "no", NOT_MET),
        ("8.9", "g/dL", "no", MET), ("9.0", "g/dL", "no", NOT_MET),
        ("5.58", "mmol/L", "no", MET), ("5.59", "mmol/L", "no", NOT_MET),  # 89.91 and 90.07 g/L
        ("95", "g/L", None, UNKNOWN),
    ],
)
def test_i5_anaemia_and_or_ild(nct, eligible, hb, unit, ild, expected):
    eligible.update(haemoglobin={"value": hb, "unit": unit}, ild_on_hrct=ild)
    assert verdicts(nct, eligible)["I5"] is expected


# -- glucocorticoids (I7, E2) ----------------------------------------------------------------------

def _steroid(drug, dose, start="2026-05-01", stop=None, route="oral"):
    """One line of the glucocorticoid history: one drug at one constant daily dose."""
    return {"drug": drug, "dose": dose, "unit": "mg/day", "route": route, "start": start, "stop": stop}


@pytest.mark.parametrize(
    ("drug", "dose", "i7", "e2"),
    [
        ("methylprednisolone", 8, MET, NOT_MET),  # 10.0 mg prednisone: allowed (boundary)
        ("methylprednisolone", 10, NOT_MET, MET),  # 12.5 mg
        ("dexamethasone", "1.5", MET, NOT_MET),  # 10.0 mg
        ("deflazacort", 12, MET, NOT_MET),
        ("hydrocortisone", 30, MET, NOT_MET),
        ("betamethasone", "1.4", MET, NOT_MET),  # 9.33 mg on the site's table (0.75 mg = 5 mg); 11.67 on a 0.6 table
        ("betamethasone", "1.6", NOT_MET, MET),  # 10.67 mg
    ],
)
def test_glucocorticoid_dose_in_prednisone_equivalents(nct, eligible, drug, dose, i7, e2):
    eligible["glucocorticoid_history"] = [_steroid(drug, dose)]
    result = verdicts(nct, eligible)
    assert (result["I7"], result["E2"]) == (i7, e2)


def test_no_glucocorticoid_meets_i7(nct, eligible):
    eligible["glucocorticoid_history"] = []
    assert verdicts(nct, eligible)["I7"] is MET


def test_glucocorticoid_started_less_than_3_months_ago_fails_i7(nct, eligible):
    eligible["glucocorticoid_history"] = [_steroid("prednisone", 5, start="2026-08-21")]
    assert verdicts(nct, eligible)["I7"] is NOT_MET
    eligible["glucocorticoid_history"] = [_steroid("prednisone", 5, start="2026-08-20")]  # exactly 3 months
    assert verdicts(nct, eligible)["I7"] is MET


def test_high_dose_stopped_within_the_last_month_excludes(nct, eligible):
    eligible["glucocorticoid_history"] = [
        _steroid("prednisone", 15, start="2026-06-01", stop="2026-10-25"),
        _steroid("prednisone", 5, start="2026-10-26"),
    ]
    result = verdicts(nct, eligible)
    assert result["E2"] is MET  # 15 mg on 20-25 October, within 1 month of 20 November
    assert result["I7"] is NOT_MET  # and the current dose is not yet stable for a month


def test_a_switch_to_an_equivalent_dose_is_no_change_and_a_burst_is_one(nct, eligible):
    eligible["glucocorticoid_history"] = [_steroid("prednisone", 10, start="2025-11-01", stop="2026-11-05"),
                                          _steroid("methylprednisolone", 8, start="2026-11-06")]
    assert (verdicts(nct, eligible)["I7"], verdicts(nct, eligible)["E2"]) == (MET, NOT_MET)
    eligible["glucocorticoid_history"] = [_steroid("prednisone", 5, start="2026-01-01"),
                                          _steroid("prednisone", 20, start="2026-11-01", stop="2026-11-05")]
    assert (verdicts(nct, eligible)["I7"], verdicts(nct, eligible)["E2"]) == (NOT_MET, MET)


def test_an_intramuscular_depot_counts_on_its_day(nct, eligible):
    eligible["glucocorticoid_history"] = [_steroid("prednisone", 5, start="2026-01-01"),
                                          _steroid("triamcinolone", 40, start="2026-11-06", stop="2026-11-06", route="intramuscular")]
    assert verdicts(nct, eligible)["E2"] is MET  # 50 + 5 mg prednisone on 6 November


def test_a_line_giving_a_last_change_is_refused_one_line_per_dose(nct, eligible):
    eligible["glucocorticoid_history"] = [{**_steroid("prednisone", 5), "last_change": "2026-11-01"}]
    with pytest.raises(FactsInvalid) as refused:
        run(nct, eligible)
    assert [(p.fact, p.code) for p in refused.value.problems] == [("glucocorticoid_history", "unexpected_keys")]


# -- I6 ----------------------------------------------------------------------------------------

def _dmard(drug, start, stop=None, dose=15):
    return {"drug": drug, "dose": dose, "unit": "mg/week", "route": "oral", "start": start, "stop": stop}


@pytest.mark.parametrize(
    ("courses", "expected"),
    [
        ([_dmard("methotrexate", "2026-08-20")], MET),  # exactly 3 months, stable since start
        ([_dmard("methotrexate", "2026-08-21")], NOT_MET),
        ([_dmard("methotrexate", "2026-01-01", stop="2026-10-20", dose=10), _dmard("methotrexate", "2026-10-21")],
         NOT_MET),  # the new dose's line started less than 1 month ago
        ([_dmard("methotrexate", "2026-01-01"), {"other": "iguratimod", "start": "2026-10-01", "stop": None}],
         MET),  # a csDMARD the protocol does not list is recorded, not counted
        ([{"other": "iguratimod", "start": "2025-01-01", "stop": None}], NOT_MET),
        ([_dmard("methotrexate", "2026-01-01"), _dmard("leflunomide", "2026-10-01")], NOT_MET),  # combination: each
        ([_dmard("methotrexate", "2026-01-01", stop="2026-06-01")], NOT_MET),  # no current treatment
        ([], NOT_MET),
    ],
)
def test_i6_current_treatment(nct, eligible, courses, expected):
    eligible["csdmard_history"] = courses
    assert verdicts(nct, eligible)["I6"] is expected


# -- date windows ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("injection", "expected"), [("2026-11-13", MET), ("2026-11-12", NOT_MET), ("none", NOT_MET)])
def test_e1_intra_articular_within_one_week(nct, eligible, injection, expected):
    eligible["last_intra_articular_glucocorticoid"] = injection  # 7 and 8 days before 20 November
    assert verdicts(nct, eligible)["E1"] is expected


@pytest.mark.parametrize(
    ("last_dose", "on", "expected"),
    [
        ("2026-08-20", "2026-11-20", MET),  # exactly 3 calendar months
        ("2026-08-19", "2026-11-20", NOT_MET),
        ("2026-02-28", "2026-05-31", MET),  # screening on 31 May: 3 months back is 28 February
        ("2026-02-27", "2026-05-31", NOT_MET),
        ("2026-03-01", "2026-05-31", MET),
    ],
)
def test_e15_biological_agent_within_three_calendar_months(nct, last_dose, on, expected):
    assert verdicts(nct, {"last_biological_agent": last_dose}, date.fromisoformat(on))["E15"] is expected


# -- each exclusion alone -----------------------------------------------------------------------

EXCLUDING_CHANGE = {
    "E1": {"last_intra_articular_glucocorticoid": "2026-11-15"},
    "E2": {"glucocorticoid_history": [_steroid("prednisone", 15, start="2026-05-01", stop="2026-10-25")]},  # none taken now: I7 met
    "E3": {"other_connective_tissue_disease": "yes"},
    "E4": {"infection": "yes"},
    "E5": {"tuberculosis": "yes"},
    "E6": {"family_malignancy": "yes"},
    "E7": {"family_allergy": "yes"},
    "E8": {"hcv": "positive", "hcv_infection": "yes"},
    "E9": {"demyelinating_disease": "yes"},
    "E10": {"last_live_vaccine": "2026-10-01"},
    "E11": {"alcoholism": "yes"},
    "E12": {"severe_mental_neurological": "yes"},
    "E13": {"breast_feeding": "yes"},
    "E14": {"prior_stem_cell_therapy": "yes"},
    "E15": {"last_biological_agent": "2026-09-30"},
    "E16": {"anaemia_other_cause": "yes"},
    "E17": {"cardio_cerebrovascular_damage": "yes"},
    "E18": {"drugs_affecting_blood_lung_tests": "yes"},
    "E19": {"traditional_chinese_medicine": "yes"},
    "E20": {"immune_modulators": "yes"},
    "E21": {"investigator_unsuitable": "yes"},
}


def test_every_exclusion_has_a_case(nct):
    assert set(EXCLUDING_CHANGE) == {c.id for c in nct.exclusions}


@pytest.mark.parametrize("criterion_id", sorted(EXCLUDING_CHANGE, key=lambda c: int(c[1:])))
def test_each_exclusion_alone_makes_ineligible(nct, eligible, criterion_id):
    eligible.update(EXCLUDING_CHANGE[criterion_id])
    report = run(nct, eligible)
    assert report.overall is Overall.INELIGIBLE
    assert [r.criterion_id for r in report.results if r.excludes] == [criterion_id]


def test_pregnancy_questions_do_not_apply_to_men(nct, eligible):
    eligible.update(sex="male", pregnant=None, breast_feeding=None)
    assert verdicts(nct, eligible)["E13"] is NOT_MET


# -- missing facts ----------------------------------------------------------------------------------

def test_no_facts_at_all_is_incomplete_never_eligible(nct):
    report = run(nct, {})
    assert report.overall is Overall.INCOMPLETE
    assert {r.verdict for r in report.results} == {UNKNOWN}


@pytest.mark.parametrize("fact_id", sorted(example("eligible")))
def test_removing_any_fact_never_makes_the_eligible_subject_ineligible(nct, fact_id):
    raw = example("eligible")
    del raw[fact_id]
    assert run(nct, raw).overall in (Overall.ELIGIBLE, Overall.INCOMPLETE)


@pytest.mark.parametrize("fact_id", ["haemoglobin", "date_of_birth", "consent_date", "poor_response", "infection", "hiv", "last_biological_agent", "csdmard_history", "glucocorticoid_history"])
def test_a_missing_needed_fact_makes_the_screening_incomplete(nct, eligible, fact_id):
    del eligible[fact_id]
    report = run(nct, eligible)
    assert report.overall is Overall.INCOMPLETE
    missing = [r for r in report.results if r.verdict is UNKNOWN]
    assert missing and all(fact_id in nct.facts_used(nct.criteria[[c.id for c in nct.criteria].index(r.criterion_id)]) for r in missing)
