"""feedback_labels.LabelExercises: each score in the feedback named by its exercise.

Most tests run the preprocessor on an in-memory notebook whose cells carry the metadata nbgrader's
GetGrades leaves (grade_id, score, points, comment); the last one runs a real ``nbgrader
generate_feedback`` over a gradebook and an autograded notebook made without a kernel.
"""
from __future__ import annotations

import copy
import html
import re
import shutil
import warnings

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets.config.loader import PyFileConfigLoader

from mlcourse.instructor.feedback_labels import LABEL_MARK, LabelExercises, cell_label
from tests.conftest import REPO
from tests.unit.gradebooks import grade, scratch, submit

HIDDEN = "### BEGIN HIDDEN TESTS\nrecord('secret', mass_kg(4200))\n### END HIDDEN TESTS"


def meta(grade_id: str, *, grade: bool = False, solution: bool = False, task: bool = False, points=None,
         score=None, comment=None) -> dict:
    nbgrader = {"grade_id": grade_id, "grade": grade, "solution": solution, "task": task,
                "locked": not solution, "schema_version": 3}
    if points is not None:
        nbgrader |= {"points": points, "score": score}
    if comment is not None:
        nbgrader["comment"] = comment
    return {"nbgrader": nbgrader}


def graded_notebook():
    """A python_for_ml feedback notebook as GetGrades leaves it: q1 right, q3 half right with a comment
    on its answer, the written answer graded, and the capstone's competition task."""
    return new_notebook(cells=[
        new_markdown_cell("# Assignment 1", metadata=meta("intro")),
        new_markdown_cell("## Exercise 1 · Functions (1 point)", metadata=meta("q1-text")),
        new_code_cell("def mass_kg(grams):\n    return grams / 1000",
                      metadata=meta("q1-answer", solution=True)),
        new_code_cell(f"q1.check(mass_kg)\n{HIDDEN}",
                      metadata=meta("q1-tests", grade=True, points=1, score=1.0),
                      outputs=[new_output("stream", name="stdout", text="✓ q1: the visible checks pass.\n")]),
        new_code_cell("def count_by(rows, column):\n    ...",
                      metadata=meta("q3-answer", solution=True, comment="Nice use of dict.get.")),
        new_code_cell(f"q3.check(count_by)\n{HIDDEN}",
                      metadata=meta("q3-tests", grade=True, points=2, score=1.0),
                      outputs=[new_output("error", ename="AssertionError", evalue="",
                                          traceback=["AssertionError: a hidden test failed."])]),
        new_markdown_cell("My answer", metadata=meta("written-answer", grade=True, solution=True, points=3,
                                                      score=2.5, comment="Clear.")),
        new_markdown_cell("Your competition score", metadata=meta("competition-score", task=True, points=10,
                                                                   score=None)),
    ])


def label(notebook, assignment="python_for_ml"):
    labelled, resources = LabelExercises().preprocess(notebook, {"nbgrader": {"assignment": assignment}})
    assert resources == {"nbgrader": {"assignment": assignment}}
    return labelled


def added(notebook):
    return [cell for cell in notebook.cells if cell.metadata.get(LABEL_MARK)]


@pytest.mark.parametrize("assignment, cell_id, expected", [
    ("python_for_ml", "q3-tests", "Exercise q3 · Count values with a dict"),
    ("python_for_ml", "q3-answer", "Exercise q3 · Count values with a dict"),
    ("capstone", "q2-tests", "Exercise q2 · A pipeline that prepares its own data"),
    ("python_for_ml", "q9-tests", "Exercise q9"),  # not in the catalog: the name alone
    ("no_such_unit", "q1-tests", "Exercise q1"),
    ("python_for_ml", "written-answer", "Written answer"),
    ("capstone", "competition-score", "Competition score"),
])
def test_each_graded_cell_is_called_what_the_learner_knows(assignment, cell_id, expected):
    assert cell_label(assignment, cell_id) == expected


def test_the_scores_are_listed_by_exercise_after_the_title():
    cells = label(graded_notebook()).cells
    assert cells[0].source == "# Assignment 1"
    assert cells[1].metadata[LABEL_MARK] and cells[1].source.splitlines() == [
        "### Your scores by exercise",
        "",
        r"- [Exercise q1 · Convert grams to kilograms](#q1-tests): 1 / 1",
        r"- [Exercise q3 · Count values with a dict](#q3-tests): 1 / 2 ([comment](#comment-q3-answer))",
        r"- [Written answer](#written-answer): 2.5 / 3 ([comment](#comment-written-answer))",
        r"- [Competition score](#competition-score): not graded yet (of 10)",
    ]


def test_each_test_cell_is_headed_by_its_exercise():
    cells = label(graded_notebook()).cells
    ids = [cell.metadata.get("nbgrader", {}).get("grade_id") or cell.source for cell in cells]
    q1, q3 = ids.index("q1-tests"), ids.index("q3-tests")
    assert cells[q1 - 1].source == "#### Exercise q1 · Convert grams to kilograms: tests"
    assert cells[q3 - 1].source == "#### Exercise q3 · Count values with a dict: tests"
    assert len(added(label(graded_notebook()))) == 3  # the list and two headings: nothing else is added


def test_the_graded_cells_themselves_are_left_as_they_were():
    original = graded_notebook()
    labelled = label(copy.deepcopy(original))
    assert [c for c in labelled.cells if not c.metadata.get(LABEL_MARK)] == original.cells


def test_nothing_of_a_test_cell_but_its_name_and_score_is_shown_again():
    for cell in added(label(graded_notebook())):
        assert "secret" not in cell.source and "HIDDEN" not in cell.source and "check(" not in cell.source
        assert "hidden test failed" not in cell.source


def test_labelling_twice_adds_nothing_twice():
    once = label(graded_notebook())
    shown = lambda notebook: [(c.cell_type, c.source, c.metadata) for c in notebook.cells]  # noqa: E731
    assert shown(label(copy.deepcopy(once))) == shown(once)


def test_a_notebook_without_graded_cells_is_unchanged():
    notebook = new_notebook(cells=[new_markdown_cell("# Lesson"), new_code_cell("1 + 1")])
    assert label(copy.deepcopy(notebook)).cells == notebook.cells


def test_markdown_in_a_title_is_shown_literally():
    odd = new_code_cell("", metadata=meta("a_[b]-c*d", grade=True, points=1, score=0))
    notebook = new_notebook(cells=[odd])
    (summary, heading, _) = label(notebook).cells
    assert r"A \[b\]" in summary.source and "(#" not in summary.source  # an odd grade_id gets no link
    assert summary.source.endswith(r"A \[b\] c\*d: 0 / 1")


def test_the_course_labels_feedback_after_hiding_the_tests_and_before_sanitizing():
    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    steps = [step.rsplit(".", 1)[-1] for step in config.GenerateFeedback.preprocessors]
    assert steps.index("ClearHiddenTests") < steps.index("RedactHiddenTestErrors") < steps.index(
        "LabelExercises") < steps.index("SanitizeHTML")


@pytest.mark.slow
def test_nbgrader_feedback_names_each_exercise_and_still_hides_the_tests(tmp_path):
    """A real ``nbgrader generate_feedback``: the assignment generated from the course's source, a
    submission graded in the gradebook, the autograded notebook written without running a kernel."""
    warnings.filterwarnings("ignore", module="nbgrader.api")
    course = scratch(tmp_path / "course", "python_for_ml")
    shutil.copy2(REPO / "source" / "python_for_ml" / "python_for_ml.ipynb", course.source / "python_for_ml")
    course.nbgrader("generate_assignment", "python_for_ml", "--force")
    with course.gradebook() as gb:
        submit(gb, "python_for_ml", "ada")
        grade(gb, "python_for_ml", "ada", {"q1-tests": 1, "q2-tests": 0, "q3-tests": 2, "q4-tests": 2,
                                           "q5-tests": 1, "q6-tests": 2, "written-answer": None})
        gb.find_comment("q3-answer", "python_for_ml", "python_for_ml", "ada").manual_comment = "Nice."
        gb.db.commit()
    notebook = nbformat.read(REPO / "source" / "python_for_ml" / "python_for_ml.ipynb", as_version=4)
    hidden_lines = set()
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q2-tests":
            cell.outputs = [new_output("error", ename="AssertionError", evalue="expected [{'a': 1}]",
                                       traceback=["----> 4 assert complete_rows(...) == [{'a': 1}]"])]
        if "### BEGIN HIDDEN TESTS" in cell.source:
            inside = cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
            hidden_lines |= {line.strip() for line in inside.splitlines() if line.strip()}
    autograded = course.root / "autograded" / "ada" / "python_for_ml"
    autograded.mkdir(parents=True)
    nbformat.write(notebook, autograded / "python_for_ml.ipynb")
    assert course.api().generate_feedback("python_for_ml", student_id="ada")["success"]

    text = html.unescape((course.root / "feedback" / "ada" / "python_for_ml" / "python_for_ml.html")
                         .read_text(encoding="utf-8"))
    assert "Your scores by exercise" in text
    assert '<a href="#q2-tests">Exercise q2 · Keep complete rows</a>: 0 / 1' in text
    assert '<a href="#comment-q3-answer">comment</a>' in text
    assert re.search(r"Exercise q2 · Keep complete rows: tests.*?<a name=\"q2-tests\">", text, flags=re.S)
    assert text.count(": tests") >= 6
    assert hidden_lines and not any(line in text for line in hidden_lines)
    assert "HIDDEN TESTS" not in text and "[{'a': 1}]" not in text
