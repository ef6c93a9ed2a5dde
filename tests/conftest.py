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


@pytest.fixture(scope="session")
def released_course(tmp_path_factory) -> Course:
    """A scratch course whose release/ and gradebook were just built by nbgrader."""
    return scratch_course(tmp_path_factory.mktemp("course"))
