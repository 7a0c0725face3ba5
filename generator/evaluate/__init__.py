"""Step 3 — evaluate: scores, level and reasons under the document's regime.

``evaluate(document)`` looks the form up in the registry (generator/forms.py) and runs its
evaluator: an ``Evaluation`` for a member or an organisation (subjects.py), a
``CommendationEvaluation`` for a tờ trình (commendation.py), the meeting's papers' own results
(ballot.py, tally.py, residence.py), a chi bộ's list (group.py). Every result keeps one protocol
(result.py). Each module below imports the others it builds on, never this package.
"""

from __future__ import annotations

from pathlib import Path

from ..forms import Given, form
from .commendation import CommendationEvaluation
from .engine import NOT_RATED, Reason
from .regime import UNDECIDED, load_regime
from .subjects import Evaluation, evaluate_record, evaluate_subject, regime_of, rule_problems

__all__ = [
    "CommendationEvaluation",
    "Evaluation",
    "NOT_RATED",
    "Reason",
    "UNDECIDED",
    "evaluate",
    "evaluate_record",
    "evaluate_subject",
    "load_regime",
    "regime_of",
    "rule_problems",
]


def evaluate(document: dict, profile: str | None = None, wages: list[dict] | None = None, base_dir: Path | None = None):
    """The result of one validated document: a member or organisation classified, a meeting's paper
    judged, a commendation proposal checked and priced, a chi bộ's list voted; ``profile`` (an id or
    a file) overrides the document's own; ``wages``: wage rows from a ``--luong-co-so`` file
    (generator/evaluate/commendation.read_wage_file), for a tờ trình; ``base_dir``: the folder a chi
    bộ's list names its members' files in."""
    return form(document["form"]).evaluate(document, Given(profile, wages, base_dir))
