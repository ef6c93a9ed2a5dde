"""report.instructor_notes and grade_report: what the instructor is told per learner after grading.

The gradebook is built through nbgrader's API; ``nbgrader export`` is replaced by a stand-in that
writes the CSV nbgrader would, so no nbgrader command runs.
"""
from __future__ import annotations

import csv

import pytest

from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.grading import Outcome
from mlcourse.instructor.report import export_grades, grade_report, instructor_notes
from tests.unit.gradebooks import PYTHON_FOR_ML_CELLS, add_assignment, grade, scratch, submit

PENDING = "written answers await manual grading (formgrader)"
ALL_RIGHT = dict(PYTHON_FOR_ML_CELLS, **{"written-answer": 3})
EXPORT_FIELDS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                 "raw_score", "late_submission_penalty", "score", "max_score"]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """python_for_ml submitted by ada (written answer pending), ben (pending too), cleo (all graded) and
    dev (all graded); eve is a learner of the course who submitted nothing."""
    course = scratch(tmp_path_factory.mktemp("report"), "python_for_ml")
    with course.gradebook() as gb:
        add_assignment(gb, "python_for_ml", PYTHON_FOR_ML_CELLS)
        for student in ("ada", "ben"):
            submit(gb, "python_for_ml", student)
            grade(gb, "python_for_ml", student, dict(ALL_RIGHT, **{"written-answer": None}))
        for student in ("cleo", "dev"):
            submit(gb, "python_for_ml", student)
            grade(gb, "python_for_ml", student, ALL_RIGHT)
        gb.add_student("eve")
    return course


def outcomes():
    return [Outcome("ada", True), Outcome("ben", True, ["the gradebook was restored"]),
            Outcome("cleo", True), Outcome("dev", False, ["python_for_ml.ipynb is not valid JSON"])]


def test_problems_come_first_then_pending_written_answers(course):
    notes = instructor_notes(course, "python_for_ml", outcomes())
    assert list(notes.items()) == [
        ("ben", "graded: the gradebook was restored"),  # a problem outranks his pending answer
        ("dev", "could not be graded, scored 0: python_for_ml.ipynb is not valid JSON"),
        ("ada", PENDING),
    ]


def test_a_clean_class_gets_no_notes_but_pending_answers(course):
    notes = instructor_notes(course, "python_for_ml", [Outcome(s, True) for s in ("ada", "ben", "cleo")])
    assert notes == {"ada": PENDING, "ben": PENDING}


def test_a_submission_not_graded_is_noted_even_without_a_problem(course):
    assert instructor_notes(course, "python_for_ml", [Outcome("cleo", False)]) == {
        "cleo": "could not be graded, scored 0", "ada": PENDING, "ben": PENDING}


def test_an_assignment_without_submissions_has_only_the_outcomes_notes(course):
    assert instructor_notes(course, "capstone", []) == {}


@pytest.fixture()
def fake_export(monkeypatch):
    """``nbgrader export --to=FILE`` as nbgrader writes it: every learner of every assignment, an empty
    timestamp for a learner who submitted nothing."""
    calls = []

    def nbgrader(self, *args, cwd=None):
        calls.append(args)
        (option,) = [a for a in args if a.startswith("--to=")]
        with open(option.removeprefix("--to="), "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_FIELDS)
            writer.writeheader()
            for student, stamp, score in [("ada", "2026-01-05 10:00:00", "10.0"),
                                          ("ben", "2026-01-05 10:01:00", "10.0"),
                                          ("cleo", "2026-01-05 10:02:00", "13.0"),
                                          ("dev", "2026-01-05 10:03:00", "13.0"), ("eve", "", "0.0")]:
                writer.writerow({"assignment": "python_for_ml", "timestamp": stamp, "student_id": student,
                                 "score": score, "max_score": "13.0"})
            writer.writerow({"assignment": "capstone", "timestamp": "", "student_id": "ada", "score": "0.0",
                             "max_score": "30.0"})
        return ""

    monkeypatch.setattr(Course, "nbgrader", nbgrader)
    return calls


def test_export_grades_reads_back_what_nbgrader_exported(course, fake_export, tmp_path):
    rows = export_grades(course, tmp_path / "grades.csv")
    assert fake_export == [("export", f"--to={tmp_path / 'grades.csv'}")]
    assert [(r["assignment"], r["student_id"], r["score"]) for r in rows][:2] == [
        ("python_for_ml", "ada", "10.0"), ("python_for_ml", "ben", "10.0")]
    assert len(rows) == 6


def test_the_report_keeps_the_assignment_and_notes_learners_without_a_submission(course, fake_export):
    rows, table = grade_report(course, "python_for_ml", outcomes())
    assert fake_export == [("export", f"--to={course.root / 'grades.csv'}")]
    assert [r["student_id"] for r in rows] == ["ada", "ben", "cleo", "dev", "eve"]
    assert table.splitlines() == [
        "assignment     student  score  max  note",
        "-------------  -------  -----  ---  ----",
        f"python_for_ml  ada         10   13  {PENDING}",
        "python_for_ml  ben         10   13  graded: the gradebook was restored",
        "python_for_ml  cleo        13   13",
        "python_for_ml  dev         13   13  could not be graded, scored 0: "
        "python_for_ml.ipynb is not valid JSON",
        "python_for_ml  eve          0   13  no submission",
    ]


def test_a_failed_export_is_a_course_error(course, monkeypatch, tmp_path):
    def failing(self, *args, cwd=None):
        raise CourseError("`nbgrader export` failed:\nno database")

    monkeypatch.setattr(Course, "nbgrader", failing)
    with pytest.raises(CourseError, match="nbgrader export"):
        export_grades(course, tmp_path / "grades.csv")
    assert not (tmp_path / "grades.csv").exists()
