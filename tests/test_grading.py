"""Grading through nbgrader itself, per assignment: the reference earns full marks, the released
stub earns zero, each plausible wrong answer loses its exercise's points with the intended message,
and feedback never reveals a hidden test."""
from __future__ import annotations

import copy
import html
import importlib
import shutil

import nbformat
import pytest

from mlcourse.instructor.cells import answer_cells, is_graded_code
from mlcourse.instructor.grading import autograde_all, generate_feedback
from tests.conftest import ASSIGNMENTS
from tests.mutation import MUTATED, mutating_answer
from tests.notebooks import fill, grade_id, hidden_lines, read, reference_answers

pytestmark = pytest.mark.slow  # Jupyter kernels, notebooks or nbgrader commands



def submit(course, student, assignment, notebook):
    folder = course.root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / f"{assignment}.ipynb")


#: A learner's first cell that switches every visible check off: points must not change (hidden tests decide).
CHECKS_OFF = "import mlcourse.exercise\nmlcourse.exercise.Exercise.check = lambda self, function: None\n"
LEARNERS = ["reference", "stub", "wrong", "subtle", "unchecked", "alternative", "narrow", "narrow_unchecked"]


def without_checks(notebook):
    """A copy of a submission whose first cell turns the visible checks into no-ops."""
    notebook = copy.deepcopy(notebook)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(CHECKS_OFF))
    return notebook


def mutator(answer_cell: str) -> str:
    """The learner whose answer to ``answer_cell`` changes its arguments in place (tests/mutation.py)."""
    return "mutates_" + answer_cell.removesuffix("-answer")


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, released_course):
    """The learners of :data:`LEARNERS` submit ``assignment`` and are autograded: reference, stub, wrong,
    subtle, the wrong answers again with every visible check switched off (unchecked), the valid
    answers in another form (alternative), the answers right on the checks' first input only (narrow,
    and narrow_unchecked), and one learner per exercise whose answer changes its arguments in place."""
    assignment, course = request.param, released_course
    answers = importlib.import_module(f"tests.answers.{assignment}")
    source = read(course.source / assignment / f"{assignment}.ipynb")
    released = read(course.release / assignment / f"{assignment}.ipynb")
    reference = reference_answers(source)
    subtle_cell, subtle_code = answers.PASSES_VISIBLE_FAILS_HIDDEN
    submit(course, "reference", assignment, fill(released, reference))
    submit(course, "stub", assignment, released)
    wrong = fill(released, {gid: w.code for gid, w in answers.WRONG.items()})
    submit(course, "wrong", assignment, wrong)
    submit(course, "unchecked", assignment, without_checks(wrong))
    submit(course, "subtle", assignment, fill(released, {**reference, subtle_cell: subtle_code}))
    submit(course, "alternative", assignment, fill(released, {**reference, **answers.ALTERNATIVES}))
    narrow = fill(released, {**reference, **{gid: w.code for gid, w in answers.VISIBLE_ONLY.items()}})
    submit(course, "narrow", assignment, narrow)
    submit(course, "narrow_unchecked", assignment, without_checks(narrow))
    mutators = [mutator(gid) for gid in answers.WRONG]
    for gid in answers.WRONG:
        submit(course, mutator(gid), assignment,
               fill(released, {**reference, gid: mutating_answer(reference[gid])}))
    outcomes = autograde_all(course, assignment, LEARNERS + mutators, progress=lambda line: None)
    generate_feedback(course, assignment)
    yield course, assignment, answers, source, {o.student: o for o in outcomes}
    for folder in ("submitted", "autograded", "feedback"):
        shutil.rmtree(course.root / folder, ignore_errors=True)


def scores(course, assignment, student) -> dict[str, tuple[float, float]]:
    """grade_id -> (score, max score) of every graded cell of a learner's submission."""
    with course.gradebook() as gradebook:
        notebook = gradebook.find_submission_notebook(assignment, assignment, student)
        return {g.name: (g.score, g.max_score) for g in notebook.grades}


def autograded_cells(course, assignment, student) -> dict[str, nbformat.NotebookNode]:
    notebook = read(course.root / "autograded" / student / assignment / f"{assignment}.ipynb")
    return {grade_id(c): c for c in notebook.cells if grade_id(c)}


def error_text(cell) -> str:
    return "\n".join("\n".join(o.get("traceback", [])) + o.get("evalue", "")
                     for o in cell.get("outputs", []) if o.output_type == "error")


def test_every_submission_was_graded(graded):
    *_, outcomes = graded
    assert all(o.graded for o in outcomes.values()), {s: o.status for s, o in outcomes.items()}


def test_reference_solution_earns_every_autograded_point(graded):
    course, assignment, _, source, _ = graded
    test_cells = {grade_id(c) for c in source.cells if is_graded_code(c)}
    earned = scores(course, assignment, "reference")
    assert test_cells, "the assignment has no auto-graded test cells"
    for cell in test_cells:
        assert earned[cell][0] == earned[cell][1] > 0, f"{cell}: {earned[cell]}"


def test_released_stub_earns_zero(graded):
    course, assignment, *_ = graded
    earned = scores(course, assignment, "stub")
    assert sum(score for score, _ in earned.values()) == 0, earned


def test_each_wrong_answer_loses_its_exercise_with_the_intended_message(graded):
    course, assignment, answers, source, _ = graded
    code_answers = {gid for gid, c in answer_cells(source).items() if c.cell_type == "code"}
    assert set(answers.WRONG) == code_answers, "every graded code exercise needs a plausible wrong answer"
    earned = scores(course, assignment, "wrong")
    cells = autograded_cells(course, assignment, "wrong")
    for answer_cell, wrong in answers.WRONG.items():
        tests = answer_cell.replace("-answer", "-tests")
        assert earned[tests][0] == 0 < earned[tests][1], f"{tests} kept points for a wrong answer"
        shown = error_text(cells[tests])
        assert wrong.message in shown, f"{tests} showed:\n{shown}"
        assert "Mistake" in shown and "NameError" not in shown


def test_points_come_from_hidden_tests_alone_switching_checks_off_changes_no_score(graded):
    """Visible checks are feedback: the grader's comparison of hidden results alone decides every point,
    so a learner who disables the checks still loses each wrong exercise."""
    course, assignment, *_ = graded
    unchecked, wrong = scores(course, assignment, "unchecked"), scores(course, assignment, "wrong")
    assert unchecked == wrong


def test_hidden_tests_catch_what_visible_checks_miss_and_only_that_exercise_loses(graded):
    course, assignment, answers, _, _ = graded
    subtle_tests = answers.PASSES_VISIBLE_FAILS_HIDDEN[0].replace("-answer", "-tests")
    earned = scores(course, assignment, "subtle")
    for cell, (score, maximum) in earned.items():
        if cell == subtle_tests:
            assert score == 0 < maximum
        elif cell.endswith("-tests"):
            assert score == maximum, f"{cell} lost points it should keep"
    shown = error_text(autograded_cells(course, assignment, "subtle")[subtle_tests])
    assert "✓" in "".join(o.get("text", "")
                          for o in autograded_cells(course, assignment, "subtle")[subtle_tests].outputs)
    assert "HiddenTestFailed" in shown


def test_valid_answers_in_another_form_earn_full_marks(graded):
    """Another dtype, container or correct method: no point lost (tests/answers ALTERNATIVES)."""
    course, assignment, answers, *_ = graded
    assert set(answers.ALTERNATIVES) == set(answers.WRONG), "every code exercise needs a valid alternative"
    earned = scores(course, assignment, "alternative")
    lost = {cell: points for cell, points in earned.items()
            if cell.endswith("-tests") and points[0] < points[1]}
    assert not lost, f"valid alternative answers lost points: {lost}"


def test_answers_right_on_the_first_visible_input_only_lose_their_points(graded):
    """A check's second input tells such an answer before submission; the hidden tests fail it alone."""
    course, assignment, answers, *_ = graded
    assert set(answers.VISIBLE_ONLY) == set(answers.WRONG), "every code exercise needs a narrow answer"
    cells = autograded_cells(course, assignment, "narrow")
    for learner in ("narrow", "narrow_unchecked"):
        earned = scores(course, assignment, learner)
        for answer_cell, narrow in answers.VISIBLE_ONLY.items():
            tests = answer_cell.replace("-answer", "-tests")
            assert earned[tests][0] == 0 < earned[tests][1], f"{learner}: {tests} kept points"
            if learner == "narrow":
                assert narrow.message in error_text(cells[tests]), error_text(cells[tests])


def test_an_answer_that_changes_its_arguments_is_told_and_changes_no_other_exercise(graded):
    """For every exercise, an answer that changes each argument in place after answering: its own check
    says so, and every other exercise keeps all its points (checks and hidden tests work on copies)."""
    course, assignment, answers, *_ = graded
    for answer_cell in answers.WRONG:
        learner, own = mutator(answer_cell), answer_cell.replace("-answer", "-tests")
        earned = scores(course, assignment, learner)
        lost = {cell: points for cell, points in earned.items()
                if cell.endswith("-tests") and cell != own and points[0] < points[1]}
        assert not lost, f"{answer_cell} changing its arguments cost other exercises points: {lost}"
        cell = autograded_cells(course, assignment, learner)[own]
        printed = "".join(output.get("text", "") for output in cell.outputs)
        if MUTATED in printed and answer_cell not in getattr(answers, "CHANGES_IN_PLACE", ()):
            assert "changed the" in error_text(cell), f"{own} did not tell the change: {error_text(cell)}"
        elif MUTATED not in printed:
            assert earned[own][0] == earned[own][1], f"{own} lost points, yet nothing was changed"


@pytest.mark.parametrize("student", ["stub", "wrong", "subtle"])
def test_feedback_never_shows_hidden_tests(graded, student):
    course, assignment, _, source, _ = graded
    feedback = (course.root / "feedback" / student / assignment / f"{assignment}.html").read_text(
        encoding="utf-8")
    secrets = hidden_lines(source)
    assert secrets, "the assignment has no hidden tests"
    for line in secrets:
        assert line not in feedback and html.escape(line) not in feedback, line
    assert "HIDDEN TESTS" not in feedback


def test_feedback_keeps_the_learner_facing_messages(graded):
    course, assignment, answers, _, _ = graded
    feedback = html.unescape((course.root / "feedback" / "wrong" / assignment / f"{assignment}.html")
                             .read_text(encoding="utf-8"))
    for wrong in answers.WRONG.values():
        assert wrong.message in feedback
    subtle = (course.root / "feedback" / "subtle" / assignment / f"{assignment}.html").read_text(
        encoding="utf-8")
    assert "a hidden test failed" in subtle


def test_a_renamed_notebook_scores_zero_and_says_what_was_found(released_course):
    course, assignment = released_course, ASSIGNMENTS[0]
    folder = course.root / "submitted" / "renamer" / assignment
    folder.mkdir(parents=True)
    released = read(course.release / assignment / f"{assignment}.ipynb")
    answered = fill(released, reference_answers(read(course.source / assignment / f"{assignment}.ipynb")))
    nbformat.write(answered, folder / f"{assignment}-Copy1.ipynb")
    try:
        (outcome,) = autograde_all(course, assignment, ["renamer"], progress=lambda line: None)
        assert not outcome.graded
        assert (f"{assignment}.ipynb is missing from the submission (it holds {assignment}-Copy1.ipynb)"
                in outcome.status)
        with course.gradebook() as gradebook:
            assert gradebook.find_submission(assignment, "renamer").score == 0
    finally:
        shutil.rmtree(course.root / "submitted" / "renamer")
