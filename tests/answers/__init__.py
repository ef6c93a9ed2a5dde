"""Plausible wrong answers for every graded exercise, one module per assignment.

Each module defines ``WRONG``: the grade_id of a solution cell mapped to a :class:`WrongAnswer`
(the code a learner might plausibly write, and a fragment of the message the exercise's
visible check must show for it). The tests put each wrong answer into the released notebook
and prove it loses that exercise's points with that message.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class WrongAnswer:
    code: str
    message: str


# Each module may also define ``PASSES_VISIBLE_FAILS_HIDDEN``: one answer cell's grade_id and code
# that the visible check accepts but a hidden test rejects. The tests use it to prove the hidden
# tests check more than the visible ones, and that feedback never shows what they expect.
