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


# Each module also defines, for every graded code exercise:
# - ``ALTERNATIVES``: grade_id -> the code of a valid answer in another form (another dtype, another
#   container, another correct method). It must pass the visible check and earn full marks.
# - ``VISIBLE_ONLY``: grade_id -> a WrongAnswer right on the check's first input only (a hard-coded
#   class count, a skipped zero, a sorted-input assumption). The check's second, differently shaped
#   input must tell it (``message``), and the hidden tests must fail it even with the checks off.
# and may define ``CHANGES_IN_PLACE``: the grade_ids of exercises whose text asks the function to
# change an argument in place (tests/mutation.py's changed answer is then not told "changed the").
#
# Each module may also define ``PASSES_VISIBLE_FAILS_HIDDEN``: one answer cell's grade_id and code
# that the visible check accepts but a hidden test rejects. The tests use it to prove the hidden
# tests check more than the visible ones, and that feedback never shows what they expect.
