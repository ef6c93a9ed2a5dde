"""The portfolio export: a learner's autograded capstone turned into a folder they can publish.

The autograded notebook is made from the course's own capstone as nbgrader leaves it: the learner's
answers (the reference solution, markers gone) and the test cells with their hidden tests restored.
"""
from __future__ import annotations

import base64
import copy
import shutil
from importlib import metadata

import nbformat
import pytest

from mlcourse.instructor.cells import SOLUTION_MARKERS, grade_id
from mlcourse.instructor.cli import main
from mlcourse.instructor.competition import PACKAGE_DATA
from mlcourse.instructor.course import CourseError
from mlcourse.instructor.portfolio import (
    MARKER,
    REQUIREMENTS,
    STANDALONE_SETUP,
    _section_heading,
    export_portfolio,
    public_notebook,
    written_report,
)
from mlcourse.instructor.scoring import Scored, _append
from tests.conftest import REPO
from tests.notebooks import hidden_lines, read, reference_answers
from tests.unit.gradebooks import scratch

SOURCE = read(REPO / "source" / "capstone" / "capstone.ipynb")
PNG = b"\x89PNG\r\n\x1a\n" + b"a figure of the learner's"
EXPLORATION_PNG = b"\x89PNG\r\n\x1a\n" + b"another figure"
REPORT = "**Problem.** Predict income above $50K.\n\n**Results.** Boosted trees beat the baseline."
EXPLORATION = "train = clean_adult(train_raw)\ntrain.hist()"


def figure(data: bytes):
    return nbformat.v4.new_output("display_data", data={"image/png": base64.b64encode(data).decode(),
                                                        "text/plain": "<Figure size 640x480 with 1 Axes>"})


def autograded(report: str = REPORT, figures: bool = True):
    """The capstone as autograding leaves it for a learner who wrote the reference answers."""
    notebook = copy.deepcopy(SOURCE)
    answers = reference_answers(SOURCE)
    for cell in notebook.cells:
        gid = grade_id(cell)
        if gid == "written-answer":
            cell.source = report
        elif gid in answers:
            cell.source = answers[gid]
        if cell.cell_type == "code":
            cell.outputs = []
        if figures and gid == "q1-answer":
            cell.outputs = [figure(PNG)]
        if figures and gid == "q1-tests":  # a test cell's output is the course's, never exported
            cell.outputs = [figure(b"\x89PNG\r\n\x1a\nfrom a test")]
    if figures:  # the learner's own exploration, in the scratch cell after "Explore before you model"
        (scratch_cell,) = [cell for before, cell in zip(notebook.cells, notebook.cells[1:])
                           if grade_id(before) == "explore-text"]
        scratch_cell.source = EXPLORATION
        scratch_cell.outputs = [figure(EXPLORATION_PNG)]
    # course scaffolding a learner leaves behind
    notebook.cells.insert(5, nbformat.v4.new_code_cell("q1.hint(2)"))
    notebook.cells.insert(5, nbformat.v4.new_code_cell("q1.check(clean_adult)  # once more"))
    return notebook


def capstone_course(root, student="ada", **kwargs):
    course = scratch(root, "capstone")
    folder = course.root / "autograded" / student / "capstone"
    folder.mkdir(parents=True)
    nbformat.write(autograded(**kwargs), folder / "capstone.ipynb")
    return course


def scored(student, sha, public, private, points, status="scored", message=""):
    return Scored(student, "2026-01-10T10:00:00+00:00", sha, status, public, private, points, message)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """ada's portfolio; her counted file is her best public one (0.931), not her best private one."""
    course = capstone_course(tmp_path_factory.mktemp("portfolio") / "course")
    for entry in (scored("ada", "a1", None, None, 0.0, "invalid", "not a CSV file"),
                  scored("ada", "a2", 0.9312, 0.9254, 10.0),
                  scored("ada", "a3", 0.9100, 0.9301, 10.0),
                  scored("ben", "b1", 0.99, 0.99, 10.0)):
        _append(course, entry)
    out = export_portfolio(course, "ada", course.root / "portfolios" / "ada")
    return course, out


def texts(out) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*")
            if p.is_file() and p.suffix != ".png" and p.parent.name != "data"}


def test_the_folder_holds_what_an_employer_looks_at(exported):
    course, out = exported
    assert out == course.root / "portfolios" / "ada"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        MARKER, "MODEL_CARD.md", "README.md", "data/test.csv", "data/train.csv", "figures/figure_1.png",
        "figures/figure_2.png", "income_prediction.ipynb", "requirements.txt"]
    for part in ("train", "test"):
        assert (out / "data" / f"{part}.csv").read_bytes() == (PACKAGE_DATA / f"{part}.csv").read_bytes()


def test_the_figures_are_the_learners_in_notebook_order(exported):
    _, out = exported
    assert (out / "figures" / "figure_1.png").read_bytes() == PNG
    assert (out / "figures" / "figure_2.png").read_bytes() == EXPLORATION_PNG


def test_the_readme_has_the_report_results_figures_and_data(exported):
    course, out = exported
    readme = (out / "README.md").read_text(encoding="utf-8")
    settings = course.competition()
    assert readme.startswith(f"# {settings.title}\n")
    sections = [line for line in readme.splitlines() if line.startswith("## ")]
    assert sections == ["## Report", "## Results", "## Figures", "## Data", "## Reproduce"]
    assert f"## Report\n\n{REPORT}\n\n## Results" in readme
    assert (f"| baseline (logistic regression, numeric columns) | {settings.baseline_public_auc:.3f} | "
            f"{settings.baseline_auc:.3f} |\n"
            "| this project | 0.931 | 0.925 |\n") in readme
    assert "![Figure 1](figures/figure_1.png)\n![Figure 2](figures/figure_2.png)" in readme
    assert settings.data_credit in readme and "22,792 people" in readme and "9,769 without it" in readme
    assert "pip install -r requirements.txt\njupyter lab income_prediction.ipynb" in readme


def test_the_model_card_gives_the_counted_scores_and_the_limits(exported):
    course, out = exported
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert card.startswith("# Model card: income above $50K\n")
    baseline = course.competition().baseline_auc
    assert ("**Performance**: private ROC-AUC 0.925 on the held-out private rows (public 0.931); "
            f"baseline {baseline:.3f}.") in card
    assert "Not for decisions about real people" in card and "`gender` and `race`" in card


def test_requirements_pin_the_installed_versions(exported):
    _, out = exported
    assert (out / "requirements.txt").read_text().splitlines() == [
        f"{name}=={metadata.version(name)}" for name in REQUIREMENTS]


def test_the_notebook_keeps_the_learners_work_without_the_courses_scaffolding(exported):
    _, out = exported
    notebook = read(out / "income_prediction.ipynb")
    headings = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    assert headings == ["# Predicting income above $50K from census data", "## Clean the data",
                        "## Explore before you model", "## A pipeline that prepares its own data",
                        "## Choose by cross-validation", "## Predict probabilities",
                        "## Write a submission file", "## Your final submission", "## Report", REPORT]
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    answers = reference_answers(SOURCE)
    assert code[0] == STANDALONE_SETUP
    assert code[1:] == [answers["q1-answer"], EXPLORATION, answers["q2-answer"], answers["q3-answer"],
                        answers["q4-answer"], answers["q5-answer"], answers["q6-answer"],
                        'make_submission("submission.csv")\npd.read_csv("submission.csv").head()']
    assert all("nbgrader" not in cell.metadata for cell in notebook.cells)


def test_nothing_course_private_reaches_the_folder(exported):
    _, out = exported
    written = texts(out)
    assert set(written) == {MARKER, "MODEL_CARD.md", "README.md", "income_prediction.ipynb",
                            "requirements.txt"}
    hidden = hidden_lines(SOURCE)
    assert hidden
    for name, text in written.items():
        for forbidden in ("mlcourse", "nbgrader", "YOUR ANSWER HERE", ".hint(", ".check(", *SOLUTION_MARKERS):
            assert forbidden not in text, (name, forbidden)
        assert not [line for line in hidden if line in text], name
    assert not list(out.rglob("*labels*"))


def test_the_export_refuses_a_folder_it_did_not_write(exported, tmp_path):
    course, _ = exported
    mine = tmp_path / "my-project"
    mine.mkdir()
    (mine / "notes.md").write_text("my own notes")
    with pytest.raises(CourseError, match="exists and is not a portfolio this command wrote"):
        export_portfolio(course, "ada", mine)
    assert [p.name for p in mine.iterdir()] == ["notes.md"]


def test_the_export_replaces_its_own_folder_and_fills_an_empty_one(exported, tmp_path):
    course, first = exported
    again = tmp_path / "again"
    shutil.copytree(first, again)
    (again / "stale.txt").write_text("from an earlier export")
    export_portfolio(course, "ada", again)
    assert not (again / "stale.txt").exists() and (again / "README.md").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export_portfolio(course, "ada", empty) == empty and (empty / MARKER).is_file()


def test_a_capstone_not_scored_nor_written_up_says_so(tmp_path):
    course = capstone_course(tmp_path / "course", "ben", report="YOUR ANSWER HERE", figures=False)
    out = export_portfolio(course, "ben", tmp_path / "ben")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Report\n\n_The written report is still empty._\n" in readme
    assert "| this project | not scored yet | not scored yet |" in readme
    assert "## Figures\n\n_No figures yet._\n" in readme
    baseline = course.competition().baseline_auc
    assert f"**Performance**: not scored yet; baseline {baseline:.3f}." in (out / "MODEL_CARD.md").read_text()
    assert not (out / "figures").exists()


def test_a_learner_without_an_autograded_capstone_gets_nothing(tmp_path):
    course = capstone_course(tmp_path / "course")
    with pytest.raises(CourseError, match="ben has no autograded capstone .* autograde it first"):
        export_portfolio(course, "ben", tmp_path / "ben")
    assert not (tmp_path / "ben").exists()


def test_the_command_writes_to_portfolios_by_default(tmp_path, monkeypatch, capsys):
    course = capstone_course(tmp_path / "course")
    monkeypatch.chdir(tmp_path)
    assert main(["--course", str(course.root), "portfolio", "ada"]) == 0
    out = tmp_path / "portfolios" / "ada"
    assert capsys.readouterr().out == f"wrote the portfolio of ada to {out}\n"
    assert (out / "README.md").is_file() and (out / MARKER).is_file()


@pytest.mark.parametrize("title, heading", [
    ("## Exercise 2 · Clean it (2 points)\n\nMore text.", "## Clean it"),
    ("## Exercise 4 · Predict probabilities (1 point)", "## Predict probabilities"),
    ("## Explore before you model\n\nNot graded.", "## Explore before you model"),
    ("# Exercise 10 · Ten (10 points)", "## Ten"),
])
def test_an_exercise_title_becomes_a_plain_heading(title, heading):
    assert _section_heading(title) == heading


def test_the_written_report_is_empty_while_it_is_the_placeholder():
    assert written_report(autograded(report="  YOUR ANSWER HERE\n")) == ""
    assert written_report(autograded(report=f"\n{REPORT}\n")) == REPORT


def test_the_public_notebook_starts_with_the_title_and_drops_the_grading_metadata():
    notebook = public_notebook(autograded(), "My title")
    assert notebook.cells[0].source == "# My title"
    assert written_report(notebook) == ""  # no cell is the course's written answer any more
    assert REPORT in [cell.source for cell in notebook.cells]
