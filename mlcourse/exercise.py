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
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "COMMUNICATION", "DATA_HANDLING", "ML_ALGORITHMS", "PROGRAMMING", "SKILLS", "STATISTICS", "VISUALIZATION",
    "Exercise", "Mistake", "REGISTRY", "call", "exercise", "expect", "expect_array", "expect_integer",
    "expect_number", "expect_pair", "expect_type", "expect_unchanged", "is_integer", "is_number",
    "same_values", "shown",
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


class Mistake(AssertionError):
    """A learner's answer is wrong in a way the check can explain.

    It is an AssertionError so nbgrader counts the test cell as failed, exactly as it
    would for a bare ``assert``.
    """


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


def call(function: Callable, *args, advice: str = ""):
    """Call the learner's function, turning its exceptions into explanations.

    A released stub raises NotImplementedError; any other exception is a bug in the
    learner's code, reported with the call that triggered it (so they can reproduce it)
    and with ``advice`` when the check knows the usual cause.
    """
    name = getattr(function, "__name__", "your function")
    arguments = ", ".join(repr(a) for a in args)
    if len(arguments) > 80:
        arguments = arguments[:77] + "..."
    try:
        return function(*args)
    except NotImplementedError:
        raise Mistake(
            f"`{name}` still raises NotImplementedError: replace the line "
            "`raise NotImplementedError()` with your own code."
        ) from None
    except Exception as error:  # any learner bug becomes feedback
        detail = f"`{name}({arguments})` raised {type(error).__name__}: {error}"
        raise Mistake(f"{detail}. {advice}" if advice else detail) from None


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
        """Run the visible checks; print a confirmation or raise a :class:`Mistake`."""
        try:
            expect(
                callable(function),
                f"pass your function itself, not the result of calling it "
                f"(write `{self.name}.check(my_function)`, without parentheses after the name).",
            )
            self.checker(function)
        except Mistake as mistake:
            raise Mistake(f"{self.name} ({self.title}): {mistake}") from None
        print(f"✓ {self.name} ({self.title}): the visible checks pass. "
              "The hidden tests check more cases when your work is graded.")

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
