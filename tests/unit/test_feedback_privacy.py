"""feedback_privacy.RedactHiddenTestErrors: the error outputs of graded test cells, as learners get them back.

The preprocessor runs on an in-memory notebook whose cells carry nbgrader metadata, as in an
autograded submission; no nbgrader command is run.
"""
from __future__ import annotations

import copy
import json

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from mlcourse.instructor.feedback_privacy import RedactHiddenTestErrors

HIDDEN_TRACEBACK = [
    "\x1b[0;31mAssertionError\x1b[0m Traceback (most recent call last)",
    "Cell In[7], line 3\n----> 3 assert mass_kg(4200) == 4.2, 'expected 4.2'",
    "\x1b[0;31mAssertionError\x1b[0m: expected 4.2",
]


def grading(grade_id: str, *, grade: bool, solution: bool, points: int = 1) -> dict:
    meta = {"grade": grade, "solution": solution, "locked": not solution, "grade_id": grade_id,
            "schema_version": 3}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def error(ename: str, evalue: str, traceback: list[str] | None = None):
    return new_output("error", ename=ename, evalue=evalue, traceback=traceback or [f"{ename}: {evalue}"])


def graded_test_cell(*outputs):
    return new_code_cell("q1.check(mass_kg)\nassert mass_kg(4200) == 4.2", outputs=list(outputs),
                         metadata=grading("q1-tests", grade=True, solution=False))


def redact(*cells):
    notebook = new_notebook(cells=list(cells))
    redacted, resources = RedactHiddenTestErrors().preprocess(notebook, {})
    assert resources == {}
    return redacted


def only_error(cell):
    (output,) = [o for o in cell.outputs if o.output_type == "error"]
    return output


def test_a_failed_hidden_assert_becomes_the_neutral_note_without_its_traceback():
    cell = redact(graded_test_cell(error("AssertionError", "expected 4.2", HIDDEN_TRACEBACK))).cells[0]
    output = only_error(cell)
    assert output.ename == "AssertionError" and output.evalue == ""
    assert output.traceback == [
        "AssertionError: a hidden test failed. Your answer passes the visible checks but not every case the "
        "exercise describes; re-read its text for the cases it names."]
    assert "4.2" not in json.dumps(cell.outputs)


def test_any_other_error_of_a_hidden_test_is_neutral_too():
    output = only_error(redact(graded_test_cell(error("TypeError", "expected 4.2, got '4.2'"))).cells[0])
    assert output.traceback[0].startswith("TypeError: a hidden test failed.")
    assert "4.2" not in output.traceback[0] and output.evalue == ""


@pytest.mark.parametrize("ename, evalue", [
    ("Mistake", "q1 (convert grams to kilograms): mass_kg(3750) should be 3.75, not 3750000."),
    ("HiddenTestFailed", "a hidden test failed: 1 of 3 results on the hidden inputs are not the expected "
                         "ones: 'a row whose mass is 0'."),
    ("NotImplementedError", ""),
    ("NameError", "name 'mass_kg' is not defined"),
])
def test_a_learner_facing_error_keeps_its_one_line_message_and_loses_its_traceback(ename, evalue):
    traceback = [f"{ename} Traceback", "----> 1 q1.check(mass_kg)", "File mlcourse/exercises/x.py:12", evalue]
    output = only_error(redact(graded_test_cell(error(ename, evalue, traceback))).cells[0])
    assert output.ename == ename and output.evalue == ""
    assert output.traceback == [f"{ename}: {evalue}"]


def test_a_timeout_becomes_the_timeout_note():
    timeout = error("CellTimeoutError", "A cell timed out while it was being executed, after 30 seconds.",
                    ["CellTimeoutError: ...", "while True: pass"])
    output = only_error(redact(graded_test_cell(timeout)).cells[0])
    assert output.traceback == [
        "CellTimeoutError: this cell ran out of time. Look for a loop that never ends."]


def test_other_outputs_of_a_test_cell_are_kept_in_order():
    printed = new_output("stream", name="stdout", text="✓ q1 (grams to kilograms): the visible checks pass.")
    failed = error("AssertionError", "expected 4.2", HIDDEN_TRACEBACK)
    cell = redact(graded_test_cell(printed, failed)).cells[0]
    assert [o.output_type for o in cell.outputs] == ["stream", "error"]
    assert cell.outputs[0] == printed
    assert cell.source.endswith("assert mass_kg(4200) == 4.2")  # the code is ClearHiddenTests' business


def test_solution_cells_are_untouched():
    answer = new_code_cell("def mass_kg(grams):\n    assert grams > 0, 'expected 4.2'",
                           outputs=[error("AssertionError", "expected 4.2", HIDDEN_TRACEBACK)],
                           metadata=grading("q1-answer", grade=False, solution=True))
    graded_answer = new_code_cell("x = 1",
                                  outputs=[error("ValueError", "expected 4.2", ["ValueError: expected 4.2"])],
                                  metadata=grading("q2-answer", grade=True, solution=True))
    before = copy.deepcopy([answer, graded_answer])
    assert redact(answer, graded_answer).cells == before


def test_cells_without_grading_are_untouched():
    plain = new_code_cell("1 / 0", outputs=[error("ZeroDivisionError", "division by zero", ["1 / 0"])])
    readonly = new_code_cell("import numpy", outputs=[error("ImportError", "no numpy", ["ImportError", "x"])],
                             metadata=grading("setup", grade=False, solution=False))
    markdown = new_markdown_cell("Explain your model.",
                                 metadata=grading("q3-written", grade=True, solution=True))
    before = copy.deepcopy([plain, readonly, markdown])
    assert redact(plain, readonly, markdown).cells == before


def test_each_graded_test_cell_of_a_notebook_is_redacted():
    first = graded_test_cell(error("AssertionError", "expected 4.2", HIDDEN_TRACEBACK))
    second = new_code_cell("assert f() == [1, 2]",
                           outputs=[error("AssertionError", "[1, 2]", ["assert f() == [1, 2]"])],
                           metadata=grading("q2-tests", grade=True, solution=False, points=3))
    notebook = redact(first, new_markdown_cell("## Part 2"), second)
    for index in (0, 2):
        note = only_error(notebook.cells[index]).traceback[0]
        assert note.startswith("AssertionError: a hidden test failed.")
    assert "[1, 2]" not in json.dumps(notebook.cells[2].outputs)


def test_preprocess_cell_works_on_one_cell():
    cell, resources = RedactHiddenTestErrors().preprocess_cell(
        graded_test_cell(error("Mistake", "q1 (title): wrong")), {"key": "value"}, 0)
    assert resources == {"key": "value"}
    assert only_error(cell).traceback == ["Mistake: q1 (title): wrong"]
