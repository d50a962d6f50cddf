"""Words for the domain's structured reasons and problems, in the reader's language.

Reasons and problems arrive as codes with values; this module is the one place that
turns them into sentences, for the interface, the command line and the worksheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import TYPE_CHECKING, Any

from trialdesk.domain.errors import Problem
from trialdesk.i18n import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, catalogue, languages
from trialdesk.domain.verdict import CriterionResult, Effect, Outcome, Overall, Reason, Verdict
from trialdesk.messages import effects

if TYPE_CHECKING:  # the protocol models are not needed to word a status on the start-up path
    from trialdesk.domain.protocol import Protocol

EN: dict[str, str] = {
    # verdicts
    "verdict.met": QT_TRANSLATE_NOOP("verdict.met", "met"),
    "verdict.not_met": QT_TRANSLATE_NOOP("verdict.not_met", "not met"),
    "verdict.unknown": QT_TRANSLATE_NOOP("verdict.unknown", "incomplete"),
    "verdict.not_applicable": QT_TRANSLATE_NOOP("verdict.not_applicable", "not applicable"),
    "overall.eligible": QT_TRANSLATE_NOOP("overall.eligible", "eligible"),
    "overall.ineligible": QT_TRANSLATE_NOOP("overall.ineligible", "ineligible"),
    "overall.incomplete": QT_TRANSLATE_NOOP("overall.incomplete", "incomplete"),
    "yes": QT_TRANSLATE_NOOP("yes", "yes"),
    "no": QT_TRANSLATE_NOOP("no", "no"),
    "unknown": QT_TRANSLATE_NOOP("unknown", "not known"),
    "sep": QT_TRANSLATE_NOOP("sep", "; "),
    # reasons
    "threshold.holds": QT_TRANSLATE_NOOP("threshold.holds", "{label} {value} {op} {threshold}{note}"),
    "threshold.fails": QT_TRANSLATE_NOOP("threshold.fails", "{label} {value} is not {op} {threshold}{note}"),
    "uln.limit": QT_TRANSLATE_NOOP("uln.limit", "{times} × ULN {uln} = {limit}"),
    "value.converted": QT_TRANSLATE_NOOP("value.converted", "{entered} (= {value})"),
    "limit_settled": QT_TRANSLATE_NOOP("limit_settled", "{label} {value}: the same against every limit that can apply ({limits}){open}"),
    "limit_open": QT_TRANSLATE_NOOP("limit_open", "{label} {value}: the limit depends on {open}"),
    "limit_open.none": QT_TRANSLATE_NOOP("limit_open.none", "{label} {value}: no limit of the protocol applies to these answers"),
    "limit.range": QT_TRANSLATE_NOOP("limit.range", "{min}–{max}"),
    "not_known": QT_TRANSLATE_NOOP("not_known", "not known: {answers}"),
    "not_applicable": QT_TRANSLATE_NOOP("not_applicable", "does not apply: {part}"),
    "applies_open": QT_TRANSLATE_NOOP("applies_open", "whether it applies is not decided yet ({condition}); if it applies: {part}"),
    "pending": QT_TRANSLATE_NOOP("pending", "pending {anchor}"),
    "pending.detail": QT_TRANSLATE_NOOP("pending.detail", "pending {anchor}: {label} {date}"),
    "date_window_early.inside": QT_TRANSLATE_NOOP("date_window_early.inside", "{label} {date} is within {count} {unit} {side} {anchor} whatever date it takes ({span})"),
    "date_window_early.outside": QT_TRANSLATE_NOOP("date_window_early.outside", "{label} {date} cannot be within {count} {unit} {side} {anchor} ({span})"),
    "span.from": QT_TRANSLATE_NOOP("span.from", "on or after {date}"),
    "span.until": QT_TRANSLATE_NOOP("span.until", "on or before {date}"),
    "span.between": QT_TRANSLATE_NOOP("span.between", "from {low} to {high}"),
    "side.before": QT_TRANSLATE_NOOP("side.before", "before"),
    "side.after": QT_TRANSLATE_NOOP("side.after", "after"),
    "anchor.screening": QT_TRANSLATE_NOOP("anchor.screening", "the screening date"),
    "date_window_after.holds": QT_TRANSLATE_NOOP("date_window_after.holds", "{label} {date} is within {count} {unit} after {anchor} {on} (on or before {until})"),
    "date_window_after.fails": QT_TRANSLATE_NOOP("date_window_after.fails", "{label} {date} is not within {count} {unit} after {anchor} {on} (from {on} to {until})"),
    "date_window_anchor.holds": QT_TRANSLATE_NOOP("date_window_anchor.holds", "{label} {date} is within {count} {unit} before {anchor} {on} (on or after {since})"),
    "date_window_anchor.fails": QT_TRANSLATE_NOOP("date_window_anchor.fails", "{label} {date} is not within {count} {unit} before {anchor} {on} (from {since} to {on})"),
    "on_or_before_anchor.holds": QT_TRANSLATE_NOOP("on_or_before_anchor.holds", "{label} {date} is on or before {anchor} {on}"),
    "on_or_before_anchor.fails": QT_TRANSLATE_NOOP("on_or_before_anchor.fails", "{label} {date} is after {anchor} {on}"),
    "on_or_before_by.holds": QT_TRANSLATE_NOOP("on_or_before_by.holds", "{label} {date} is at least {count} {unit} before {anchor} {on} (on or before {limit})"),
    "on_or_before_by.fails": QT_TRANSLATE_NOOP("on_or_before_by.fails", "{label} {date} is less than {count} {unit} before {anchor} {on} (after {limit})"),
    "on_or_before_early.holds": QT_TRANSLATE_NOOP("on_or_before_early.holds", "{label} {date} is on or before {anchor}, which cannot be before {earliest}"),
    "on_or_before_early.fails": QT_TRANSLATE_NOOP("on_or_before_early.fails", "{label} {date} is after {anchor}, which cannot be after {latest}"),
    "age.at_least": QT_TRANSLATE_NOOP("age.at_least", "at least {min}"),
    "age.at_most": QT_TRANSLATE_NOOP("age.at_most", "at most {max}"),
    "age.between": QT_TRANSLATE_NOOP("age.between", "{min}–{max}"),
    "age_at.holds": QT_TRANSLATE_NOOP("age_at.holds", "age {age} in completed years on {on} (born {born}) is {bounds}"),
    "age_at.fails": QT_TRANSLATE_NOOP("age_at.fails", "age {age} in completed years on {on} (born {born}) is not {bounds}"),
    "age_early.holds": QT_TRANSLATE_NOOP("age_early.holds", "age (born {born}) is {bounds} on any date of {anchor} from {on} to {until}"),
    "age_early.fails": QT_TRANSLATE_NOOP("age_early.fails", "age {age} on {on} (born {born}) is not {bounds}, so neither on {anchor}"),
    "note.rounded": QT_TRANSLATE_NOOP("note.rounded", " (rounded half up to {n} decimals from {raw})"),
    "note.unrounded": QT_TRANSLATE_NOOP("note.unrounded", " (compared unrounded)"),
    "note.entered": QT_TRANSLATE_NOOP("note.entered", " (entered {value} {unit})"),
    "range.holds": QT_TRANSLATE_NOOP("range.holds", "{label} {value} within {min}–{max}{unit}{note}"),
    "range.fails": QT_TRANSLATE_NOOP("range.fails", "{label} {value} outside {min}–{max}{unit}{note}"),
    "score_bounds": QT_TRANSLATE_NOOP("score_bounds", "{label} can only reach {low}–{high} with the answers given, so {op} {threshold} {decided} (still missing: {missing})"),
    "score_bounds.holds": QT_TRANSLATE_NOOP("score_bounds.holds", "holds"),
    "score_bounds.fails": QT_TRANSLATE_NOOP("score_bounds.fails", "cannot hold"),
    "missing": QT_TRANSLATE_NOOP("missing", "missing: {facts}"),
    "missing.score": QT_TRANSLATE_NOOP("missing.score", "{label} needs: {facts}"),
    "missing.score.bounds": QT_TRANSLATE_NOOP(
        "missing.score.bounds", "{label} can still be {low} to {high}, so {op} {threshold} is not decided: it needs {facts}"),
    "score_problem": QT_TRANSLATE_NOOP("score_problem", "{label} cannot be computed: {problem}"),
    "age.holds": QT_TRANSLATE_NOOP("age.holds", "age {age} in completed years on {on} (born {born}) is within {min}–{max}"),
    "age.fails": QT_TRANSLATE_NOOP("age.fails", "age {age} in completed years on {on} (born {born}) is outside {min}–{max}"),
    "date_window.holds": QT_TRANSLATE_NOOP("date_window.holds", "{label} {date} is within {count} {unit} before {on} (on or after {since})"),
    "date_window.fails": QT_TRANSLATE_NOOP("date_window.fails", "{label} {date} is not within {count} {unit} before {on} (before {since})"),
    "date_window_never": QT_TRANSLATE_NOOP("date_window_never", "{label}: never"),
    "on_or_before.holds": QT_TRANSLATE_NOOP("on_or_before.holds", "{label} {date} is on or before the screening date {on}"),
    "on_or_before.fails": QT_TRANSLATE_NOOP("on_or_before.fails", "{label} {date} is after the screening date {on}"),
    "answer": QT_TRANSLATE_NOOP("answer", "{label}: {answer}"),
    "no_current_treatment": QT_TRANSLATE_NOOP("no_current_treatment", "{label}: no current course"),
    "course": QT_TRANSLATE_NOOP("course", "{drug} {dose} {unit}{dose_check}: started {start}{taken}, dose unchanged since {dose_since}{stable}"),
    "course.dose_ok": QT_TRANSLATE_NOOP("course.dose_ok", " (within {min}–{max} {unit})"),
    "course.dose_outside": QT_TRANSLATE_NOOP("course.dose_outside", " (outside {min}–{max} {unit})"),
    "course.taken_ok": QT_TRANSLATE_NOOP("course.taken_ok", " (≥ {count} {unit}: on or before {since})"),
    "course.taken_short": QT_TRANSLATE_NOOP("course.taken_short", " (less than {count} {unit}: after {since})"),
    "course.stable_ok": QT_TRANSLATE_NOOP("course.stable_ok", " (≥ {count} {unit}: on or before {since})"),
    "course.stable_short": QT_TRANSLATE_NOOP("course.stable_short", " (less than {count} {unit}: after {since})"),
    "course.stable_unrecorded": QT_TRANSLATE_NOOP(
        "course.stable_unrecorded",
        " (follows a line with no day between, and a dose is not given: whether it changed after {since} is not recorded)"),
    "in_use.yes": QT_TRANSLATE_NOOP("in_use.yes", "{label}: in use on the screening date ({drugs})"),
    "in_use.no": QT_TRANSLATE_NOOP("in_use.no", "{label}: none in use on the screening date"),
    "prednisone.total": QT_TRANSLATE_NOOP("prednisone.total", "{total} mg/day prednisone-equivalent on {day}{courses} {relation} {threshold} mg/day{window} [equivalence table: {table}]"),
    "prednisone.window": QT_TRANSLATE_NOOP("prednisone.window", ", the highest day within {count} {unit} before the screening date"),
    "prednisone.course": QT_TRANSLATE_NOOP("prednisone.course", "{drug} {dose} mg/day = {equivalent} mg"),
    "prednisone.is": QT_TRANSLATE_NOOP("prednisone.is", "is"),
    "prednisone.is_not": QT_TRANSLATE_NOOP("prednisone.is_not", "is not"),
    "dose_unrecorded": QT_TRANSLATE_NOOP("dose_unrecorded", "the dose of {drug} between {start} and {dose_since} is not recorded: enter it as its own course to decide"),
    "drug.other": QT_TRANSLATE_NOOP("drug.other", "{name} (written as entered; in no class)"),
    "others.left_out": QT_TRANSLATE_NOOP("others.left_out", " — not counted, in no class: {others}"),
    "agents.none": QT_TRANSLATE_NOOP("agents.none", "none"),
    "agents.any": QT_TRANSLATE_NOOP("agents.any", "any drug"),
    "in_use_at.yes": QT_TRANSLATE_NOOP("in_use_at.yes", "{label}: in use on {anchor} {on} ({drugs})"),
    "in_use_at.no": QT_TRANSLATE_NOOP("in_use_at.no", "{label}: none in use on {anchor} {on}"),
    "in_use_early.yes": QT_TRANSLATE_NOOP("in_use_early.yes", "{label}: in use on {anchor} whatever date it takes ({span}): {drugs}"),
    "in_use_early.no": QT_TRANSLATE_NOOP("in_use_early.no", "{label}: none can be in use on {anchor} ({span})"),
    "ever_used.yes": QT_TRANSLATE_NOOP("ever_used.yes", "{label}: used on or before {anchor} {on} ({drugs})"),
    "ever_used.no": QT_TRANSLATE_NOOP("ever_used.no", "{label}: none used on or before {anchor} {on}"),
    "ever_used_early.yes": QT_TRANSLATE_NOOP("ever_used_early.yes", "{label}: used before {anchor} whatever date it takes ({span}): {drugs}"),
    "ever_used_early.no": QT_TRANSLATE_NOOP("ever_used_early.no", "{label}: none can have been used by {anchor} ({span})"),
    "last_dose.yes": QT_TRANSLATE_NOOP("last_dose.yes", "{label}: taken within {count} {unit} before {anchor} {on} (on or after {since}): {drugs}"),
    "last_dose.no": QT_TRANSLATE_NOOP("last_dose.no", "{label}: none taken within {count} {unit} before {anchor} {on} (on or after {since})"),
    "last_dose_early.yes": QT_TRANSLATE_NOOP("last_dose_early.yes", "{label}: taken within {count} {unit} before {anchor} whatever date it takes ({span}): {drugs}"),
    "last_dose_early.no": QT_TRANSLATE_NOOP("last_dose_early.no", "{label}: none can have been taken within {count} {unit} before {anchor} ({span})"),
    "when.by": QT_TRANSLATE_NOOP("when.by", "on or before {anchor} {on}"),
    "when.within": QT_TRANSLATE_NOOP("when.within", "within {count} {unit} before {anchor} {on} (on or after {since})"),
    "distinct_agents.holds": QT_TRANSLATE_NOOP("distinct_agents.holds", "{label}: {count} distinct agents of {what} used {when} ({agents}), {op} {value}"),
    "distinct_agents.fails": QT_TRANSLATE_NOOP("distinct_agents.fails", "{label}: {count} distinct agents of {what} used {when} ({agents}), not {op} {value}"),
    "distinct_agents_early": QT_TRANSLATE_NOOP("distinct_agents_early", "{label}: {count} distinct agents of {what} whatever date {anchor} takes ({span}), so {op} {value} {decided}"),
    "dose.total": QT_TRANSLATE_NOOP("dose.total", "{drug} {dose} {unit} on {on}{check}"),
    "dose.within": QT_TRANSLATE_NOOP("dose.within", " ({range})"),
    "dose.outside": QT_TRANSLATE_NOOP("dose.outside", " (not {range})"),
    "dose.other_unit": QT_TRANSLATE_NOOP("dose.other_unit", " (recorded in {unit}: not comparable with {range})"),
    "equivalent.total": QT_TRANSLATE_NOOP("equivalent.total", "{total} {unit} {reference}-equivalent on {day}{courses} {relation} {threshold} {unit}{window} [equivalence table: {table}]"),
    "equivalent.course": QT_TRANSLATE_NOOP("equivalent.course", "{drug} {dose} {unit} = {equivalent}"),
    "equivalent.window": QT_TRANSLATE_NOOP("equivalent.window", ", the highest day within {count} {unit} before {anchor}"),
    "equivalence.citation": QT_TRANSLATE_NOOP("equivalence.citation", " — {citation}"),
    "equivalent_uncounted": QT_TRANSLATE_NOOP("equivalent_uncounted", "{label}: {total} {unit} {reference}-equivalent counted on {day}, but {uncounted} cannot be converted with the equivalence table {table}{citation}: not decided"),
    "uncounted.unit": QT_TRANSLATE_NOOP("uncounted.unit", "{drug} in {unit}"),
    "answer.course_parts": QT_TRANSLATE_NOOP("answer.course_parts", "{drug}{details}, from {start}{change}{stop}"),
    "course.undosed": QT_TRANSLATE_NOOP("course.undosed", "{drug}: started {start}{taken}"),
    "course.undosed_stable": QT_TRANSLATE_NOOP("course.undosed_stable", "{drug}: started {start}{taken}, this line (one dose) since {dose_since}{stable}"),
    "steady": QT_TRANSLATE_NOOP("steady", "{label}: {total} {unit} {reference}-equivalent on {on}{courses}; taken without a gap since {continuous}{taken}, unchanged since {unchanged}{stable}{detail} [equivalence table: {table}]"),
    "steady.more_than": QT_TRANSLATE_NOOP("steady.more_than", "more than {value}"),
    "steady.not_converted": QT_TRANSLATE_NOOP("steady.not_converted", "{drug} {dose} {unit}: not converted"),
    "steady.not_recorded": QT_TRANSLATE_NOOP("steady.not_recorded", "{drug}: dose not recorded"),
    "steady.changed": QT_TRANSLATE_NOOP("steady.changed", ": changed {changes}"),
    "steady.change": QT_TRANSLATE_NOOP("steady.change", "on {on} from {before} to {after}"),
    "steady.differs": QT_TRANSLATE_NOOP("steady.differs", ": from {start} to {end} the total was {total}"),
    "steady.undecided": QT_TRANSLATE_NOOP("steady.undecided", ": whether it changed on {on} is not decided"),
    "steady.regimen": QT_TRANSLATE_NOOP("steady.regimen", "; the lines changed on {days} at the same total"),
    "steady.uncounted": QT_TRANSLATE_NOOP("steady.uncounted", " — not converted by the table: {uncounted}"),
    "steady.by_route": QT_TRANSLATE_NOOP("steady.by_route", " — not counted, route not read: {lines}"),
    "steady.route": QT_TRANSLATE_NOOP("steady.route", "{drug} ({route})"),
    "problem.drug_and_other": QT_TRANSLATE_NOOP("problem.drug_and_other", "give a drug of the list or another drug's name, not both"),
    "any_of.none": QT_TRANSLATE_NOOP("any_of.none", "none holds: {parts}"),
    "any_of.open": QT_TRANSLATE_NOOP("any_of.open", "not decided yet: {parts}"),
    "all_of.open": QT_TRANSLATE_NOOP("all_of.open", "not decided yet: {parts}"),
    "not": QT_TRANSLATE_NOOP("not", "not: {part}"),
    "if_then.not_applicable": QT_TRANSLATE_NOOP("if_then.not_applicable", "does not apply: {part}"),
    "if_then.applies": QT_TRANSLATE_NOOP("if_then.applies", "{condition}; {part}"),
    "at_least": QT_TRANSLATE_NOOP("at_least", "{met} of {of} met (at least {count} needed): {parts}"),
    # facts asked only under a condition (asked_if)
    "not_asked": QT_TRANSLATE_NOOP("not_asked", "{label}: not asked (asked only when {condition})"),
    "asked_only_when": QT_TRANSLATE_NOOP("asked_only_when", "Asked only when {condition}"),
    "answer.not_asked": QT_TRANSLATE_NOOP("answer.not_asked", "not asked (asked only when {condition})"),
    "condition.one_of": QT_TRANSLATE_NOOP("condition.one_of", "{label} is {values}"),
    "condition.attestation": QT_TRANSLATE_NOOP("condition.attestation", "{label} is answered yes"),
    "condition.threshold": QT_TRANSLATE_NOOP("condition.threshold", "{label} {op} {value}"),
    "condition.range": QT_TRANSLATE_NOOP("condition.range", "{label} is within {min}–{max}"),
    "condition.age": QT_TRANSLATE_NOOP("condition.age", "the age is {bounds}"),
    "condition.not": QT_TRANSLATE_NOOP("condition.not", "not ({part})"),
    "condition.nested": QT_TRANSLATE_NOOP("condition.nested", "({part})"),
    "condition.and": QT_TRANSLATE_NOOP("condition.and", " and "),
    "condition.or": QT_TRANSLATE_NOOP("condition.or", " or "),
    "condition.other": QT_TRANSLATE_NOOP("condition.other", "the protocol's condition on {facts} holds"),
    # scores as shown beside a criterion
    "score.value": QT_TRANSLATE_NOOP("score.value", "{label} {value}{note}"),
    "score.inputs": QT_TRANSLATE_NOOP("score.inputs", " — {inputs}"),
    "score.missing": QT_TRANSLATE_NOOP("score.missing", "{label}: needs {facts}"),
    "score.bounds": QT_TRANSLATE_NOOP("score.bounds", "{label}: {low}–{high} still possible; needs {facts}"),
    "score.problem": QT_TRANSLATE_NOOP("score.problem", "{label}: {problem}"),
    "score.components": QT_TRANSLATE_NOOP("score.components", " ({parts})"),
    "component.joints": QT_TRANSLATE_NOOP("component.joints", "joints {points}"),
    "component.serology": QT_TRANSLATE_NOOP("component.serology", "serology {points}"),
    "component.acute_phase": QT_TRANSLATE_NOOP("component.acute_phase", "acute phase {points}"),
    "component.duration": QT_TRANSLATE_NOOP("component.duration", "duration {points}"),
    # classification inputs derived from observations (trialdesk.domain.classification)
    "derived.component": QT_TRANSLATE_NOOP("derived.component", "{component}: {how}"),
    "derived.criterion.morning_stiffness": QT_TRANSLATE_NOOP("derived.criterion.morning_stiffness", "criterion 1"),
    "derived.criterion.arthritis_3_areas": QT_TRANSLATE_NOOP("derived.criterion.arthritis_3_areas", "criterion 2"),
    "derived.criterion.rheumatoid_factor": QT_TRANSLATE_NOOP("derived.criterion.rheumatoid_factor", "criterion 6"),
    "derived.criterion.present_6_weeks": QT_TRANSLATE_NOOP("derived.criterion.present_6_weeks", "criteria 1–4 present"),
    "derived.joints.marked": QT_TRANSLATE_NOOP("derived.joints.marked", "{large} large and {small} small joints involved on {on}"),
    "derived.joints.counted": QT_TRANSLATE_NOOP("derived.joints.counted", "{large} large and {small} small joints involved on {on} (numbers from the notes)"),
    "derived.joints.not_known": QT_TRANSLATE_NOOP("derived.joints.not_known", "{label}: {answer}, so the joint domain stays open"),
    "derived.test.value": QT_TRANSLATE_NOOP("derived.test.value", "{label} {value} {relation} {limit}: {category}"),
    "derived.test.result": QT_TRANSLATE_NOOP("derived.test.result", "{label} reported as {result}"),
    "derived.test.positive": QT_TRANSLATE_NOOP(
        "derived.test.positive", "{label} reported as {result}, with no value: scored as low positive, as the 2010 criteria say"),
    "derived.test.not_known": QT_TRANSLATE_NOOP("derived.test.not_known", "{label}: {answer}, left out"),
    "derived.test.missing": QT_TRANSLATE_NOOP("derived.test.missing", "{label} not entered"),
    "derived.test.no_uln": QT_TRANSLATE_NOOP("derived.test.no_uln", "{label} {value}: no upper limit of normal entered, so not classified"),
    "derived.uln": QT_TRANSLATE_NOOP("derived.uln", "ULN {uln}"),
    "derived.uln_and_3": QT_TRANSLATE_NOOP("derived.uln_and_3", "ULN {uln} and ≤ {limit}"),
    "derived.no_result": QT_TRANSLATE_NOOP("derived.no_result", "{tests} — no result: at least one of {names} is needed"),
    "derived.duration": QT_TRANSLATE_NOOP("derived.duration", "{label} {value} {relation} {limit}"),
    "derived.onset": QT_TRANSLATE_NOOP("derived.onset", "{label} {onset}: {days} days before {on} {relation} {limit}"),
    "derived.areas": QT_TRANSLATE_NOOP("derived.areas", "{label} {value} {relation} {min} of {of} joint areas"),
    "limit.six_weeks": QT_TRANSLATE_NOOP("limit.six_weeks", "6 weeks (42 days)"),
    "limit.one_hour": QT_TRANSLATE_NOOP("limit.one_hour", "60 minutes"),
    "category.negative": QT_TRANSLATE_NOOP("category.negative", "negative"),
    "category.low_positive": QT_TRANSLATE_NOOP("category.low_positive", "low positive"),
    "category.high_positive": QT_TRANSLATE_NOOP("category.high_positive", "high positive"),
    "category.normal": QT_TRANSLATE_NOOP("category.normal", "normal"),
    "category.abnormal": QT_TRANSLATE_NOOP("category.abnormal", "abnormal"),
    "reported_as": QT_TRANSLATE_NOOP("reported_as", "{label}: reported as {result}, not as a value"),
    "answer.not_documented": QT_TRANSLATE_NOOP("answer.not_documented", "not documented"),
    "answer.involved_joints": QT_TRANSLATE_NOOP("answer.involved_joints", "on {date}, {count} involved ({large} large, {small} small): {joints}"),
    "answer.involved_counts": QT_TRANSLATE_NOOP("answer.involved_counts", "on {date}, {large} large and {small} small joints involved (numbers from the notes)"),
    "problem.not_value_or_result": QT_TRANSLATE_NOOP("problem.not_value_or_result", "“{value}” is neither a number nor one of the results {results}"),
    "problem.not_involved_joints": QT_TRANSLATE_NOOP("problem.not_involved_joints", "expected the assessment's date with the joints involved, or with the numbers of large and small joints involved, or “not_documented”"),
    "problem.not_involved_joints_documented": QT_TRANSLATE_NOOP("problem.not_involved_joints_documented", "expected the assessment's date with the joints involved, or with the numbers of large and small joints involved"),
    "problem.assessment_date_required": QT_TRANSLATE_NOOP("problem.assessment_date_required", "give the date of the assessment"),
    "problem.reported_as": QT_TRANSLATE_NOOP("problem.reported_as", "{fact} is reported as {result}, not as a value"),
    "input.tjc28": QT_TRANSLATE_NOOP("input.tjc28", "TJC28"),
    "input.sjc28": QT_TRANSLATE_NOOP("input.sjc28", "SJC28"),
    "input.esr": QT_TRANSLATE_NOOP("input.esr", "ESR"),
    "input.crp": QT_TRANSLATE_NOOP("input.crp", "CRP"),
    "input.patient_global": QT_TRANSLATE_NOOP("input.patient_global", "patient global"),
    "input.evaluator_global": QT_TRANSLATE_NOOP("input.evaluator_global", "evaluator global"),
    "input.large_joints": QT_TRANSLATE_NOOP("input.large_joints", "large joints"),
    "input.small_joints": QT_TRANSLATE_NOOP("input.small_joints", "small joints"),
    "kind.inclusion": QT_TRANSLATE_NOOP("kind.inclusion", "Inclusion criterion"),
    "kind.exclusion": QT_TRANSLATE_NOOP("kind.exclusion", "Exclusion criterion"),
    # answers as printed
    "answer.not_entered": QT_TRANSLATE_NOOP("answer.not_entered", "not entered"),
    "answer.never": QT_TRANSLATE_NOOP("answer.never", "never"),
    "answer.none_taken": QT_TRANSLATE_NOOP("answer.none_taken", "none taken"),
    "answer.converted": QT_TRANSLATE_NOOP("answer.converted", "{value} {unit} (= {canonical} {canonical_unit})"),
    "answer.uln": QT_TRANSLATE_NOOP("answer.uln", " (ULN {uln} {unit})"),
    "answer.course": QT_TRANSLATE_NOOP("answer.course", "{drug} {dose} {unit} {route}, from {start}{change}{stop}"),
    "answer.course_change": QT_TRANSLATE_NOOP("answer.course_change", ", dose unchanged since {date}"),
    "answer.course_stop": QT_TRANSLATE_NOOP("answer.course_stop", ", stopped {date}"),
    "answer.course_ongoing": QT_TRANSLATE_NOOP("answer.course_ongoing", ", ongoing"),
    "answer.joints": QT_TRANSLATE_NOOP("answer.joints", "tender ({tender_count}): {tender}; swollen ({swollen_count}): {swollen}"),
    "answer.no_joints": QT_TRANSLATE_NOOP("answer.no_joints", "none"),
    "joint.side.r": QT_TRANSLATE_NOOP("joint.side.r", "right"),
    "joint.side.l": QT_TRANSLATE_NOOP("joint.side.l", "left"),
    "joint.shoulder": QT_TRANSLATE_NOOP("joint.shoulder", "{side} shoulder"),
    "joint.elbow": QT_TRANSLATE_NOOP("joint.elbow", "{side} elbow"),
    "joint.wrist": QT_TRANSLATE_NOOP("joint.wrist", "{side} wrist"),
    "joint.hip": QT_TRANSLATE_NOOP("joint.hip", "{side} hip"),
    "joint.knee": QT_TRANSLATE_NOOP("joint.knee", "{side} knee"),
    "joint.ankle": QT_TRANSLATE_NOOP("joint.ankle", "{side} ankle"),
    "joint.mcp": QT_TRANSLATE_NOOP("joint.mcp", "{side} MCP {n}"),
    "joint.pip": QT_TRANSLATE_NOOP("joint.pip", "{side} PIP {n}"),
    "joint.pip1": QT_TRANSLATE_NOOP("joint.pip1", "{side} thumb IP"),
    "joint.mtp": QT_TRANSLATE_NOOP("joint.mtp", "{side} MTP {n}"),
    "score.formula": QT_TRANSLATE_NOOP("score.formula", "formula: {name} ({citation})"),
    # the worksheet
    "ws.title": QT_TRANSLATE_NOOP("ws.title", "Eligibility worksheet"),
    "ws.verbatim_note": QT_TRANSLATE_NOOP("ws.verbatim_note", "Protocol texts are the registry record's, verbatim."),
    "ws.page": QT_TRANSLATE_NOOP("ws.page", "Page {page} of {pages}"),
    "ws.draft": QT_TRANSLATE_NOOP("ws.draft", "DRAFT — NOT SIGNED"),
    "ws.subject": QT_TRANSLATE_NOOP("ws.subject", "Subject"),
    "ws.screening_number": QT_TRANSLATE_NOOP("ws.screening_number", "Screening no."),
    "ws.initials": QT_TRANSLATE_NOOP("ws.initials", "Initials"),
    "ws.date_of_birth": QT_TRANSLATE_NOOP("ws.date_of_birth", "Date of birth"),
    "ws.sex": QT_TRANSLATE_NOOP("ws.sex", "Sex"),
    "ws.screening_date": QT_TRANSLATE_NOOP("ws.screening_date", "Screening date"),
    "ws.consent": QT_TRANSLATE_NOOP("ws.consent", "Consent"),
    "ws.consent_value": QT_TRANSLATE_NOOP("ws.consent_value", "{date}, form version {version}"),
    "ws.version": QT_TRANSLATE_NOOP("ws.version", "Version"),
    "ws.version_value": QT_TRANSLATE_NOOP("ws.version_value", "{version}"),
    "ws.corrects": QT_TRANSLATE_NOOP("ws.corrects", "{version}, correcting version {previous}: {reason}"),
    "ws.criteria": QT_TRANSLATE_NOOP("ws.criteria", "Criteria"),
    "ws.registry_text": QT_TRANSLATE_NOOP("ws.registry_text", "Protocol text"),
    "ws.translation": QT_TRANSLATE_NOOP("ws.translation", "Site translation"),
    "ws.interpretation": QT_TRANSLATE_NOOP("ws.interpretation", "Site interpretation"),
    "ws.facts": QT_TRANSLATE_NOOP("ws.facts", "Facts entered"),
    "ws.scores": QT_TRANSLATE_NOOP("ws.scores", "Computed"),
    "ws.verdict": QT_TRANSLATE_NOOP("ws.verdict", "Verdict"),
    "ws.reason": QT_TRANSLATE_NOOP("ws.reason", "Reason"),
    "ws.source": QT_TRANSLATE_NOOP("ws.source", "Source document"),
    "ws.no_source": QT_TRANSLATE_NOOP("ws.no_source", "—"),
    "ws.interpretations": QT_TRANSLATE_NOOP("ws.interpretations", "Interpretations that apply to the whole protocol"),
    "ws.overall": QT_TRANSLATE_NOOP("ws.overall", "Overall result"),
    "ws.statement": QT_TRANSLATE_NOOP("ws.statement", "Investigator's statement"),
    "ws.statement_text": QT_TRANSLATE_NOOP("ws.statement_text", "I confirm that I have assessed this subject against each inclusion and exclusion criterion of protocol {protocol}, version {version}, on the evidence recorded in this worksheet, and that the subject is {overall}."),
    "ws.signature": QT_TRANSLATE_NOOP("ws.signature", "Electronic signature"),
    "ws.signed_by": QT_TRANSLATE_NOOP("ws.signed_by", "Signed by {name}, {role}"),
    "ws.signed_at": QT_TRANSLATE_NOOP("ws.signed_at", "Date and time: {local} (UTC{offset}); {utc} UTC"),
    "ws.meaning": QT_TRANSLATE_NOOP("ws.meaning", "Meaning of the signature: {meaning}"),
    "ws.not_signed": QT_TRANSLATE_NOOP("ws.not_signed", "Not signed"),
    "ws.completion": QT_TRANSLATE_NOOP("ws.completion", "Data entry completed"),
    "ws.completed_by": QT_TRANSLATE_NOOP("ws.completed_by", "Completed by {name}, {role}"),
    "ws.not_completed": QT_TRANSLATE_NOOP("ws.not_completed", "Not completed"),
    "ws.entered": QT_TRANSLATE_NOOP("ws.entered", "Entered by"),
    "ws.entered_by": QT_TRANSLATE_NOOP("ws.entered_by", "{fact}: {name}, {at}"),
    "ws.delegation": QT_TRANSLATE_NOOP("ws.delegation", "Delegation on the signing date: {entry}"),
    "ws.delegation_entry": QT_TRANSLATE_NOOP("ws.delegation_entry", "{tasks}, from {starts} to {ends} (recorded by {recorded_by} on {recorded_at})"),
    "ws.delegation_open": QT_TRANSLATE_NOOP("ws.delegation_open", "no end date"),
    "ws.evidence": QT_TRANSLATE_NOOP("ws.evidence", "Audit trail at signing: entry {seq}, SHA-256 {head} · protocol file SHA-256 {protocol}"),
    "ws.certificate": QT_TRANSLATE_NOOP("ws.certificate", "Certificate SHA-256: {fingerprint}"),
    "ws.wet_ink": QT_TRANSLATE_NOOP("ws.wet_ink", "Handwritten signature (where the site's SOP requires it)"),
    "ws.wet_ink_line": QT_TRANSLATE_NOOP("ws.wet_ink_line", "Signature of investigator"),
    "ws.wet_ink_name": QT_TRANSLATE_NOOP("ws.wet_ink_name", "Printed name"),
    "ws.wet_ink_date": QT_TRANSLATE_NOOP("ws.wet_ink_date", "Date and time"),
    "ws.footer": QT_TRANSLATE_NOOP("ws.footer", "Document {document} · content SHA-256 {digest}"),
    "ws.footer_versions": QT_TRANSLATE_NOOP("ws.footer_versions", "trialdesk {program} · protocol {protocol}, version {version} ({version_date})"),
    "ws.site": QT_TRANSLATE_NOOP("ws.site", "Site"),
    "ws.protocol": QT_TRANSLATE_NOOP("ws.protocol", "Protocol"),
    "role.coordinator": QT_TRANSLATE_NOOP("role.coordinator", "Study coordinator"),
    "role.sub_investigator": QT_TRANSLATE_NOOP("role.sub_investigator", "Sub-investigator"),
    "role.principal_investigator": QT_TRANSLATE_NOOP("role.principal_investigator", "Principal investigator"),
    "role.site_administrator": QT_TRANSLATE_NOOP("role.site_administrator", "Site administrator"),
    "task.enter": QT_TRANSLATE_NOOP("task.enter", "enter data"),
    "task.sign": QT_TRANSLATE_NOOP("task.sign", "decide eligibility and sign"),
    "meaning.completed": QT_TRANSLATE_NOOP("meaning.completed", "Completed by: I entered or checked every fact of this screening against its source documents for protocol {protocol} version {version}."),
    # refusals of who may do what
    "people.bad_name": QT_TRANSLATE_NOOP("people.bad_name", "a full name is needed (at most {limit} characters)"),
    "people.password_too_short": QT_TRANSLATE_NOOP("people.password_too_short", "the password must have at least {minimum} characters"),
    "people.password_too_long": QT_TRANSLATE_NOOP("people.password_too_long", "the password must have at most {maximum} characters"),
    "people.password_unchanged": QT_TRANSLATE_NOOP("people.password_unchanged", "the new password is the same as the current one"),
    "people.not_administrator": QT_TRANSLATE_NOOP("people.not_administrator", "{name} is not a site administrator: only an administrator does this"),
    "people.instruction_needed": QT_TRANSLATE_NOOP("people.instruction_needed", "a site administrator changes the delegation log only on the principal investigator's documented instruction: give it with --instruction"),
    "people.not_delegation_keeper": QT_TRANSLATE_NOOP("people.not_delegation_keeper", "{name} may not change the delegation log: it belongs to the principal investigator"),
    "people.no_tasks": QT_TRANSLATE_NOOP("people.no_tasks", "name at least one task: enter, sign"),
    "people.sign_needs_investigator": QT_TRANSLATE_NOOP("people.sign_needs_investigator", "{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs"),
    "people.administrator_not_delegated": QT_TRANSLATE_NOOP("people.administrator_not_delegated", "{name} is a site administrator: trial tasks are delegated to coordinators and investigators"),
    "people.account_disabled": QT_TRANSLATE_NOOP("people.account_disabled", "the account of {name} is disabled"),
    "people.not_investigator": QT_TRANSLATE_NOOP("people.not_investigator", "{name} is a {role}: only a sub-investigator or the principal investigator decides eligibility and signs"),
    "people.not_delegated": QT_TRANSLATE_NOOP("people.not_delegated", "{name} holds no delegation to {task} on {day}"),
    "people.sign_in_failed": QT_TRANSLATE_NOOP("people.sign_in_failed", "the name or the password is wrong"),
    "people.account_locked": QT_TRANSLATE_NOOP("people.account_locked", "the account of {name} is locked after repeated failed sign-ins, until {until}"),
    "people.signed_out": QT_TRANSLATE_NOOP("people.signed_out", "sign in to make changes"),
    "people.no_account": QT_TRANSLATE_NOOP("people.no_account", "no account named {name} at this site"),
    "people.disable_self": QT_TRANSLATE_NOOP("people.disable_self", "an administrator cannot disable their own account"),
    "people.ends_before_start": QT_TRANSLATE_NOOP("people.ends_before_start", "the end date {ends} is before the start {starts}"),
    "people.no_delegation": QT_TRANSLATE_NOOP("people.no_delegation", "{name} has no delegation entry open on {day}"),
    "people.certificate_not_enrolled": QT_TRANSLATE_NOOP("people.certificate_not_enrolled", "this certificate is not enrolled to {name}: sign with your own enrolled certificate (identity create or identity import)"),
    "people.certificate_of_another": QT_TRANSLATE_NOOP("people.certificate_of_another", "this certificate is issued to “{certificate}”, not to {name}: a certificate is enrolled only to the person it names (PDF readers show that name as the signer)"),
    "people.certificate_revoked": QT_TRANSLATE_NOOP("people.certificate_revoked", "this certificate was revoked on {on}"),
    "people.certificate_expired": QT_TRANSLATE_NOOP("people.certificate_expired", "this certificate expired on {until}"),
    "people.not_completed": QT_TRANSLATE_NOOP("people.not_completed", "the screening's data entry is not completed (or changed after completion): it is completed before it is signed"),
    "people.no_password": QT_TRANSLATE_NOOP("people.no_password", "this command changes the site's records: sign in with --user NAME --password-file FILE"),
    "people.passwords_differ": QT_TRANSLATE_NOOP("people.passwords_differ", "the two entries differ: nothing was changed"),
    "people.stdin_twice": QT_TRANSLATE_NOOP("people.stdin_twice", "the password and the passphrase cannot both come from standard input: give one of them in a file"),
    "people.must_change_password": QT_TRANSLATE_NOOP("people.must_change_password", "{name} still has the password an administrator gave: choose your own first (trialdesk user password, or the window asks at sign-in)"),
    "what.reason": QT_TRANSLATE_NOOP("what.reason", "reason"),
    "what.meaning": QT_TRANSLATE_NOOP("what.meaning", "meaning of the signature"),
    "what.instruction": QT_TRANSLATE_NOOP("what.instruction", "instruction"),
    "what.name": QT_TRANSLATE_NOOP("what.name", "name"),
    "what.source_note": QT_TRANSLATE_NOOP("what.source_note", "source-document note"),
    "people.control_characters": QT_TRANSLATE_NOOP("people.control_characters", "the {what} holds control or invisible formatting characters: type it as plain text"),
    "people.text_too_long": QT_TRANSLATE_NOOP("people.text_too_long", "the {what} is longer than {limit} characters"),
    "people.mixed_scripts": QT_TRANSLATE_NOOP("people.mixed_scripts", "the name mixes letters of {scripts}: a look-alike of another name is refused"),
    "people.secret_not_text": QT_TRANSLATE_NOOP("people.secret_not_text", "{file} is not UTF-8 text: save the password or passphrase in it as plain text"),
    "people.secret_unreadable": QT_TRANSLATE_NOOP("people.secret_unreadable", "{file} cannot be read: {error}"),
    "people.already_revoked": QT_TRANSLATE_NOOP("people.already_revoked", "this certificate was revoked already, on {on}"),
    "people.no_certificate": QT_TRANSLATE_NOOP("people.no_certificate", "no certificate with the SHA-256 {fingerprint} is enrolled at this site"),
    "people.reason_needed": QT_TRANSLATE_NOOP("people.reason_needed", "give the reason with --reason"),
    "people.completion_incomplete": QT_TRANSLATE_NOOP("people.completion_incomplete", "the screening is still incomplete ({open} criteria open): data entry is completed when every criterion is decided"),
    "people.delegation_used": QT_TRANSLATE_NOOP("people.delegation_used", "{name} signed under this delegation on {day}: it cannot end before that day"),
    "people.date_out_of_range": QT_TRANSLATE_NOOP("people.date_out_of_range", "{day} is outside the years {first}–{last}"),
    "people.export_onto_records": QT_TRANSLATE_NOOP("people.export_onto_records", "{target} is part of the site's own records (the database, the site file, identities, protocols): export somewhere else"),
    "people.worksheet_unreadable": QT_TRANSLATE_NOOP("people.worksheet_unreadable", "{file} cannot be read as a worksheet: {error}"),
    "people.clock_behind": QT_TRANSLATE_NOOP("people.clock_behind", "this computer's clock is behind the audit trail (its last entry is at {last}): set the clock right, then sign"),
    "people.no_site": QT_TRANSLATE_NOOP("people.no_site", "this site has no accounts yet: start with trialdesk site init --admin NAME --password-file FILE"),
    "meaning.eligibility": QT_TRANSLATE_NOOP("meaning.eligibility", "Investigator's eligibility decision: I confirm that the subject is {overall} for protocol {protocol} version {version}."),
    # units and periods
    "period.hours": QT_TRANSLATE_NOOP("period.hours", "hours"),
    "period.hour": QT_TRANSLATE_NOOP("period.hour", "hour"),
    "period.days": QT_TRANSLATE_NOOP("period.days", "days"),
    "period.weeks": QT_TRANSLATE_NOOP("period.weeks", "weeks"),
    "period.months": QT_TRANSLATE_NOOP("period.months", "months"),
    "period.years": QT_TRANSLATE_NOOP("period.years", "years"),
    "period.day": QT_TRANSLATE_NOOP("period.day", "day"),
    "period.week": QT_TRANSLATE_NOOP("period.week", "week"),
    "period.month": QT_TRANSLATE_NOOP("period.month", "month"),
    "period.year": QT_TRANSLATE_NOOP("period.year", "year"),
    # problems
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
    "field.screening_number": QT_TRANSLATE_NOOP("field.screening_number", "Screening number"),
    "field.initials": QT_TRANSLATE_NOOP("field.initials", "Initials"),
    "field.date_of_birth": QT_TRANSLATE_NOOP("field.date_of_birth", "Date of birth"),
    "field.sex": QT_TRANSLATE_NOOP("field.sex", "Sex"),
    "field.screening_date": QT_TRANSLATE_NOOP("field.screening_date", "Screening date"),
    "field.consent_date": QT_TRANSLATE_NOOP("field.consent_date", "Informed consent date"),
    "field.consent_version": QT_TRANSLATE_NOOP("field.consent_version", "Consent form version"),
    "store.duplicate_screening_number": QT_TRANSLATE_NOOP("store.duplicate_screening_number", "screening number {value} is already used for this protocol at this site"),
    "store.reason_required": QT_TRANSLATE_NOOP("store.reason_required", "this replaces a value entered earlier: give a reason for the change"),
    "store.locked": QT_TRANSLATE_NOOP("store.locked", "the screening is {status}: its answers cannot change (open a correction instead)"),
    "store.no_screening": QT_TRANSLATE_NOOP("store.no_screening", "no screening {value} in this database"),
    "store.ambiguous_screening": QT_TRANSLATE_NOOP("store.ambiguous_screening", "screening number {value} exists under several protocols ({protocols}); use its id"),
    "store.wrong_protocol": QT_TRANSLATE_NOOP("store.wrong_protocol", "the screening belongs to protocol {value}, not {protocol}"),
    "store.not_signed": QT_TRANSLATE_NOOP("store.not_signed", "only a signed screening is corrected by a new version; this one is {status} and can be edited"),
    "store.unknown_role": QT_TRANSLATE_NOOP("store.unknown_role", "unknown role “{value}”; expected one of {roles}"),
    "store.not_delegated": QT_TRANSLATE_NOOP("store.not_delegated", "{value} is not on the site's delegation list"),
    "store.not_investigator": QT_TRANSLATE_NOOP("store.not_investigator", "{value} is on the delegation list as {role}: only a sub-investigator or the principal investigator may sign an eligibility decision"),
    "store.incomplete": QT_TRANSLATE_NOOP("store.incomplete", "the screening is incomplete: every criterion must be decided before it is signed"),
    "store.ambiguous_reference": QT_TRANSLATE_NOOP("store.ambiguous_reference", "{value} is both a screening's id and another screening's number: write #{value} for the id"),
    "store.changed_underneath": QT_TRANSLATE_NOOP("store.changed_underneath", "{who} changed this screening meanwhile ({count} change(s), the last at {when}): nothing was saved. It has been read again: look at what changed, then make your change again"),
    "store.changed_while_signing": QT_TRANSLATE_NOOP("store.changed_while_signing", "the screening changed while the worksheet was being signed: nothing was signed; complete it again and sign what it says now"),
    "store.screen_failure_recorded": QT_TRANSLATE_NOOP("store.screen_failure_recorded", "the screening is recorded as a screen failure ({reason}): it is not signed as an eligibility decision"),
    "store.no_account": QT_TRANSLATE_NOOP("store.no_account", "no account {value}"),
    "store.site_initialised": QT_TRANSLATE_NOOP("store.site_initialised", "this site has accounts already: an administrator adds people with trialdesk user add"),
    "store.account_exists": QT_TRANSLATE_NOOP("store.account_exists", "an account named {value} exists already (names are never given twice)"),
    "store.certificate_enrolled": QT_TRANSLATE_NOOP("store.certificate_enrolled", "this certificate is enrolled to {value} already"),
    "store.disk_full": QT_TRANSLATE_NOOP("store.disk_full", "the disk holding {folder} is full: nothing was saved"),
    "store.disk_read_only": QT_TRANSLATE_NOOP("store.disk_read_only", "the disk holding {folder} is read-only: nothing was saved"),
    "store.disk_io_error": QT_TRANSLATE_NOOP("store.disk_io_error", "the disk holding {folder} could not be read or written (an input/output error): nothing was saved; have the disk checked"),
    "disk.not_saved": QT_TRANSLATE_NOOP("disk.not_saved", "Not saved"),
    "disk.full": QT_TRANSLATE_NOOP("disk.full", "the disk holding {folder} is full"),
    "disk.read_only": QT_TRANSLATE_NOOP("disk.read_only", "the disk holding {folder} is read-only"),
    "disk.io_error": QT_TRANSLATE_NOOP("disk.io_error", "the disk holding {folder} could not be read or written (an input/output error)"),
    "disk.other": QT_TRANSLATE_NOOP("disk.other", "{file}: {error}"),
    "signed.copy_missing": QT_TRANSLATE_NOOP("signed.copy_missing", "signed and kept in the database; the copy in the site file could not be written ({problem}): run trialdesk site-file check"),
    "status.in_progress": QT_TRANSLATE_NOOP("status.in_progress", "in progress"),
    "status.eligible": QT_TRANSLATE_NOOP("status.eligible", "eligible"),
    "status.ineligible": QT_TRANSLATE_NOOP("status.ineligible", "ineligible"),
    "status.screen_failure": QT_TRANSLATE_NOOP("status.screen_failure", "screen failure"),
    "status.signed": QT_TRANSLATE_NOOP("status.signed", "signed"),
    "status.superseded": QT_TRANSLATE_NOOP("status.superseded", "superseded"),
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
EN.update(effects.KEYS)



def _number(value: Any) -> str:
    """A value as entered or as the protocol wrote it: exact, never rounded (9.0 stays 9.0).

    Entered values and limits have at most 6 decimals; a value with more (a conversion, a
    formula) is shown by `_near` against what it is compared with.
    """
    if not isinstance(value, Decimal):
        return str(value)
    if value.as_tuple().exponent < -MAX_SHOWN_DECIMALS:
        return _near(value, ())
    return format(value, "f")


MAX_SHOWN_DECIMALS = 6
_NAMES_FACTS = ("measurements_apart", "dates_reversed", "no_uln", "reported_as")
_SHOWN = Context(prec=60)


def _near(value: Decimal, limits: tuple | list) -> str:
    """A computed value exactly when it has at most 6 decimals; otherwise to the fewest decimals
    (at least 2, and 4 significant digits) that keep its relation to every limit:
    never rounded onto a limit it is not equal to, nor across one. 52.981 against 52.98 shows
    as 52.981, never as "52.98 outside 52.98–77.03"."""
    limits = [Decimal(limit) for limit in limits if limit is not None]
    if value == value.quantize(Decimal(1).scaleb(-MAX_SHOWN_DECIMALS), context=_SHOWN):  # exact in a few decimals
        return format(value.normalize(_SHOWN), "f")
    for places in range(max(2, 3 - value.adjusted()), 29):  # at least 2 decimals and 4 significant digits
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN, context=_SHOWN)
        if all((rounded > limit) == (value > limit) and (rounded < limit) == (value < limit) for limit in limits):
            return format(rounded, "f")
    return format(value, "f")


def _moment(value: Any) -> str:
    """A date as YYYY-MM-DD; a date and time as YYYY-MM-DD HH:MM."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _raw(value: Decimal) -> str:
    """A formula's unrounded result, to four decimals."""
    return format(value.quantize(Decimal("0.0001")), "f")


class Messages:
    """Sentences in one language for one protocol's reasons and problems."""

    def __init__(self, protocol: Protocol | None = None, lang: str = SOURCE_LANGUAGE) -> None:
        self.protocol = protocol
        self.lang = lang if lang in languages() else SOURCE_LANGUAGE
        self._translated = catalogue(self.lang)

    def t(self, key: str, **params: Any) -> str:
        """The message `key` in this language (English where a translation is missing)."""
        english = EN[key]
        return self._translated.get((key, english), english).format(**params)

    def verdict(self, verdict: Verdict) -> str:
        return self.t(f"verdict.{verdict.value}")

    def effect(self, result: CriterionResult) -> str:
        """What the result does to eligibility, naming the criterion: "E2 applies: excluded"."""
        return self.t(effects.effect_key(result.kind, result.effect.value), id=result.criterion_id)

    def effect_word(self, effect: Effect) -> str:
        """The effect alone, where the criterion is named already: "excluded"."""
        return self.t(f"effect.word.{effect.value}")

    def overall(self, overall: Overall) -> str:
        return self.t(f"overall.{overall.value}")

    # -- labels --------------------------------------------------------------------------

    def fact_label(self, fact_id: str) -> str:
        fact = self.protocol.fact.get(fact_id) if self.protocol else None
        if fact is not None:
            translated = fact.translations.get(self.lang)
            return translated.label if translated else fact.label
        return self.t(f"field.{fact_id}") if f"field.{fact_id}" in EN else fact_id

    def status(self, status: Any) -> str:
        return self.t(f"status.{getattr(status, 'value', status)}")

    def store_error(self, code: str, params: dict[str, Any]) -> str:
        """A refusal of the screening store, in words."""
        if code == "changed_underneath":
            changes = params.get("changes") or []
            who = ", ".join(dict.fromkeys(e.actor for e in changes))
            when = changes[-1].at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if changes else ""
            return self.t("store.changed_underneath", who=who, count=len(changes), when=when)
        return self.t(f"store.{code}", **{k: self._value(v) for k, v in params.items()})

    def score_label(self, score_id: str) -> str:
        score = self.protocol.score.get(score_id) if self.protocol else None
        return score.label if score else score_id

    def condition(self, rule: Any) -> str:
        """A rule as the condition a fact is asked under, in words ("Sex is Female"); one this
        cannot word names the facts it reads."""
        kind = rule.kind
        if kind == "one_of":
            values = self.t("condition.or").join(self.answer(rule.fact, v) for v in rule.values)
            return self.t("condition.one_of", label=self.fact_label(rule.fact), values=values)
        if kind == "attestation":
            return self.t("condition.attestation", label=self.fact_label(rule.fact))
        if kind in ("all_of", "any_of"):
            parts = [self.t("condition.nested", part=self.condition(c)) if c.kind in ("all_of", "any_of")
                     else self.condition(c) for c in getattr(rule, kind)]
            return self.t("condition.and" if kind == "all_of" else "condition.or").join(parts)
        if kind == "not":
            return self.t("condition.not", part=self.condition(rule.rule))
        plain = kind in ("threshold", "range") and not any(
            hasattr(getattr(rule, name, None), "cases") for name in ("value", "min", "max"))
        if plain and getattr(rule, "times_uln", None) is None:
            label = self.score_label(rule.score) if rule.score else self.fact_label(rule.fact)
            unit = self._condition_unit(rule)
            if kind == "threshold":
                return self.t("condition.threshold", label=label, op=rule.op, value=f"{_number(rule.value)}{unit}")
            if rule.min is not None and rule.max is not None:
                return self.t("condition.range", label=label, min=_number(rule.min), max=f"{_number(rule.max)}{unit}")
        if kind == "age" and rule.anchor is None:
            return self.t("condition.age", bounds=self._age_bounds({"min": rule.min_years, "max": rule.max_years}))
        facts = self.protocol.condition_facts(rule) if self.protocol else ()
        return self.t("condition.other", facts=", ".join(self.fact_label(f) for f in facts))

    def _condition_unit(self, rule: Any) -> str:
        if rule.score:
            unit = self.protocol.score[rule.score].shown_unit if self.protocol else ""
        elif self.protocol and self.protocol.fact[rule.fact].type == "number":
            unit = self.protocol.unit_label(rule.fact, rule.unit)
        else:
            unit = ""
        return f" {unit}" if unit else ""

    def asked_only_when(self, fact_id: str) -> str:
        """Beside a fact not asked: the condition it is asked under ("Asked only when Sex is Female")."""
        return self.t("asked_only_when", condition=self.condition(self.protocol.fact[fact_id].asked_if))

    def not_asked_answer(self, fact_id: str) -> str:
        """A fact not asked, where its answer is printed: "not asked (asked only when Sex is Female)"."""
        return self.t("answer.not_asked", condition=self.condition(self.protocol.fact[fact_id].asked_if))

    def fact_help(self, fact_id: str) -> str:
        fact = self.protocol.fact[fact_id]
        translated = fact.translations.get(self.lang)
        return translated.help if translated and translated.help else fact.help

    def criterion_translation(self, criterion: Any) -> str | None:
        """The site's translation of a criterion's registry text into this language, if there is one."""
        translated = criterion.translations.get(self.lang)
        return translated.text if translated else None

    def interpretation(self, criterion: Any) -> str | None:
        translated = criterion.translations.get(self.lang)
        return translated.interpretation if translated and translated.interpretation else criterion.interpretation

    def protocol_interpretations(self) -> tuple[str, ...]:
        translated = self.protocol.translations.get(self.lang)
        return translated.interpretations if translated and translated.interpretations else self.protocol.interpretations

    def answer(self, fact_id: str, answer: str) -> str:
        """An answer given by its id (an option, a qualitative result, yes / no) in words."""
        fact = self.protocol.fact.get(fact_id) if self.protocol else None
        for option in (*getattr(fact, "options", ()), *getattr(fact, "results", ())):
            if option.id == answer:
                translated = fact.translations.get(self.lang)
                return translated.options.get(answer, option.label) if translated else option.label
        if answer == "not_documented" and getattr(fact, "type", None) == "involved_joints":
            return self.t("answer.not_documented")
        return self.t(answer) if answer in ("yes", "no", "unknown") else answer

    def _needed(self, missing: Any, not_known: dict[str, Any]) -> str:
        """The facts a score still needs, each answered "not known" with its answer: "RF (Not done)"."""
        return ", ".join(f"{self.fact_label(f)} ({self.answer(f, not_known[f])})" if f in not_known
                         else self.fact_label(f) for f in missing)

    def period(self, count: int, unit: str) -> str:
        return self.t(f"period.{unit[:-1]}") if count == 1 else self.t(f"period.{unit}")

    @staticmethod
    def date(value: date) -> str:
        return value.isoformat()

    def kind(self, kind: str) -> str:
        return self.t(f"kind.{kind}")

    def score(self, result: Any) -> str:
        """A computed score with its inputs, or what it still needs."""
        label = self.score_label(result.score_id)
        facts = self._needed(result.missing, result.not_known)
        if result.problem is not None:
            return self.t("score.problem", label=label, problem=self.problem_text(result.problem))
        derived = self.derivations(result.derivations)
        if result.missing:
            if result.bounds:
                return self.t("score.bounds", label=label, low=result.bounds[0], high=result.bounds[1],
                              facts=facts) + derived
            return self.t("score.missing", label=label, facts=facts) + derived
        if result.round_to is not None:
            note = self.t("note.rounded", n=result.round_to, raw=_raw(result.value))
            value = format(result.compared, "f")
        else:
            note, value = "", _near(result.compared, ()) if result.derived else _number(result.compared)
        if result.unit:
            value = f"{value} {result.unit}"
        text = self.t("score.value", label=label, value=value, note=note)
        if result.derived:
            inputs = [f"{self.fact_label(f)} {self.answer_text(f, self.protocol.fact[f].to_answer(v))}"
                      for f, v in result.inputs.items()] if self.protocol else []
            return text + (self.t("score.inputs", inputs=", ".join(inputs)) if inputs else "")
        if result.components:
            parts = []
            for name, points in result.components.items():
                part = self.t(f"component.{name}", points=points)
                how = result.derivations.get(name)
                parts.append(part if how is None else self.t("derived.component", component=part, how=self.derivation(how)))
            joined = self.t("sep") if result.derivations else ", "
            text += self.t("score.components", parts=joined.join(parts))
        elif derived:
            text += derived
        from trialdesk.domain.calculators import CALCULATORS  # the formulas are not needed to word a status

        kinds = CALCULATORS[self.protocol.score[result.score_id].calculator].inputs if self.protocol else {}
        inputs = [
            f"{self.t(f'input.{name}')} {_number(v)}" + (f" {kinds[name].unit}" if name in kinds and kinds[name].unit else "")
            for name, v in result.inputs.items()
            if v is not None and not isinstance(v, bool) and f"input.{name}" in EN
        ]
        if inputs and "joints" not in result.derivations:  # else the joints' derivation says them
            text += self.t("score.inputs", inputs=", ".join(inputs))
        return text

    def joint_name(self, joint: str) -> str:
        site, side = joint.rsplit("_", 1)
        side_word = self.t(f"joint.side.{side}")
        if site == "pip1":
            return self.t("joint.pip1", side=side_word)
        for prefix in ("mcp", "pip", "mtp"):
            if site.startswith(prefix):
                return self.t(f"joint.{prefix}", side=side_word, n=site[3:])
        return self.t(f"joint.{site}", side=side_word)

    def answer_text(self, fact_id: str, raw: Any) -> str:
        """An answer as a reader should see it: units, option labels, joint names, courses."""
        fact = self.protocol.fact[fact_id] if self.protocol else None
        if raw is None or fact is None:
            return self.t("answer.not_entered") if raw is None else str(raw)
        kind = fact.type
        if kind in ("number", "involved_joints") and isinstance(raw, str):  # a result, "not documented"
            return self.answer(fact_id, raw)
        if kind == "involved_joints" and isinstance(raw, dict):
            return self._involved_text(fact, raw)
        if kind == "number" and isinstance(raw, dict):
            value, unit = Decimal(str(raw["value"])), raw["unit"]
            quantity = self.protocol.quantity_of(fact_id)
            shown_unit = quantity.unit_label(unit)
            text = f"{_number(value)} {shown_unit}".rstrip()
            if unit != quantity.canonical:
                canonical = quantity.to_canonical(value, unit)
                text = self.t("answer.converted", value=_number(value), unit=shown_unit, canonical=_near(canonical, ()),
                              canonical_unit=quantity.unit_label(quantity.canonical))
            if raw.get("uln") is not None:
                text += self.t("answer.uln", uln=_number(Decimal(str(raw["uln"]))), unit=shown_unit)
            return text
        if kind == "datetime":
            return self.t("answer.never") if raw == "none" else str(raw).replace("T", " ")
        if kind == "date":
            return self.t("answer.never") if raw == "none" else str(raw)
        if kind in ("yes_no", "choice"):
            return self.answer(fact_id, raw)
        if kind == "medications":
            if not raw:
                return self.t("answer.none_taken")
            return self.t("sep").join(self._course_text(fact_id, c) for c in raw)
        if kind == "joints":
            def names(joints: list[str]) -> str:
                return ", ".join(self.joint_name(j) for j in joints) or self.t("answer.no_joints")

            return self.t("answer.joints", tender_count=len(raw.get("tender", [])), tender=names(raw.get("tender", [])),
                          swollen_count=len(raw.get("swollen", [])), swollen=names(raw.get("swollen", [])))
        return str(raw)

    def _involved_text(self, fact: Any, raw: dict[str, Any]) -> str:
        """The joints involved at an assessment: its date, then the joints by name, or the numbers."""
        if "joints" not in raw:
            return self.t("answer.involved_counts", date=raw.get("date"), large=raw.get("large"), small=raw.get("small"))
        from trialdesk.domain.joints import count_by_size

        involved = frozenset(raw["joints"])
        return self.t("answer.involved_joints", date=raw.get("date"), count=len(raw["joints"]),
                      large=count_by_size(involved, "large"), small=count_by_size(involved, "small"),
                      joints=", ".join(self.joint_name(j) for j in raw["joints"]) or self.t("answer.no_joints"))

    def formula(self, score_id: str) -> str:
        from trialdesk.domain.calculators import CALCULATORS

        calculator = CALCULATORS[self.protocol.score[score_id].calculator]
        return self.t("score.formula", name=calculator.name, citation=calculator.citation)

    def role(self, role: str) -> str:
        return self.t(f"role.{getattr(role, 'value', role)}")

    def task(self, task: str) -> str:
        return self.t(f"task.{getattr(task, 'value', task)}")

    def refusal(self, code: str, params: dict[str, Any]) -> str:
        """Why the rules refuse this person an action, in words."""
        params = dict(params)
        if "role" in params:
            params["role"] = self.role(params["role"])
        if "task" in params:
            params["task"] = self.task(params["task"])
        if f"what.{params.get('what')}" in EN:
            params["what"] = self.t(f"what.{params['what']}")
        return self.t(f"people.{code}", **{k: self._value(v) for k, v in params.items()})

    # -- reasons -------------------------------------------------------------------------

    def reason(self, outcome: Outcome) -> str:
        """The sentence for an outcome's reason (the verdict itself is worded by `verdict`)."""
        reason, verdict = outcome.reason, outcome.verdict
        method = getattr(self, f"_r_{reason.code}")
        return method(reason, verdict)

    def _parts(self, outcomes: tuple[Outcome, ...] | list[Outcome]) -> str:
        """The parts' sentences, each once ("missing: Sex" for two limits by sex, not twice)."""
        return self.t("sep").join(dict.fromkeys(self.reason(o) for o in outcomes))

    def _comparison(self, p: dict[str, Any], limits: list) -> dict[str, Any]:
        """The label and the value of a comparison as a reader sees them: the value as entered
        with its unit; a converted or computed one beside it, to as many decimals as keep its
        relation to `limits`."""
        unit = f" {p['unit']}" if p.get("unit") else ""
        if "score" in p:
            label = self.score_label(p["score"])
            if p.get("round_to") is not None:
                note = self.t("note.rounded", n=p["round_to"], raw=_raw(p["raw"]))
                value = format(p["value"], "f")
            else:
                note = "" if p.get("whole") else self.t("note.unrounded")
                value = _near(p["value"], limits) if p["value"].as_tuple().exponent < -2 else _number(p["value"])
            return {"label": label, "value": f"{value}{unit}", "note": note}
        label = self.fact_label(p["fact"])
        value = f"{_near(p['value'], limits) if p.get('converted') else _number(p['value'])}{unit}"
        if p.get("converted"):
            entered = f"{_number(p['entered'])}{' ' + p['entered_unit'] if p.get('entered_unit') else ''}"
            value = self.t("value.converted", entered=entered, value=value)
        return {"label": label, "value": value, "note": ""}

    def _limit(self, p: dict[str, Any], limit: Decimal) -> str:
        unit = f" {p['unit']}" if p.get("unit") else ""
        if p.get("times_uln") is not None:
            return self.t("uln.limit", times=_number(p["times_uln"]), uln=f"{_number(p['uln'])}{unit}",
                          limit=f"{_number(limit)}{unit}")
        return f"{_number(limit)}{unit}"

    def _r_threshold(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        parts = self._comparison(p, [p["threshold"]])
        key = "threshold.holds" if verdict is Verdict.MET else "threshold.fails"
        return self.t(key, op=p["op"], threshold=self._limit(p, p["threshold"]), **parts)

    def _r_range(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        parts = self._comparison(p, [p["min"], p["max"]])
        unit = f" {p['unit']}" if p.get("unit") else ""
        key = "range.holds" if verdict is Verdict.MET else "range.fails"
        return self.t(key, min=_number(p["min"]), max=_number(p["max"]), unit=unit, **parts)

    def _limits_text(self, p: dict[str, Any]) -> str:
        texts = []
        for limit in p["limits"]:
            if isinstance(limit, tuple):
                low, high = limit
                if low is None:
                    texts.append(f"<= {self._limit(p, high)}")
                elif high is None:
                    texts.append(f">= {self._limit(p, low)}")
                else:
                    texts.append(self.t("limit.range", min=_number(low), max=self._limit(p, high)))
            else:
                texts.append(f"{p['op']} {self._limit(p, limit)}")
        return ", ".join(texts)

    def _flat_limits(self, p: dict[str, Any]) -> list:
        flat: list = []
        for limit in p.get("limits", []):
            flat.extend(limit if isinstance(limit, tuple) else (limit,))
        return flat

    def _r_limit_settled(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        parts = self._comparison(p, self._flat_limits(p))
        open_parts = self._parts(reason.children)
        return self.t("limit_settled", label=parts["label"], value=parts["value"], limits=self._limits_text(p),
                      open=f" — {open_parts}" if open_parts else "")

    def _r_limit_open(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        parts = self._comparison(p, self._flat_limits(p))
        if not reason.children:
            return self.t("limit_open.none", label=parts["label"], value=parts["value"])
        return self.t("limit_open", label=parts["label"], value=parts["value"], open=self._parts(reason.children))

    def _r_not_known(self, reason: Reason, verdict: Verdict) -> str:
        answers = self.t("sep").join(
            self.t("answer", label=self.fact_label(f), answer=self.answer(f, a)) for f, a in reason.params["answers"].items()
        )
        return self.t("not_known", answers=answers)

    def _r_not_applicable(self, reason: Reason, verdict: Verdict) -> str:
        return self.t("not_applicable", part=self.reason(reason.children[0]))

    def _r_applies_open(self, reason: Reason, verdict: Verdict) -> str:
        return self.t("applies_open", condition=self.reason(reason.children[0]), part=self.reason(reason.children[1]))

    def anchor_label(self, anchor: str | None) -> str:
        return self.t("anchor.screening") if anchor is None else self.fact_label(anchor)

    def _r_pending(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        anchor = self.anchor_label(p["anchor"])
        if p.get("date") is not None:
            return self.t("pending.detail", anchor=anchor, label=self.fact_label(p["fact"]), date=_moment(p["date"]))
        return self.t("pending", anchor=anchor)

    def _span(self, low: Any, high: Any) -> str:
        if low is not None and high is not None:
            return self.t("span.between", low=_moment(low), high=_moment(high))
        if low is not None:
            return self.t("span.from", date=_moment(low))
        return self.t("span.until", date=_moment(high))

    def _r_score_bounds(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        low, high = p["bounds"]
        return self.t(
            "score_bounds",
            label=self.score_label(p["score"]),
            low=low,
            high=high,
            op=p.get("op", "in"),
            threshold=_number(p.get("threshold", "")),
            decided=self.t("score_bounds.holds" if verdict is Verdict.MET else "score_bounds.fails"),
            missing=self._needed(p["missing"], p.get("not_known", {})),
        )

    def _r_missing(self, reason: Reason, verdict: Verdict) -> str:
        facts = self._needed(reason.params["facts"], reason.params.get("not_known", {}))
        if "bounds" in reason.params:
            low, high = reason.params["bounds"]
            return self.t("missing.score.bounds", label=self.score_label(reason.params["score"]), low=low, high=high,
                          op=reason.params["op"], threshold=_number(reason.params["threshold"]), facts=facts)
        if "score" in reason.params:
            return self.t("missing.score", label=self.score_label(reason.params["score"]), facts=facts)
        return self.t("missing", facts=facts)

    def _r_reported_as(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("reported_as", label=self.fact_label(p["fact"]), result=self.answer(p["fact"], p["result"]))

    # classification inputs derived from observations: how each came out

    def derivations(self, derived: dict[str, Reason]) -> str:
        """How a score's derived inputs came out, each under its component or criterion:
        " (serology 3: RF 61 IU/mL > 3 × ULN 20 IU/mL = 60 IU/mL: high positive, ACPA: Not done, left out)"."""
        parts = []
        for name, how in derived.items():
            if f"component.{name}" in EN:
                low, high = how.params.get("points") or (int(bool(how.params.get("holds"))),) * 2
                head = self.t(f"component.{name}", points=str(low) if low == high else f"{low}–{high}")
            else:
                head = self.t(f"derived.criterion.{name}")
            parts.append(self.t("derived.component", component=head, how=self.derivation(how)))
        return self.t("score.components", parts=self.t("sep").join(parts)) if parts else ""

    def derivation(self, reason: Reason) -> str:
        """One derived input in words: the observations it came from and the category they give."""
        p, code = reason.params, reason.code
        label = self.fact_label(p["fact"]) if "fact" in p else ""
        if code == "derived_joints":
            if "not_known" in p:
                return self.t("derived.joints.not_known", label=label, answer=self.answer(p["fact"], p["not_known"]))
            return self.t("derived.joints.marked" if p["marked"] else "derived.joints.counted", large=p["large"],
                          small=p["small"], on=self.date(p["on"]))
        if code in ("derived_serology", "derived_acute_phase"):
            tests = ", ".join(self._lab_test(t) for t in p["tests"])
            if p["no_result"]:
                names = ", ".join(self.fact_label(t["fact"]) for t in p["tests"])
                return self.t("derived.no_result", tests=tests, names=names)
            return tests
        if code == "derived_rheumatoid_factor":
            return self._lab_test(p["test"])
        relation = "≥" if p["holds"] else "<"
        if code == "derived_areas":
            return self.t("derived.areas", label=label, value=p["value"], relation=relation, min=p["min"], of=p["of"])
        limit = self.t(f"limit.{p['limit']}")
        if "onset" in p:
            return self.t("derived.onset", label=label, onset=self.date(p["onset"]), days=p["days"], on=self.date(p["on"]),
                          relation=relation, limit=limit)
        value = f"{_number(p['value'])} {p['unit']}".rstrip()
        return self.t("derived.duration", label=label, value=value, relation=relation, limit=limit)

    def _lab_test(self, test: dict[str, Any]) -> str:
        """One laboratory test as a classification read it."""
        label, state = self.fact_label(test["fact"]), test["state"]
        if state == "missing":
            return self.t("derived.test.missing", label=label)
        if state == "not_known":
            return self.t("derived.test.not_known", label=label, answer=self.answer(test["fact"], test["answer"]))
        if state == "result" and test.get("answer") == "positive":
            return self.t("derived.test.positive", label=label, result=self.answer(test["fact"], "positive"))
        if state == "result":
            return self.t("derived.test.result", label=label, result=self.answer(test["fact"], test["category"]))

        def amount(number: Decimal) -> str:
            return f"{_number(number)} {test['unit']}".rstrip()

        if state == "no_uln":
            return self.t("derived.test.no_uln", label=label, value=amount(test["value"]))
        category, uln = test["category"], test["uln"]
        three = self.t("uln.limit", times=3, uln=amount(uln), limit=amount(3 * uln))
        relation, limit = {
            "negative": ("≤", self.t("derived.uln", uln=amount(uln))),
            "low_positive": (">", self.t("derived.uln_and_3", uln=amount(uln), limit=three)),
            "high_positive": (">", three),
            "normal": ("≤", self.t("derived.uln", uln=amount(uln))),
            "abnormal": (">", self.t("derived.uln", uln=amount(uln))),
        }[category]
        return self.t("derived.test.value", label=label, value=amount(test["value"]), relation=relation, limit=limit,
                      category=self.t(f"category.{category}"))

    def _r_score_problem(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("score_problem", label=self.score_label(p["score"]), problem=self.problem_text(p["problem"]))

    def _age_bounds(self, p: dict[str, Any]) -> str:
        if p["min"] is None:
            return self.t("age.at_most", max=p["max"])
        if p["max"] is None:
            return self.t("age.at_least", min=p["min"])
        return self.t("age.between", min=p["min"], max=p["max"])

    def _r_age(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        if p["min"] is not None and p["max"] is not None and p.get("anchor") is None:
            key = "age.holds" if verdict is Verdict.MET else "age.fails"
            return self.t(key, age=p["age"], on=self.date(p["on"]), born=self.date(p["born"]), min=p["min"], max=p["max"])
        key = "age_at.holds" if verdict is Verdict.MET else "age_at.fails"
        return self.t(key, age=p["age"], on=self.date(p["on"]), born=self.date(p["born"]), bounds=self._age_bounds(p))

    def _r_age_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        key = "age_early.holds" if verdict is Verdict.MET else "age_early.fails"
        return self.t(key, age=p["age"], on=self.date(p["on"]), born=self.date(p["born"]), bounds=self._age_bounds(p),
                      anchor=self.anchor_label(p["anchor"]), until=self.date(p["until"]) if p.get("until") else "")

    def _r_date_window(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        holds = verdict is Verdict.MET
        common = {"label": self.fact_label(p["fact"]), "date": _moment(p["date"]), "count": p["count"],
                  "unit": self.period(p["count"], p["unit"]), "on": _moment(p["on"]), "since": _moment(p["since"]),
                  "until": _moment(p["until"]), "anchor": self.anchor_label(p.get("anchor"))}
        if p.get("side", "before") == "after":
            return self.t("date_window_after.holds" if holds else "date_window_after.fails", **common)
        if p.get("anchor") is not None:
            return self.t("date_window_anchor.holds" if holds else "date_window_anchor.fails", **common)
        return self.t("date_window.holds" if holds else "date_window.fails", **common)

    def _r_date_window_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        key = "date_window_early.inside" if verdict is Verdict.MET else "date_window_early.outside"
        return self.t(key, label=self.fact_label(p["fact"]), date=_moment(p["date"]), count=p["count"],
                      unit=self.period(p["count"], p["unit"]), side=self.t(f"side.{p['side']}"),
                      anchor=self.anchor_label(p["anchor"]), span=self._span(p["earliest"], p["latest"]))

    def _r_date_window_never(self, reason: Reason, verdict: Verdict) -> str:
        return self.t("date_window_never", label=self.fact_label(reason.params["fact"]))

    def _r_on_or_before(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        holds = verdict is Verdict.MET
        if p.get("by"):
            count, unit = p["by"]
            key = "on_or_before_by.holds" if holds else "on_or_before_by.fails"
            return self.t(key, label=self.fact_label(p["fact"]), date=_moment(p["date"]), count=count,
                          unit=self.period(count, unit), anchor=self.anchor_label(p["anchor"]), on=_moment(p["on"]),
                          limit=_moment(p["limit"]))
        if p.get("anchor") is not None:
            key = "on_or_before_anchor.holds" if holds else "on_or_before_anchor.fails"
            return self.t(key, label=self.fact_label(p["fact"]), date=_moment(p["date"]),
                          anchor=self.anchor_label(p["anchor"]), on=_moment(p["on"]))
        key = "on_or_before.holds" if holds else "on_or_before.fails"
        return self.t(key, label=self.fact_label(p["fact"]), date=_moment(p["date"]), on=_moment(p["on"]))

    def _r_on_or_before_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        key = "on_or_before_early.holds" if verdict is Verdict.MET else "on_or_before_early.fails"
        return self.t(key, label=self.fact_label(p["fact"]), date=_moment(p["date"]), anchor=self.anchor_label(p["anchor"]),
                      earliest=_moment(p.get("earliest")), latest=_moment(p.get("latest")))

    def _r_attestation(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("answer", label=self.fact_label(p["fact"]), answer=self.answer(p["fact"], p["answer"]))

    _r_one_of = _r_attestation

    def _r_no_current_treatment(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("no_current_treatment", label=self.fact_label(p["fact"])) + self._others_note(p)

    def _r_current_treatment(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        texts = []
        for c in p["courses"]:
            taken = stable = ""
            if p["taken_for"]:
                count, unit = p["taken_for"]
                key = "course.taken_ok" if c["taken_ok"] else "course.taken_short"
                taken = self.t(key, count=count, unit=self.period(count, unit), since=self.date(p["taken_since"]))
            if p["stable_for"]:
                count, unit = p["stable_for"]
                key = {True: "course.stable_ok", False: "course.stable_short", None: "course.stable_unrecorded"}[c["stable_ok"]]
                stable = self.t(key, count=count, unit=self.period(count, unit), since=self.date(p["stable_since"]))
            dose_check = ""
            if p.get("dose"):
                dose_check = self._dose_check(p["dose"], c["dose_ok"], c["unit"])
            drug = self.drug_name(p["fact"], {"other": c["other"]} if c.get("other") else c["drug"])
            if c["dose"] is None and p["stable_for"]:  # one line per dose: its stability is read from the lines
                texts.append(self.t("course.undosed_stable", drug=drug, start=self.date(c["start"]), taken=taken,
                                    dose_since=self.date(c["dose_since"]), stable=stable))
                continue
            if c["dose"] is None:
                texts.append(self.t("course.undosed", drug=drug, start=self.date(c["start"]), taken=taken))
                continue
            texts.append(
                self.t(
                    "course",
                    dose_check=dose_check,
                    drug=drug,
                    dose=_number(c["dose"]),
                    unit=c["unit"],
                    start=self.date(c["start"]),
                    taken=taken,
                    dose_since=self.date(c["dose_since"]),
                    stable=stable,
                )
            )
        return self.t("sep").join(texts) + self._others_note(p)

    def _r_steady_equivalent_dose(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        fact = p["fact"]

        def line(c: dict[str, Any]) -> str:
            drug = self._line_drug(fact, c)
            if c["dose"] is None:
                return self.t("steady.not_recorded", drug=drug)
            if c["equivalent"] is None:
                return self.t("steady.not_converted", drug=drug, dose=_number(c["dose"]), unit=c["unit"] or "—")
            return self.t("equivalent.course", drug=drug, dose=_number(c["dose"]), unit=c["unit"],
                          equivalent=_number(c["equivalent"]))

        (taken_count, taken_unit), (stable_count, stable_unit) = p["taken_for"], p["stable_for"]
        taken = self.t("course.taken_ok" if p["taken_ok"] else "course.taken_short", count=taken_count,
                       unit=self.period(taken_count, taken_unit), since=self.date(p["taken_since"]))
        stable = self.t("course.stable_ok" if p["unchanged_since"] <= p["stable_since"] else "course.stable_short",
                        count=stable_count, unit=self.period(stable_count, stable_unit), since=self.date(p["stable_since"]))
        courses = ", ".join(line(c) for c in p["courses"])
        text = self.t("steady", label=self.fact_label(fact), total=self._steady_amount(p["total"], p["total_open"]),
                      unit=p["unit"], reference=self.drug_name(fact, p["reference"]), on=self.date(p["on"]),
                      courses=f" ({courses})" if courses else "", continuous=self.date(p["continuous_since"]),
                      taken=taken, unchanged=self.date(p["unchanged_since"]), stable=stable,
                      detail=self._steady_changes(p), table=p["table"])
        return text + self.t("equivalence.citation", citation=p["citation"]) + self._steady_left_out(p, verdict)

    def _steady_amount(self, value: Decimal, open_: bool) -> str:
        """A total; "more than" it when lines the table cannot convert add to it."""
        return self.t("steady.more_than", value=_number(value)) if open_ else _number(value)

    def _steady_changes(self, p: dict[str, Any]) -> str:
        """The days the total changed within the stable window, what is not decided, and the days
        the lines changed at the same total."""
        detail = ""
        if p["changes"]:
            detail = self.t("steady.changed", changes=", ".join(
                self.t("steady.change", on=self.date(c["on"]), before=self._steady_amount(c["before"], c["before_open"]),
                       after=self._steady_amount(c["after"], c["after_open"])) for c in p["changes"]))
        elif p["differs"]:
            d = p["differs"]
            detail = self.t("steady.differs", start=self.date(d["start"]), end=self.date(d["end"]),
                            total=self._steady_amount(d["total"], d["open"]))
        if p["undecided"] is not None and p["steady"] is None:
            detail += self.t("steady.undecided", on=self.date(p["undecided"]))
        if p["regimen_changes"]:
            detail += self.t("steady.regimen", days=", ".join(self.date(d) for d in p["regimen_changes"]))
        return detail

    def _steady_left_out(self, p: dict[str, Any], verdict: Verdict) -> str:
        """The lines the total does not count: not converted, a dose not recorded (when that leaves
        the rule open), a route the rule does not read, other drugs it does not read."""
        fact, text = p["fact"], ""
        if p["uncounted"]:
            text += self.t("steady.uncounted", uncounted=", ".join(
                self._line_drug(fact, u) if u["other"] else
                self.t("uncounted.unit", drug=self.drug_name(fact, u["drug"]), unit=u["unit"] or "—")
                for u in p["uncounted"]))
        if p["unrecorded"] and verdict is Verdict.UNKNOWN:
            u = p["unrecorded"]
            text += self.t("sep") + self.t("dose_unrecorded", drug=self._line_drug(fact, u), start=self.date(u["start"]),
                                           dose_since=self.date(u["dose_since"]))
        if p["by_route"]:
            text += self.t("steady.by_route", lines=", ".join(
                self.t("steady.route", drug=self._line_drug(fact, b), route=str(b["route"] or "—").replace("_", "-"))
                for b in p["by_route"]))
        return text + self._others_note(p)

    def _line_drug(self, fact_id: str, line: dict[str, Any]) -> str:
        """The drug of a line a reason names: its label, or another drug as written."""
        return self.drug_name(fact_id, {"other": line["other"]} if line.get("other") else line["drug"])

    def _r_medication_in_use(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        label = self.fact_label(p["fact"])
        drugs = self._drug_names(p["fact"], p["current"])
        if p.get("anchor") is not None:
            common = {"label": label, "anchor": self.anchor_label(p["anchor"]), "on": _moment(p["on"]), "drugs": drugs}
            return self.t("in_use_at.yes" if p["current"] else "in_use_at.no", **common) + self._others_note(p)
        if p["current"]:
            return self.t("in_use.yes", label=label, drugs=drugs) + self._others_note(p)
        return self.t("in_use.no", label=label) + self._others_note(p)

    def _r_prednisone_equivalent(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        courses = ", ".join(
            self.t("prednisone.course", drug=self.drug_name(p["fact"], c["drug"]), dose=_number(c["dose"]),
                   equivalent=_number(c["equivalent"]))
            for c in p["courses"]
        )
        return self.t(
            "prednisone.total",
            total=_number(p["total"]),
            day=self.date(p["day"]),
            courses=f" ({courses})" if courses else "",
            relation=self.t("prednisone.is" if verdict is Verdict.MET else "prednisone.is_not") + f" {p['op']}",
            threshold=_number(p["threshold"]),
            window=self._equivalent_window(p),
            table=p["table"],
        ) + self.t("equivalence.citation", citation=p["citation"]) + self._others_note(p)

    def _r_dose_unrecorded(self, reason: Reason, verdict: Verdict) -> str:
        u = reason.params["unrecorded"]
        return self.t("dose_unrecorded", drug=self.drug_name(reason.params["fact"], u["drug"]), start=self.date(u["start"]), dose_since=self.date(u["dose_since"]))

    # medication histories: drugs by their labels, other drugs as written

    def drug_name(self, fact_id: str, agent: Any) -> str:
        """A drug as readers see it: its label in this language, or {"other": name} as written."""
        if isinstance(agent, dict):
            return self.t("drug.other", name=agent["other"])
        fact = self.protocol.fact.get(fact_id) if self.protocol else None
        vocabulary = getattr(fact, "vocabulary", None)
        return vocabulary.label(agent, self.lang) if vocabulary is not None else str(agent)

    def _course_text(self, fact_id: str, c: dict[str, Any]) -> str:
        """One line of a history as entered: the drug by its label (another as written), what it records."""
        drug = self.drug_name(fact_id, {"other": c["other"]} if c.get("other") else c.get("drug"))
        route = str(c["route"]).replace("_", "-") if c.get("route") else None
        common = {"start": c.get("start"),
                  "change": self.t("answer.course_change", date=c["last_change"]) if c.get("last_change") else "",
                  "stop": self.t("answer.course_stop", date=c["stop"]) if c.get("stop") else self.t("answer.course_ongoing")}
        if c.get("dose") is not None and c.get("unit") and route:
            return self.t("answer.course", drug=drug, dose=c["dose"], unit=c["unit"], route=route, **common)
        dose = f"{c['dose']} {c.get('unit') or ''}".rstrip() if c.get("dose") is not None else None
        details = "".join(f" {part}" for part in (dose, route) if part)
        return self.t("answer.course_parts", drug=drug, details=details, **common)

    def _drug_names(self, fact_id: str, agents: list) -> str:
        return ", ".join(self.drug_name(fact_id, a) for a in agents) or self.t("agents.none")

    def _others_note(self, p: dict[str, Any]) -> str:
        """The other drugs a rule naming drugs or classes leaves out: they are in no class."""
        if not p.get("others"):
            return ""
        return self.t("others.left_out", others=", ".join(f"“{o}”" for o in p["others"]))

    def _what(self, p: dict[str, Any]) -> str:
        """The drugs a rule reads, in words: its classes and drugs, or any drug."""
        fact = self.protocol.fact.get(p["fact"]) if self.protocol else None
        vocabulary = getattr(fact, "vocabulary", None)
        names = [vocabulary.class_label(c, self.lang) if vocabulary else c for c in p.get("classes", [])]
        names += [self.drug_name(p["fact"], d) for d in p.get("drugs", [])]
        return ", ".join(names) or self.t("agents.any")

    @staticmethod
    def _dose_range(dose: tuple) -> str:
        low, high, unit = dose
        if high is None:
            return f"≥ {_number(low)} {unit}"
        if low is None:
            return f"≤ {_number(high)} {unit}"
        return f"{_number(low)}–{_number(high)} {unit}"

    def _dose_check(self, dose: tuple, ok: bool | None, unit: str | None) -> str:
        low, high, range_unit = dose
        if ok is None:
            return self.t("dose.other_unit", unit=unit or "—", range=self._dose_range(dose))
        if low is not None and high is not None:  # the words of a closed range, as before open ends existed
            return self.t("course.dose_ok" if ok else "course.dose_outside", min=_number(low), max=_number(high),
                          unit=range_unit)
        return self.t("dose.within" if ok else "dose.outside", range=self._dose_range(dose))

    def _history_when(self, p: dict[str, Any]) -> dict[str, Any]:
        common = {"label": self.fact_label(p["fact"]), "anchor": self.anchor_label(p.get("anchor")),
                  "drugs": self._drug_names(p["fact"], p.get("current", []))}
        if p.get("within"):
            count, unit = p["within"]
            common.update(count=count, unit=self.period(count, unit))
        if "on" in p:
            common.update(on=_moment(p["on"]), since=_moment(p.get("since")))
        else:
            common["span"] = self._span(p["earliest"], p["latest"])
        return common

    def _r_medication_in_use_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("in_use_early.yes" if p["current"] else "in_use_early.no", **self._history_when(p)) + self._others_note(p)

    def _r_medication_ever_used(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("ever_used.yes" if p["current"] else "ever_used.no", **self._history_when(p)) + self._others_note(p)

    def _r_medication_ever_used_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        key = "ever_used_early.yes" if p["current"] else "ever_used_early.no"
        return self.t(key, **self._history_when(p)) + self._others_note(p)

    def _r_last_dose_within(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("last_dose.yes" if p["current"] else "last_dose.no", **self._history_when(p)) + self._others_note(p)

    def _r_last_dose_within_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        key = "last_dose_early.yes" if p["current"] else "last_dose_early.no"
        return self.t(key, **self._history_when(p)) + self._others_note(p)

    def _r_distinct_agents(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        anchor, on = self.anchor_label(p.get("anchor")), _moment(p["on"])
        if p.get("within"):
            count, unit = p["within"]
            when = self.t("when.within", count=count, unit=self.period(count, unit), anchor=anchor, on=on,
                          since=_moment(p["since"]))
        else:
            when = self.t("when.by", anchor=anchor, on=on)
        key = "distinct_agents.holds" if verdict is Verdict.MET else "distinct_agents.fails"
        return self.t(key, label=self.fact_label(p["fact"]), count=p["count"], what=self._what(p), when=when,
                      agents=self._drug_names(p["fact"], p["agents"]), op=p["op"], value=p["value"]) + self._others_note(p)

    def _r_distinct_agents_early(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        decided = self.t("score_bounds.holds" if verdict is Verdict.MET else "score_bounds.fails")
        count = str(p["low"]) if p["low"] == p["high"] else f"{p['low']}–{p['high']}"
        return self.t("distinct_agents_early", label=self.fact_label(p["fact"]), count=count,
                      what=self._what(p), anchor=self.anchor_label(p.get("anchor")),
                      span=self._span(p["earliest"], p["latest"]), op=p["op"], value=p["value"],
                      decided=decided) + self._others_note(p)

    def _r_medication_dose(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        texts = [
            self.t("dose.total", drug=self.drug_name(p["fact"], {"other": t["other"]} if t["other"] else t["drug"]),
                   dose=_number(t["dose"]), unit=t["unit"], on=_moment(p["on"]),
                   check=self._dose_check(p["dose"], t["ok"], t["other_unit"]))
            for t in p["doses"]
        ]
        return self.t("sep").join(texts) + self._others_note(p)

    def _equivalent_window(self, p: dict[str, Any]) -> str:
        if not p["window"]:
            return ""
        count, unit = p["window"]
        if p.get("anchor") is None:
            return self.t("prednisone.window", count=count, unit=self.period(count, unit))
        return self.t("equivalent.window", count=count, unit=self.period(count, unit), anchor=self.anchor_label(p["anchor"]))

    def _r_equivalent_dose(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        courses = ", ".join(
            self.t("equivalent.course", drug=self.drug_name(p["fact"], c["drug"]), dose=_number(c["dose"]), unit=c["unit"],
                   equivalent=_number(c["equivalent"]))
            for c in p["courses"]
        )
        return self.t(
            "equivalent.total",
            total=_number(p["total"]),
            unit=p["unit"],
            reference=self.drug_name(p["fact"], p["reference"]),
            day=self.date(p["day"]),
            courses=f" ({courses})" if courses else "",
            relation=self.t("prednisone.is" if verdict is Verdict.MET else "prednisone.is_not") + f" {p['op']}",
            threshold=_number(p["threshold"]),
            window=self._equivalent_window(p),
            table=p["table"],
        ) + self.t("equivalence.citation", citation=p["citation"]) + self._others_note(p)

    def _r_equivalent_uncounted(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        uncounted = ", ".join(
            self.drug_name(p["fact"], {"other": u["other"]}) if u["other"] else
            self.t("uncounted.unit", drug=self.drug_name(p["fact"], u["drug"]), unit=u["unit"] or "—")
            for u in p["uncounted"]
        )
        return self.t("equivalent_uncounted", label=self.fact_label(p["fact"]), total=_number(p["total"]), unit=p["unit"],
                      reference=self.drug_name(p["fact"], p["reference"]), day=self.date(p["day"]), uncounted=uncounted,
                      table=p["table"], citation=self.t("equivalence.citation", citation=p["citation"]))

    def _r_any_of(self, reason: Reason, verdict: Verdict) -> str:
        if reason.decided_by is not None:
            return self.reason(reason.children[reason.decided_by])
        if verdict is Verdict.NOT_MET:
            return self.t("any_of.none", parts=self._parts(self._taken_up(reason.children, Verdict.NOT_MET)))
        open_parts = [o for o in reason.children if o.verdict is Verdict.UNKNOWN]
        return self.t("any_of.open", parts=self._parts(self._taken_up(open_parts, Verdict.UNKNOWN)))

    def _r_all_of(self, reason: Reason, verdict: Verdict) -> str:
        if reason.decided_by is not None:
            return self.reason(reason.children[reason.decided_by])
        if verdict is Verdict.MET:
            return self._parts(reason.children)
        open_parts = [o for o in reason.children if o.verdict is Verdict.UNKNOWN]
        return self.t("all_of.open", parts=self._parts(self._taken_up(open_parts, Verdict.UNKNOWN)))

    @staticmethod
    def _taken_up(outcomes: Sequence[Outcome], verdict: Verdict) -> list[Outcome]:
        """The parts of nested combinations that would say this one's words again ("none holds: none
        holds: …", "not decided yet: not decided yet: …"), taken up into it: none of several holds, or
        the parts still open, at every depth."""
        found: list[Outcome] = []
        for outcome in outcomes:
            while outcome.reason.code in ("any_of", "all_of") and outcome.reason.decided_by is not None:
                outcome = outcome.reason.children[outcome.reason.decided_by]
            code = outcome.reason.code
            nested = outcome.verdict is verdict and (code == "any_of" if verdict is Verdict.NOT_MET
                                                     else code in ("any_of", "all_of"))
            if not nested:
                found.append(outcome)
            elif verdict is Verdict.NOT_MET:
                found.extend(Messages._taken_up(outcome.reason.children, verdict))
            else:
                found.extend(Messages._taken_up([o for o in outcome.reason.children if o.verdict is verdict], verdict))
        return found

    def _r_not(self, reason: Reason, verdict: Verdict) -> str:
        return self.t("not", part=self.reason(reason.children[0]))

    def _r_if_then(self, reason: Reason, verdict: Verdict) -> str:
        if verdict is Verdict.MET and len(reason.children) == 2 and reason.children[1].verdict is Verdict.MET:
            return self.reason(reason.children[1])  # what must hold holds: the condition, known or not, changes nothing
        condition = self.reason(reason.children[0])
        if len(reason.children) == 1:
            return self.t("if_then.not_applicable", part=condition)
        return self.t("if_then.applies", condition=condition, part=self.reason(reason.children[1]))

    def _r_not_asked(self, reason: Reason, verdict: Verdict) -> str:
        return self.t("sep").join(
            self.t("not_asked", label=self.fact_label(f), condition=self.condition(self.protocol.fact[f].asked_if))
            for f in reason.params["facts"])

    def _r_at_least(self, reason: Reason, verdict: Verdict) -> str:
        p = reason.params
        return self.t("at_least", met=p["met"], of=p["of"], count=p["count"], parts=self._parts(reason.children))

    # -- problems ------------------------------------------------------------------------

    def problem_text(self, problem: Problem) -> str:
        """The problem's message without the fact it belongs to."""
        p = {k: self._value(v) for k, v in problem.params.items()}
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
            p["min"] = _near(problem.params["min"], [problem.params["value"]])
            p["max"] = _near(problem.params["max"], [problem.params["value"]])
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

    @staticmethod
    def _value(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return _number(value)
        return value
