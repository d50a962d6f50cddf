"""Words for the domain's structured reasons and problems, in the reader's language.

Reasons and problems arrive as typed values; this package is the one place that turns them into
sentences, for the interface, the command line and the worksheet. `Messages` is its one face;
each concern lives in its own module with its own keys:

- `labels`: verdicts and effects, facts and scores by their labels, periods, the protocol's texts
- `conditions`: a rule read as the condition a fact is asked under
- `answers`: answers, joints, medication lines and drugs as a reader sees them
- `reasons`, `date_reasons`, `history_reasons`: one wording per kind of reason, imported on the first
  reason worded; their keys (`reason_words`, `date_keys`, `history_keys`) from the start
- `scores`: computed scores and the classification inputs derived from observations
- `problems`: refused and unusual answers
- `people`, `store`: refusals of who may do what, of the screening store; statuses
- `worksheet_labels`, `worksheet`, `effects`, `editors`, `entry_checks`: the words of one face each
- `shown`: numbers and dates, the same in every language
"""

from __future__ import annotations

from trialdesk.messages import (
    answers,
    conditions,
    date_keys,
    history_keys,
    labels,
    people,
    problems,
    reason_words,
    scores,
    stages,
    store,
    worksheet_labels,
)
from trialdesk.messages import editors, effects, entry_checks, worksheet
from trialdesk.messages.base import EN

__all__ = ["EN", "Messages"]

for _module in (labels, conditions, answers, reason_words, date_keys, history_keys, scores, problems, people, store,
                stages, worksheet_labels):
    EN.update(_module.KEYS)
EN.update(effects.KEYS)
EN.update(entry_checks.KEYS)
EN.update(worksheet.KEYS)
EN.update(editors.KEYS)


class Messages(
    reason_words.ReasonWords,
    scores.ScoreWords,
    problems.ProblemWords,
    answers.AnswerWords,
    conditions.ConditionWords,
    labels.LabelWords,
    people.PeopleWords,
    store.StoreWords,
    stages.StageWords,
):
    """Sentences in one language for one protocol's reasons, problems, answers and labels."""
