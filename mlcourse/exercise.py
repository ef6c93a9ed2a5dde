"""The learner-facing side of a graded exercise: ``check()`` and ``hint()``, and the helpers checks share.

Every graded exercise in the course is an :class:`Exercise`, declared on its visible check with
the :func:`exercise` decorator::

    @exercise("convert grams to kilograms", PROGRAMMING, hints=["gentle hint", "stronger hint"])
    def q1(mass_kg):
        expect(math.isclose(call(mass_kg, 3750), 3.75), "mass_kg(3750) should be 3.75 ...")

The decorated name (``q1``) becomes the exercise: its test cell calls ``q1.check(mass_kg)``, the
learner calls ``q1.hint()`` at any time. A check looks at the *kind* of answer (types, shapes,
properties, the worked example in the exercise text) and names the common mistake it
recognises. It never holds the exact expected values: those live only in the hidden tests of the
source notebook, which learners never receive.

Every declared exercise is also recorded in :data:`REGISTRY` under its assignment (the name of
the module that declares it), which is how the instructor's tools find an exercise's skill.

Where a check runs decides how it answers. In a learner's own kernel (IPython, without nbgrader's
``NBGRADER_EXECUTION``) a check never raises for a wrong answer: it shows a short coloured box
(correct, incorrect, not answered yet), so *Restart and Run All* reaches every exercise, and
:func:`summary` lists how each exercise of the assignment fared. Under nbgrader (Validate,
autograding) and outside IPython (tests), a wrong answer raises :class:`Mistake`, which fails the
cell; IPython shows it as one line, ``Mistake: <message>``, without a traceback into this module.
"""

from __future__ import annotations

import copy
import html
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "COMMUNICATION", "DATA_HANDLING", "ML_ALGORITHMS", "PROGRAMMING", "SKILLS", "STATISTICS", "VISUALIZATION",
    "Exercise", "LAST_CHECKS", "Mistake", "REGISTRY", "call", "close_for_dtype", "exercise", "expect",
    "expect_array", "expect_integer", "expect_number", "expect_pair", "expect_type", "expect_unchanged",
    "is_integer", "is_number", "pipeline_steps", "same_numbers", "same_values", "shown", "summary",
]

# The hard skills an ML internship asks for. Every graded exercise proves one of them, so the
# instructor's skills report can show each learner's mastery per skill from the gradebook.
PROGRAMMING = "programming"
STATISTICS = "statistics and mathematics"
DATA_HANDLING = "data handling"
ML_ALGORITHMS = "ML algorithms"
VISUALIZATION = "data visualization"
COMMUNICATION = "communication"
SKILLS = (PROGRAMMING, STATISTICS, DATA_HANDLING, ML_ALGORITHMS, VISUALIZATION, COMMUNICATION)

#: assignment -> exercise name -> Exercise, filled by :func:`exercise` as each check module is imported.
REGISTRY: dict[str, dict[str, Exercise]] = {}

# What the last check of an exercise found, as :func:`summary` lists it.
PASSED, INCORRECT, NOT_ANSWERED, NOT_RUN = "passed", "incorrect", "not answered", "not run yet"

#: assignment -> exercise name -> (status, message) of the latest check run in this kernel, the
#: assignment checked last at the end; the message is the mistake's ("" when the check passed).
LAST_CHECKS: dict[str, dict[str, tuple[str, str]]] = {}


class Mistake(AssertionError):
    """A learner's answer is wrong in a way the check can explain.

    It is an AssertionError so nbgrader counts the test cell as failed, exactly as it
    would for a bare ``assert``. ``unanswered`` is True when the answer is still the released
    stub (it raises NotImplementedError): nothing is wrong yet, the exercise is not done.
    """

    unanswered = False

    def _render_traceback_(self) -> list[str]:
        """What IPython shows when a Mistake fails a cell (Validate, the autograded notebook): its
        name in red and its message, without the traceback into the course's checks, which
        would only push the message down."""
        return [f"\x1b[0;31m{type(self).__name__}\x1b[0m: {self}"]


# --- checks' building blocks -------------------------------------------------------------------


def expect(condition: bool, message: str) -> None:
    """Raise a :class:`Mistake` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise Mistake(message)


def shown(value) -> str:
    """A value as a learner reads it in a message: numbers as plain Python shows them (2.8, not
    np.float64(2.8)), anything else as its repr cut to 60 characters."""
    if is_number(value):
        return repr(value.item() if hasattr(value, "item") else value)
    return f"{value!r:.60}"


def call(function: Callable, *args, advice: str = "", may_change: Sequence[int] = ()):
    """Call the learner's function, turning its exceptions into explanations.

    A released stub raises NotImplementedError; any other exception is a bug in the
    learner's code, reported with the call that triggered it (so they can reproduce it)
    and with ``advice`` when the check knows the usual cause. A function that changes the data it
    was given (a frame, a series, an array, a list, a dict, a set or a tensor) is told so, whatever
    the exercise: in a notebook that data is shared by every later cell, so an answer that changes it
    breaks other exercises. The function works on copies of that data, so a check's own inputs
    (often shared by several checks) stay as they were whatever it does. ``may_change`` lists the
    positions of arguments the exercise's text asks the function to change in place: those are
    passed as they are.
    """
    name = getattr(function, "__name__", None) or f"your {type(function).__name__}"
    arguments = ", ".join(_argument(a) for a in args)
    if len(arguments) > 80:
        arguments = arguments[:77] + "..."
    copies = _snapshots(args, may_change)
    watched = [i for i, copied in copies.items() if _unchanged(args[i], copied)]
    passed = tuple(copies.get(i, value) for i, value in enumerate(args))
    try:
        result = function(*passed)
    except NotImplementedError:
        stub = Mistake(f"`{name}` still raises NotImplementedError: replace the line "
                       "`raise NotImplementedError()` with your own code.")
        stub.unanswered = True
        raise stub from None
    except Exception as error:  # any learner bug becomes feedback
        detail = f"`{name}({arguments})` raised {type(error).__name__}: {str(error).rstrip('.')}"
        raise Mistake(f"{detail}. {advice}" if advice else detail) from None
    for i in watched:
        parameter = _parameter_name(function, i)
        kind = next(word for data, word in _data_words().items() if isinstance(args[i], data))
        copying = f"{parameter} = {parameter}.{'clone' if kind == 'tensor' else 'copy'}()"
        expect(_unchanged(args[i], passed[i]),
               f"your function changed the {kind} `{parameter}` it was given: work on a copy "
               f"(`{copying}`) and return the result, so that later exercises still see the data unchanged.")
    return result


def _argument(value) -> str:
    """An argument as a message shows it on one line: a table or an array by its kind and shape (its
    repr spans many lines), anything else by its repr."""
    if isinstance(value, pd.DataFrame | pd.Series | np.ndarray):
        shape = " × ".join(str(size) for size in value.shape)
        return f"<{_DATA_WORDS.get(type(value), type(value).__name__)} {shape}>"
    return " ".join(repr(value).split())


#: The kinds of argument :func:`call` watches for changes made in place, as a learner calls them.
_DATA_WORDS = {pd.DataFrame: "DataFrame", pd.Series: "Series", np.ndarray: "array", list: "list",
               dict: "dict", set: "set"}


def _data_words() -> dict:
    """:data:`_DATA_WORDS`, with PyTorch's tensors once a notebook has imported torch (checks never
    import it themselves: it takes seconds and most units do not use it)."""
    torch = sys.modules.get("torch")
    return {**_DATA_WORDS, torch.Tensor: "tensor"} if torch is not None else _DATA_WORDS


def _parameter_name(function: Callable, position: int) -> str:
    """The name of the learner's parameter at ``position`` ("argument 2" when it cannot be read)."""
    import inspect

    try:
        return list(inspect.signature(function).parameters)[position]
    except (TypeError, ValueError, IndexError):
        return f"argument {position + 1}"


def _snapshots(args: tuple, may_change: Sequence[int]) -> dict:
    """Position -> a deep copy (a frame's values, a list's items) of each data argument the function may
    not change: what :func:`call` hands the function instead of the argument itself."""
    return {i: value.copy(deep=True) if isinstance(value, pd.DataFrame | pd.Series) else copy.deepcopy(value)
            for i, value in enumerate(args)
            if i not in may_change and isinstance(value, tuple(_data_words()))}


def _unchanged(kept, value) -> bool:
    """Whether ``value`` still holds what the copy ``kept`` holds. Data that cannot be compared (a list of
    models, which equal only themselves) counts as unchanged: only a change that can be shown is told."""
    try:
        return same_values(kept, value)
    except Exception:  # an item whose comparison fails says nothing about the learner's function
        return True


def expect_type(value, types, what: str) -> None:
    """Raise a :class:`Mistake` unless ``value`` is one of ``types`` (bool never counts as a number)."""
    types = types if isinstance(types, tuple) else (types,)
    wanted = " or ".join(t.__name__ for t in types)
    expect(
        isinstance(value, types) and not (isinstance(value, bool) and bool not in types),
        f"{what} should be {_article(wanted)}, but it is {_article(type(value).__name__)} ({value!r:.60}).",
    )


def _article(noun: str) -> str:
    """``noun`` with "a" or "an" before it, as a reader says it: "an int", "an ndarray", "a float"."""
    return ("an " if noun[:1].lower() in "aeiou" or noun.startswith("nd") else "a ") + noun


def is_number(value) -> bool:
    """True for a real number, Python's or NumPy's; never for a bool (``True + True == 2``)."""
    return (isinstance(value, (int, float, np.integer, np.floating))
            and not isinstance(value, (bool, np.bool_)))


def is_integer(value) -> bool:
    """True for an integer, Python's or NumPy's; never for a bool."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def same_numbers(actual, expected, rtol: float = 1e-6, atol: float = 1e-9, equal_nan: bool = False) -> bool:
    """Whether two numbers or arrays of numbers (any container) have one shape and close values; False
    when either cannot be read as numbers, so a check can compare a learner's result before judging it."""
    try:
        actual, expected = np.asarray(actual, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    return actual.shape == expected.shape and bool(
        np.allclose(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan))


def pipeline_steps(model) -> list:
    """The estimators of a Pipeline in order, or ``[model]`` for a lone estimator (what a check looks at)."""
    from sklearn.pipeline import Pipeline

    return [step for _, step in model.steps] if isinstance(model, Pipeline) else [model]


def close_for_dtype(actual, expected, dtype=None) -> bool:
    """Whether ``actual`` is ``expected`` up to the roundings of ``actual``'s float type (its ``dtype``,
    or ``dtype``): float32 or float16 answers are as valid as float64 ones where the text asks for no
    particular type, so they are held to what their type can hold, not to float64's precision."""
    kind = np.dtype(dtype if dtype is not None else getattr(actual, "dtype", np.float64))
    resolution = np.finfo(kind).resolution if kind.kind == "f" else np.finfo(np.float64).resolution
    rtol = max(1e-9, 100 * resolution)  # float64: 1e-9; float32: 1e-4; float16: 0.1
    return bool(np.allclose(actual, expected, rtol=rtol, atol=rtol / 10))


def expect_number(value, what: str) -> float:
    """``value`` as a float, or a :class:`Mistake` saying that ``what`` should be one number."""
    expect(is_number(value),
           f"{what} should be a number, but it is {_article(type(value).__name__)} ({value!r:.60}).")
    return float(value)


def expect_integer(value, what: str) -> int:
    """``value`` as an int, or a :class:`Mistake` saying that ``what`` should be a whole number."""
    expect(is_integer(value),
           f"{what} should be an integer, but it is {_article(type(value).__name__)} ({value!r:.60}).")
    return int(value)


def expect_pair(value, what: str, names: str, part: Callable = expect_number) -> tuple:
    """The two parts of a returned pair such as ``(low, high)``, each checked by ``part``.

    A tuple, a list or a 1-D array of two items all count as a pair; ``names`` says what the
    two parts are, as the exercise text names them.
    """
    pair = (isinstance(value, (tuple, list)) and len(value) == 2) or (
        isinstance(value, np.ndarray) and value.shape == (2,))
    expect(pair,
           f"{what} should return a pair {names}, for example `return first, second`; "
           f"got {_article(type(value).__name__)} ({value!r:.60}).")
    return tuple(part(item, f"each part of {names} from {what}") for item in value)


def expect_array(value, what: str, shape: tuple | None = None, kind: str | None = None) -> np.ndarray:
    """``value`` as a NumPy array of ``shape`` whose dtype is of ``kind`` ("f" float, "i" integer,
    "b" bool, as :attr:`numpy.dtype.kind`), or a :class:`Mistake` naming what differs."""
    expect_type(value, np.ndarray, what)
    if shape is not None:
        expect(value.shape == tuple(shape),
               f"{what} should have shape {tuple(shape)}, but it has {value.shape}.")
    if kind is not None:
        names = {"f": "float", "i": "integer", "b": "bool"}
        ok = value.dtype.kind in ("iu" if kind == "i" else kind)
        expect(ok, f"{what} should hold {names.get(kind, kind)} values, but its dtype is {value.dtype}.")
    return value


def same_values(before, after) -> bool:
    """True if ``after`` still holds exactly what ``before`` held: same type, shape, labels and values.

    Works for the inputs checks hand to learners: NumPy arrays, pandas frames and series (with
    their column names and index), and plain Python containers.
    """
    if type(before) is not type(after):
        return False
    if type(before).__name__ == "Tensor" and hasattr(before, "detach"):  # a PyTorch tensor
        return same_values(before.detach().cpu().numpy(), after.detach().cpu().numpy())
    if isinstance(before, np.ndarray):
        return before.shape == after.shape and before.dtype == after.dtype and np.array_equal(
            before, after, equal_nan=before.dtype.kind in "fc")
    if hasattr(before, "equals") and hasattr(before, "index"):  # a pandas DataFrame or Series
        names = (list(getattr(before, "columns", [])) == list(getattr(after, "columns", []))
                 and getattr(before, "name", None) == getattr(after, "name", None))
        return names and before.index.equals(after.index) and before.equals(after)
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(same_values(before[k], after[k]) for k in before)
    if isinstance(before, (list, tuple)):
        return len(before) == len(after) and all(same_values(b, a) for b, a in zip(before, after))
    if isinstance(before, float) and math.isnan(before):
        return math.isnan(after)
    return bool(before == after)


def expect_unchanged(original, argument, name: str,
                     advice: str = "build and return a new one instead") -> None:
    """A :class:`Mistake` if the learner's function changed the argument ``name`` it was given.

    ``original`` is a copy taken before the call. Changing an input in place is the usual way
    one exercise breaks another, since the notebook's data is shared by every later cell.
    """
    expect(same_values(original, argument), f"your function changed the {name} it was given: {advice}.")


# --- the exercise itself -------------------------------------------------------------------------


@dataclass(frozen=True)
class Exercise:
    """One graded exercise: its name in the notebook, hints from gentle to explicit, a visible check.

    The course's convention is that every graded answer is a function the learner writes, so
    the released stub still defines the name and the check can say "still raises
    NotImplementedError" instead of failing with a NameError. ``checker`` receives that
    function and raises :class:`Mistake` with a specific message when something is wrong.
    ``skill`` is one of :data:`SKILLS`: the skill this exercise proves.
    """

    assignment: str
    name: str
    title: str
    skill: str
    hints: Sequence[str]
    checker: Callable[[Callable], None]

    def __post_init__(self):
        if self.skill not in SKILLS:
            raise ValueError(f"{self.name}: skill {self.skill!r} is not one of {SKILLS}")
        if len(self.hints) < 2:
            raise ValueError(f"{self.name}: give at least two hints, from gentle to explicit")

    def check(self, function: Callable) -> None:
        """Run the visible checks and say what they found.

        In a learner's own kernel the answer is shown in a box (correct, incorrect, not answered
        yet) and nothing is raised, so the notebook runs on to the next exercise. Under nbgrader
        and outside IPython a confirmation is printed or a :class:`Mistake` raised, failing the cell.
        Either way the result is kept for :func:`summary`.
        """
        try:
            expect(
                callable(function),
                f"pass your function itself, not the result of calling it "
                f"(write `{self.name}.check(my_function)`, without parentheses after the name).",
            )
            self.checker(function)
        except Mistake as mistake:
            status = NOT_ANSWERED if mistake.unanswered else INCORRECT
            self._keep(status, str(mistake))
            message = f"{self.name} ({self.title}): {mistake}"
            if _in_learners_kernel():
                _display(*_check_box(self, status, message))
                return
            failure = Mistake(message)
            failure.unanswered = mistake.unanswered
            raise failure from None
        self._keep(PASSED, "")
        if _in_learners_kernel():
            _display(*_check_box(self, PASSED, ""))
            return
        print(f"✓ {self.name} ({self.title}): the visible checks pass. "
              "The hidden tests check more cases when your work is graded.")

    def _keep(self, status: str, message: str) -> None:
        """Record this check's result for :func:`summary`, as the latest of this exercise."""
        checks = LAST_CHECKS.pop(self.assignment, {})  # put back last: the latest assignment checked
        checks[self.name] = (status, message)
        LAST_CHECKS[self.assignment] = checks

    def hint(self, level: int = 1) -> None:
        """Print hint number ``level`` (1 = gentlest) and say whether a stronger one exists."""
        level = max(1, min(level, len(self.hints)))
        print(f"Hint {level} of {len(self.hints)} for {self.name} ({self.title}):")
        print(self.hints[level - 1])
        if level < len(self.hints):
            print(f"Still stuck? Try {self.name}.hint({level + 1}).")


def exercise(title: str, skill: str, hints: Sequence[str]) -> Callable[[Callable], Exercise]:
    """Declare an exercise on its visible check: ``@exercise(title, skill, hints=[...])`` over
    ``def qN(answer)``.

    The check function's name is the exercise's name in the notebook, and the module it is
    written in (``mlcourse.exercises.<assignment>``) names the assignment, so nothing is typed
    twice. The exercise is recorded in :data:`REGISTRY` (a module imported again replaces its own).
    """

    def declare(checker: Callable) -> Exercise:
        assignment = checker.__module__.rpartition(".")[2]
        declared = Exercise(assignment, checker.__name__, title, skill, tuple(hints), checker)
        REGISTRY.setdefault(assignment, {})[declared.name] = declared
        return declared

    return declare


# --- what a learner sees in their own kernel ------------------------------------------------------


def _in_ipython() -> bool:
    """True in IPython (a notebook's kernel); False in plain Python, where ``get_ipython()`` is None."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


def _in_learners_kernel() -> bool:
    """True in a learner's own IPython kernel: neither nbgrader (Validate, autograding), which sets
    ``NBGRADER_EXECUTION``, nor plain Python (tests, scripts)."""
    return not os.environ.get("NBGRADER_EXECUTION") and _in_ipython()


def _display(html_text: str, plain: str) -> None:
    """Show HTML in a notebook, with ``plain`` for a terminal or a frontend without HTML."""
    from IPython.display import display

    display({"text/html": html_text, "text/plain": plain}, raw=True)


#: status -> (symbol, text colour, background, border) of its box and of its row in the summary.
_LOOKS = {
    PASSED: ("✓", "#1b5e20", "#e8f5e9", "#43a047"),
    INCORRECT: ("✗", "#b71c1c", "#ffebee", "#e53935"),
    NOT_ANSWERED: ("…", "#0d47a1", "#e3f2fd", "#1e88e5"),
    NOT_RUN: ("·", "#424242", "#f5f5f5", "#9e9e9e"),
}

_HIDDEN_TESTS = "The hidden tests check more cases when your work is graded."


def _as_html(text: str) -> str:
    """``text`` escaped for HTML, its `code` spans (as checks write them) shown as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _box(status: str, content: str) -> str:
    """A Kaggle-Learn-like coloured box around ``content``, which is HTML already escaped."""
    _, colour, background, border = _LOOKS[status]
    return (f'<div style="color: {colour}; background: {background}; border-left: 4px solid {border}; '
            f'padding: 6px 12px; margin: 2px 0; line-height: 1.5;">{content}</div>')


def _check_box(exercise: Exercise, status: str, message: str) -> tuple[str, str]:
    """(HTML, plain text) of a check's result: ``message`` is the mistake, prefixed with the exercise."""
    if status == PASSED:
        plain = f"✓ Correct: {exercise.name} ({exercise.title}): the visible checks pass. {_HIDDEN_TESTS}"
        content = (f"<b>✓ Correct:</b> {_as_html(f'{exercise.name} ({exercise.title})')}<br>"
                   f"<small>The visible checks pass. {_HIDDEN_TESTS}</small>")
    elif status == NOT_ANSWERED:
        plain = f"Not answered yet: {message}"
        content = f"<b>Not answered yet:</b> {_as_html(message)}"
    else:
        stuck = f"Stuck? `{exercise.name}.hint()` gives a hint."
        plain = f"✗ Incorrect: {message}\n{stuck}"
        content = f"<b>✗ Incorrect:</b> {_as_html(message)}<br><small>{_as_html(stuck)}</small>"
    return _box(status, content), plain


def _current_assignment() -> str | None:
    """The assignment of the latest check run in this kernel, else the only one whose checks are imported."""
    if LAST_CHECKS:
        return next(reversed(LAST_CHECKS))
    return next(iter(REGISTRY)) if len(REGISTRY) == 1 else None


def _summary(assignment: str | None) -> tuple[str, str]:
    """(HTML, plain text) of :func:`summary`."""
    assignment = assignment or _current_assignment()
    exercises = REGISTRY.get(assignment, {}) if assignment else {}
    if not exercises:
        plain = ("No exercise has been checked in this kernel yet: run Kernel → Restart Kernel and "
                 "Run All Cells, then this cell again.")
        return _box(NOT_RUN, _as_html(plain)), plain
    checked = LAST_CHECKS.get(assignment, {})
    rows = [(exercise, *checked.get(name, (NOT_RUN, ""))) for name, exercise in exercises.items()]
    passed = sum(status == PASSED for _, status, _ in rows)
    headline = (f"{passed} of 1 exercise passes its visible checks" if len(rows) == 1
                else f"{passed} of {len(rows)} exercises pass their visible checks")
    plain_lines = [f"{headline} ({assignment}):"]
    html_rows = []
    for exercise, status, message in rows:
        symbol, colour, background, _ = _LOOKS[status]
        said = f"{status}: {message}" if message else status
        plain_lines.append(f"  {symbol} {exercise.name}  {exercise.title}: {said}")
        html_rows.append(
            f'<tr><td style="text-align: left;">{_as_html(exercise.name)}</td>'
            f'<td style="text-align: left;">{_as_html(exercise.title)}</td>'
            f'<td style="text-align: left; color: {colour}; background: {background}; white-space: nowrap;">'
            f"{symbol} {_as_html(status)}</td>"
            f'<td style="text-align: left;">{_as_html(message)}</td></tr>')
    plain_lines.append(_HIDDEN_TESTS)
    table = (f"<p><b>{_as_html(headline)}</b> ({_as_html(assignment)})</p>"
             '<table><thead><tr><th style="text-align: left;">Exercise</th><th style="text-align: left;">'
             'Task</th><th style="text-align: left;">Status</th><th style="text-align: left;">What the '
             f'check says</th></tr></thead><tbody>{"".join(html_rows)}</tbody></table>'
             f"<p><small>{_as_html(_HIDDEN_TESTS)}</small></p>")
    return table, "\n".join(plain_lines)


def summary(assignment: str | None = None) -> None:
    """Show how every exercise of the assignment fared in its latest check in this kernel.

    Each exercise is passed, incorrect, not answered (still the stub) or not run yet, with the
    count of those that pass, e.g. "4 of 6 exercises pass their visible checks". The assignment
    is the one of the latest check run (or the only one whose checks are imported); name it to
    choose another. A learner's own notebook shows a table; under nbgrader (whose feedback and
    Formgrader sanitize HTML away) and in plain Python the same is printed as text.
    """
    table, plain = _summary(assignment)
    if _in_learners_kernel():
        _display(table, plain)
    else:
        print(plain)
