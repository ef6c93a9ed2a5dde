"""Grading several learners at once gives every cell the score, comment and feedback grading one at a time
gives, keeps the course's gradebook whole against hostile learners, and says which worker graded whom."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from mlcourse.instructor.grading import autograde_all, generate_feedback
from tests.conftest import REPO, scratch_course

pytestmark = pytest.mark.slow

ASSIGNMENT = "python_for_ml"
# Complete, blank, partly wrong, edited tests, and two hostile learners (gradebook overwrite; a process
# left behind with markup in its outputs); dev's endless loop is left to the demo, it only adds a minute.
SAMPLES = {"ada": "ada_complete", "ben": "ben_blank", "cleo": "cleo_partly_wrong",
           "finn": "finn_edited_tests", "gus": "gus_hostile", "ivy": "ivy_background_and_script"}


def worker_folders() -> set:
    folders = ("/dev/shm", tempfile.gettempdir())
    return {path for folder in folders for path in Path(folder).glob("mlcourse-worker-*")}


def graded_class(root, workers: int):
    before = worker_folders()
    course = scratch_course(root, [ASSIGNMENT])
    for student, sample in SAMPLES.items():
        folder = course.root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / ASSIGNMENT / f"{sample}.ipynb", folder / f"{ASSIGNMENT}.ipynb")
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    outcomes = autograde_all(course, ASSIGNMENT, list(SAMPLES), progress=lambda line: None, workers=workers)
    assert worker_folders() <= before, "a worker left its scratch course behind"
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
    course = scratch_course(tmp_path, [ASSIGNMENT])
    for student in ("ada", "ben"):
        folder = course.root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / ASSIGNMENT / f"{SAMPLES[student]}.ipynb",
                        folder / f"{ASSIGNMENT}.ipynb")
    outcomes = autograde_all(course, ASSIGNMENT, ["ada", "ben"], progress=lambda line: None, workers=2)
    assert [(o.student, o.graded) for o in outcomes] == [("ada", True), ("ben", True)]
    assert all("graded again by the batch itself" in o.status for o in outcomes)
    with course.gradebook() as gradebook:
        assert [gradebook.find_submission(ASSIGNMENT, s).score for s in ("ada", "ben")] == [10, 0]
