"""Draft a protocol from a ClinicalTrials.gov study record (API v2), for its author to refine.

What the registry gives in structured form becomes rules: the minimum and maximum age an `age`
rule on a `date_of_birth` fact (only the bounds given), the sex a `one_of` rule on a `sex` fact
(none when the study takes all). Every inclusion and exclusion criterion of the free-text
eligibility section keeps its words verbatim and becomes an `attestation` on a yes/no fact of
its own, until the author writes its rule. The record is read from a mapping (the parsed JSON);
nothing here reads a file.

The eligibility text is markdown: headings ("Inclusion Criteria:", "Key Exclusion Criteria")
start a section, and each top-level bullet or numbered item is one criterion, its nested bullets
and wrapped lines kept with it. A paragraph that is no bullet is a criterion of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trialdesk.domain import rules as r
from trialdesk.domain.ids import MAX_NAME, MAX_TEXT
from trialdesk.domain.protocol import MAX_CRITERIA
from trialdesk.domain.values import Unreadable, read_date

VERSION = "draft from registry record"
#: how much of a criterion's text labels its fact.
LABEL_CHARS = 120

_AGE = re.compile(r"(\d{1,4})\s+(year|month|week|day|hour|minute)s?", re.IGNORECASE | re.ASCII)
_BULLET = re.compile(r"(?P<indent>[ \t]*)(?:[*+\u2022-]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?P<text>\S.*)")
#: a line that is a heading and nothing else: "Inclusion Criteria:", "KEY EXCLUSION CRITERIA",
#: "Inclusion criteria for part B:" (words after "criteria" only before a colon).
_HEADING = re.compile(
    r"(?:(?:key|main|major|general|other|additional)\s+)?(?P<kind>inclusion|exclusion)s?\s+criteria"
    r"(?:\s*:?|\s+[^.:]{1,60}:)",
    re.IGNORECASE,
)
_MARKUP = " \t#*_"  # around a heading: markdown's heading marks and emphasis
_SEXES = {"FEMALE": ("female",), "MALE": ("male",)}


class DraftRefused(ValueError):
    """The record cannot be drafted from: the message says which key is missing or wrong."""


@dataclass(frozen=True, slots=True)
class Age:
    """An age as the registry writes it ("18 Years", "6 Months"), and in whole years when it is one."""

    text: str
    years: int | None  # None: not a whole number of years (6 Months, 28 Days)


@dataclass
class Criteria:
    """The eligibility text's items by section; `unsectioned` came before any heading."""

    inclusion: list[str] = field(default_factory=list)
    exclusion: list[str] = field(default_factory=list)
    unsectioned: list[str] = field(default_factory=list)


def parse_age(text: str | None) -> Age | None:
    """ "18 Years" -> 18 years; "24 Months" -> 2 years; "6 Months" -> not whole years; "N/A" or None -> None."""
    if text is None or text.strip().upper() in ("", "N/A", "NA"):
        return None
    match = _AGE.fullmatch(text.strip())
    if match is None:
        raise DraftRefused(f"an age of {text[:40]!r}; expected a number and a unit, e.g. \"18 Years\", \"6 Months\" or \"N/A\"")
    count, unit = int(match.group(1)), match.group(2).lower()
    per_year = {"year": 1, "month": 12}.get(unit)
    years = count // per_year if per_year and count % per_year == 0 else (0 if count == 0 else None)
    if years is not None and years > r.MAX_YEARS:
        raise DraftRefused(f"an age of {text!r}; at most {r.MAX_YEARS} years expected")
    return Age(text.strip(), years)


def split_criteria(text: str) -> Criteria:
    """The eligibility section's items, verbatim, under the heading each stands under.

    An item is a bullet (or numbered line) or a paragraph; a bullet indented deeper than the item's
    first line, a line that continues it (no blank line between) and an indented paragraph under it
    belong to the item, kept with their indentation relative to its first line.
    """
    found = Criteria()
    items = found.unsectioned
    current: list[str] | None = None
    base = 0  # the indentation of the current item's first line
    after_blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            after_blank = True
            continue
        indent = len(line) - len(line.lstrip())
        bullet = _BULLET.fullmatch(line)
        heading = None if bullet else _heading(line)
        if heading is not None:
            items = found.inclusion if heading == "inclusion" else found.exclusion
            current = None
        elif current is not None and (indent > base or (bullet is None and not after_blank)):
            current.append(line[min(indent, base):])
        else:
            base = indent
            current = [bullet.group("text") if bullet else line.strip()]
            items.append(current)
        after_blank = False
    for section in (found.inclusion, found.exclusion, found.unsectioned):
        section[:] = ["\n".join(lines).strip() for lines in section]
    return found


def _heading(line: str) -> str | None:
    match = _HEADING.fullmatch(line.strip(_MARKUP))
    return match.group("kind").lower() if match else None


# -- the record --------------------------------------------------------------------------------------


def _study(record: Any) -> Mapping[str, Any]:
    """The study in a record as the v2 API serves it: one study, or a search page holding exactly one."""
    if not isinstance(record, Mapping):
        raise DraftRefused("expected a JSON object: a ClinicalTrials.gov API v2 study record")
    if "protocolSection" not in record and isinstance(record.get("studies"), list):
        if len(record["studies"]) != 1:
            raise DraftRefused(f"the file holds {len(record['studies'])} studies under \"studies\"; save one study's record")
        record = record["studies"][0]
        if not isinstance(record, Mapping):
            raise DraftRefused("studies[0] is not a study record")
    if "protocolSection" not in record:
        if any(k in record for k in ("FullStudiesResponse", "FullStudy", "Study", "ProtocolSection", "StudyFieldsResponse")):
            raise DraftRefused("this is the retired ClinicalTrials.gov API (v1) format; save the record from the "
                               "API v2 (https://clinicaltrials.gov/api/v2/studies/NCT........) instead")
        raise DraftRefused("protocolSection is missing: not a ClinicalTrials.gov API v2 study record")
    return record


def _get(data: Mapping[str, Any], path: str, kind: type = str, *, required: bool = True) -> Any:
    value: Any = data
    walked = []
    for key in path.split("."):
        walked.append(key)
        if not isinstance(value, Mapping):
            raise DraftRefused(f"{'.'.join(walked[:-1])} is not an object")
        if key not in value or value[key] is None:
            if required:
                raise DraftRefused(f"{'.'.join(walked)} is missing: not a complete ClinicalTrials.gov API v2 study record")
            return None
        value = value[key]
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        expected = {str: "text", bool: "true or false"}.get(kind, kind.__name__)
        raise DraftRefused(f"{path}: expected {expected}, got {type(value).__name__}")
    if kind is str and not value.strip() and required:
        raise DraftRefused(f"{path} is empty")
    return value


def draft_protocol(record: Any) -> dict[str, Any]:
    """The protocol file's data (for YAML) drafted from a study record; `DraftRefused` says what is wrong."""
    study = _study(record)
    ident = "protocolSection.identificationModule"
    eligibility = "protocolSection.eligibilityModule"
    nct = _get(study, f"{ident}.nctId")
    if not re.fullmatch(r"NCT\d{8}", nct):
        raise DraftRefused(f"{ident}.nctId: {nct[:40]!r} is not an NCT number (NCT and 8 digits)")
    title = _get(study, f"{ident}.officialTitle", required=False) or _get(study, f"{ident}.briefTitle")
    sponsor = _get(study, "protocolSection.sponsorCollaboratorsModule.leadSponsor.name")
    updated = _get(study, "protocolSection.statusModule.lastUpdatePostDateStruct.date")
    try:
        version_date = read_date(updated)
    except Unreadable:
        raise DraftRefused(f"protocolSection.statusModule.lastUpdatePostDateStruct.date: {updated[:40]!r} is not a "
                           "date (YYYY-MM-DD)") from None
    org_id = _get(study, f"{ident}.orgStudyIdInfo.id", required=False)
    registry: dict[str, Any] = {"nct": nct}
    if org_id and org_id.strip() and len(org_id) <= MAX_NAME:
        registry["sponsor_protocol"] = org_id.strip()

    facts: list[dict[str, Any]] = []
    criteria: list[dict[str, Any]] = []
    try:
        minimum = parse_age(_get(study, f"{eligibility}.minimumAge", required=False))
        maximum = parse_age(_get(study, f"{eligibility}.maximumAge", required=False))
    except DraftRefused as refused:
        raise DraftRefused(f"{eligibility}: {refused}") from None
    if minimum or maximum:
        _age_criterion(minimum, maximum, facts, criteria)
    sex = _get(study, f"{eligibility}.sex", required=False)
    if sex is not None and sex not in ("ALL", *_SEXES):
        raise DraftRefused(f"{eligibility}.sex: {sex[:40]!r}; expected ALL, FEMALE or MALE")
    if sex in _SEXES:
        described = _get(study, f"{eligibility}.genderDescription", required=False)
        facts.append({"id": "sex", "type": "choice", "label": "Sex",
                      "options": [{"id": "female", "label": "Female"}, {"id": "male", "label": "Male"}]})
        criteria.append({"id": "SEX", "kind": "inclusion", "text": f"Sex: {sex}" + (f". {described.strip()}" if described else ""),
                         "rule": {"kind": "one_of", "fact": "sex", "values": list(_SEXES[sex])},
                         "interpretation": "From the record's structured eligibility field (sex)."})

    split = split_criteria(_get(study, f"{eligibility}.eligibilityCriteria", required=False) or "")
    sections = [("inclusion", t, True) for t in split.unsectioned]
    sections += [("inclusion", t, False) for t in split.inclusion] + [("exclusion", t, False) for t in split.exclusion]
    counts = {"inclusion": 0, "exclusion": 0}
    for kind, text, unsectioned in sections:
        counts[kind] += 1
        _statement_criterion(f"{kind[0].upper()}{counts[kind]}", kind, text, unsectioned, facts, criteria)
    if not criteria:
        raise DraftRefused(f"{eligibility} gives no age, no sex and no criteria: nothing to draft")
    if len(criteria) > MAX_CRITERIA:
        raise DraftRefused(f"{eligibility}.eligibilityCriteria: {len(criteria)} criteria; a protocol has at most {MAX_CRITERIA}")

    volunteers = _get(study, f"{eligibility}.healthyVolunteers", bool, required=False)
    note = (f"Drafted by trialdesk from the ClinicalTrials.gov record (API v2) last updated {version_date.isoformat()}. "
            "Each criterion from the eligibility text is an investigator's statement (attestation) until its "
            "rule is written; check every criterion against the current protocol document.")
    if volunteers is not None:
        note += f" The record states that healthy volunteers are {'accepted' if volunteers else 'not accepted'}."
    return {
        "id": nct,
        "registry": registry,
        "title": title.strip(),
        "sponsor": sponsor.strip(),
        "version": VERSION,
        "version_date": version_date,
        "interpretations": [note],
        "facts": facts,
        "criteria": criteria,
    }


def _age_criterion(minimum: Age | None, maximum: Age | None, facts: list, criteria: list) -> None:
    """One AGE inclusion: an `age` rule on the whole-year bounds, a statement for any other."""
    facts.append({"id": "date_of_birth", "type": "date", "label": "Date of birth"})
    bounds = {}
    if minimum is not None and minimum.years is not None:
        bounds["min_years"] = minimum.years
    if maximum is not None and maximum.years is not None:
        bounds["max_years"] = maximum.years
    # a bound the registry does not give is left out where the rule lets it be; else one nobody reaches
    for name, loosest in (("min_years", 0), ("max_years", r.MAX_YEARS)):
        if bounds and name not in bounds and r.Age.model_fields[name].is_required():
            bounds[name] = loosest
    parts = []
    if bounds:
        parts.append({"kind": "age", "fact": "date_of_birth", **bounds})
    inexact = [a for a in (minimum, maximum) if a is not None and a.years is None]
    words = " and ".join(f"{name} age {a.text}" for name, a in (("minimum", minimum), ("maximum", maximum)) if a)
    if inexact:
        facts.append({"id": "age_within_registry_limits", "type": "yes_no",
                      "label": f"Age within the registry's limits ({words})"})
        parts.append({"kind": "attestation", "fact": "age_within_registry_limits"})
    text = ". ".join(f"{name.capitalize()} age: {a.text}" for name, a in (("minimum", minimum), ("maximum", maximum)) if a)
    criteria.append({
        "id": "AGE", "kind": "inclusion", "text": f"{text}.",
        "rule": parts[0] if len(parts) == 1 else {"kind": "all_of", "all_of": parts},
        "interpretation": "From the record's structured eligibility fields (minimumAge, maximumAge): age in "
                          "completed years at the screening date, both limits included.",
    })


def _statement_criterion(criterion_id: str, kind: str, text: str, unsectioned: bool, facts: list, criteria: list) -> None:
    if len(text) > MAX_TEXT:
        raise DraftRefused(f"criterion {criterion_id} of the eligibility text has {len(text)} characters; at most {MAX_TEXT}")
    fact_id = f"{kind}_{criterion_id[1:]}"
    first_line = text.split("\n", 1)[0]
    short = first_line if len(first_line) <= LABEL_CHARS else first_line[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
    answer = "it is met" if kind == "inclusion" else "it applies (the participant is excluded)"
    facts.append({"id": fact_id, "type": "yes_no", "label": f"{criterion_id}: {short}",
                  "help": f"Yes when {answer}; drafted from the registry text, to be refined into a rule."})
    criterion: dict[str, Any] = {"id": criterion_id, "kind": kind, "text": text, "rule": {"kind": "attestation", "fact": fact_id}}
    if unsectioned:
        criterion["interpretation"] = ("The record does not say whether this is an inclusion or an exclusion "
                                       "criterion; drafted as an inclusion: check it.")
    criteria.append(criterion)
