"""A class of hostile learners (samples/hostile/attacks.csv), graded by the real pipeline in the real sandbox.

Every attack hands in through the exchange and is collected, autograded and given feedback as any
learner is. Each must earn exactly its expected score, and leave untouched everything outside its
own graded copy: the course's files, the gradebook's assignment and other learners, the virtual
environment, the network, the processes of the machine, and a learner graded after it all.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import nbformat
import pytest

from mlcourse.instructor.grading import autograde_all, generate_feedback
from mlcourse.instructor.intake import collect
from mlcourse.instructor.sandbox import sandbox_available
from tests.conftest import REPO, scratch_course
from tests.notebooks import fill, hidden_lines, read, reference_answers

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sandbox_available(), reason="bubblewrap is not installed")]

ASSIGNMENT = "python_for_ml"
HOSTILE = REPO / "samples" / "hostile"
with (HOSTILE / "attacks.csv").open(newline="", encoding="utf-8") as _handle:
    ATTACKS = list(csv.DictReader(_handle))
VICTIM = "vera"  # a complete, honest learner graded after every attacker
MARKER = "mlcourse-hostile-marker"
SECRET = "postgresql://grader:hunter2@gradebook.example/secret"
TIMESTAMP = "2026-11-26 09:00:00.000000 UTC"
GRADED_STATE = ("autograded", "feedback", "gradebook.db", "gradebook.db-journal")


def course_state(root: Path) -> dict[str, str]:
    """A digest of every file of the course except what grading itself writes."""
    state = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in GRADED_STATE or path.is_dir():
            continue
        if path.is_symlink() or not path.is_file():  # a link or a named pipe is recorded, never read
            state[str(relative)] = f"special {path.lstat().st_mode:o}"
        else:
            state[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def gradebook_definition(root: Path) -> list:
    """The assignment as the gradebook defines it: cells, points, checksums and hidden tests."""
    with closing(sqlite3.connect(root / "gradebook.db")) as db:
        tables = ("assignment", "notebook", "base_cell", "grade_cells", "solution_cells", "task_cells",
                  "source_cell")
        return [db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in tables]


def venv_state() -> list:
    """What a submission could plant to reach later kernels: site-packages' entries and the course package."""
    import mlcourse

    site_packages = Path(sys.prefix).glob("lib/python*/site-packages/*")
    entries = sorted(str(p.relative_to(sys.prefix)) for p in site_packages)
    package = Path(mlcourse.__file__).parent
    return entries + [hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(package.rglob("*.py"))]


def hostile_processes() -> list[str]:
    found = subprocess.run(["pgrep", "-af", MARKER], capture_output=True, text=True).stdout.splitlines()
    return [line for line in found if "pgrep" not in line]


class Listener:
    """A TCP server on the grading machine's loopback that records every connection it gets."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.5)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.socket.close()


def hand_in(inbound: Path, student: str) -> Path:
    """A submission folder in the exchange's inbound, as `nbgrader submit` makes it."""
    folder = inbound / f"{student}+{ASSIGNMENT}+{TIMESTAMP}+0a1b2c3d"
    folder.mkdir(parents=True)
    (folder / "timestamp.txt").write_text(TIMESTAMP)
    return folder / f"{ASSIGNMENT}.ipynb"


def write_inbound_attack(name: str, target: Path, source: Path) -> None:
    """The attacks that live in the submitted files themselves, not in a cell."""
    if name == "symlink_to_source":
        target.symlink_to(source)
    elif name == "hardlink_to_source":
        os.link(source, target)
    elif name == "fifo":
        os.mkfifo(target)
    elif name == "nested_notebook":
        target.write_text("[" * 100_000 + "]" * 100_000)
    elif name == "huge_notebook":
        target.write_text('{"cells": [], "padding": "' + "x" * 30 * 2**20 + '"}')
    elif name == "copy_of_source":
        shutil.copyfile(source, target)
    else:
        raise ValueError(name)


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    course = scratch_course(root, [ASSIGNMENT])
    with (root / "nbgrader_config.py").open("a") as config:  # short limits keep the slow attacks short
        config.write("\nc.Execute.timeout = 8\nc.SandboxLimits.notebook_seconds = 25\n"
                     "c.SandboxLimits.memory_mb = 2048\n")
    (root / "competition").mkdir()
    shutil.copyfile(REPO / "competition" / "test_labels.csv", root / "competition" / "test_labels.csv")
    course.nbgrader("release_assignment", ASSIGNMENT)
    inbound = root / "exchange" / "ml-internship" / "inbound"
    source_path = course.source / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    released = read(course.release / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    listener = Listener()
    code_answers = [gid for gid, code in reference_answers(read(source_path)).items() if "def " in code]
    for attack in ATTACKS:
        target = hand_in(inbound, attack["attack"])
        if attack["kind"] == "inbound":
            write_inbound_attack(attack["attack"], target, source_path)
            continue
        if attack["kind"] == "beside":  # a blank notebook, with the attack's files beside it
            shutil.copytree(HOSTILE / attack["attack"], target.parent, dirs_exist_ok=True)
            nbformat.write(released, target)
            continue
        code = (HOSTILE / f"{attack['attack']}.py").read_text().replace("{port}", str(listener.port))
        cells = code_answers if attack["kind"] == "every-cell" else ["q1-answer"]
        nbformat.write(fill(released, dict.fromkeys(cells, code)), target)
    shutil.copyfile(REPO / "samples" / ASSIGNMENT / "ada_complete.ipynb", hand_in(inbound, VICTIM))

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLCOURSE_GRADER_SECRET", SECRET)
        refused = collect(course, ASSIGNMENT)
        before = (course_state(root), gradebook_definition(root), venv_state())
        lines = []
        outcomes = autograde_all(course, ASSIGNMENT, [a["attack"] for a in ATTACKS] + [VICTIM],
                                 progress=lines.append)
        generate_feedback(course, ASSIGNMENT)
    listener.close()
    after = (course_state(root), gradebook_definition(root), venv_state())
    with course.gradebook() as gradebook:
        scores = {s.student_id: s.score for s in gradebook.assignment_submissions(ASSIGNMENT)}
    yield {"course": course, "refused": refused, "before": before, "after": after, "scores": scores,
           "outcomes": {o.student: o for o in outcomes}, "listener": listener, "log": "\n".join(lines),
           "processes": hostile_processes(), "source": read(source_path)}
    for pid in re.findall(r"^(\d+)", "\n".join(hostile_processes()), flags=re.MULTILINE):
        os.kill(int(pid), 9)


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a["attack"])
def test_each_attack_earns_exactly_its_expected_score(hostile_class, attack):
    assert hostile_class["scores"][attack["attack"]] == float(attack["expected_score"]), (
        hostile_class["outcomes"][attack["attack"]].status)


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a["kind"] == "inbound"], ids=lambda a: a["attack"])
def test_unsafe_files_are_refused_at_collection_with_a_plain_reason(hostile_class, attack):
    name = attack["attack"]
    assert name in hostile_class["refused"]
    status = hostile_class["outcomes"][name].status
    assert "could not be graded, scored 0: refused at collection" in status
    graded_copy = hostile_class["course"].root / "autograded" / name
    assert not graded_copy.exists(), "a refused submission never reaches a kernel"


def test_nothing_outside_the_graded_copies_changed(hostile_class):
    (files, definition, venv), (files_after, definition_after, venv_after) = (hostile_class["before"],
                                                                              hostile_class["after"])
    changed = sorted(name for name in files.keys() | files_after.keys()
                     if files.get(name) != files_after.get(name))
    assert changed == [], changed
    assert definition == definition_after, "the assignment's definition in the gradebook changed"
    assert venv == venv_after, "the virtual environment or the course package changed"


def test_the_honest_learner_graded_last_is_graded_as_on_a_quiet_day(hostile_class):
    assert hostile_class["scores"][VICTIM] == 10
    assert hostile_class["outcomes"][VICTIM].graded and not hostile_class["outcomes"][VICTIM].problems


def test_no_process_outlives_its_notebook(hostile_class):
    assert hostile_class["processes"] == []


def test_nothing_reaches_the_network(hostile_class):
    assert hostile_class["listener"].connections == 0


def feedback(hostile_class, student) -> str:
    page = hostile_class["course"].root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
    return page.read_text(encoding="utf-8")


FEEDBACK_ATTACKS = [a for a in ATTACKS if "feedback" in a["guards"]]


@pytest.mark.parametrize("attack", FEEDBACK_ATTACKS, ids=lambda a: a["attack"])
def test_feedback_carries_no_secret_no_script_and_no_one_elses_work(hostile_class, attack):
    page = feedback(hostile_class, attack["attack"])
    assert len(page) < 2_000_000
    assert SECRET not in page and "hunter2" not in page
    labels = (REPO / "competition" / "test_labels.csv").read_text().splitlines()[1:50]
    assert not [row for row in labels if row in page]
    assert not [line for line in hidden_lines(hostile_class["source"]) if line in page]
    assert "Model answer" not in page  # the victim's and the source's written answers stay private
    scripts = re.findall(r"<script[^>]*>", page)
    assert all("mathjax" in tag.lower() for tag in scripts), scripts
    assert not re.search(r"<(img|svg|a)\b[^>]*\bon\w+\s*=", page, flags=re.IGNORECASE)


def test_a_hidden_test_marker_in_an_answer_does_not_stop_the_class_feedback(hostile_class):
    root = hostile_class["course"].root
    graded = {p.parts[-3] for p in (root / "feedback").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.html")}
    assert {"hidden_marker_comment", VICTIM} <= graded


def test_limits_are_reported_in_plain_words(hostile_class):
    outcomes = hostile_class["outcomes"]
    assert "ran longer than 25 s in all and was stopped" in outcomes["sleepy_cells"].status
    assert "[output cut: this cell printed more than" in feedback(hostile_class, "huge_output")
