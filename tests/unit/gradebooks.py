"""Scratch courses and gradebooks built in-process through nbgrader's API: no kernel, no nbgrader command.

A gradebook built here holds what ``nbgrader generate_assignment`` and ``autograde`` would record
for the cells the instructor's tools read: exercise test cells ``qN-tests`` (code, autograded), the
``written-answer`` (markdown, graded by hand) and, for the capstone, the ``competition-score`` task.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mlcourse.instructor.course import Course
from tests.conftest import REPO

__all__ = ["CAPSTONE_CELLS", "PYTHON_FOR_ML_CELLS", "add_assignment", "grade", "scratch", "submit"]

# (grade_id, points) of the test cells and written answer of two of the course's notebooks.
PYTHON_FOR_ML_CELLS = {"q1-tests": 1, "q2-tests": 1, "q3-tests": 2, "q4-tests": 2, "q5-tests": 2,
                       "q6-tests": 2, "written-answer": 3}
CAPSTONE_CELLS = {"q1-tests": 2, "q2-tests": 2, "q3-tests": 2, "q4-tests": 1, "q5-tests": 1, "q6-tests": 3,
                  "written-answer": 5}


def scratch(root: Path, *assignments: str) -> Course:
    """A course in ``root``: the repository's configuration and an empty ``source/<name>/`` per assignment."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "nbgrader_config.py", root)
    for assignment in assignments:
        (root / "source" / assignment).mkdir(parents=True, exist_ok=True)
    return Course.at(root)


def add_assignment(gradebook, assignment: str, cells: dict[str, float],
                   score_cell: str | None = None) -> None:
    """Record ``assignment`` with one notebook of the same name holding ``cells`` (grade_id -> points),
    as ``nbgrader generate_assignment`` does; ``score_cell`` adds the capstone's competition task."""
    gradebook.add_assignment(assignment)
    gradebook.add_notebook(assignment, assignment)
    for name, points in cells.items():
        written = name == "written-answer"
        gradebook.add_grade_cell(name, assignment, assignment, max_score=points,
                                 cell_type="markdown" if written else "code")
        if written:
            gradebook.add_solution_cell(name, assignment, assignment)
    if score_cell:
        gradebook.add_task_cell(score_cell, assignment, assignment, max_score=10, cell_type="markdown")


def submit(gradebook, assignment: str, student: str) -> None:
    """``student`` (added if new) hands in ``assignment``: every grade exists, none is set yet."""
    if student not in {s.id for s in gradebook.students}:
        gradebook.add_student(student)
    gradebook.add_submission(assignment, student)


def grade(gradebook, assignment: str, student: str, scores: dict[str, float | None]) -> None:
    """Set grades as autograding does: a number is the auto score; None leaves the cell for manual
    grading (as a written answer is)."""
    for name, score in scores.items():
        found = gradebook.find_grade(name, assignment, assignment, student)
        found.auto_score = score
        found.needs_manual_grade = score is None
    gradebook.db.commit()
