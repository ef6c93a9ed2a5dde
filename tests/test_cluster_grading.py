"""Grading on a Dask cluster: a real scheduler and two workers on 127.0.0.1 grade a class with the grades of
one-at-a-time grading, the table names each learner's worker, and a worker killed mid-batch loses no one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlcourse.instructor.grading import autograde_all
from mlcourse.instructor.report import grade_report
from tests.conftest import CLASS_SAMPLES, submitted_class

pytestmark = pytest.mark.slow
distributed = pytest.importorskip("distributed")

ASSIGNMENT = "python_for_ml"
SAMPLES = CLASS_SAMPLES
DASK = str(Path(sys.executable).parent / "dask")


@pytest.fixture()
def cluster(tmp_path):
    """A scheduler and two single-threaded workers, started as an instructor would, outside the course."""
    scheduler_file = tmp_path / "scheduler.json"
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                   "--scheduler-file", str(scheduler_file), *common], cwd=tmp_path,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    deadline = time.monotonic() + 60
    while not scheduler_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = {}
    for name in ("w1", "w2"):
        # No nanny: the worker is this very process, so that killing it kills the worker.
        command = [DASK, "worker", "--scheduler-file", str(scheduler_file), "--name", name, "--nthreads", "1",
                   "--no-nanny", *common]
        workers[name] = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
    processes += workers.values()
    with distributed.Client(scheduler_file=str(scheduler_file), timeout="60s") as client:
        client.wait_for_workers(2, timeout=60)
        address = client.scheduler.address
    yield address, workers
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def scores(course):
    with course.gradebook() as gradebook:
        return {student: {g.name: g.score
                          for g in gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student).grades}
                for student in SAMPLES}


@pytest.fixture(scope="module")
def alone(tmp_path_factory):
    course = submitted_class(tmp_path_factory.mktemp("alone"))
    autograde_all(course, ASSIGNMENT, list(SAMPLES), progress=lambda line: None)
    return scores(course)


def test_the_cluster_grades_as_one_at_a_time_and_names_each_worker(tmp_path, cluster, alone):
    address, workers = cluster
    course = submitted_class(tmp_path / "course")
    lines = []
    outcomes = autograde_all(course, ASSIGNMENT, list(SAMPLES), progress=lines.append, scheduler=address)
    assert scores(course) == alone
    assert {o.worker for o in outcomes} <= set(workers) and all(o.worker for o in outcomes)
    for outcome in outcomes:  # each learner's line names the worker
        assert any(f"{outcome.student}: " in line and f", {outcome.worker})" in line for line in lines), lines
    table = grade_report(course, ASSIGNMENT, outcomes)[1]
    assert "graded by" in table.splitlines()[0]
    assert (course.root / "autograded" / "ada" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()


def test_a_worker_killed_mid_batch_loses_no_submission(tmp_path, cluster, alone):
    address, workers = cluster
    course = submitted_class(tmp_path / "course")
    killed = []

    def kill_one_worker(line):
        if not killed:  # after the first learner is recorded, one worker dies without a word
            os.kill(workers["w1"].pid, signal.SIGKILL)
            killed.append(line)

    outcomes = autograde_all(course, ASSIGNMENT, list(SAMPLES), progress=kill_one_worker, scheduler=address)
    assert killed and all(o.graded or o.student == "eve" for o in outcomes)
    assert scores(course) == alone
