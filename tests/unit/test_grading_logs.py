"""grading: the plain-words reasons found in an autograde log, unreadable or missing submitted notebooks,
and an outcome's status line. No nbgrader command runs: the course is a stand-in with ``root`` and
``release``.
"""
from __future__ import annotations

import json
import re
import types

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from mlcourse.instructor.grading import Outcome, problems_in_log, submission_file_problems

LOG = """\
[AutogradeApp | INFO] Autograding submitted/alice/ps1/ps1.ipynb
[AutogradeApp | WARNING] Attribute 'points' for cell q2-tests has changed! (should be: 2.0, got: 20.0)
[AutogradeApp | ERROR] Timeout waiting for execute reply (30s).
[AutogradeApp | ERROR] Timeout waiting for execute reply (30s).
[AutogradeApp | WARNING] Attribute 'locked' for cell q1-tests has changed! (should be: True, got: False)
[AutogradeApp | ERROR] Kernel died while waiting for execute reply.
[AutogradeApp | ERROR] Timeout waiting for execute reply (120s).
[AutogradeApp | WARNING] Attribute 'points' for cell q2-tests has changed! (should be: 2.0, got: 20.0)
[AutogradeApp | ERROR] DeadKernelError: Kernel died
"""


def test_each_noteworthy_event_of_a_log_is_reported_once_in_plain_words():
    assert problems_in_log(LOG) == [
        "a cell ran longer than 30 s and was interrupted, twice (graded again alone): "
        "a loop that never ends?",
        "a cell ran longer than 120 s and was interrupted, twice (graded again alone): "
        "a loop that never ends?",
        "the Python kernel died while running the notebook",
        "the 'points' setting of cell q2-tests was altered; nbgrader graded with the original",
        "the 'locked' setting of cell q1-tests was altered; nbgrader graded with the original",
    ]


def test_a_changed_cell_type_is_reported_with_its_cell():
    log = ("[AutogradeApp | WARNING] Attribute 'cell_type' for cell q3-answer has changed! "
           "(should be: code, got: markdown)")
    assert problems_in_log(log) == [
        "the 'cell_type' setting of cell q3-answer was altered; nbgrader graded with the original"]


def test_a_quiet_log_or_an_empty_one_has_no_problems():
    quiet = ("[AutogradeApp | INFO] Autograding submitted/bob/ps1/ps1.ipynb\n"
             "[AutogradeApp | INFO] Writing 12345 bytes to autograded/bob/ps1/ps1.ipynb\n"
             "[AutogradeApp | WARNING] Timeout waiting for IOPub output\n")
    assert problems_in_log(quiet) == []
    assert problems_in_log("") == []


def test_outcome_status_says_graded_or_zero_and_lists_problems():
    assert Outcome("alice", True).status == "graded"
    assert Outcome("bob", True, ["a cell timed out"]).status == "graded: a cell timed out"
    assert Outcome("carol", False, ["x is missing", "y"]).status == (
        "could not be graded, scored 0: x is missing; y")


# --- submitted notebooks ------------------------------------------------------------------------


@pytest.fixture
def course(tmp_path):
    """A stand-in course whose assignment ps1 releases two notebooks."""
    released = tmp_path / "release" / "ps1"
    released.mkdir(parents=True)
    for name in ("ps1.ipynb", "ps1-extra.ipynb"):
        nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), released / name)
    (released / "data.csv").write_text("a,b\n1,2\n")  # only notebooks are expected back
    return types.SimpleNamespace(root=tmp_path, release=tmp_path / "release")


def submitted(course, student: str = "alice"):
    folder = course.root / "submitted" / student / "ps1"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_complete_valid_submission_has_no_problems(course):
    folder = submitted(course)
    for name in ("ps1.ipynb", "ps1-extra.ipynb"):
        nbformat.write(new_notebook(cells=[new_code_cell("x = 2")]), folder / name)
    assert submission_file_problems(course, "ps1", "alice") == []


def test_a_learner_who_submitted_nothing_is_missing_every_notebook(course):
    assert submission_file_problems(course, "ps1", "nobody") == [
        "ps1-extra.ipynb is missing from the submission (it holds no notebook)",
        "ps1.ipynb is missing from the submission (it holds no notebook)",
    ]


def test_a_renamed_notebook_is_missing_and_the_message_names_what_was_submitted(course):
    folder = submitted(course)
    nbformat.write(new_notebook(), folder / "ps1-extra.ipynb")
    nbformat.write(new_notebook(), folder / "ps1 (1).ipynb")
    assert submission_file_problems(course, "ps1", "alice") == [
        "ps1.ipynb is missing from the submission (it holds ps1 (1).ipynb, ps1-extra.ipynb)"]


def test_a_cut_off_notebook_is_not_valid_json(course):
    folder = submitted(course)
    nbformat.write(new_notebook(), folder / "ps1-extra.ipynb")
    text = nbformat.writes(new_notebook(cells=[new_code_cell("x = 2")]))
    (folder / "ps1.ipynb").write_text(text[: len(text) // 2])
    assert submission_file_problems(course, "ps1", "alice") == [
        "ps1.ipynb is not valid JSON (cut off or corrupted), so no cell could run"]


def test_json_that_is_not_a_notebook_is_reported_with_the_error(course):
    folder = submitted(course)
    nbformat.write(new_notebook(), folder / "ps1-extra.ipynb")
    broken = json.loads(nbformat.writes(new_notebook(cells=[new_code_cell("x = 2")])))
    del broken["cells"][0]["outputs"]
    (folder / "ps1.ipynb").write_text(json.dumps(broken))
    (problem,) = submission_file_problems(course, "ps1", "alice")
    assert re.fullmatch(r"ps1\.ipynb is not a valid notebook "
                        r"\(\w*ValidationError: 'outputs' is a required property\)", problem)


@pytest.mark.parametrize("content, error", [(b"[1, 2]", "AttributeError"),
                                            (b"\xff\xfe{}", "UnicodeDecodeError")])
def test_any_unreadable_notebook_is_reported_never_raised(course, content, error):
    folder = submitted(course)
    nbformat.write(new_notebook(), folder / "ps1.ipynb")
    (folder / "ps1-extra.ipynb").write_bytes(content)
    (problem,) = submission_file_problems(course, "ps1", "alice")
    assert problem.startswith(f"ps1-extra.ipynb is not a valid notebook ({error}: ")
