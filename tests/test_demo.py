"""`make demo`'s job, run once: the whole loop over nbgrader's exchange on the sample learners."""
from __future__ import annotations

import csv
import html

import pytest
from nbgrader.api import Gradebook

from mlcourse.instructor.demo import load_samples, run_demo
from tests.test_grading import hidden_lines
from tests.notebooks import read

ASSIGNMENT = "python_for_ml"


@pytest.fixture(scope="module")
def demo(course, tmp_path_factory):
    """Run the demo in a scratch folder; a 10 s cell timeout keeps the endless-loop sample short."""
    workdir = tmp_path_factory.mktemp("demo")
    lines = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLCOURSE_CELL_TIMEOUT", "10")
        as_expected = run_demo(course, workdir, progress=lines.append)
    return workdir, as_expected, "\n".join(lines)


def test_every_sample_scores_its_expected_total(course, demo):
    workdir, as_expected, output = demo
    with (workdir / "grades.csv").open(newline="") as handle:
        exported = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    expected = {s.student: s.expected_score for s in load_samples(course, ASSIGNMENT)}
    assert exported == expected
    assert as_expected and "All 7 sample learners scored as expected." in output


def table_rows(output: str) -> dict[str, str]:
    """The grade table's rows by student: the lines of the output that start with the assignment."""
    return {line.split()[1]: line for line in output.splitlines() if line.startswith(ASSIGNMENT)}


def test_grade_table_lists_each_learner_with_score_and_max(course, demo):
    _, _, output = demo
    assert "assignment     student  score  max  note" in output
    rows = table_rows(output)
    for sample in load_samples(course, ASSIGNMENT):
        assert rows[sample.student].split()[2:4] == [f"{sample.expected_score:g}", "13"]


def test_bad_submissions_are_reported_in_plain_words(demo):
    _, _, output = demo
    line = table_rows(output)
    assert "ran longer than 10 s and was interrupted" in line["dev"]
    assert "not valid JSON" in line["eve"]
    assert "'points' setting of cell q3-tests was altered" in line["finn"]
    assert "altered the gradebook" in line["gus"] and "restored" in line["gus"]
    assert "await manual grading" in line["ada"]


def test_the_hostile_submission_did_not_damage_the_gradebook(demo):
    workdir, *_ = demo
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gradebook:
        scores = {s.student_id: s.score for s in gradebook.assignment_submissions(ASSIGNMENT)}
    assert scores["ada"] == 10 and scores["gus"] == 0 and len(scores) == 7


def test_learners_fetched_feedback_that_hides_the_hidden_tests(course, demo):
    workdir, *_ = demo
    secrets = hidden_lines(read(course.source / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"))
    fetched = sorted((workdir / "learners").glob(f"*/ml-internship/{ASSIGNMENT}/feedback/*/{ASSIGNMENT}.html"))
    assert {p.parts[-6] for p in fetched} == {"ada", "ben", "cleo", "dev", "finn"}
    for page in fetched:
        text = page.read_text(encoding="utf-8")
        assert not [line for line in secrets if line in text or html.escape(line) in text], page
