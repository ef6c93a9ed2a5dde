"""The course's notebook cell conventions, built on nbgrader's own cell helpers.

An assignment notebook has a ``setup`` cell; per exercise a ``qN-text`` markdown cell, a
``qN-answer`` solution cell and a locked ``qN-tests`` test cell; a ``written-text`` question with
its ``written-answer``; the capstone's ``competition-score`` task cell. Test cells run the
visible check, then the hidden tests between :data:`HIDDEN_MARKERS`. Everything that reads a
notebook's cells (feedback, portfolio, tests) asks this module rather than nbgrader's metadata.
"""

from __future__ import annotations

from nbgrader.utils import is_grade, is_locked, is_solution, is_task

__all__ = ["HIDDEN_MARKERS", "SETUP", "SOLUTION_MARKERS", "SUMMARY_CELLS", "WRITTEN_ANSWER", "answer_cells",
           "exercise_name", "grade_id", "is_answer_cell", "is_graded_code", "is_instructor_code", "is_task",
           "is_test_cell"]

SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN_MARKERS = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
SETUP = "setup"
WRITTEN_ANSWER = "written-answer"
#: Cell ids (not grade ids: the cells are not nbgrader's) of the "Before you submit" heading and the
#: ``summary()`` cell that end every assignment before its outro.
SUMMARY_CELLS = ("summary-text", "summary")


def grade_id(cell) -> str | None:
    """The cell's nbgrader ``grade_id``, or None for a cell nbgrader does not track."""
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_answer_cell(cell) -> bool:
    """A cell the learner writes in (nbgrader's solution cell), code or markdown."""
    return is_solution(cell)


def is_graded_code(cell) -> bool:
    """A code cell worth points: a test cell, or (rarely) an autograded answer."""
    return cell.cell_type == "code" and is_grade(cell)


def is_test_cell(cell) -> bool:
    """A locked code cell worth points that the learner does not write: an exercise's tests."""
    return is_graded_code(cell) and not is_solution(cell)


def is_instructor_code(cell) -> bool:
    """A locked code cell the learner cannot change (setup, tests): nbgrader restores its source before
    grading, so what runs there is the instructor's code."""
    return cell.cell_type == "code" and is_locked(cell) and not is_solution(cell)


def answer_cells(notebook) -> dict:
    """The cells a learner answers in, by grade_id, in notebook order."""
    return {grade_id(cell): cell for cell in notebook.cells if is_answer_cell(cell)}


def exercise_name(cell_id: str) -> str | None:
    """The exercise a ``qN-answer``/``qN-tests``/``qN-text`` cell belongs to (``"qN"``), else None."""
    name, _, role = cell_id.rpartition("-")
    return name if name and role in ("answer", "tests", "text") else None
