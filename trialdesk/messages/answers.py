"""Answers as a reader sees them: options and results by their labels, numbers with their units
(and the canonical unit beside a converted one), joints by name, medication lines, drugs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words
from trialdesk.messages.editors import route_label
from trialdesk.messages.shown import near, number

KEYS: dict[str, str] = {
    "answer.course_parts": QT_TRANSLATE_NOOP("answer.course_parts", "{drug}{details}, from {start}{change}{stop}"),
    "answer.not_documented": QT_TRANSLATE_NOOP("answer.not_documented", "not documented"),
    "answer.involved_joints": QT_TRANSLATE_NOOP("answer.involved_joints", "on {date}, {count} involved ({large} large, {small} small): {joints}"),
    "answer.involved_counts": QT_TRANSLATE_NOOP("answer.involved_counts", "on {date}, {large} large and {small} small joints involved (numbers from the notes)"),
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
    "drug.other": QT_TRANSLATE_NOOP("drug.other", "{name} (written as entered; in no class)"),
    "agents.none": QT_TRANSLATE_NOOP("agents.none", "none"),
}


class AnswerWords(Words):
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

    def answer_text(self, fact_id: str, raw: Any) -> str:
        """An answer as a reader should see it: units, option labels, joint names, courses."""
        fact = self.protocol.fact[fact_id] if self.protocol else None
        if raw is None or fact is None:
            return self.t("answer.not_entered") if raw is None else str(raw)
        kind = fact.type
        if kind in ("number", "involved_joints") and isinstance(raw, str):  # a result, "not documented"
            return self.answer(fact_id, raw)
        if kind == "involved_joints" and isinstance(raw, dict):
            return self._involved_text(raw)
        if kind == "number" and isinstance(raw, dict):
            return self._measurement_text(fact_id, raw)
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

    def _measurement_text(self, fact_id: str, raw: dict[str, Any]) -> str:
        """A number with its unit, the canonical value beside a converted one, and the ULN printed with it."""
        value, unit = Decimal(str(raw["value"])), raw["unit"]
        quantity = self.protocol.quantity_of(fact_id)
        shown_unit = self.unit(quantity.unit_label(unit))
        text = f"{number(value)} {shown_unit}".rstrip()
        if unit != quantity.canonical:
            canonical = quantity.to_canonical(value, unit)
            text = self.t("answer.converted", value=number(value), unit=shown_unit, canonical=near(canonical, ()),
                          canonical_unit=self.unit(quantity.unit_label(quantity.canonical)))
        if raw.get("uln") is not None:
            text += self.t("answer.uln", uln=number(Decimal(str(raw["uln"]))), unit=shown_unit)
        return text

    def _involved_text(self, raw: dict[str, Any]) -> str:
        """The joints involved at an assessment: its date, then the joints by name, or the numbers."""
        if "joints" not in raw:
            return self.t("answer.involved_counts", date=raw.get("date"), large=raw.get("large"), small=raw.get("small"))
        from trialdesk.domain.joints import count_by_size

        involved = frozenset(raw["joints"])
        return self.t("answer.involved_joints", date=raw.get("date"), count=len(raw["joints"]),
                      large=count_by_size(involved, "large"), small=count_by_size(involved, "small"),
                      joints=", ".join(self.joint_name(j) for j in raw["joints"]) or self.t("answer.no_joints"))

    def joint_name(self, joint: str) -> str:
        site, side = joint.rsplit("_", 1)
        side_word = self.t(f"joint.side.{side}")
        if site == "pip1":
            return self.t("joint.pip1", side=side_word)
        for prefix in ("mcp", "pip", "mtp"):
            if site.startswith(prefix):
                return self.t(f"joint.{prefix}", side=side_word, n=site[3:])
        return self.t(f"joint.{site}", side=side_word)

    # medication histories: drugs by their labels, other drugs as written

    def drug_name(self, fact_id: str, agent: Any) -> str:
        """A drug as readers see it: its label in this language, or {"other": name} as written."""
        if isinstance(agent, dict):
            return self.t("drug.other", name=agent["other"])
        fact = self.protocol.fact.get(fact_id) if self.protocol else None
        vocabulary = getattr(fact, "vocabulary", None)
        return vocabulary.label(agent, self.lang) if vocabulary is not None else str(agent)

    def line_drug(self, fact_id: str, line: Any) -> str:
        """The drug of a line as a reason names it (anything with `drug` and `other`): its label, or
        another drug as written."""
        return self.drug_name(fact_id, {"other": line.other} if line.other else line.drug)

    def route(self, route: str) -> str:
        """A route in running text, by its label in this language ("oral", "口服"); a route the program
        does not know, by its id written as words ("intra-dermal")."""
        return _in_text(route_label(self, route))

    def drug_names(self, fact_id: str, agents: Any) -> str:
        """Drugs named by reasons, or "none"."""
        return self.listed(self.line_drug(fact_id, a) for a in agents) or self.t("agents.none")

    def _course_text(self, fact_id: str, c: dict[str, Any]) -> str:
        """One line of a history as entered: the drug by its label (another as written), what it records."""
        drug = self.drug_name(fact_id, {"other": c["other"]} if c.get("other") else c.get("drug"))
        route = self.route(c["route"]) if c.get("route") else None
        unit = self.unit(c.get("unit"))
        common = {"start": c.get("start"),
                  "change": self.t("answer.course_change", date=c["last_change"]) if c.get("last_change") else "",
                  "stop": self.t("answer.course_stop", date=c["stop"]) if c.get("stop") else self.t("answer.course_ongoing")}
        if c.get("dose") is not None and unit and route:
            return self.t("answer.course", drug=drug, dose=c["dose"], unit=unit, route=route, **common)
        dose = f"{c['dose']} {unit}".rstrip() if c.get("dose") is not None else None
        details = "".join(f" {part}" for part in (dose, route) if part)
        return self.t("answer.course_parts", drug=drug, details=details, **common)


def _in_text(label: str) -> str:
    """A label as a word inside a sentence: its first letter small ("Oral" as "oral"; Chinese is unchanged)."""
    return label[:1].lower() + label[1:]
