"""The course directory: its one way into the gradebook, its settings, and its errors."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from mlcourse.instructor.course import Course, CourseError, prepare_gradebook, tool_environment
from tests.conftest import REPO


@pytest.fixture()
def course(tmp_path) -> Course:
    shutil.copy2(REPO / "nbgrader_config.py", tmp_path)
    (tmp_path / "source" / "unit_one").mkdir(parents=True)
    return Course.at(tmp_path)


def alembic_versions(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchall()


def test_a_new_gradebook_is_created_and_stamped_without_alembic_on_path(course, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with course.gradebook() as gradebook:
        assert gradebook.students == []
    (version,) = alembic_versions(course.root / "gradebook.db")
    assert len(version[0]) == 12  # nbgrader's newest migration id


def test_the_process_path_is_never_changed(course, monkeypatch):
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    with course.gradebook():
        pass
    course.api()
    import os

    assert os.environ["PATH"] == "/usr/bin:/bin"
    assert tool_environment()["PATH"].startswith(str(sys.executable).rsplit("/", 1)[0])


def test_a_gradebook_that_cannot_be_migrated_is_a_course_error(course):
    """A gradebook from an unknown nbgrader version: the migration's failure is reported, not a traceback."""
    with course.gradebook():
        pass
    with closing(sqlite3.connect(course.root / "gradebook.db")) as db, db:
        db.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(CourseError, match="could not be upgraded to nbgrader's schema"):
        prepare_gradebook(course.db_url())


def test_the_gradebook_uses_the_courses_id(course):
    with course.gradebook() as gradebook:
        assert gradebook.course_id == "ml-internship"


def test_an_unknown_assignment_is_refused_with_the_known_ones(course):
    assert course.require_assignment("unit_one") == "unit_one"
    with pytest.raises(CourseError, match=r"no assignment 'unit_two'.*the course has: unit_one\."):
        course.require_assignment("unit_two")


def test_grading_before_release_says_to_release_first(course):
    with pytest.raises(CourseError, match=r"not in the gradebook yet: run `mlcourse release unit_one`"):
        course.require_released("unit_one")


def test_a_broken_configuration_is_a_course_error(course):
    (course.root / "nbgrader_config.py").write_text("c = get_config()\nc.Execute.timeout = int('soon')\n")
    with pytest.raises(CourseError, match="nbgrader_config.py could not be loaded: ValueError"):
        course.db_url()


def test_a_folder_without_configuration_is_not_a_course(tmp_path):
    with pytest.raises(CourseError, match="is not a course directory"):
        Course.at(tmp_path)


def test_nbgrader_commands_run_with_this_python_and_report_failures(course):
    assert course.nbgrader("--version").strip()
    with pytest.raises(CourseError, match="`nbgrader db student remove nobody` failed:.*"):
        course.nbgrader("db", "student", "remove", "nobody")


def test_settings_come_from_the_environment_variables(course, monkeypatch, tmp_path):
    monkeypatch.setenv("MLCOURSE_DB_URL", "postgresql://grader@db.example/gradebook")
    monkeypatch.setenv("MLCOURSE_CELL_TIMEOUT", "5")
    assert course.db_url() == "postgresql://grader@db.example/gradebook"
    assert course.config().Execute.timeout == 5


def test_the_cli_runs_from_a_shell_without_the_venv_on_path(course):
    """What the README does: `.venv/bin/mlcourse ...` without activating the virtual environment."""
    mlcourse = str(REPO / ".venv" / "bin" / "mlcourse") if (REPO / ".venv").is_dir() else "mlcourse"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(course.root)}
    result = subprocess.run([mlcourse, "skills"], cwd=course.root, env=env, capture_output=True, text=True)
    assert result.returncode == 3 and "the gradebook has no learners yet" in result.stderr, result.stderr
    assert len(alembic_versions(course.root / "gradebook.db")) == 1
