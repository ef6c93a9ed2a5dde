"""The learner-facing side of a graded exercise: ``check()`` and ``hint()``.

Every graded exercise in the course is an :class:`Exercise`. Its visible test cell calls
``qN.check(answer)``; the learner can call ``qN.hint()`` at any time. A check looks at the
*kind* of answer (types, shapes, properties, the worked example in the exercise text) and
names the common mistake it recognises. It never holds the exact expected values: those live
only in the hidden tests of the source notebook, which learners never receive.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence


# The hard skills an ML internship asks for. Every graded exercise proves one of them, so the
# instructor's skills report can show each learner's mastery per skill from the gradebook.
PROGRAMMING = "programming"
STATISTICS = "statistics and mathematics"
DATA_HANDLING = "data handling"
ML_ALGORITHMS = "ML algorithms"
VISUALIZATION = "data visualization"
COMMUNICATION = "communication"
SKILLS = (PROGRAMMING, STATISTICS, DATA_HANDLING, ML_ALGORITHMS, VISUALIZATION, COMMUNICATION)


class Mistake(AssertionError):
    """A learner's answer is wrong in a way the check can explain.

    It is an AssertionError so nbgrader counts the test cell as failed, exactly as it
    would for a bare ``assert``.
    """


def expect(condition: bool, message: str) -> None:
    """Raise a :class:`Mistake` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise Mistake(message)


def call(function: Callable, *args, advice: str = ""):
    """Call the learner's function, turning its exceptions into explanations.

    A released stub raises NotImplementedError; any other exception is a bug in the
    learner's code, reported with the call that triggered it (so they can reproduce it)
    and with ``advice`` when the check knows the usual cause.
    """
    name = getattr(function, "__name__", "your function")
    shown = ", ".join(repr(a) for a in args)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    try:
        return function(*args)
    except NotImplementedError:
        raise Mistake(
            f"`{name}` still raises NotImplementedError: replace the line "
            "`raise NotImplementedError()` with your own code."
        ) from None
    except Exception as error:  # noqa: BLE001  (any learner bug becomes feedback)
        detail = f"`{name}({shown})` raised {type(error).__name__}: {error}"
        raise Mistake(f"{detail}. {advice}" if advice else detail) from None


def expect_type(value, types, what: str) -> None:
    """Raise a :class:`Mistake` unless ``value`` is one of ``types`` (bool never counts as a number)."""
    types = types if isinstance(types, tuple) else (types,)
    wanted = " or ".join(t.__name__ for t in types)
    expect(
        isinstance(value, types) and not (isinstance(value, bool) and bool not in types),
        f"{what} should be a {wanted}, but it is a {type(value).__name__} ({value!r:.60}).",
    )


@dataclass(frozen=True)
class Exercise:
    """One graded exercise: its name in the notebook, hints from gentle to explicit, a visible check.

    The course's convention is that every graded answer is a function the learner writes, so
    the released stub still defines the name and the check can say "still raises
    NotImplementedError" instead of failing with a NameError. ``checker`` receives that
    function and raises :class:`Mistake` with a specific message when something is wrong.
    ``skill`` is one of :data:`SKILLS`: the skill this exercise proves.
    """

    name: str
    title: str
    hints: Sequence[str]
    checker: Callable[[Callable], None]
    skill: str

    def __post_init__(self):
        if self.skill not in SKILLS:
            raise ValueError(f"{self.name}: skill {self.skill!r} is not one of {SKILLS}")

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
