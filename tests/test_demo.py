"""`make demo`'s job, run once: the whole loop over nbgrader's exchange on the sample learners."""
from __future__ import annotations

import csv
import html
import re
import subprocess

import pytest

from mlcourse.exercise import COMMUNICATION, DATA_HANDLING, ML_ALGORITHMS, PROGRAMMING
from mlcourse.instructor.course import Course, CourseError
from mlcourse.instructor.demo import load_samples, run_demo
from mlcourse.instructor.portfolio import export_portfolio
from mlcourse.instructor.skills import mastery, skills_chart, skills_table
from tests.notebooks import hidden_lines, read

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands

ASSIGNMENT = "python_for_ml"
CAPSTONE = "capstone"


@pytest.fixture(scope="module")
def demo(course, tmp_path_factory):
    """Run the demo in a scratch folder; a 10 s cell timeout keeps the endless-loop sample short."""
    workdir = tmp_path_factory.mktemp("demo")
    lines = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLCOURSE_CELL_TIMEOUT", "10")
        as_expected = run_demo(course, workdir, progress=lines.append)
    return workdir, as_expected, "\n".join(lines)


@pytest.mark.parametrize("assignment, count", [(ASSIGNMENT, 9), (CAPSTONE, 10)])
def test_every_sample_scores_its_expected_total(course, demo, assignment, count):
    workdir, as_expected, output = demo
    with (workdir / "grades.csv").open(newline="") as handle:
        exported = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)
                    if row["assignment"] == assignment}
    expected = {s.student: s.expected_score for s in load_samples(course, assignment)}
    assert {student: exported[student] for student in expected} == expected
    assert all(exported[other] == 0 for other in set(exported) - set(expected))
    assert as_expected and f"All {count} sample learners scored as expected." in output


def table_rows(output: str) -> dict[str, str]:
    """The grade table's rows by student: the lines of the output that start with the assignment."""
    return {line.split()[1]: line for line in output.splitlines() if line.startswith(ASSIGNMENT)}


def test_grade_table_lists_each_learner_with_score_and_max(course, demo):
    _, _, output = demo
    # The demo grades on every core, so the table names each learner's worker.
    assert re.search(r"assignment +student +score +max +graded by +note", output)
    rows = table_rows(output)
    for sample in load_samples(course, ASSIGNMENT):
        assert rows[sample.student].split()[2:4] == [f"{sample.expected_score:g}", "13"]


def test_bad_submissions_are_reported_in_plain_words(demo):
    _, _, output = demo
    line = table_rows(output)
    assert "ran longer than 10 s and was interrupted" in line["dev"]
    assert "not valid JSON" in line["eve"]
    assert "'points' setting of cell q3-tests was altered" in line["finn"]
    assert "refused at collection" in line["hank"] and "solution markers" in line["hank"]
    assert "await manual grading" in line["ada"]


def test_the_hostile_submission_did_not_damage_the_gradebook(demo):
    workdir, *_ = demo
    with Course.at(workdir).gradebook() as gradebook:
        scores = {s.student_id: s.score for s in gradebook.assignment_submissions(ASSIGNMENT)}
    assert scores["ada"] == 10 and scores["gus"] == 10 and len(scores) == 9


def test_learners_fetched_feedback_that_hides_the_hidden_tests(course, demo):
    workdir, *_ = demo
    secrets = hidden_lines(read(course.source / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"))
    fetched = sorted((workdir / "learners").glob(
        f"*/ml-internship/{ASSIGNMENT}/feedback/*/{ASSIGNMENT}.html"))
    assert sorted(p.parts[-6] for p in fetched) == ["ada", "ben", "cleo", "dev", "finn", "gus", "ivy"], (
        "one feedback each, their own")
    for page in fetched:
        text = page.read_text(encoding="utf-8")
        assert not [line for line in secrets if line in text or html.escape(line) in text], page


def test_the_hostile_samples_leave_no_process_and_no_markup_that_runs(demo):
    workdir, *_ = demo
    (page,) = [p.read_text(encoding="utf-8") for p in (workdir / "learners" / "ivy").glob(
        f"*/{ASSIGNMENT}/feedback/*/{ASSIGNMENT}.html")]
    assert "alert(" in page, "the markup is shown as text"
    assert all("mathjax" in tag.lower() for tag in re.findall(r"<script[^>]*>", page))
    assert not re.search(r"<img\b[^>]*\bonerror", page, flags=re.IGNORECASE)
    leftover = subprocess.run(["pgrep", "-f", "mlcourse-hostile-marker"], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""


def test_capstone_files_are_scored_and_ranked_on_the_leaderboard(demo):
    workdir, _, output = demo
    board = {line.split()[1] if line.split()[0].isdigit() else line.split()[0]: line
             for line in output.split("rank  learner")[1].split("leaderboard:")[0].strip().splitlines()[1:]}
    assert [board[s].split()[0] for s in ("zoe", "ada", "cleo", "dan", "ben")] == ["1", "2", "3", "3", "5"]
    assert "review: ROC-AUC above 0.97" in board["zoe"] and "review" not in board["ada"]
    assert "identical file to dan's" in board["cleo"] and "identical file to cleo's" in board["dan"]
    assert "no valid submission: unexpected column: Unnamed: 0" in board["fay"]
    assert "is not a CSV file" in board["gil"] and "there is no file submission.csv" in board["kim"]
    assert "500 rows" in board["hal"] and "outside [0, 1]" in board["ivy"]
    page = (workdir / "competition" / "leaderboard.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "<td>zoe</td>" in page


def test_capstone_feedback_shows_the_competition_score_and_no_label(demo):
    workdir, *_ = demo
    labels = (workdir / "competition" / "test_labels.csv").read_text().splitlines()[1:40]
    (page,) = [p.read_text(encoding="utf-8")
               for p in (workdir / "learners" / "ada").glob(f"*/{CAPSTONE}/feedback/*/{CAPSTONE}.html")]
    assert "Competition: public ROC-AUC 0.89" in html.unescape(page)
    assert not [row for row in labels if row in page]
    (bad,) = [p.read_text(encoding="utf-8")
              for p in (workdir / "learners" / "gil").glob(f"*/{CAPSTONE}/feedback/*/{CAPSTONE}.html")]
    assert "could not be scored" in html.unescape(bad)


def test_skills_report_reads_mastery_from_the_gradebook(demo):
    workdir, *_ = demo
    table = mastery(Course.at(workdir))
    ada = table["ada"]
    # capstone exercises 2-4 and 6 (8 points), and the competition's 10 points
    assert ada[ML_ALGORITHMS] == (18.0, 18.0)
    assert ada[PROGRAMMING][0] == ada[PROGRAMMING][1] > 0
    assert ada[COMMUNICATION] == (0.0, 0.0)  # written answers are not graded yet, so they do not count
    assert table["ben"][DATA_HANDLING][0] == 0 < table["ben"][DATA_HANDLING][1]
    text = skills_table(table)
    assert text.splitlines()[0].split()[:3] == ["learner", "programming", "statistics"]
    assert text.splitlines()[-1].startswith("class")
    chart = skills_chart(table, workdir / "skills.png", "Skills of the class")
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_portfolio_never_replaces_a_folder_it_did_not_write(demo, tmp_path):
    workdir, *_ = demo
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CourseError, match="is not a portfolio this command wrote"):
        export_portfolio(Course.at(workdir), "ada", tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    first = export_portfolio(Course.at(workdir), "ada", tmp_path / "again")
    assert export_portfolio(Course.at(workdir), "ada", first) == first  # its own folder is replaced


def test_portfolio_has_what_it_promises_and_nothing_private(demo, tmp_path):
    workdir, *_ = demo
    out = export_portfolio(Course.at(workdir), "ada", tmp_path / "ada")
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"README.md", "MODEL_CARD.md", "requirements.txt", "income_prediction.ipynb",
            "data/train.csv", "data/test.csv", "figures/figure_1.png"} <= files
    readme = (out / "README.md").read_text(encoding="utf-8")
    for section in ("## Report", "## Results", "## Data", "CC BY 4.0", "| this project | 0.898 | 0.899 |",
                    "![Figure 1](figures/figure_1.png)", "**Fairness.**"):
        assert section in readme
    assert "scikit-learn==" in (out / "requirements.txt").read_text()
    notebook = read(out / "income_prediction.ipynb")
    assert any(c.get("outputs") for c in notebook.cells if c.cell_type == "code"), (
        "the notebook keeps its outputs")
    headings = [c.source for c in notebook.cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    assert headings[:2] == ["## Clean the data", "## Explore before you model"] and "## Report" in headings
    text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in out.rglob("*") if p.is_file())
    labels = (workdir / "competition" / "test_labels.csv").read_text()
    for private in ("HIDDEN TESTS", "q1.check", "mlcourse", "Model answer", "nbgrader", "gradebook",
                    "test_labels", "YOUR CODE HERE", "Not graded", "hint("):
        assert private not in text, private
    assert "income_over_50k,public" not in text and labels.splitlines()[5] not in text


def test_the_capstone_table_says_who_did_not_submit(demo):
    _, _, output = demo
    lines = {line.split()[1]: line for line in output.splitlines() if line.startswith(CAPSTONE + " ")}
    assert lines["dev"].endswith("no submission") and "no submission" not in lines["ben"]
    assert "await manual grading" in lines["ada"]
