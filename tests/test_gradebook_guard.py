"""The gradebook guard catches changes outside the graded submission and puts the gradebook back."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from mlcourse.instructor.gradebook_guard import GradebookTampered, fingerprint, guarding
from tests.conftest import scratch_course


@pytest.fixture()
def gradebook(tmp_path):
    """A real gradebook, as generate_assignment leaves it, with two learners' submissions."""
    course = scratch_course(tmp_path / "course", ["python_for_ml"])
    with closing(sqlite3.connect(course.root / "gradebook.db")) as db, db:
        db.execute("INSERT INTO student (id) VALUES ('ann'), ('bo')")
    with course.gradebook() as gb:
        for student in ("ann", "bo"):
            gb.add_submission("python_for_ml", student)
    return course


def set_scores(course, student, score):
    with closing(sqlite3.connect(course.root / "gradebook.db")) as db, db:
        db.execute("""UPDATE grade SET auto_score = ? WHERE notebook_id IN (
                        SELECT sn.id FROM submitted_notebook sn JOIN submitted_assignment sa
                        ON sn.assignment_id = sa.id WHERE sa.student_id = ?)""", (score, student))


def total(course, student):
    with closing(sqlite3.connect(course.root / "gradebook.db")) as db:
        return db.execute("""SELECT SUM(auto_score) FROM grade WHERE notebook_id IN (
                               SELECT sn.id FROM submitted_notebook sn JOIN submitted_assignment sa
                               ON sn.assignment_id = sa.id WHERE sa.student_id = ?)""",
                          (student,)).fetchone()[0]


def test_changes_to_the_graded_submission_are_allowed(gradebook):
    with guarding(gradebook.db_url(), "ann", "python_for_ml"):
        set_scores(gradebook, "ann", 1)
    assert total(gradebook, "ann") > 0


def test_raising_another_learners_score_is_caught_and_undone(gradebook):
    before = fingerprint(gradebook.db_url(), "ann", "python_for_ml")
    with pytest.raises(GradebookTampered, match="rows of other submissions.*restored"):
        with guarding(gradebook.db_url(), "ann", "python_for_ml"):
            set_scores(gradebook, "bo", 100)
    assert total(gradebook, "bo") is None
    assert fingerprint(gradebook.db_url(), "ann", "python_for_ml") == before


def test_changing_the_assignment_itself_is_caught(gradebook):
    with pytest.raises(GradebookTampered):
        with guarding(gradebook.db_url(), "ann", "python_for_ml"):
            with closing(sqlite3.connect(gradebook.root / "gradebook.db")) as db, db:
                db.execute("UPDATE grade_cells SET max_score = 0")


def test_an_overwritten_gradebook_file_is_restored(gradebook):
    path = gradebook.root / "gradebook.db"
    before = fingerprint(gradebook.db_url(), "nobody", "python_for_ml")
    with pytest.raises(GradebookTampered, match="can no longer be read"):
        with guarding(gradebook.db_url(), "ann", "python_for_ml"):
            path.write_bytes(b"all my grades are 100")
    assert fingerprint(gradebook.db_url(), "nobody", "python_for_ml") == before
