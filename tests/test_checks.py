"""The visible checks, run in-process on every exercise: the reference passes, the released stub
and each plausible wrong answer fail with the intended message (not an error from the check)."""
from __future__ import annotations

import functools
import importlib
import re

import pytest

from mlcourse.exercise import PROGRAMMING, REGISTRY, Exercise, Mistake, call
from mlcourse.exercises import catalog
from tests.conftest import ASSIGNMENTS, REPO
from tests.mutation import MUTATED, mutating_answer
from tests.notebooks import answer_cells, grade_id, read, reference_answers


def exercise_cells(assignment):
    """(exercise, reference code, released stub code, wrong answer) for each graded code answer."""
    source = read(REPO / "source" / assignment / f"{assignment}.ipynb")
    released = answer_cells(read(REPO / "release" / assignment / f"{assignment}.ipynb"))
    wrong = importlib.import_module(f"tests.answers.{assignment}").WRONG
    reference = reference_answers(source)
    for gid, cell in answer_cells(source).items():
        if cell.cell_type == "code":
            exercise = catalog.find(assignment, gid.removesuffix("-answer"))
            yield pytest.param(assignment, exercise, reference[gid], released[gid].source, wrong[gid],
                               id=f"{assignment}-{gid}")


CASES = [case for assignment in ASSIGNMENTS for case in exercise_cells(assignment)]


@functools.cache
def notebook_namespace(assignment) -> dict:
    """The names the setup cell and every reference answer define, computed once per assignment."""
    namespace = {}
    source = read(REPO / "source" / assignment / f"{assignment}.ipynb")
    for cell in source.cells:
        if cell.cell_type == "code" and grade_id(cell) == "setup":
            exec(cell.source, namespace)
    code_answers = {gid for gid, cell in answer_cells(source).items() if cell.cell_type == "code"}
    for gid, answer in reference_answers(source).items():
        if gid in code_answers:
            exec(answer, namespace)
    return namespace


def define(assignment, code):
    """Run ``code`` after the setup cell and every reference answer; return the function it defines.

    The reference answers come first so that an answer building on earlier ones (the capstone's
    final submission uses the learner's cleaning and pipeline) finds them, as in the notebook.
    The function is the one named by the last top-level ``def`` of ``code``.
    """
    namespace = dict(notebook_namespace(assignment))
    exec(code, namespace)
    (name,) = re.findall(r"^def (\w+)\(", code, flags=re.MULTILINE)[-1:]
    return namespace[name]


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_reference_passes_the_visible_check(assignment, exercise, reference, stub, wrong, capsys):
    exercise.check(define(assignment, reference))
    assert "✓" in capsys.readouterr().out


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_released_stub_is_told_to_write_code(assignment, exercise, reference, stub, wrong):
    with pytest.raises(Mistake, match="still raises NotImplementedError"):
        exercise.check(define(assignment, stub))


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_wrong_answer_gets_the_intended_message(assignment, exercise, reference, stub, wrong):
    with pytest.raises(Mistake) as failure:
        exercise.check(define(assignment, wrong.code))
    assert wrong.message in str(failure.value)
    assert str(failure.value).startswith(exercise.name)


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_a_valid_answer_in_another_form_passes_the_visible_check(assignment, exercise, reference, stub,
                                                                 wrong, capsys):
    """Another dtype, container or correct method (tests/answers ALTERNATIVES): as right as the reference."""
    alternative = battery(assignment, "ALTERNATIVES")[f"{exercise.name}-answer"]
    assert alternative.strip() != reference.strip()
    exercise.check(define(assignment, alternative))
    assert "✓" in capsys.readouterr().out


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_an_answer_right_on_the_first_visible_input_only_is_caught_by_the_check(assignment, exercise,
                                                                                reference, stub, wrong):
    """Each check tries a second, differently shaped input, so an answer fitted to the first one (a
    hard-coded class count, a skipped zero) is told before submission (tests/answers VISIBLE_ONLY)."""
    narrow = battery(assignment, "VISIBLE_ONLY")[f"{exercise.name}-answer"]
    with pytest.raises(Mistake) as failure:
        exercise.check(define(assignment, narrow.code))
    assert narrow.message in str(failure.value)


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_an_answer_that_changes_its_arguments_is_told_so(assignment, exercise, reference, stub, wrong,
                                                         capsys):
    """The reference, changed to alter every data argument after answering (tests/mutation.py): the check
    names the change, unless the exercise asks for a change in place (CHANGES_IN_PLACE) or its check hands
    the function no data."""
    changing = define(assignment, mutating_answer(reference))
    try:
        exercise.check(changing)
    except Mistake as failure:
        told = str(failure)
    else:
        told = ""
    if MUTATED not in capsys.readouterr().out:
        assert not told, f"the function changed nothing, yet the check said: {told}"
    elif f"{exercise.name}-answer" not in battery(assignment, "CHANGES_IN_PLACE"):
        assert "changed the" in told, f"the check did not tell an answer that changes its input: {told!r}"


def battery(assignment: str, name: str):
    """One of the answer collections of tests/answers/<assignment>.py (see tests/answers/__init__.py)."""
    module = importlib.import_module(f"tests.answers.{assignment}")
    if name == "CHANGES_IN_PLACE":
        return getattr(module, name, frozenset())
    assert hasattr(module, name), f"tests/answers/{assignment}.py defines no {name}"
    return getattr(module, name)


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_every_exercise_has_hints_from_gentle_to_explicit(assignment, exercise, reference, stub, wrong,
                                                          capsys):
    assert len(exercise.hints) >= 2
    exercise.hint()
    first = capsys.readouterr().out
    assert exercise.hints[0] in first and f"{exercise.name}.hint(2)" in first
    exercise.hint(99)
    assert exercise.hints[-1] in capsys.readouterr().out


@pytest.mark.parametrize("assignment, exercise, reference, stub, wrong", CASES)
def test_no_hint_gives_the_solution_away(assignment, exercise, reference, stub, wrong):
    """Hint 1 nudges, hint 2 narrows: together they show fewer than half of the reference solution's
    working lines (a line of 20 characters or more, other than a def, docstring, import or return)."""
    lines = solving_lines(reference)
    hints = "".join("".join(hint.split()) for hint in exercise.hints)
    shown = [line for line in lines if "".join(line.split()) in hints]
    assert len(shown) < max(1, len(lines)) / 2 or not lines, f"the hints show {len(shown)} of {len(lines)} " \
        f"working lines of the solution: {shown}"


def solving_lines(code: str) -> list[str]:
    """The lines of a solution that do the work (see test_no_hint_gives_the_solution_away)."""
    skipped = ("#", "def ", '"""', "import ", "from ", "class ", "return ", "raise ", "###")
    return [line.strip() for line in code.splitlines()
            if len("".join(line.split())) >= 20 and not line.strip().startswith(skipped)
            and not line.strip().endswith('"""')]


def test_an_unknown_skill_is_refused_when_the_exercise_is_defined():
    with pytest.raises(ValueError, match="skill 'juggling' is not one of"):
        Exercise("demo", "q9", "demo", "juggling", ["a", "b"], lambda function: None)


def test_passing_the_result_instead_of_the_function_is_explained():
    exercise = Exercise("demo", "q9", "demo", PROGRAMMING, ["a", "b"], lambda function: None)
    with pytest.raises(Mistake, match="pass your function itself"):
        exercise.check(42)


def test_a_crash_in_the_learners_code_is_reported_with_the_call():
    def checker(function):
        call(function, [1, 2], advice="Check the input type.")

    def broken(rows):
        return {}["x"]

    exercise = Exercise("demo", "q9", "demo", PROGRAMMING, ["a", "b"], checker)
    with pytest.raises(Mistake, match=r"q9 \(demo\): `broken\(\[1, 2\]\)` raised KeyError: 'x'\. "
                                      r"Check the input type\."):
        exercise.check(broken)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_assignment_declares_its_exercises_in_the_catalog(assignment):
    """The registry holds exactly the exercises the check module exports, each under its own name."""
    module = importlib.import_module(f"mlcourse.exercises.{assignment}")
    exported = {name for name in module.__all__ if isinstance(getattr(module, name), Exercise)}
    assert set(catalog.exercises(assignment)) == exported and exported
    for name, exercise in catalog.exercises(assignment).items():
        assert (exercise.assignment, exercise.name) == (assignment, name)
        assert getattr(module, name) is exercise
    assert set(REGISTRY) >= set(ASSIGNMENTS)
