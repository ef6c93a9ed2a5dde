"""The learner's lab extension: Validate tells a lesson apart from an assignment; Submit warns once, by
exercise, when checks fail, and submits on the second request. (The browser walk proves it in JupyterLab.)"""

from __future__ import annotations

import nbformat

from mlcourse import learner_lab
from mlcourse.learner_lab import failing_exercises, has_graded_cells, held_back


def notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nbformat.write(nb, path)
    return path


def test_a_lesson_has_no_graded_cells_an_assignment_has(tmp_path):
    lesson = notebook(tmp_path / "lesson.ipynb", nbformat.v4.new_markdown_cell("# Lesson"),
                      nbformat.v4.new_code_cell("1 + 1"))
    test = nbformat.v4.new_code_cell("q1.check(f)")
    test.metadata["nbgrader"] = {"grade": True, "grade_id": "q1-tests", "points": 2, "solution": False}
    assignment = notebook(tmp_path / "assignment.ipynb", test)
    assert not has_graded_cells(lesson)
    assert has_graded_cells(assignment)


def test_failing_exercises_are_named_from_nbgraders_validation():
    validation = {"failed": [{"source": "q2.check(complete_rows)\n", "error": "Mistake: ..."},
                             {"source": "assert x == 1", "error": "AssertionError"}]}
    assert failing_exercises(validation) == ["q2", "a test cell"]
    assert failing_exercises({}) == []
    assert failing_exercises({"changed": [{"source": "import numpy"}]}) == [
        "a cell that should not be edited was changed"]


def test_submit_is_held_back_once_for_the_same_failures_then_goes_through():
    learner_lab._WARNED.clear()
    key = ("ml-internship", "python_for_ml")
    first = held_back(key, ["q2", "q5"])
    assert "Not submitted yet" in first and "q2, q5" in first and "Submit again" in first
    assert held_back(key, ["q2", "q5"]) is None  # the learner chose to hand it in as it is
    assert held_back(key, ["q2"]) is not None  # other failures: told again
    assert held_back(key, []) is None  # every check passes: submitted at once
    assert held_back(key, ["q2"]) is not None  # a warning given before passing does not count later


def test_validate_on_a_lesson_says_there_is_nothing_to_validate(tmp_path):
    lesson = notebook(tmp_path / "01_lesson.ipynb", nbformat.v4.new_code_cell("1 + 1"))

    class Handler:
        root_dir = str(tmp_path)

    validate = learner_lab._validate_notebook(lambda handler, path: {"success": True, "value": {}})
    answer = validate(Handler(), lesson.name)
    assert answer == {"success": False, "value": learner_lab.LESSON_MESSAGE.format(name="01_lesson.ipynb")}
    graded = nbformat.v4.new_code_cell("q1.check(f)")
    graded.metadata["nbgrader"] = {"grade": True, "grade_id": "q1-tests", "points": 1, "solution": False}
    notebook(tmp_path / "unit.ipynb", graded)
    assert validate(Handler(), "unit.ipynb") == {"success": True, "value": {}}  # nbgrader's own answer
