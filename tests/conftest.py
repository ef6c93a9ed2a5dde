"""Shared fixtures: the repository's course, and scratch copies of it that tests may grade in."""
from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

from mlcourse.instructor.course import Course
from mlcourse.instructor.release import generate_release

REPO = Path(__file__).resolve().parents[1]

# The suite runs two workers on two cores: OpenMP models (histogram gradient boosting) in every
# kernel would each start a thread per core and spin against each other, making them many times
# slower. One thread per kernel keeps a graded notebook's time what it is on a learner's machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")
ASSIGNMENTS = Course.at(REPO).assignments()

# nbgrader 0.9 triggers SQLAlchemy 2 autoflush warnings that say nothing about the course.
warnings.filterwarnings("ignore", module="nbgrader.api")


@pytest.fixture(scope="session")
def course() -> Course:
    return Course.at(REPO)


def scratch_course(root: Path, assignments: list[str] | None = None) -> Course:
    """A copy of the course's configuration and sources in ``root``, with ``assignments`` (default:
    all) released there by nbgrader."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "nbgrader_config.py", root)
    shutil.copy2(REPO / "cell_times.json", root)
    shutil.copytree(REPO / "expected", root / "expected")
    shutil.copytree(REPO / "source", root / "source")
    scratch = Course.at(root)
    generate_release(scratch, assignments, progress=lambda line: None)
    return scratch


#: A small class of python_for_ml learners from samples/: complete, blank, partly wrong, edited tests, and two
#: hostile learners (gradebook overwrite; a process left behind with markup in its outputs). dev's endless
#: loop is left to the demo: it only adds a minute.
CLASS_SAMPLES = {"ada": "ada_complete", "ben": "ben_blank", "cleo": "cleo_partly_wrong",
                 "finn": "finn_edited_tests", "gus": "gus_hostile", "ivy": "ivy_background_and_script"}


def submitted_class(root: Path, students: list[str] | None = None, timestamp: str | None = None) -> Course:
    """A scratch course with python_for_ml released and ``students`` (default: all of
    :data:`CLASS_SAMPLES`) having submitted their sample, with ``timestamp`` if given."""
    course = scratch_course(root, ["python_for_ml"])
    for student in students or list(CLASS_SAMPLES):
        folder = course.root / "submitted" / student / "python_for_ml"
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / "python_for_ml" / f"{CLASS_SAMPLES[student]}.ipynb",
                        folder / "python_for_ml.ipynb")
        if timestamp:
            (folder / "timestamp.txt").write_text(timestamp)
    return course


@pytest.fixture(scope="session")
def released_course(tmp_path_factory) -> Course:
    """A scratch course whose release/ and gradebook were just built by nbgrader."""
    return scratch_course(tmp_path_factory.mktemp("course"))
