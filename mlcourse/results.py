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

A hidden test never hands the notebook's own variables to a learner's function: an earlier answer
may have changed them in place (``dropna(inplace=True)``), and a function that changes what it is
given would change what later tests see. :func:`given` returns a fresh copy of a variable as the
assignment's setup cell left it: when a unit's checks are imported (the setup cell does it), the
values the cell defines are copied once it has run, before any learner's code.
"""

from __future__ import annotations

import copy
import datetime
import math
import types
from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["HIDDEN_LABELS", "MAX_ITEMS", "METRICS", "RESULT_MIME", "encode", "given", "keep_setup", "record"]

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


def given(name: str):
    """A fresh copy of the notebook variable ``name`` as the setup cell left it (see the module's docstring).

    A variable the setup cell did not define (one a later, provided cell defines) is copied as it is
    now. Each call returns a new copy, so what one call of a learner's function does to it reaches
    nothing else.
    """
    if name in _SETUP:
        return copy.deepcopy(_SETUP[name])
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or name not in shell.user_ns:
        raise NameError(f"the notebook defines no variable {name!r} for the hidden tests")
    return copy.deepcopy(shell.user_ns[name])


#: name -> a copy of each value the setup cell defined, taken right after it ran (:func:`keep_setup`).
_SETUP: dict = {}
_SKIPPED = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type)


def keep_setup() -> None:
    """Copy every variable of the running notebook once the current cell has run (the setup cell,
    which imports the unit's checks), for :func:`given`. Outside IPython, or when already arranged,
    it does nothing. Values that cannot be copied (a database connection) are left out."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every Jupyter install
        return
    shell = get_ipython()
    if shell is None or _SETUP or getattr(keep_setup, "armed", False):
        return

    def copy_setup(result=None):
        shell.events.unregister("post_run_cell", copy_setup)
        hidden = getattr(shell, "user_ns_hidden", {})
        for name, value in list(shell.user_ns.items()):
            if name.startswith("_") or name in hidden or isinstance(value, _SKIPPED):
                continue
            try:
                _SETUP[name] = copy.deepcopy(value)
            except Exception:  # a connection, a generator: a hidden test builds such inputs itself
                continue

    keep_setup.armed = True
    shell.events.register("post_run_cell", copy_setup)


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
