"""Why an answer or a facts file is refused, or is unusual: the domain's problems in words."""

from __future__ import annotations

from trialdesk.domain.errors import Problem
from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words
from trialdesk.messages.shown import near, plain

KEYS: dict[str, str] = {
    "problem.drug_and_other": QT_TRANSLATE_NOOP("problem.drug_and_other", "give a drug of the list or another drug's name, not both"),
    "problem.not_value_or_result": QT_TRANSLATE_NOOP("problem.not_value_or_result", "“{value}” is neither a number nor one of the results {results}"),
    "problem.not_involved_joints": QT_TRANSLATE_NOOP("problem.not_involved_joints", "expected the assessment's date with the joints involved, or with the numbers of large and small joints involved, or “not_documented”"),
    "problem.not_involved_joints_documented": QT_TRANSLATE_NOOP("problem.not_involved_joints_documented", "expected the assessment's date with the joints involved, or with the numbers of large and small joints involved"),
    "problem.assessment_date_required": QT_TRANSLATE_NOOP("problem.assessment_date_required", "give the date of the assessment"),
    "problem.reported_as": QT_TRANSLATE_NOOP("problem.reported_as", "{fact} is reported as {result}, not as a value"),
    "problem.in_fact": QT_TRANSLATE_NOOP("problem.in_fact", "{label}: {message}"),
    "problem.in_entry": QT_TRANSLATE_NOOP("problem.in_entry", "{label}, entry {index}{field}: {message}"),
    "problem.unknown_fact": QT_TRANSLATE_NOOP("problem.unknown_fact", "this protocol asks no such fact; known facts: {known}"),
    "problem.unit_required": QT_TRANSLATE_NOOP("problem.unit_required", "give the unit: one of {units}"),
    "problem.not_a_number": QT_TRANSLATE_NOOP("problem.not_a_number", "“{value}” is not a number"),
    "problem.unknown_unit": QT_TRANSLATE_NOOP("problem.unknown_unit", "unknown unit “{unit}”; expected one of {units}"),
    "problem.implausible": QT_TRANSLATE_NOOP("problem.implausible", "{value} {unit} is outside the plausible range {min}–{max} {unit}"),
    "problem.not_whole": QT_TRANSLATE_NOOP("problem.not_whole", "“{value}” is not a whole number"),
    "problem.out_of_range": QT_TRANSLATE_NOOP("problem.out_of_range", "{value} is outside {min}–{max}"),
    "problem.invalid_date": QT_TRANSLATE_NOOP("problem.invalid_date", "“{value}” is not a calendar date (YYYY-MM-DD)"),
    "problem.invalid_date_or_never": QT_TRANSLATE_NOOP("problem.invalid_date_or_never", "“{value}” is not a calendar date (YYYY-MM-DD) or “none”"),
    "problem.after_screening": QT_TRANSLATE_NOOP("problem.after_screening", "{value} is after the screening date {screening_date}"),
    "problem.before_screening": QT_TRANSLATE_NOOP("problem.before_screening", "{value} is before the screening date {screening_date}: this date cannot come before it"),
    "problem.invalid_datetime": QT_TRANSLATE_NOOP("problem.invalid_datetime", "“{value}” is not a date and time (YYYY-MM-DDTHH:MM)"),
    "problem.uln_required": QT_TRANSLATE_NOOP("problem.uln_required", "give the laboratory's upper limit of normal (ULN) printed with the result, in {unit}"),
    "problem.uln_not_positive": QT_TRANSLATE_NOOP("problem.uln_not_positive", "the upper limit of normal must be above 0 {unit}"),
    "problem.inconsistent": QT_TRANSLATE_NOOP("problem.inconsistent", "refused: {text} (the answers to {facts} contradict each other)"),
    "problem.division_by_zero": QT_TRANSLATE_NOOP("problem.division_by_zero", "it divides by zero"),
    "problem.measurements_apart": QT_TRANSLATE_NOOP("problem.measurements_apart", "{from_date} and {to_date} are more than {count} {unit} apart"),
    "problem.dates_reversed": QT_TRANSLATE_NOOP("problem.dates_reversed", "{to_date} is before {from_date}"),
    "problem.no_uln": QT_TRANSLATE_NOOP("problem.no_uln", "no upper limit of normal entered for {fact}"),
    "problem.adults_only": QT_TRANSLATE_NOOP("problem.adults_only", "the equation is validated for adults only: age {value} is under {min}"),
    "problem.circular": QT_TRANSLATE_NOOP("problem.circular", "{score} reads itself"),
    "problem.input_problem": QT_TRANSLATE_NOOP("problem.input_problem", "{score}, which it reads, cannot be computed"),
    "problem.not_yes_no": QT_TRANSLATE_NOOP("problem.not_yes_no", "“{value}” is not yes, no or unknown"),
    "problem.unknown_option": QT_TRANSLATE_NOOP("problem.unknown_option", "“{value}” is not one of {options}"),
    "problem.not_a_list": QT_TRANSLATE_NOOP("problem.not_a_list", "expected a list of courses"),
    "problem.not_an_entry": QT_TRANSLATE_NOOP("problem.not_an_entry", "expected a course with drug, dose, unit, route, start, last_change, stop"),
    "problem.unexpected_keys": QT_TRANSLATE_NOOP("problem.unexpected_keys", "unexpected {keys}; expected {expected}"),
    "problem.dose_not_positive": QT_TRANSLATE_NOOP("problem.dose_not_positive", "the dose must be a number above 0"),
    "problem.before_start": QT_TRANSLATE_NOOP("problem.before_start", "{value} is before the start {start}"),
    "problem.after_stop": QT_TRANSLATE_NOOP("problem.after_stop", "{value} is after the stop {stop}"),
    "problem.not_a_joint_exam": QT_TRANSLATE_NOOP("problem.not_a_joint_exam", "expected lists of joints under “tender” and “swollen”"),
    "problem.unknown_joint": QT_TRANSLATE_NOOP("problem.unknown_joint", "unknown joints {joints}"),
    "problem.not_positive": QT_TRANSLATE_NOOP("problem.not_positive", "{input} must be above 0"),
    "problem.facts_file": QT_TRANSLATE_NOOP("problem.facts_file", "the facts file: {message}"),
    "problem.required": QT_TRANSLATE_NOOP("problem.required", "required"),
    "problem.bad_screening_number": QT_TRANSLATE_NOOP("problem.bad_screening_number", "“{value}” is not a screening number: letters, digits and . _ / - (up to 32)"),
    "problem.bad_initials": QT_TRANSLATE_NOOP("problem.bad_initials", "“{value}” is not initials: up to 8 letters, with - or . between them"),
    "problem.cannot_read": QT_TRANSLATE_NOOP("problem.cannot_read", "cannot be read: {error}"),
    "problem.not_json": QT_TRANSLATE_NOOP("problem.not_json", "not valid JSON at line {line}, column {column}: {error}"),
    "problem.bad_subject": QT_TRANSLATE_NOOP("problem.bad_subject", "“subject” must be an object with some of {fields}"),
    "problem.no_facts": QT_TRANSLATE_NOOP("problem.no_facts", "expected an object with a “facts” object of answers"),
    "problem.no_screening_date": QT_TRANSLATE_NOOP("problem.no_screening_date", "“screening_date” is missing or not a date (YYYY-MM-DD); give it in the file or with --on"),
    "problem.number_as_text": QT_TRANSLATE_NOOP("problem.number_as_text", "“{value}” is text: in a facts file a number is a JSON number, without quotes"),
    "problem.bad_number_text": QT_TRANSLATE_NOOP("problem.bad_number_text", "“{value}” is not a number: type digits with an optional sign and one decimal point or comma (8.5, 8,5, -2), with no exponent, spaces or other characters"),
    "problem.number_too_large": QT_TRANSLATE_NOOP("problem.number_too_large", "{value} is too large: at most {digits} digits before the decimal point"),
    "problem.too_many_decimals": QT_TRANSLATE_NOOP("problem.too_many_decimals", "{value} has too many decimals: at most {digits} after the decimal point"),
    "problem.date_out_of_range": QT_TRANSLATE_NOOP("problem.date_out_of_range", "{value} is outside the years {first}–{last}"),
    "problem.too_many_courses": QT_TRANSLATE_NOOP("problem.too_many_courses", "{count} courses: at most {limit} in one history"),
    "problem.not_text": QT_TRANSLATE_NOOP("problem.not_text", "“{value}” must be text"),
    "problem.control_characters": QT_TRANSLATE_NOOP("problem.control_characters", "holds control or invisible formatting characters: type it as plain text"),
    "problem.text_too_long": QT_TRANSLATE_NOOP("problem.text_too_long", "longer than {limit} characters"),
    "problem.file_too_large": QT_TRANSLATE_NOOP("problem.file_too_large", "larger than {limit} KiB: not a facts file"),
    "problem.duplicate_key": QT_TRANSLATE_NOOP("problem.duplicate_key", "the key “{name}” appears twice in one object"),
    "problem.too_deep": QT_TRANSLATE_NOOP("problem.too_deep", "nested more than {limit} levels deep"),
    "problem.not_finite": QT_TRANSLATE_NOOP("problem.not_finite", "“{value}” is not a number JSON allows (NaN and Infinity are refused)"),
    "problem.value_too_long": QT_TRANSLATE_NOOP("problem.value_too_long", "the value is longer than {limit} characters"),
    "problem.not_asked": QT_TRANSLATE_NOOP("problem.not_asked", "not asked with these answers: it is asked only when {condition}"),
    "problem.unusual": QT_TRANSLATE_NOOP("problem.unusual", "{value} {unit} is outside the usual range {min}–{max} {unit}"),
    "problem.drug_of_another_history": QT_TRANSLATE_NOOP(
        "problem.drug_of_another_history",
        "“{value}” is {drug}, which this history does not take: enter it in the history its rules read"),
    "problem.subject_answer_differs": QT_TRANSLATE_NOOP(
        "problem.subject_answer_differs", "the subject gives “{subject}” and the answers “{answer}”: give one value"),
    "problem.subject_fact_required": QT_TRANSLATE_NOOP(
        "problem.subject_fact_required", "is part of the subject's record: correct it, it cannot be left empty"),
    "problem.unusual_uln": QT_TRANSLATE_NOOP(
        "problem.unusual_uln", "an upper limit of normal of {value} {unit} is outside the range laboratories usually give, {min}–{max} {unit}"),
    "problem.unusual_answers": QT_TRANSLATE_NOOP("problem.unusual_answers", "unusual: {text} (the answers to {facts})"),
}

#: problems of a score that name facts: by their labels
_NAMES_FACTS = ("measurements_apart", "dates_reversed", "no_uln", "reported_as")


class ProblemWords(Words):
    def problem_text(self, problem: Problem) -> str:
        """The problem's message without the fact it belongs to."""
        p = {k: plain(v) for k, v in problem.params.items()}
        code = problem.code
        for name in ("from_date", "to_date", "fact"):  # facts a score problem names, by their labels
            if code in _NAMES_FACTS and name in problem.params:
                p[name] = self.fact_label(problem.params[name])
        if code in ("input_problem", "circular"):
            p["score"] = self.score_label(problem.params["score"])
        if code == "reported_as":
            p["result"] = self.answer(problem.params["fact"], problem.params["result"])
        if code == "drug_of_another_history" and problem.fact is not None:
            p["drug"] = self.drug_name(problem.fact, problem.params["drug"])
        if code == "not_involved_joints" and problem.params.get("not_documented") is False:
            code = "not_involved_joints_documented"
        if code == "not_asked":
            asked_if = self.protocol.fact[problem.params["fact"]].asked_if if self.protocol else None
            p["condition"] = self.condition(asked_if) if asked_if is not None else self.t(
                "condition.other", facts=", ".join(self.fact_label(f) for f in problem.params["facts"]))
        if code == "unusual_answers":
            p["facts"] = ", ".join(self.fact_label(f) for f in problem.params["facts"])
            p["text"] = problem.params.get("translations", {}).get(self.lang, problem.params["text"])
        if code in ("implausible", "unusual", "unusual_uln"):  # the range's ends to the decimals that keep the value's relation to them
            p["min"] = near(problem.params["min"], [problem.params["value"]])
            p["max"] = near(problem.params["max"], [problem.params["value"]])
        if code == "inconsistent":
            p["facts"] = ", ".join(self.fact_label(f) for f in problem.params["facts"])
            p["text"] = problem.params.get("translations", {}).get(self.lang, problem.params["text"])
        if code == "invalid_date" and problem.params.get("never_allowed"):
            code = "invalid_date_or_never"
        return self.t(f"problem.{code}", **p)

    def problem(self, problem: Problem) -> str:
        """The problem's message, naming the fact (and the course in a medication history)."""
        message = self.problem_text(problem)
        if problem.fact is None:
            return self.t("problem.facts_file", message=message)
        label = f"{self.fact_label(problem.fact)} ({problem.fact})"
        if problem.path and isinstance(problem.path[0], int):
            field = f", {problem.path[1]}" if len(problem.path) > 1 else ""
            return self.t("problem.in_entry", label=label, index=problem.path[0] + 1, field=field, message=message)
        return self.t("problem.in_fact", label=label, message=message)
