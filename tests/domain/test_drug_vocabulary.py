"""A protocol's own drugs, classes and equivalence tables, beside the program's library."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from tests.domain.conftest import mini
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import normal_answers, parse_facts
from trialdesk.domain.medications import LIBRARY
from trialdesk.messages import Messages

ON = date(2026, 5, 31)
BIOLOGICS = [
    {"id": "adalimumab", "label": "adalimumab", "synonyms": ["Humira", "阿达木单抗"],
     "translations": {"zh_CN": {"label": "阿达木单抗"}}},
    {"id": "tocilizumab", "label": "tocilizumab", "synonyms": ["托珠单抗", "RoActemra"]},
    {"id": "abatacept", "label": "abatacept"},
]
CLASSES = [
    {"id": "biologics", "label": "biological DMARDs", "members": ["adalimumab", "tocilizumab", "abatacept"],
     "translations": {"zh_CN": {"label": "生物制剂"}}},
    {"id": "dmards", "label": "DMARDs", "members": ["csdmards", "biologics"], "except": ["tacrolimus", "abatacept"]},
]


def history(**fact: Any) -> dict[str, Any]:
    return {"id": "history", "type": "medications", "label": "Prior DMARDs", "routes": ["oral", "subcutaneous"],
            "dose_units": ["mg/week", "mg/m²"], **fact}


def protocol(fact: dict | None = None, rule: dict | None = None, **extra: Any):
    extra = {"drugs": BIOLOGICS, "drug_classes": CLASSES, **extra}
    return mini([fact or history(classes=["dmards"], allow_other=True)],
                rule or {"kind": "medication_in_use", "fact": "history"}, **extra)


def refusal(**kwargs: Any) -> str:
    with pytest.raises(ValidationError) as refused:
        protocol(**kwargs)
    return str(refused.value)


def line(**fields: Any) -> dict[str, Any]:
    return {"drug": "methotrexate", "dose": 15, "unit": "mg/week", "route": "oral", "start": "2025-01-01", **fields}


def read(p, lines: list[dict]) -> tuple:
    return parse_facts(p, {"history": lines}, ON)["history"]


def problems(p, lines: list[dict]) -> list[tuple]:
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(p, {"history": lines}, ON)
    return [(problem.path, problem.code) for problem in refused.value.problems]


# -- the library and the file's declarations -------------------------------------------------------

def test_the_library_is_there_without_declaring_it(nct):
    fact = nct.fact["glucocorticoid_history"]
    assert fact.vocabulary.table().id == "meikle_tyler_1977"
    assert set(fact.offered) == set(LIBRARY.classes["glucocorticoids"].members)
    assert LIBRARY.find("甲氨蝶呤") == LIBRARY.find("MTX") == LIBRARY.find(" Methotrexate ") == "methotrexate"


def test_classes_expand_through_nested_classes_less_their_exceptions():
    fact = protocol().fact["history"]
    assert fact.offered == ("leflunomide", "methotrexate", "sulfasalazine", "hydroxychloroquine", "ciclosporin",
                            "adalimumab", "tocilizumab")


def test_a_declared_drug_with_a_library_id_replaces_the_library_drug():
    ours = {"id": "methotrexate", "label": "methotrexate (MTX)", "synonyms": ["Otrexup"]}
    p = protocol(drugs=[*BIOLOGICS, ours])
    vocabulary = p.fact["history"].vocabulary
    assert vocabulary.label("methotrexate") == "methotrexate (MTX)" and vocabulary.find("Otrexup") == "methotrexate"


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"drug_classes": [{"id": "a", "label": "A", "members": ["b"]}, {"id": "b", "label": "B", "members": ["a"]}]},
         "drug_classes[0].members", "contains itself (a → b → a)"),
        ({"drug_classes": [{"id": "a", "label": "A", "members": ["methotrexat"]}]},
         "drug_classes[0].members[0]", "unknown drug or class 'methotrexat'"),
        ({"drug_classes": [{"id": "a", "label": "A", "members": ["csdmards"], "except": ["prednisone"]}]},
         "drug_classes[0].except[0]", "'prednisone' is not a member of the class"),
        ({"drug_classes": [{"id": "a", "label": "A", "members": ["methotrexate"], "except": ["methotrexate"]}]},
         "drug_classes[0].members", "no drug is left in the class"),
        ({"drug_classes": [{"id": "prednisone", "label": "A", "members": ["methotrexate"]}]},
         "drug_classes[0].id", "is a drug's id"),
        ({"drugs": [{"id": "glucocorticoids", "label": "x"}]}, "drugs[0].id", "is a drug class's id"),
        ({"drugs": [{"id": "x", "label": "x"}, {"id": "x", "label": "y"}]}, "drugs[1].id", "duplicate drug id 'x'"),
        ({"drugs": [{"id": "iguratimod", "label": "iguratimod", "synonyms": ["MTX"]}]},
         "drugs[0]", "the name 'MTX' is also 'methotrexate''s"),
    ],
)
def test_a_vocabulary_that_does_not_resolve_is_refused_with_its_path(change, path, message):
    fact = history(drugs=["methotrexate"])
    text = refusal(fact=fact, **{"drugs": [], "drug_classes": [], **change})
    assert f"{path}: " in text and message in text


@pytest.mark.parametrize(
    ("fact", "path", "message"),
    [
        (history(drugs=["adalimumabb"]), "facts[0].drugs[0]", "unknown drug 'adalimumabb'"),
        (history(drugs=["biologics"]), "facts[0].drugs[0]", "is a drug class: list it under classes"),
        (history(classes=["steroids"]), "facts[0].classes[0]", "unknown drug class 'steroids'"),
    ],
)
def test_a_fact_names_only_known_drugs_and_classes(fact, path, message):
    text = refusal(fact=fact)
    assert f"{path}: " in text and message in text


def test_a_fact_asks_for_some_drug_and_for_doses_it_can_record():
    assert "give the drugs a line may name" in refusal(fact=history())
    assert "needs 'dose_units' and 'routes'" in refusal(fact=history(drugs=["methotrexate"], dose_units=[]))


# -- lines of a history ------------------------------------------------------------------------------

def test_a_drug_is_named_by_any_of_its_names_and_kept_under_its_id():
    p = protocol()
    lines = [line(drug="MTX"), line(drug="阿达木单抗", unit="mg/week", route="subcutaneous"), line(drug="RoActemra")]
    assert [e.drug for e in read(p, lines)] == ["methotrexate", "adalimumab", "tocilizumab"]
    assert [a["drug"] for a in normal_answers(p, {"history": read(p, lines)})["history"]] == [
        "methotrexate", "adalimumab", "tocilizumab"]


def test_a_drug_the_fact_does_not_offer_is_refused_even_by_a_known_name():
    assert problems(protocol(), [line(drug="prednisone")]) == [((0, "drug"), "unknown_option")]
    assert problems(protocol(), [line(drug="abatacept")]) == [((0, "drug"), "unknown_option")]  # an exception


def test_another_drug_is_kept_as_written_and_counted_in_no_class():
    p = protocol()
    (entry,) = read(p, [{**line(), "drug": None, "other": "  艾拉莫德   (iguratimod) "}])
    assert (entry.drug, entry.other) == (None, "艾拉莫德 (iguratimod)")
    (answer,) = normal_answers(p, {"history": (entry,)})["history"]
    assert answer["other"] == "艾拉莫德 (iguratimod)" and "drug" not in answer
    assert parse_facts(p, {"history": [answer]}, ON)["history"] == (entry,)  # the normal form reads back the same


def test_another_drug_that_is_on_the_list_is_kept_as_that_drug():
    (entry,) = read(protocol(), [{**{k: v for k, v in line().items() if k != "drug"}, "other": "mtx"}])
    assert (entry.drug, entry.other) == ("methotrexate", None)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"other": "iguratimod"}, [((0, "other"), "drug_and_other")]),
        ({"drug": None, "other": "   "}, [((0, "other"), "required")]),
        ({"drug": None, "other": "igura\ntimod"}, [((0, "other"), "control_characters")]),
        ({"drug": None, "other": 5}, [((0, "other"), "not_text")]),
        ({"drug": None, "other": "x" * 201}, [((0, "other"), "text_too_long")]),
    ],
)
def test_another_drugs_name_is_one_line_of_text(fields, expected):
    assert problems(protocol(), [line(**fields)]) == expected


def test_another_drug_is_refused_where_the_fact_does_not_allow_it():
    p = protocol(fact=history(classes=["dmards"]))
    assert problems(p, [{**line(), "drug": None, "other": "iguratimod"}]) == [((0,), "unexpected_keys")]
    assert "other" not in p.fact["history"].fields


def test_declared_dose_units_are_any_the_protocol_gives():
    p = protocol(fact=history(drugs=["methotrexate"], dose_units=["mg/m²", "cycles"]))
    assert read(p, [line(unit="mg/m²")])[0].unit == "mg/m²"
    assert problems(p, [line(unit="mg/week")]) == [((0, "unit"), "unknown_option")]


def test_a_history_without_doses_asks_only_for_the_drug_and_its_dates():
    fact = history(drugs=["methotrexate"], dose_units=[], routes=[], dose_required=False)
    p = protocol(fact=fact)
    assert p.fact["history"].fields == ("drug", "start", "stop")
    (entry,) = read(p, [{"drug": "methotrexate", "start": "2025-01-01", "stop": None}])
    assert (entry.dose, entry.unit, entry.route) == (None, None, None)
    assert problems(p, [line()]) == [((0,), "unexpected_keys")]


def test_doses_may_be_left_out_where_they_are_not_required():
    p = protocol(fact=history(drugs=["methotrexate"], dose_required=False))
    (entry,) = read(p, [{"drug": "methotrexate", "start": "2025-01-01"}])
    assert entry.dose is None
    assert problems(p, [{"drug": "methotrexate", "dose": 15, "start": "2025-01-01"}]) == [((0, "unit"), "unknown_option")]


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "medication_dose", "fact": "history", "dose": {"max": 25, "unit": "mg/week"}},
        {"kind": "current_treatment", "fact": "history", "stable_for": {"count": 1, "unit": "months"}},
        {"kind": "medication_in_use", "fact": "history", "routes": ["oral"]},
    ],
)
def test_no_rule_reads_doses_or_routes_a_history_need_not_record(rule):
    text = refusal(fact=history(drugs=["methotrexate"], dose_required=False), rule=rule)
    assert "criteria[0].rule.fact: " in text and "dose_required: false" in text


def test_a_rule_reads_only_drugs_and_classes_its_fact_offers():
    text = refusal(rule={"kind": "medication_in_use", "fact": "history", "drugs": ["prednisone"],
                         "classes": ["glucocorticoids"]})
    assert "criteria[0].rule.drugs[0]: 'prednisone' is not among the fact's drugs" in text
    assert "criteria[0].rule.classes[0]: no drug of class 'glucocorticoids' is among the fact's drugs" in text


def test_a_window_over_a_history_is_in_days_or_longer():
    text = refusal(rule={"kind": "last_dose_within", "fact": "history", "within": {"count": 48, "unit": "hours"}})
    assert "criteria[0].rule.within.unit: a medication history records days" in text


# -- equivalence tables ------------------------------------------------------------------------------

FDA = {"id": "fda_prednisolone_label", "citation": "FDA prednisolone label (quoted in REFERENCE §3.7 [D8d])",
       "reference": {"drug": "prednisolone", "dose": 15},
       "doses": {"cortisone": 75, "hydrocortisone": 60, "prednisone": 15, "methylprednisolone": 12,
                 "triamcinolone": 12, "dexamethasone": 2.25, "betamethasone": 2.25}}
STEROIDS = {"id": "steroids", "type": "medications", "label": "Glucocorticoids", "classes": ["glucocorticoids"],
            "routes": ["oral"], "dose_units": ["mg/day"]}


def test_a_declared_table_is_read_with_its_reference_dose():
    p = mini([STEROIDS], {"kind": "equivalent_dose", "fact": "steroids", "table": "fda_prednisolone_label",
                          "drugs": ["dexamethasone"], "op": "<=", "value": 10}, equivalence_tables=[FDA])
    table = p.fact["steroids"].vocabulary.tables["fda_prednisolone_label"]
    assert table.doses["prednisolone"] == 15 and table.equivalent("dexamethasone", table.doses["dexamethasone"]) == 15


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({**FDA, "id": "meikle_tyler_1977"}, "equivalence_tables[0].id", "is the program's table"),
        ({**FDA, "doses": {**FDA["doses"], "cortisol": 60}}, "equivalence_tables[0].doses.cortisol", "unknown drug 'cortisol'"),
        ({**FDA, "doses": {**FDA["doses"], "prednisolone": 5}}, "equivalence_tables[0].doses.prednisolone",
         "the reference drug's dose is the reference dose"),
    ],
)
def test_a_table_that_does_not_resolve_is_refused(change, path, message):
    with pytest.raises(ValidationError) as refused:
        mini([STEROIDS], {"kind": "medication_in_use", "fact": "steroids"}, equivalence_tables=[change])
    assert f"{path}: " in str(refused.value) and message in str(refused.value)


def test_the_glucocorticoid_table_is_one_the_program_or_the_file_has():
    with pytest.raises(ValidationError) as refused:
        mini([STEROIDS], {"kind": "medication_in_use", "fact": "steroids"}, glucocorticoid_table="fda")
    assert "glucocorticoid_table: unknown equivalence table 'fda'" in str(refused.value)


def test_prednisone_equivalents_need_a_table_in_prednisone_that_converts_every_drug_read():
    rule = {"kind": "prednisone_equivalent", "fact": "steroids", "op": "<=", "value": 10}
    with pytest.raises(ValidationError) as refused:
        mini([{**STEROIDS, "routes": ["oral", "intravenous"]}], rule, equivalence_tables=[FDA],
             glucocorticoid_table="fda_prednisolone_label")
    text = str(refused.value)
    assert "prednisone_equivalent reads prednisone in mg/day (use equivalent_dose)" in text
    assert "has no dose of ['deflazacort']" in text


# -- words -------------------------------------------------------------------------------------------

def test_drugs_are_shown_by_their_label_in_the_readers_language():
    p = protocol()
    answer = normal_answers(p, {"history": read(p, [line(drug="adalimumab", route="subcutaneous"),
                                                    {**line(), "drug": None, "other": "艾拉莫德"}])})["history"]
    assert Messages(p).answer_text("history", answer).startswith("adalimumab 15 mg/week subcutaneous, from 2025-01-01")
    assert "艾拉莫德 (written as entered; in no class) 15 mg/week oral" in Messages(p).answer_text("history", answer)
    assert Messages(p, "zh_CN").answer_text("history", answer).startswith("阿达木单抗 15 mg/周 皮下注射")


def test_a_line_without_doses_is_shown_with_what_it_records():
    p = protocol(fact=history(drugs=["methotrexate"], dose_units=[], routes=[], dose_required=False))
    answer = [{"drug": "methotrexate", "start": "2025-01-01", "stop": "2025-06-01"}]
    assert Messages(p).answer_text("history", answer) == "methotrexate, from 2025-01-01, stopped 2025-06-01"
