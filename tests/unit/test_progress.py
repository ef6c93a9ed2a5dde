"""The instructor's view of a grading run: a line per learner for the logs, a bar with failures, --quiet."""
from __future__ import annotations

from mlcourse.instructor.grading import Outcome
from mlcourse.instructor.progress import grading_progress


def run(quiet: bool, capsys):
    with grading_progress(3, quiet=quiet) as report:
        for number, outcome in enumerate([Outcome("ada", True), Outcome("eve", False, ["not JSON"]),
                                          Outcome("ben", True)], start=1):
            report.line(f"[{number}/3] {outcome.student}: {outcome.status}")
            report.outcome(outcome)
        counted = (report.done, report.failed)
    return counted, capsys.readouterr()


def test_each_learner_gets_a_line_for_the_logs_and_failures_are_counted(capsys):
    (done, failed), captured = run(False, capsys)
    assert (done, failed) == (3, 1)
    assert captured.out.splitlines() == [
        "[1/3] ada: graded", "[2/3] eve: could not be graded, scored 0: not JSON", "[3/3] ben: graded"]


def test_quiet_prints_nothing(capsys):
    (done, failed), captured = run(True, capsys)
    assert (done, failed) == (3, 1) and captured.out == "" and captured.err == ""
