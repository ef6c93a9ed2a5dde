"""What a hidden test hands the grader: the learner's results on the hidden inputs, as plain data.

A graded kernel runs the learner's code first, so nothing decided inside it can be trusted: an
answer can return an object equal to anything, patch ``numpy.testing``, or wrap later cells in
``try``. So a hidden test decides nothing. It calls the learner's functions on the hidden inputs
and passes each result to :func:`record`, which turns it into plain JSON (numbers, strings,
lists; frames and series as their index and values) and shows it as an output of type
:data:`RESULT_MIME`. The grading process reads those outputs, compares them with the values the
reference solution recorded when the assignment was released, with the tolerances given here,
and marks the test cell passed or failed (:mod:`mlcourse.instructor.decide`). The expected
values never enter the kernel; an object of an unexpected type is recorded as unsupported and
never matches.

Where an exercise leaves the model to the learner, a result is judged by its quality rather than
its value: ``record(name, predictions, metric="roc_auc", at_least=0.87, truth=...)``. The grader
scores the predictions itself, against the truth the *reference* run recorded (so no patched
metric function in the kernel counts). ``truth="competition"`` stands for the capstone's hidden test
labels, which no kernel ever holds: the predictions are then a Series indexed by test id.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["HIDDEN_LABELS", "MAX_ITEMS", "METRICS", "RESULT_MIME", "encode", "record"]

RESULT_MIME = "application/vnd.mlcourse.result+json"
#: Scores the grader can compute from recorded predictions and a recorded truth.
METRICS = ("roc_auc", "r2")
#: The truth of predictions for the capstone's test people: their labels, held by the instructor alone.
HIDDEN_LABELS = "competition"
#: Values a single record may hold; a larger result is recorded as unsupported (hidden tests record
#: summaries: shapes, a few rows, scores).
MAX_ITEMS = 200_000
_MAX_DEPTH = 12


def record(name: str, value, *, rtol: float = 1e-6, atol: float = 1e-9, unordered: bool = False,
           metric: str | None = None, at_least: float | None = None, truth=None) -> None:
    """Hand ``value`` to the grader as the result called ``name`` of this test cell.

    ``rtol``/``atol`` are the tolerances numbers are compared with, and ``unordered`` compares a list
    as a multiset. With ``metric`` (one of :data:`METRICS`), ``value`` holds predictions that pass when
    their score against ``truth`` (true targets, or :data:`HIDDEN_LABELS`) is at least ``at_least``.
    The grader takes all of these from the reference solution's run, never from a learner's.
    """
    from IPython.display import display

    data = {"name": str(name), "value": encode(value), "rtol": rtol, "atol": atol, "unordered": unordered}
    if metric is not None:
        data.update(metric=metric, at_least=at_least,
                    truth=truth if isinstance(truth, str) else encode(truth))
    display({RESULT_MIME: data, "text/plain": f"recorded {name!s} for the grader"}, raw=True)


def encode(value):
    """``value`` as plain JSON data, with a tagged form for what JSON lacks (see :func:`record`)."""
    return _Encoder().encode(value, 0)


class _Encoder:
    """Counts the items encoded, so a huge or self-referencing result stops early."""

    def __init__(self):
        self.left = MAX_ITEMS

    def encode(self, value, depth: int):
        self.left -= 1
        if self.left < 0 or depth > _MAX_DEPTH:
            return {"$unsupported": "a result too large or too deeply nested"}
        for kinds, encoder in self._table():
            if isinstance(value, kinds):
                return encoder(value, depth + 1)
        return {"$unsupported": f"{type(value).__module__}.{type(value).__qualname__}"}

    def _table(self):
        many = self.many
        return [
            ((bool, np.bool_), lambda v, d: bool(v)),
            ((int, np.integer), lambda v, d: int(v)),
            ((float, np.floating), lambda v, d: _number(float(v))),
            ((str,), lambda v, d: str(v)),
            ((type(None), type(pd.NA), type(pd.NaT)), lambda v, d: None),
            ((pd.DataFrame,), lambda v, d: {"$frame": {
                "columns": many(list(v.columns), d), "index": many(list(v.index), d),
                "values": [many(list(v.iloc[:, i]), d) for i in range(v.shape[1])]}}),
            ((pd.Series,), lambda v, d: {"$series": {"index": many(list(v.index), d),
                                                     "values": many(list(v), d)}}),
            ((np.ndarray,), lambda v, d: many(v.view(np.ndarray).tolist(), d) if v.dtype.kind in "biuf"
             else many(list(v.view(np.ndarray)), d)),
            ((list, tuple, range, pd.Index), lambda v, d: many(list(v), d)),
            ((set, frozenset), lambda v, d: {"$set": sorted(many(list(v), d), key=repr)}),
            ((Mapping,), lambda v, d: {"$map": sorted(([self.encode(k, d), self.encode(x, d)]
                                                       for k, x in v.items()), key=repr)}),
            ((datetime.date, np.datetime64), lambda v, d: {"$time": pd.Timestamp(v).isoformat()}),
        ]

    def many(self, values: list, depth: int) -> list:
        return [self.encode(item, depth) for item in values]


def _number(value: float):
    """A float as JSON: itself when finite, else a tagged string (JSON has no NaN or infinity)."""
    return value if math.isfinite(value) else {"$float": repr(value)}
