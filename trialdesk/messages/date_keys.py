"""The English of the reasons over ages and dates, apart from their wordings (`date_reasons`): the
catalogue (`EN`) holds these from the start, the wordings are imported on the first reason worded."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP

KEYS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("pending", "pending {anchor}"),
    "pending.detail": QT_TRANSLATE_NOOP("pending.detail", "pending {anchor}: {label} {date}"),
    "date_window_early.inside": QT_TRANSLATE_NOOP("date_window_early.inside", "{label} {date} is within {count} {unit} {side} {anchor} whatever date it takes ({span})"),
    "date_window_early.outside": QT_TRANSLATE_NOOP("date_window_early.outside", "{label} {date} cannot be within {count} {unit} {side} {anchor} ({span})"),
    "span.from": QT_TRANSLATE_NOOP("span.from", "on or after {date}"),
    "span.until": QT_TRANSLATE_NOOP("span.until", "on or before {date}"),
    "span.between": QT_TRANSLATE_NOOP("span.between", "from {low} to {high}"),
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
    "age_at.holds": QT_TRANSLATE_NOOP("age_at.holds", "age {age} in completed years on {on} (born {born}) is {bounds}"),
    "age_at.fails": QT_TRANSLATE_NOOP("age_at.fails", "age {age} in completed years on {on} (born {born}) is not {bounds}"),
    "age_early.holds": QT_TRANSLATE_NOOP("age_early.holds", "age (born {born}) is {bounds} on any date of {anchor} from {on} to {until}"),
    "age_early.fails": QT_TRANSLATE_NOOP("age_early.fails", "age {age} on {on} (born {born}) is not {bounds}, so neither on {anchor}"),
    "age.holds": QT_TRANSLATE_NOOP("age.holds", "age {age} in completed years on {on} (born {born}) is within {min}–{max}"),
    "age.fails": QT_TRANSLATE_NOOP("age.fails", "age {age} in completed years on {on} (born {born}) is outside {min}–{max}"),
    "date_window.holds": QT_TRANSLATE_NOOP("date_window.holds", "{label} {date} is within {count} {unit} before {on} (on or after {since})"),
    "date_window.fails": QT_TRANSLATE_NOOP("date_window.fails", "{label} {date} is not within {count} {unit} before {on} (before {since})"),
    "date_window_never": QT_TRANSLATE_NOOP("date_window_never", "{label}: never"),
    "on_or_before.holds": QT_TRANSLATE_NOOP("on_or_before.holds", "{label} {date} is on or before the screening date {on}"),
    "on_or_before.fails": QT_TRANSLATE_NOOP("on_or_before.fails", "{label} {date} is after the screening date {on}"),
}
