"""Every assignment's exercises, by name: the explicit list the instructor's tools look exercises up in.

A learner's notebook imports only its own assignment's module; the instructor's tools (the
skills report, the tests) import this catalog, which imports each module once and so fills
:data:`mlcourse.exercise.REGISTRY`. A new unit adds its module to the import below.
"""

from __future__ import annotations

from mlcourse.exercise import REGISTRY, Exercise
from mlcourse.exercises import (  # noqa: F401  (imported for the exercises they declare)
    capstone,
    computer_vision,
    data_handling,
    deep_learning,
    ensembles,
    interpretation_fairness,
    linear_models,
    model_evaluation,
    python_for_ml,
    recommender_systems,
    reinforcement_learning,
    scientific_python,
    sql,
    stats_linear_algebra,
    supervised_learning,
    text_classification,
    unsupervised_learning,
    visualization,
)

__all__ = ["exercises", "find"]


def exercises(assignment: str) -> dict[str, Exercise]:
    """The exercises of ``assignment`` by name (``{}`` for an assignment with no check module)."""
    return dict(REGISTRY.get(assignment, {}))


def find(assignment: str, name: str) -> Exercise | None:
    """One exercise, or None if ``assignment`` declares no exercise called ``name``."""
    return REGISTRY.get(assignment, {}).get(name)
