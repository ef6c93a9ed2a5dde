"""The installed tools are the ones the course promises, and the course configuration honours its settings."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mlcourse.instructor.course import Course
from tests.conftest import REPO

JUPYTER = str(Path(sys.executable).parent / "jupyter")


def test_nbgrader_extensions_are_enabled_and_ok_in_jupyterlab():
    listing = subprocess.run([JUPYTER, "labextension", "list"], capture_output=True, text=True, check=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert re.search(r"JupyterLab v4\.", text)
    assert re.search(r"@jupyter/nbgrader v0\.9\.\d+ enabled OK", text), text


def test_nbgrader_server_extension_is_enabled():
    listing = subprocess.run([JUPYTER, "server", "extension", "list"],
                             capture_output=True, text=True, check=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    assert "nbgrader.server_extensions.course_list enabled" in text


def test_gradebook_defaults_to_sqlite_in_the_course_and_takes_any_url(monkeypatch):
    course = Course.at(REPO)
    assert course.db_url() == f"sqlite:///{REPO / 'gradebook.db'}"
    monkeypatch.setenv("MLCOURSE_DB_URL", "postgresql://grader@db.example/gradebook")
    assert course.db_url() == "postgresql://grader@db.example/gradebook"


def test_timeout_and_exchange_follow_their_environment_variables(monkeypatch, tmp_path):
    course = Course.at(REPO)
    assert course.config().Execute.timeout == 30
    assert course.config().Exchange.root == str(REPO / "exchange")
    monkeypatch.setenv("MLCOURSE_CELL_TIMEOUT", "5")
    monkeypatch.setenv("MLCOURSE_EXCHANGE", str(tmp_path))
    assert course.config().Execute.timeout == 5
    assert course.config().Exchange.root == str(tmp_path)
