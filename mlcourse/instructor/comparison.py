"""Compare a learner's recorded result with the reference's, in the grading process.

Both sides are plain data made by :func:`mlcourse.results.encode`, so nothing of the learner's
code runs here: no ``__eq__`` of theirs, no patched helper. Numbers match within the tolerances
the exercise allows (integers on both sides exactly; a learner's float32 numbers within what float32
can hold, when the exercise allows less); a missing value (None, NaN, ``pd.NA``) matches
only a missing value; strings, booleans and labels match exactly; lists, maps, series and frames
match part by part. A bool is not a number here, and an unsupported object never matches.
"""

from __future__ import annotations

import json
import math

import numpy as np

__all__ = ["FLOAT32_ATOL", "FLOAT32_RTOL", "matches", "score"]


def matches(expected, actual, rtol: float = 1e-6, atol: float = 1e-9, unordered: bool = False) -> bool:
    """Whether ``actual`` is ``expected`` up to the tolerances; ``unordered`` compares lists as multisets."""
    try:
        if unordered and isinstance(expected, list) and isinstance(actual, list):
            expected, actual = sorted(expected, key=_canonical), sorted(actual, key=_canonical)
        return _Same(rtol, atol).same(expected, actual)
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        return False  # a malformed record, forged by hand: never a match


#: Tolerances a number computed in single precision is held to, where the exercise's own are tighter: a
#: few float32 roundings, not a mistake (a float32 z-score is off by about 1e-7; using n instead of n - 1
#: for a standard deviation is off by 5e-5 even with 10,000 values).
FLOAT32_RTOL, FLOAT32_ATOL = 1e-5, 1e-6


def _single_precision(value) -> bool:
    """Whether ``value`` came from float32 (or float16): a fraction that float32 holds exactly, which a
    float64 computation almost never yields (about one result in 500 million)."""
    return (isinstance(value, float) and math.isfinite(value) and not value.is_integer()
            and float(np.float32(value)) == value)


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True)


def _is_missing(value) -> bool:
    return value is None or value == {"$float": "nan"}


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Same:
    def __init__(self, rtol: float, atol: float):
        self.rtol, self.atol = rtol, atol

    def same(self, expected, actual) -> bool:
        if _is_missing(expected) or _is_missing(actual):
            return _is_missing(expected) and _is_missing(actual)
        if _is_number(expected):
            return _is_number(actual) and self._close(expected, actual)
        if isinstance(expected, bool | str):
            return type(actual) is type(expected) and actual == expected
        if isinstance(expected, list):
            return self.all_same(expected, actual)
        if isinstance(expected, dict) and isinstance(actual, dict) and len(expected) == 1:
            (tag, inner), other = next(iter(expected.items())), actual.get(next(iter(expected)))
            return other is not None and len(actual) == 1 and self._tagged(tag, inner, other)
        return False

    def all_same(self, expected, actual) -> bool:
        return (isinstance(actual, list) and len(actual) == len(expected)
                and all(self.same(e, a) for e, a in zip(expected, actual, strict=True)))

    def _close(self, expected, actual) -> bool:
        if isinstance(expected, int) and isinstance(actual, int):
            return expected == actual
        rtol, atol = self.rtol, self.atol
        if (rtol or atol) and _single_precision(actual):  # a float32 answer: as close as float32 can be
            rtol, atol = max(rtol, FLOAT32_RTOL), max(atol, FLOAT32_ATOL)
        return math.isclose(actual, expected, rel_tol=rtol, abs_tol=atol)

    def _tagged(self, tag: str, expected, actual) -> bool:
        exact = _Same(0.0, 0.0)
        if tag in ("$float", "$time"):
            return expected == actual
        if tag == "$set":
            return exact.all_same(expected, actual)
        if tag == "$map":
            if not isinstance(actual, list) or len(actual) != len(expected):
                return False
            found = {_canonical(key): value for key, value in actual}
            return all(_canonical(key) in found and self.same(value, found[_canonical(key)])
                       for key, value in expected)
        if tag in ("$series", "$frame") and isinstance(actual, dict):
            labels = [part for part in ("index", "columns") if part in expected]
            return (all(exact.same(expected[part], actual.get(part)) for part in labels)
                    and self.same(expected["values"], actual.get("values")))
        return False  # "$unsupported", or a tag the reference never makes


def score(metric: str, truth, predictions) -> float | None:
    """The ``metric`` of recorded ``predictions`` (a list, or a series of the very labels of ``truth``'s)
    against the reference's ``truth``, computed here; None if they are not numbers of that shape."""
    from sklearn.metrics import r2_score, roc_auc_score

    truth_values, predicted = _values(truth), _values(predictions)
    if isinstance(truth, dict) and not (isinstance(predictions, dict) and predictions.get("$series", {}).get(
            "index") == truth["$series"]["index"]):
        return None
    try:
        expected = np.asarray(truth_values, dtype=float)
        got = np.asarray(predicted, dtype=float)
    except (TypeError, ValueError):
        return None
    if got.shape != expected.shape or got.ndim != 1 or not np.isfinite(got).all():
        return None
    try:
        return float({"roc_auc": roc_auc_score, "r2": r2_score}[metric](expected, got))
    except (KeyError, ValueError):
        return None


def _values(encoded):
    """The plain numbers of an encoded list or series (anything else: something that is not a list)."""
    if isinstance(encoded, dict):
        series = encoded.get("$series")
        return series.get("values") if isinstance(series, dict) else None
    return encoded
