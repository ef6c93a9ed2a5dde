"""The calibrated per-cell limits carry a correct notebook through grading when cells run slow.

A stand-in for a busy grading machine: the default per-cell limit is set far below what the
capstone's reference cells need. With the calibrated table, every reference cell gets ten times
its own reference time, so the reference still earns full marks; without the table it loses points.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from mlcourse.instructor.grading import autograde_all
from mlcourse.instructor.timing import TIMES_FILE
from tests.conftest import scratch_course
from tests.notebooks import fill, read, reference_answers

pytestmark = pytest.mark.slow

ASSIGNMENT = "capstone"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = scratch_course(tmp_path_factory.mktemp("timing"), [ASSIGNMENT])
    source = read(course.source / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    answered = fill(read(course.release / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"), reference_answers(source))
    # Only the locked cells get calibrated limits: the learner's own cell that trains the final model is left
    # out (exercise 6's test cell writes submission.csv when it is missing), so the default applies to none.
    answered.cells = [cell for cell in answered.cells if not cell.source.startswith('make_submission("')]
    for student in ("calibrated", "uncalibrated"):
        folder = course.root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(answered, folder / f"{ASSIGNMENT}.ipynb")
    return course


def autograded_score(course, student) -> float:
    with course.gradebook() as gradebook:
        return sum(grade.score or 0 for grade in gradebook.find_submission_notebook(
            ASSIGNMENT, ASSIGNMENT, student).grades if grade.name.endswith("-tests"))


def test_calibrated_limits_keep_a_correct_notebook_whole_when_the_default_is_too_short(course, monkeypatch):
    monkeypatch.setenv("MLCOURSE_CELL_TIMEOUT", "2")
    (calibrated,) = autograde_all(course, ASSIGNMENT, ["calibrated"], progress=lambda line: None)
    assert calibrated.graded and not calibrated.problems, calibrated.status
    full = autograded_score(course, "calibrated")

    shutil.move(course.root / TIMES_FILE, course.root / "times.bak")
    try:
        (uncalibrated,) = autograde_all(course, ASSIGNMENT, ["uncalibrated"], progress=lambda line: None)
    finally:
        shutil.move(course.root / "times.bak", course.root / TIMES_FILE)
    assert "ran longer than 2 s" in uncalibrated.status
    assert autograded_score(course, "uncalibrated") < full == 11
