"""Typed identifiers and the patterns they follow in protocol files."""

from __future__ import annotations

from typing import Annotated, NewType

from pydantic import StringConstraints

FactId = NewType("FactId", str)
ScoreId = NewType("ScoreId", str)
CriterionId = NewType("CriterionId", str)

#: the longest text a protocol file may give in one entry (a criterion's registry text, a help).
MAX_TEXT = 10_000
#: the longest short name (a unit, a drug, a route, a sponsor's protocol number).
MAX_NAME = 200

#: lower_snake_case, as facts and scores are named in protocol and facts files.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: a criterion id as the protocol numbers it: I1, E21, INC-3a.
CriterionCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z0-9_.-]{0,15}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, max_length=MAX_TEXT)]
#: free text of bounded length (may be empty).
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
#: a short name: a unit, a drug, a route.
Name = Annotated[str, StringConstraints(max_length=MAX_NAME)]
