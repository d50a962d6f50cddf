"""The rules an EDC applies to what trialdesk hands it, checked on the files as written.

REDCap's data dictionary: its 18 columns in their order with their header texts (REDCap's
"Data Dictionary" upload and the API's metadata export name them so); the record id first;
variable names of lower-case letters, digits and underscores, starting with a letter, at most 26
characters (REDCap's recommended limit), unique, and never holding "___" (REDCap's checkbox
export joins a field and a code with it); instrument names likewise; field types and text
validation types from REDCap's lists; choices "code, label | code, label" with codes of letters,
digits and underscores, given exactly for dropdown, radio and checkbox fields; yes-or-no columns
("Identifier?", "Required Field?", "Matrix Ranking?") empty or "y"; custom alignment empty or
one of LH, LV, RH, RV. Its records: a header that is exactly the dictionary's fields (a checkbox
as field___code, one column per choice; descriptive fields hold no data), unique record ids, and
each value a valid one for its field.

CDISC CDASH IE: IETESTCD of at most 8 letters or digits starting with a letter, one per criterion;
IETEST at most 200 characters; IECAT INCLUSION or EXCLUSION (C66797); IEORRES and IEYN Y or N
(C66742); an inclusion not met is "N", an exclusion met "Y"; IEDAT ISO 8601.

Each check returns the problems it found, so that a test can show them (an empty list: none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

REDCAP_COLUMNS = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
    "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
    "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
    "Field Annotation",
)
FIELD_TYPES = {"text", "notes", "dropdown", "radio", "checkbox", "yesno", "truefalse", "calc", "file", "slider",
               "descriptive", "sql"}
WITH_CHOICES = {"dropdown", "radio", "checkbox"}
VALIDATION_TYPES = {
    "date_ymd", "date_mdy", "date_dmy", "datetime_ymd", "datetime_mdy", "datetime_dmy", "datetime_seconds_ymd",
    "datetime_seconds_mdy", "datetime_seconds_dmy", "time", "time_mm_ss", "time_hh_mm_ss", "integer", "number",
    "number_1dp", "number_2dp", "number_3dp", "number_4dp", "number_comma_decimal", "number_1dp_comma_decimal",
    "number_2dp_comma_decimal", "number_3dp_comma_decimal", "number_4dp_comma_decimal", "email", "phone", "zipcode",
    "alpha_only",
}
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
CODE = re.compile(r"^[A-Za-z0-9_]+$")
MAX_NAME = 26
YES_OR_EMPTY = ("Identifier?", "Required Field?", "Matrix Ranking?")
ALIGNMENTS = {"", "LH", "LV", "RH", "RV"}

IE_CATEGORIES = {"INCLUSION", "EXCLUSION"}
TESTCD = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")


def choices(text: str) -> list[tuple[str, str]]:
    """'1, Yes | 0, No' as [("1", "Yes"), ("0", "No")]; a malformed choice gives ("", text)."""
    found = []
    for part in text.split("|"):
        code, comma, label = part.strip().partition(",")
        found.append((code.strip(), label.strip()) if comma else ("", part.strip()))
    return found


def dictionary_problems(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """What REDCap would refuse, or warn of, in a data dictionary."""
    problems = []
    if tuple(header) != REDCAP_COLUMNS:
        problems.append(f"the header is not REDCap's 18 columns in order: {list(header)}")
        return problems
    seen: set[str] = set()
    for number, row in enumerate(rows, 2):
        if len(row) != len(REDCAP_COLUMNS):
            problems.append(f"line {number}: {len(row)} cells, not {len(REDCAP_COLUMNS)}")
            continue
        field = dict(zip(REDCAP_COLUMNS, row))
        name, kind = field["Variable / Field Name"], field["Field Type"]
        where = f"line {number} ({name})"
        if not NAME.match(name) or "___" in name:
            problems.append(f"{where}: the variable name is not lower-case letters, digits and underscores from a letter")
        if len(name) > MAX_NAME:
            problems.append(f"{where}: the variable name is longer than {MAX_NAME} characters")
        if name in seen:
            problems.append(f"{where}: the variable name is used twice")
        seen.add(name)
        if not NAME.match(field["Form Name"]):
            problems.append(f"{where}: the form name is not lower-case letters, digits and underscores")
        if kind not in FIELD_TYPES:
            problems.append(f"{where}: {kind!r} is not a REDCap field type")
        if not field["Field Label"].strip() and kind != "descriptive":
            problems.append(f"{where}: no field label")
        listed = field["Choices, Calculations, OR Slider Labels"]
        if kind in WITH_CHOICES:
            pairs = choices(listed)
            codes = [code for code, _ in pairs]
            if not listed or any(not CODE.match(code) or not label for code, label in pairs):
                problems.append(f"{where}: the choices are not 'code, label | code, label': {listed!r}")
            if len(set(codes)) != len(codes):
                problems.append(f"{where}: a choice code is given twice")
        elif kind == "calc" and not listed:
            problems.append(f"{where}: a calculated field without a calculation")
        elif kind not in ("calc", "slider", "sql") and listed:
            problems.append(f"{where}: a {kind} field takes no choices")
        validation = field["Text Validation Type OR Show Slider Number"]
        if validation and kind != "slider" and (kind != "text" or validation not in VALIDATION_TYPES):
            problems.append(f"{where}: {validation!r} is not a text validation type of REDCap's (or not a text field)")
        if (field["Text Validation Min"] or field["Text Validation Max"]) and not validation:
            problems.append(f"{where}: a minimum or maximum without a validation type")
        if "date" in name and kind == "text" and not validation.startswith("date"):
            problems.append(f"{where}: a date field without date validation")
        for column in YES_OR_EMPTY:
            if field[column] not in ("", "y"):
                problems.append(f"{where}: {column} is {field[column]!r}, not empty or 'y'")
        if field["Custom Alignment"] not in ALIGNMENTS:
            problems.append(f"{where}: custom alignment {field['Custom Alignment']!r}")
    if rows and rows[0][0] != "record_id":
        problems.append(f"the first field is {rows[0][0]!r}, not the record id")
    return problems


def record_columns(rows: Sequence[Sequence[str]]) -> list[str]:
    """The columns a records file of this dictionary has: checkboxes expanded, descriptive fields left out."""
    columns = []
    for row in rows:
        field = dict(zip(REDCAP_COLUMNS, row))
        kind, name = field["Field Type"], field["Variable / Field Name"]
        if kind == "checkbox":
            columns.extend(f"{name}___{code.lower()}" for code, _ in choices(field["Choices, Calculations, OR Slider Labels"]))
        elif kind != "descriptive":
            columns.append(name)
    return columns


def records_problems(dictionary: Sequence[Sequence[str]], header: Sequence[str],
                     records: Iterable[Sequence[str]]) -> list[str]:
    """What REDCap's data import would refuse in records for this dictionary."""
    expected = record_columns(dictionary)
    if list(header) != expected:
        return [f"the header is not the dictionary's fields: {list(header)} != {expected}"]
    fields = {row[0]: dict(zip(REDCAP_COLUMNS, row)) for row in dictionary}
    problems, ids = [], set()
    for number, record in enumerate(records, 2):
        values = dict(zip(header, record))
        if len(record) != len(header):
            problems.append(f"line {number}: {len(record)} cells, not {len(header)}")
            continue
        if not values[header[0]] or values[header[0]] in ids:
            problems.append(f"line {number}: the record id is empty or given twice")
        ids.add(values[header[0]])
        for column, value in values.items():
            if value == "":
                continue
            if "___" in column:
                if value not in ("0", "1"):
                    problems.append(f"line {number}: {column} is {value!r}, not 0 or 1")
                continue
            field = fields[column]
            kind, validation = field["Field Type"], field["Text Validation Type OR Show Slider Number"]
            if kind in WITH_CHOICES:
                codes = {code for code, _ in choices(field["Choices, Calculations, OR Slider Labels"])}
                if value not in codes:
                    problems.append(f"line {number}: {column} is {value!r}, not one of {sorted(codes)}")
            elif kind in ("yesno", "truefalse") and value not in ("0", "1"):
                problems.append(f"line {number}: {column} is {value!r}, not 0 or 1")
            elif validation == "date_ymd" and not _is_date(value):
                problems.append(f"line {number}: {column} is {value!r}, not a date YYYY-MM-DD")
            elif validation == "integer" and not re.fullmatch(r"-?\d+", value):
                problems.append(f"line {number}: {column} is {value!r}, not an integer")
    return problems


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def ie_problems(rows: Sequence[dict[str, str]]) -> list[str]:
    """What breaks CDASH IE's rules in IE records (one dict per record, by CDASH variable)."""
    problems = []
    texts: dict[str, str] = {}
    for number, row in enumerate(rows, 2):
        where = f"line {number} ({row.get('SUBJID')})"
        if row["IEYN"] not in ("Y", "N"):
            problems.append(f"{where}: IEYN {row['IEYN']!r}")
        if not _is_date(row["IEDAT"]):
            problems.append(f"{where}: IEDAT {row['IEDAT']!r} is not ISO 8601")
        if not row["IETESTCD"]:
            if any(row[c] for c in ("IECAT", "IETEST", "IEORRES")):
                problems.append(f"{where}: a criterion without its IETESTCD")
            continue
        if row["IEYN"] != "N":
            problems.append(f"{where}: a criterion not met, yet IEYN is {row['IEYN']!r}")
        if not TESTCD.match(row["IETESTCD"]):
            problems.append(f"{where}: IETESTCD {row['IETESTCD']!r}")
        if row["IECAT"] not in IE_CATEGORIES:
            problems.append(f"{where}: IECAT {row['IECAT']!r}")
        if not row["IETEST"] or len(row["IETEST"]) > 200:
            problems.append(f"{where}: IETEST of {len(row['IETEST'])} characters")
        expected = {"INCLUSION": "N", "EXCLUSION": "Y"}.get(row["IECAT"])
        if row["IEORRES"] != expected:
            problems.append(f"{where}: IEORRES {row['IEORRES']!r} for an {row['IECAT'].lower()} not met")
        known = texts.setdefault(row["IETESTCD"], row["IETEST"])
        if known != row["IETEST"]:
            problems.append(f"{where}: IETESTCD {row['IETESTCD']} names two criteria")
    return problems


ODM_SCHEMA = Path(__file__).parent / "data" / "odm1-3-2" / "cdisc-odm-1.3.2" / "ODM1-3-2.xsd"


def odm_schema():
    """CDISC's ODM 1.3.2 schema as shipped with the tests (read from disk only: no network)."""
    import xmlschema

    return xmlschema.XMLSchema(str(ODM_SCHEMA))
