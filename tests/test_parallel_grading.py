"""Grading several learners at once gives every cell the score, comment and feedback grading one at a time
gives, keeps the course's gradebook whole against hostile learners, and says which worker graded whom."""

from __future__ import annotations

import os

import pytest

from mlcourse.instructor.grading import autograde_all, generate_feedback
from tests.conftest import CLASS_SAMPLES, submitted_class

pytestmark = pytest.mark.slow

ASSIGNMENT = "python_for_ml"
SAMPLES = CLASS_SAMPLES


def graded_class(root, workers: int):
    """The class graded on ``workers``; the workers keep their scratch courses in a folder of this test's
    (where they would use /dev/shm), which must be empty once the batch is done."""
    from mlcourse.instructor import workers as worker_module

    scratch = root / "worker-scratch"
    scratch.mkdir(parents=True)
    memory_folder = worker_module._memory_folder
    worker_module._memory_folder = lambda: str(scratch)
    try:
        course = submitted_class(root / "course", timestamp="2026-11-20 10:00:00.000000 UTC")
        outcomes = autograde_all(course, ASSIGNMENT, list(SAMPLES), progress=lambda line: None,
                                 workers=workers)
    finally:
        worker_module._memory_folder = memory_folder
    assert not list(scratch.iterdir()), "a worker left its scratch course behind"
    generate_feedback(course, ASSIGNMENT, outcomes)
    with course.gradebook() as gradebook:
        cells = {}
        for student in SAMPLES:
            notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            cells[student] = ({g.name: (g.score, g.needs_manual_grade) for g in notebook.grades},
                              {c.name: c.comment for c in notebook.comments},
                              str(gradebook.find_submission(ASSIGNMENT, student).timestamp))
        names = [s.name for s in gradebook.assignments]
    return course, outcomes, cells, names


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    return graded_class(tmp_path_factory.mktemp("one"), 1), graded_class(tmp_path_factory.mktemp("two"), 2)


def test_two_workers_give_every_cell_the_score_of_one_at_a_time(both):
    (_, _, alone, _), (_, _, shared, _) = both
    assert shared == alone
    assert sum(score for score, _ in alone["ada"][0].values()) == 10  # and those are the samples' scores
    assert alone["ada"][2].startswith("2026-11-20 10:00:00")


def test_each_learner_is_reported_with_the_worker_that_graded_them(both):
    (_, single, _, _), (_, shared, _, _) = both
    assert [o.student for o in shared] == list(SAMPLES) == [o.student for o in single]
    assert all(o.worker for o in shared) and not any(o.worker for o in single)
    assert [(o.graded, o.problems) for o in shared] == [(o.graded, o.problems) for o in single]


def test_the_course_gradebook_and_feedback_stay_whole(both):
    (one, _, _, names), (two, _, _, shared_names) = both
    assert names == shared_names == [ASSIGNMENT]
    for student in SAMPLES:
        alone = (one.root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        shared = (two.root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        assert "<script>alert" not in shared
        assert shared.count("score") == alone.count("score")


def test_workers_that_cannot_start_lose_no_learner(tmp_path, monkeypatch):
    """Every worker dies as it starts: the batch grades each learner itself, with the same scores, and
    says so."""
    from mlcourse.instructor import workers

    monkeypatch.setattr(workers, "_forget_event_loop", lambda: os._exit(3))
    course = submitted_class(tmp_path, ["ada", "ben"])
    outcomes = autograde_all(course, ASSIGNMENT, ["ada", "ben"], progress=lambda line: None, workers=2)
    assert [(o.student, o.graded) for o in outcomes] == [("ada", True), ("ben", True)]
    assert all("graded again by the batch itself" in o.status for o in outcomes)
    with course.gradebook() as gradebook:
        assert [gradebook.find_submission(ASSIGNMENT, s).score for s in ("ada", "ben")] == [10, 0]
