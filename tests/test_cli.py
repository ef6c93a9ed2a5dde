"""The instructor's commands, run as an instructor runs them."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands

MLCOURSE = str(Path(sys.executable).parent / "mlcourse")


def run(*args, cwd):
    return subprocess.run([MLCOURSE, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_release_then_grade_a_collected_class(tmp_path):
    shutil.copy2(REPO / "nbgrader_config.py", tmp_path)
    shutil.copytree(REPO / "source", tmp_path / "source")

    released = run("release", cwd=tmp_path)
    assert released.returncode == 0, released.stderr
    assert (tmp_path / "release" / "python_for_ml" / "python_for_ml.ipynb").is_file()

    for student, sample in [("ada", "ada_complete.ipynb"), ("eve", "eve_truncated_upload.ipynb-part")]:
        folder = tmp_path / "submitted" / student / "python_for_ml"
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / "python_for_ml" / sample, folder / "python_for_ml.ipynb")

    graded = run("grade", "python_for_ml", cwd=tmp_path)
    assert graded.returncode == 1, graded.stderr  # eve's submission needs the instructor's attention
    assert "[1/2] ada: graded" in graded.stdout and "[2/2] eve: could not be graded" in graded.stdout
    with (tmp_path / "grades.csv").open(newline="") as handle:
        exported = {r["student_id"]: r["score"] for r in csv.DictReader(handle)
                    if r["assignment"] == "python_for_ml"}
    assert exported == {"ada": "10.0", "eve": "0.0"}
    assert (tmp_path / "feedback" / "ada" / "python_for_ml" / "python_for_ml.html").is_file()


def test_outside_a_course_the_error_says_so(tmp_path):
    result = run("release", cwd=tmp_path)
    assert result.returncode == 3
    assert "is not a course directory: it has no nbgrader_config.py" in result.stderr
