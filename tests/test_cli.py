"""The instructor's commands, run as an instructor runs them: `.venv/bin/mlcourse ...` from a shell whose
PATH has only the system's folders (the README never asks to activate the virtual environment)."""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlcourse.instructor.course import Course
from mlcourse.instructor.demo import as_learner
from tests.conftest import REPO

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands

MLCOURSE = str(Path(sys.executable).parent / "mlcourse")


def run(*args, cwd):
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "LANG": "C.UTF-8"}
    return subprocess.run([MLCOURSE, *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=environment)


def test_release_then_grade_a_collected_class(tmp_path):
    shutil.copy2(REPO / "nbgrader_config.py", tmp_path)
    shutil.copytree(REPO / "source", tmp_path / "source")
    # Recording the expected results scores the model-quality exercises against the competition's labels.
    instructor_only = shutil.ignore_patterns("scores.csv", "leaderboard.*")
    shutil.copytree(REPO / "competition", tmp_path / "competition", ignore=instructor_only)

    released = run("release", cwd=tmp_path)
    assert released.returncode == 0, released.stderr
    assert (tmp_path / "release" / "python_for_ml" / "python_for_ml.ipynb").is_file()

    for student, sample in [("ada", "ada_complete.ipynb"), ("eve", "eve_truncated_upload.ipynb-part")]:
        folder = tmp_path / "submitted" / student / "python_for_ml"
        folder.mkdir(parents=True)
        shutil.copyfile(REPO / "samples" / "python_for_ml" / sample, folder / "python_for_ml.ipynb")

    graded = run("grade", "python_for_ml", cwd=tmp_path)
    assert graded.returncode == 1, graded.stderr  # eve's submission needs the instructor's attention
    # Graded on every core: the learners are reported as each is done, in either order.
    assert re.search(r"\[\d/2\] ada: graded", graded.stdout)
    assert re.search(r"\[\d/2\] eve: could not be graded", graded.stdout)
    with (tmp_path / "grades.csv").open(newline="") as handle:
        exported = {r["student_id"]: r["score"] for r in csv.DictReader(handle)
                    if r["assignment"] == "python_for_ml"}
    assert exported == {"ada": "10.0", "eve": "0.0"}
    assert (tmp_path / "feedback" / "ada" / "python_for_ml" / "python_for_ml.html").is_file()


def test_outside_a_course_the_error_says_so(tmp_path):
    result = run("release", cwd=tmp_path)
    assert result.returncode == 3
    assert "is not a course directory: it has no nbgrader_config.py" in result.stderr


def test_every_capstone_command_runs_from_a_minimal_shell(tmp_path):
    """competition, release, collect, grade, score, leaderboard, skills and portfolio, in a term's order."""
    shutil.copy2(REPO / "nbgrader_config.py", tmp_path)
    shutil.copy2(REPO / "cell_times.json", tmp_path)
    shutil.copytree(REPO / "expected", tmp_path / "expected")
    (tmp_path / "competition").mkdir()
    shutil.copy2(REPO / "competition" / "secret.txt", tmp_path / "competition")  # the default cohort's
    shutil.copytree(REPO / "source" / "capstone", tmp_path / "source" / "capstone")
    competition = run("competition", "--out", "public", cwd=tmp_path)
    assert competition.returncode == 0, competition.stderr
    assert (tmp_path / "competition" / "test_labels.csv").read_bytes() == (
        REPO / "competition" / "test_labels.csv").read_bytes()
    assert run("release", "--no-calibrate", "capstone", cwd=tmp_path).returncode == 0
    nbgrader = [str(Path(sys.executable).parent / "nbgrader"), "release_assignment", "capstone"]
    subprocess.run(nbgrader, cwd=tmp_path, check=True, capture_output=True, env={"PATH": "/usr/bin:/bin"})
    collected = run("collect", "capstone", cwd=tmp_path)  # nothing handed in yet
    assert collected.returncode == 0, collected.stderr
    folder = tmp_path / "submitted" / "ada" / "capstone"
    folder.mkdir(parents=True)
    shutil.copyfile(REPO / "samples" / "capstone" / "ada_complete.ipynb", folder / "capstone.ipynb")
    shutil.copyfile(REPO / "samples" / "capstone" / "ada_submission.csv", folder / "submission.csv")
    graded = run("grade", "capstone", cwd=tmp_path)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    scored = run("score", cwd=tmp_path)
    assert scored.returncode == 0 and "ada" in scored.stdout, scored.stderr
    board = run("leaderboard", "--public", cwd=tmp_path)
    assert board.returncode == 0 and "public_leaderboard.html" in board.stdout
    skills = run("skills", "--student", "ada", "--out", "ada.png", cwd=tmp_path)
    assert skills.returncode == 0 and (tmp_path / "ada.png").is_file(), skills.stderr
    portfolio = run("portfolio", "ada", cwd=tmp_path)
    assert portfolio.returncode == 0 and (tmp_path / "portfolios" / "ada" / "README.md").is_file()


def test_manual_grades_reach_the_feedback_learners_get(tmp_path):
    """After `mlcourse grade`, the instructor grades the written answer; `mlcourse feedback` returns it."""
    shutil.copy2(REPO / "nbgrader_config.py", tmp_path)
    shutil.copytree(REPO / "expected", tmp_path / "expected")
    shutil.copytree(REPO / "source" / "python_for_ml", tmp_path / "source" / "python_for_ml")
    assert run("release", "--no-calibrate", "python_for_ml", cwd=tmp_path).returncode == 0
    early = run("feedback", "python_for_ml", cwd=tmp_path)
    assert early.returncode == 3 and "release the assignment to the class first" in early.stderr
    nbgrader = [str(Path(sys.executable).parent / "nbgrader"), "release_assignment", "python_for_ml"]
    subprocess.run(nbgrader, cwd=tmp_path, check=True, capture_output=True, env={"PATH": "/usr/bin:/bin"})
    course = Course.at(tmp_path)
    as_learner(course, "ada", "fetch_assignment", "python_for_ml")
    shutil.copyfile(REPO / "samples" / "python_for_ml" / "ada_complete.ipynb",
                    tmp_path / "learners" / "ada" / "ml-internship" / "python_for_ml" / "python_for_ml.ipynb")
    as_learner(course, "ada", "submit", "python_for_ml")
    assert run("collect", "python_for_ml", cwd=tmp_path).returncode == 0
    assert run("grade", "python_for_ml", cwd=tmp_path).returncode == 0
    page = tmp_path / "feedback" / "ada" / "python_for_ml" / "python_for_ml.html"
    assert "Score: 0.0 / 3.0" in page.read_text(encoding="utf-8")

    with course.gradebook() as gradebook:  # what formgrader does when the instructor grades
        grade = gradebook.find_grade("written-answer", "python_for_ml", "python_for_ml", "ada")
        comment = gradebook.find_comment("written-answer", "python_for_ml", "python_for_ml", "ada")
        grade.manual_score, comment.manual_comment = 2.0, "Clear, but say what the standard deviation is."
        gradebook.db.commit()
    returned = run("feedback", "python_for_ml", cwd=tmp_path)
    assert returned.returncode == 0, returned.stdout + returned.stderr
    text = page.read_text(encoding="utf-8")
    assert "Score: 2.0 / 3.0" in text and "say what the standard deviation is" in text
    released = list((tmp_path / "exchange" / "ml-internship" / "feedback").glob("*.html"))
    assert len(released) == 1
    assert "say what the standard deviation is" in released[0].read_text(encoding="utf-8")
