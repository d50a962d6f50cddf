"""Screening results as the sponsor's EDC takes them: CDISC CDASH IE records (CSV, ODM 1.3.2 XML) and a
REDCap eligibility instrument (data dictionary, records).

CDASH IE collects only the exceptions: one record per criterion not met (an inclusion not met,
IEORRES "N"; an exclusion met, IEORRES "Y"), with IEYN answering "Were all eligibility criteria
met?". A screening with none (eligible, or a screen failure recorded for another reason) is one
record with IEYN alone. The REDCap instrument has one field per criterion instead, so that a site
network sees every verdict. Everything here is built from plain values; nothing reads or writes a file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.verdict import CriterionResult, Verdict

__all__ = [
    "DECIDED", "IE_COLUMNS", "REDCAP_COLUMNS", "CriterionOutcome", "FormCriterion", "IeForm", "ScreeningResult",
    "ie_odm", "ie_rows", "ie_test_codes", "ietest", "record_id", "redcap_dictionary", "redcap_fields", "redcap_records",
    "variable_names",
]

#: The statuses whose screenings are exported: decided, and not replaced by a later version.
DECIDED = (ScreeningStatus.ELIGIBLE, ScreeningStatus.INELIGIBLE, ScreeningStatus.SCREEN_FAILURE, ScreeningStatus.SIGNED)

IE_COLUMNS = ("STUDYID", "SITEID", "SUBJID", "IEDAT", "IEYN", "IECAT", "IETESTCD", "IETEST", "IEORRES")
MAX_TESTCD = 8  # CDASH/SDTM IETESTCD: at most 8 characters, not starting with a digit
MAX_IETEST = 200  # SDTM IETEST: at most 200 characters
CUT = "..."

#: REDCap's data dictionary columns, in their order, with their header texts.
REDCAP_COLUMNS = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
    "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
    "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
    "Field Annotation",
)
MAX_VARIABLE = 26  # REDCap's recommended longest variable name
REDCAP_FORM = "eligibility"
#: A criterion's verdict as its REDCap field codes it.
VERDICT_CODES = {Verdict.MET: "1", Verdict.NOT_MET: "0", Verdict.UNKNOWN: "2", Verdict.NOT_APPLICABLE: "3"}
VERDICT_CHOICES = "1, Yes | 0, No | 2, Not known | 3, Not applicable"
#: The outcome of a decided screening, as its REDCap field codes it.
OUTCOME_CODES = {"eligible": "1", "ineligible": "2", "screen_failure": "3"}
OUTCOME_CHOICES = "1, Eligible | 2, Ineligible | 3, Screen failure"

#: ODM's namespace, declared once on the root: the elements are built with plain names under it.
ODM_NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3"


@dataclass(frozen=True, slots=True)
class CriterionOutcome:
    """One criterion of a screening's protocol version, and its verdict."""

    criterion_id: str
    kind: str  # "inclusion" | "exclusion"
    text: str
    verdict: Verdict

    @property
    def not_met(self) -> bool:
        """A CDASH IE exception: an inclusion not met, or an exclusion met."""
        return self.verdict is (Verdict.NOT_MET if self.kind == "inclusion" else Verdict.MET)


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """One decided screening (its newest version) with every criterion's verdict, in protocol order."""

    screening_number: str
    site: str
    attempt: int
    screening_date: date
    protocol_version: str
    status: ScreeningStatus
    failed_criteria: tuple[str, ...]
    outcomes: tuple[CriterionOutcome, ...]

    @classmethod
    def of(cls, protocol: Protocol, results: Iterable[CriterionResult], *, screening_number: str, site: str,
           attempt: int, screening_date: date, status: ScreeningStatus,
           failed_criteria: Sequence[str] = ()) -> ScreeningResult:
        """The screening's results as evaluated under `protocol`, the version it was screened under."""
        texts = {c.id: c.text for c in protocol.criteria}
        outcomes = tuple(CriterionOutcome(r.criterion_id, r.kind, texts[r.criterion_id], r.verdict) for r in results)
        return cls(screening_number, site, attempt, screening_date, protocol.version, status, tuple(failed_criteria),
                   outcomes)

    @property
    def all_met(self) -> bool:
        """IEYN: eligible, or signed with no criterion failed. A screen failure never is, even with none failed."""
        return self.status is ScreeningStatus.ELIGIBLE or (
            self.status is ScreeningStatus.SIGNED and not self.failed_criteria)

    @property
    def outcome(self) -> str:
        """"eligible", "ineligible" or "screen_failure": a signed screening is eligible iff no criterion failed."""
        if self.status is ScreeningStatus.SCREEN_FAILURE:
            return "screen_failure"
        return "eligible" if self.all_met else "ineligible"

    @property
    def not_met(self) -> tuple[CriterionOutcome, ...]:
        return tuple(o for o in self.outcomes if o.not_met)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return {o.criterion_id: o.verdict for o in self.outcomes}


@dataclass(frozen=True, slots=True)
class FormCriterion:
    """A criterion as the exports name it: its CDASH short name and its REDCap field."""

    criterion_id: str
    kind: str
    text: str
    testcd: str
    variable: str


@dataclass(frozen=True, slots=True)
class IeForm:
    """The eligibility form of one protocol: every criterion of its versions, each with fixed names.

    The current version's criteria come first, in its order, then those only older versions have
    (screenings made under them are exported too). A criterion's IETESTCD and REDCap variable depend
    on its id alone, except where two ids would give the same one."""

    study_id: str
    title: str
    version: str
    criteria: tuple[FormCriterion, ...]

    @classmethod
    def of(cls, protocol: Protocol, older: Iterable[Protocol] = ()) -> IeForm:
        found: dict[str, tuple[str, str]] = {}
        for version in (protocol, *older):
            for criterion in version.criteria:
                found.setdefault(criterion.id, (criterion.kind, criterion.text))
        codes = ie_test_codes(found)
        variables = variable_names((cid, kind) for cid, (kind, _text) in found.items())
        criteria = tuple(FormCriterion(cid, kind, text, codes[cid], variables[cid])
                         for cid, (kind, text) in found.items())
        return cls(protocol.id, protocol.title, protocol.version, criteria)


def ie_test_codes(criterion_ids: Iterable[str]) -> dict[str, str]:
    """Each criterion id's IETESTCD: upper case letters and digits, at most 8, starting with a letter,
    all different. An id keeps its own code when no earlier id takes it; a later one that would give the
    same code ends in the smallest number that no id's code is."""
    ids = list(dict.fromkeys(criterion_ids))
    wanted = {}
    for cid in ids:
        code = re.sub(r"[^A-Z0-9]", "", cid.upper())
        wanted[cid] = (code if code[:1].isalpha() else "C" + code)[:MAX_TESTCD]
    return _distinct(ids, wanted, MAX_TESTCD, "")


def variable_names(criteria: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each criterion's REDCap variable: inc_ or exc_ and its id in lower case (letters, digits and
    underscores), at most 26 characters, all different and none one of the instrument's own fields."""
    pairs = list(criteria)
    wanted = {}
    for cid, kind in pairs:
        slug = re.sub(r"[^a-z0-9]+", "_", cid.lower()).strip("_") or "criterion"
        wanted[cid] = f"{'inc' if kind == 'inclusion' else 'exc'}_{slug}"[:MAX_VARIABLE].rstrip("_")
    return _distinct([cid for cid, _ in pairs], wanted, MAX_VARIABLE, "_", reserved=set(_FIXED_NAMES))


def _distinct(ids: Sequence[str], wanted: dict[str, str], limit: int, joiner: str,
              reserved: set[str] = frozenset()) -> dict[str, str]:
    given: dict[str, str] = {}
    taken = set(reserved)
    for cid in ids:
        if wanted[cid] not in taken:
            given[cid] = wanted[cid]
            taken.add(wanted[cid])
    avoided = taken | set(wanted.values())
    for cid in ids:
        if cid in given:
            continue
        number = 2
        while True:
            suffix = f"{joiner}{number}"
            candidate = wanted[cid][:limit - len(suffix)] + suffix
            if candidate not in avoided:
                break
            number += 1
        given[cid] = candidate
        avoided.add(candidate)
    return given


def ietest(text: str) -> str:
    """The criterion's text on one line, cut to 200 characters with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_IETEST else line[:MAX_IETEST - len(CUT)].rstrip() + CUT


def _site(result: ScreeningResult, default_site: str) -> str:
    return result.site or default_site


# -- CDASH IE ----------------------------------------------------------------------------------------


def ie_rows(form: IeForm, screenings: Iterable[ScreeningResult], default_site: str = "") -> list[dict[str, str]]:
    """The IE records: per screening, one per criterion not met, or one with IEYN alone when none is."""
    codes = {c.criterion_id: c.testcd for c in form.criteria}
    rows = []
    for screening in screenings:
        head = {"STUDYID": form.study_id, "SITEID": _site(screening, default_site),
                "SUBJID": screening.screening_number, "IEDAT": screening.screening_date.isoformat(),
                "IEYN": "Y" if screening.all_met else "N"}
        exceptions = screening.not_met
        if not exceptions:
            rows.append({**head, "IECAT": "", "IETESTCD": "", "IETEST": "", "IEORRES": ""})
        for outcome in exceptions:
            rows.append({**head, "IECAT": outcome.kind.upper(), "IETESTCD": codes[outcome.criterion_id],
                         "IETEST": ietest(outcome.text), "IEORRES": "N" if outcome.kind == "inclusion" else "Y"})
    return rows


#: (OID, CDASH name, data type, length, question, code list) of each item, by item group.
_HEADER_ITEMS = (
    ("IT.STUDYID", "STUDYID", "text", 64, "Study Identifier", None),
    ("IT.SITEID", "SITEID", "text", 64, "Study Site Identifier", None),
    ("IT.SUBJID", "SUBJID", "text", 64, "Subject Identifier for the Study", None),
    ("IT.IEDAT", "IEDAT", "date", None, "What was the date the eligibility criteria assessment was performed?", None),
    ("IT.IEYN", "IEYN", "text", 1, "Were all eligibility criteria met?", "CL.NY"),
)
_EXCEPTION_ITEMS = (
    ("IT.IECAT", "IECAT", "text", 9, "What was the category of the criterion?", "CL.IECAT"),
    ("IT.IETESTCD", "IETESTCD", "text", MAX_TESTCD, "What was the identifier of the inclusion criterion the subject "
     "did not meet or the exclusion criterion the subject met?", None),
    ("IT.IETEST", "IETEST", "text", MAX_IETEST, "Inclusion/Exclusion Criterion", None),
    ("IT.IEORRES", "IEORRES", "text", 1, "I/E Criterion Original Result", "CL.NY"),
)
_CODE_LISTS = (
    ("CL.NY", "No Yes Response", (("N", "No"), ("Y", "Yes"))),
    ("CL.IECAT", "Category for Inclusion/Exclusion", (("INCLUSION", "Inclusion"), ("EXCLUSION", "Exclusion"))),
)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _translated(parent: ET.Element, tag: str, text: str) -> None:
    holder = _sub(parent, tag)
    translated = _sub(holder, "TranslatedText", text)
    translated.set("{http://www.w3.org/XML/1998/namespace}lang", "en")


def ie_odm(form: IeForm, screenings: Iterable[ScreeningResult], *, created: datetime, file_oid: str,
           default_site: str = "", source: str = "trialdesk", source_version: str = "") -> str:
    """The IE records as a CDISC ODM 1.3.2 snapshot: the IE form's metadata, then one SubjectData per subject
    (a screening attempt is one repeat of the screening event, the criteria not met repeats of the IE group)."""
    root = ET.Element("ODM", {
        "xmlns": ODM_NAMESPACE, "FileType": "Snapshot", "FileOID": file_oid,
        "CreationDateTime": created.isoformat(timespec="seconds"), "ODMVersion": "1.3.2", "Granularity": "All",
        "SourceSystem": source,
        **({"SourceSystemVersion": source_version} if source_version else {}),
    })
    study = _sub(root, "Study", OID=f"ST.{form.study_id}")
    variables = _sub(study, "GlobalVariables")
    _sub(variables, "StudyName", form.study_id)
    _sub(variables, "StudyDescription", form.title)
    _sub(variables, "ProtocolName", form.study_id)
    metadata = _sub(study, "MetaDataVersion", OID="MDV.IE", Name=form.version,
                    Description="CDASH IE: inclusion/exclusion criteria not met")
    _sub(_sub(metadata, "Protocol"), "StudyEventRef", StudyEventOID="SE.SCREENING", OrderNumber="1", Mandatory="Yes")
    event = _sub(metadata, "StudyEventDef", OID="SE.SCREENING", Name="Screening", Repeating="Yes", Type="Scheduled")
    _sub(event, "FormRef", FormOID="F.IE", OrderNumber="1", Mandatory="Yes")
    form_def = _sub(metadata, "FormDef", OID="F.IE", Name="Inclusion/Exclusion Criteria Not Met", Repeating="No")
    _sub(form_def, "ItemGroupRef", ItemGroupOID="IG.IEYN", OrderNumber="1", Mandatory="Yes")
    _sub(form_def, "ItemGroupRef", ItemGroupOID="IG.IE", OrderNumber="2", Mandatory="No")
    for oid, name, repeating, items in (("IG.IEYN", "Eligibility", "No", _HEADER_ITEMS),
                                        ("IG.IE", "Criteria not met", "Yes", _EXCEPTION_ITEMS)):
        group = _sub(metadata, "ItemGroupDef", OID=oid, Name=name, Repeating=repeating, Domain="IE")
        for number, item in enumerate(items, 1):
            _sub(group, "ItemRef", ItemOID=item[0], OrderNumber=str(number), Mandatory="Yes")
    for oid, name, data_type, length, question, code_list in (*_HEADER_ITEMS, *_EXCEPTION_ITEMS):
        item = _sub(metadata, "ItemDef", OID=oid, Name=name, DataType=data_type,
                    Length=None if length is None else str(length), SASFieldName=name)
        _translated(item, "Question", question)
        if code_list:
            _sub(item, "CodeListRef", CodeListOID=code_list)
        _sub(item, "Alias", Context="CDASH", Name=name)
    for oid, name, items in _CODE_LISTS:
        code_list = _sub(metadata, "CodeList", OID=oid, Name=name, DataType="text")
        for coded, decode in items:
            _translated(_sub(code_list, "CodeListItem", CodedValue=coded), "Decode", decode)

    clinical = _sub(root, "ClinicalData", StudyOID=f"ST.{form.study_id}", MetaDataVersionOID="MDV.IE")
    codes = {c.criterion_id: c.testcd for c in form.criteria}
    subjects: dict[tuple[str, str], ET.Element] = {}
    for screening in screenings:
        site = _site(screening, default_site)
        key = (site, screening.screening_number)
        if key not in subjects:
            # the site and the number, as REDCap's record_id: numbers are unique per site, not per study
            subject_key = f"{site}-{screening.screening_number}" if site else screening.screening_number
            subjects[key] = _sub(clinical, "SubjectData", SubjectKey=subject_key)
        attempt = _sub(subjects[key], "StudyEventData", StudyEventOID="SE.SCREENING",
                       StudyEventRepeatKey=str(screening.attempt))
        data = _sub(attempt, "FormData", FormOID="F.IE")
        header = _sub(data, "ItemGroupData", ItemGroupOID="IG.IEYN")
        for oid, value in (("IT.STUDYID", form.study_id), ("IT.SITEID", site),
                           ("IT.SUBJID", screening.screening_number),
                           ("IT.IEDAT", screening.screening_date.isoformat()),
                           ("IT.IEYN", "Y" if screening.all_met else "N")):
            if value:
                _sub(header, "ItemData", ItemOID=oid, Value=value)
        for number, outcome in enumerate(screening.not_met, 1):
            group = _sub(data, "ItemGroupData", ItemGroupOID="IG.IE", ItemGroupRepeatKey=str(number))
            for oid, value in (("IT.IECAT", outcome.kind.upper()), ("IT.IETESTCD", codes[outcome.criterion_id]),
                               ("IT.IETEST", ietest(outcome.text)),
                               ("IT.IEORRES", "N" if outcome.kind == "inclusion" else "Y")):
                _sub(group, "ItemData", ItemOID=oid, Value=value)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- REDCap ------------------------------------------------------------------------------------------

#: The instrument's own fields, before the criteria:
#: (name, type, label, choices, note, validation, identifier, required).
_FIXED = (
    ("record_id", "text", "Record ID", "", "The site and the screening number (and the attempt, from the second)",
     "", "", ""),
    ("site_id", "text", "Site", "", "", "", "", ""),
    ("screening_number", "text", "Screening number", "", "", "", "", "y"),
    ("screening_attempt", "text", "Screening attempt", "", "1 for a subject's first screening", "integer", "", "y"),
    ("screening_date", "text", "Screening date", "", "", "date_ymd", "y", "y"),
    ("protocol_version", "text", "Protocol version screened under", "", "", "", "", "y"),
    ("eligibility_status", "radio", "Eligibility status", OUTCOME_CHOICES, "", "", "", "y"),
    ("worksheet_signed", "yesno", "Eligibility worksheet signed by the investigator?", "", "", "", "", ""),
    ("all_criteria_met", "yesno", "Were all eligibility criteria met?", "", "", "", "", "y"),
)
_FIXED_NAMES = tuple(f[0] for f in _FIXED)


def redcap_dictionary(form: IeForm) -> list[dict[str, str]]:
    """The REDCap data dictionary of the eligibility instrument, one dict (by REDCap column) per field."""
    def field(name: str, kind: str, label: str, choices: str = "", note: str = "", validation: str = "",
              identifier: str = "", required: str = "", section: str = "", minimum: str = "") -> dict[str, str]:
        values = dict.fromkeys(REDCAP_COLUMNS, "")
        values.update({
            "Variable / Field Name": name, "Form Name": REDCAP_FORM, "Section Header": section, "Field Type": kind,
            "Field Label": label, "Choices, Calculations, OR Slider Labels": choices, "Field Note": note,
            "Text Validation Type OR Show Slider Number": validation, "Text Validation Min": minimum,
            "Identifier?": identifier, "Required Field?": required,
        })
        return values

    fields = [field(name, kind, label, choices, note, validation, identifier, required,
                    section="Screening" if name == "record_id" else "", minimum="1" if validation == "integer" else "")
              for name, kind, label, choices, note, validation, identifier, required in _FIXED]
    headed = set()
    for criterion in form.criteria:
        inclusion = criterion.kind == "inclusion"
        section = "" if criterion.kind in headed else ("Inclusion criteria" if inclusion else "Exclusion criteria")
        headed.add(criterion.kind)
        note = "Is this inclusion criterion met?" if inclusion else "Does this exclusion criterion apply?"
        label = f"{criterion.criterion_id}. {' '.join(criterion.text.split())}"
        fields.append(field(criterion.variable, "radio", label, VERDICT_CHOICES, note, section=section))
    return fields


def redcap_fields(form: IeForm) -> tuple[str, ...]:
    """The records' columns: every field of the instrument, in its order (no checkbox to expand)."""
    return (*_FIXED_NAMES, *(c.variable for c in form.criteria))


def record_id(screening: ScreeningResult, default_site: str = "") -> str:
    site = _site(screening, default_site)
    name = f"{site}-{screening.screening_number}" if site else screening.screening_number
    return name if screening.attempt <= 1 else f"{name}-{screening.attempt}"


def redcap_records(form: IeForm, screenings: Iterable[ScreeningResult], default_site: str = "") -> list[dict[str, str]]:
    """One record per screening, by field name: a criterion its protocol version does not have is left empty."""
    records = []
    for screening in screenings:
        verdicts = screening.verdicts
        record = {
            "record_id": record_id(screening, default_site), "site_id": _site(screening, default_site),
            "screening_number": screening.screening_number, "screening_attempt": str(screening.attempt),
            "screening_date": screening.screening_date.isoformat(), "protocol_version": screening.protocol_version,
            "eligibility_status": OUTCOME_CODES[screening.outcome],
            "worksheet_signed": "1" if screening.status is ScreeningStatus.SIGNED else "0",
            "all_criteria_met": "1" if screening.all_met else "0",
        }
        for criterion in form.criteria:
            verdict = verdicts.get(criterion.criterion_id)
            record[criterion.variable] = "" if verdict is None else VERDICT_CODES[verdict]
        records.append(record)
    return records
