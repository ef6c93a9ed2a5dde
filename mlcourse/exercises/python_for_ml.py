"""Checks and hints for the assignment "Python for machine learning" (source/python_for_ml).

Each check runs the learner's function on small hand-made inputs, the kind shown in the
exercise text, and names the usual mistake. The exact values on the real penguin data are
checked only by the hidden tests.
"""

import math

import numpy as np

from mlcourse.exercise import (
    DATA_HANDLING,
    PROGRAMMING,
    Mistake,
    call,
    close_for_dtype,
    exercise,
    expect,
    expect_type,
)

__all__ = ["Mistake", "q1", "q2", "q3", "q4", "q5", "q6"]


@exercise("convert grams to kilograms", PROGRAMMING, hints=[
    "Divide by the number of grams in a kilogram. What should happen when the value is None?",
    "Start with `if grams is None: return None`, then return the converted value.",
])
def q1(mass_kg):
    kilos = call(mass_kg, 3750)
    expect_type(kilos, (int, float), "mass_kg(3750)")
    expect(kilos != 3750 * 1000, "mass_kg(3750) gave 3750000: there are 1000 grams in a kilogram, so divide.")
    expect(math.isclose(kilos, 3.75),
           f"mass_kg(3750) should be 3.75 (the example in the exercise), not {kilos!r}.")
    missing = call(mass_kg, None,
                   advice="A missing measurement must come back as None: test `grams is None` first.")
    expect(missing is None, f"mass_kg(None) should return None for a missing measurement, not {missing!r}.")


@exercise("keep complete rows", PROGRAMMING, hints=[
    "A list comprehension with a condition keeps the rows you want: `[row for row in rows if ...]`.",
    "`all(...)` over a generator checks every column at once. Compare with `is not None`: "
    "a value of 0 is falsy but not missing.",
])
def q2(complete_rows):
    rows = [{"a": 1, "b": 2}, {"a": None, "b": 2}, {"a": 0, "b": None}, {"a": 0, "b": 5}]
    original = [dict(row) for row in rows]
    kept = call(complete_rows, rows, ["a", "b"])
    expect_type(kept, list, "complete_rows(...)")
    expect(rows == original, "your function changed the rows it was given: build a new list instead.")
    expect(all(isinstance(row, dict) for row in kept), "each kept row should be the original dict.")
    expect(rows[3] in kept, "a row whose value is 0 was dropped: 0 is a real measurement, "
           "so test `row[column] is None`, not the row's truthiness.")
    expect(rows[2] not in kept, "a row with None in column 'b' was kept: check every column in `columns`.")
    expect(rows[1] not in kept, "a row with None in column 'a' was kept.")
    expect(kept == [rows[0], rows[3]], f"expected 2 rows, in their original order; got {len(kept)}.")
    expect(call(complete_rows, rows, ["a"]) == [rows[0], rows[2], rows[3]],
           "with columns=['a'] only the column 'a' should decide which rows are complete.")


@exercise("count values with a dict", PROGRAMMING, hints=[
    "Start from an empty dict and add 1 to the count of each value you meet.",
    "`counts[value] = counts.get(value, 0) + 1` counts without a KeyError; skip the row when value is None.",
])
def q3(count_by):
    rows = [{"kind": "x"}, {"kind": "y"}, {"kind": "x"}, {"kind": None}]
    counts = call(count_by, rows, "kind")
    expect_type(counts, dict, "count_by(...)")
    expect(None not in counts, "missing values (None) must not be counted: skip rows whose value is None.")
    expect(set(counts) == {"x", "y"},
           f"the keys should be the values found in the column, got {sorted(counts)}.")
    expect(counts["x"] == 2 and counts["y"] == 1,
           f"each count should be the number of rows with that value; got {counts}.")


@exercise("mean per group", PROGRAMMING, hints=[
    "Keep two dicts, one for the sums and one for the counts, keyed by group.",
    "Skip a row when its group or its value is None; at the end divide each sum by its count.",
])
def q4(mean_by):
    rows = [{"g": "a", "v": 1}, {"g": "a", "v": None}, {"g": "a", "v": 3}, {"g": "b", "v": 4},
            {"g": None, "v": 10}]
    means = call(mean_by, rows, "g", "v", advice="Rows whose value is None must be skipped before adding.")
    expect_type(means, dict, "mean_by(...)")
    expect(None not in means, "rows whose group is missing (None) must be skipped, not grouped under None.")
    expect(set(means) == {"a", "b"}, f"the keys should be the groups, got {sorted(means, key=str)}.")
    for group in means:
        expect_type(means[group], (int, float), f"the mean of group {group!r}")
    expect(not math.isclose(means["a"], 4 / 3),
           "you divided by the number of rows including those whose value is missing: "
           "count only the values you added.")
    expect(math.isclose(means["a"], 2.0) and math.isclose(means["b"], 4.0),
           f"the mean of a group is the sum of its values divided by how many there are; got {means}.")


@exercise("clean one text field", DATA_HANDLING, hints=[
    "Strip the spaces first with `.strip()`; then decide whether the text is missing, a number, or a word.",
    "`float(text)` raises ValueError for a word: catch it with try/except and return the text instead.",
])
def q5(clean_value):
    missing = call(clean_value, "NA",
                   advice="Missing values written as 'NA' or '' must become None before any float().")
    expect(missing is None, f"clean_value('NA') should be None (a missing value), not {missing!r}.")
    expect(call(clean_value, "") is None,
           "clean_value('') should be None: an empty field is a missing value.")
    number = call(clean_value, " 39.1 ")
    expect_type(number, float, "clean_value(' 39.1 ')")
    expect(math.isclose(number, 39.1), f"clean_value(' 39.1 ') should be the number 39.1, got {number!r}.")
    word = call(clean_value, " Dream ")
    expect(word == "Dream", f"text that is not a number should come back stripped of spaces: got {word!r}.")


@exercise("standardize with NumPy", PROGRAMMING, hints=[
    "Turn the input into an array with `np.asarray(values, dtype=float)`; "
    "arithmetic then works on every value at once.",
    "A z-score is `(x - mean) / std`; `array.mean()` and `array.std()` give both.",
])
def q6(standardize):
    values = [1.0, 2.0, 3.0, 6.0]
    z = call(standardize, values)
    expect_type(z, np.ndarray, "standardize(...)")
    expect(z.shape == (4,), f"the result should have one value per input value: shape (4,), got {z.shape}.")
    expect(np.issubdtype(z.dtype, np.floating),
           f"z-scores are fractions, so the dtype should be float, got {z.dtype}.")
    expect(close_for_dtype(z.mean(), 0.0, z.dtype),
           f"z-scores should average 0 (subtract the mean); yours average {z.mean():.6g}.")
    expect(not close_for_dtype(z.std(ddof=1), 1.0, z.dtype),
           "you divided by the sample standard deviation (ddof=1); use np.std's default, ddof=0.")
    expect(close_for_dtype(z.std(), 1.0, z.dtype),
           f"z-scores should have standard deviation 1 (divide by the std); yours have {z.std():.6g}.")
